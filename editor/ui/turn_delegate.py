"""How one turn looks: its start time in a gutter, the speaker in their colour, the text wrapped.

The turn under the playhead gets a bar and a tint distinct from the selection; reviewed turns a
check mark. Row heights are measured once per text and width and cached, which keeps a
12,000-turn list quick to lay out.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from editor.core.model import Turn
from editor.core.timecode import format_clock
from editor.ui.turn_model import CurrentRole, SpeakerColorRole, SpeakerNameRole, TurnRole

GUTTER = 72
PAD = 7
CURRENT_BAR = 4
TEXT_FLAGS = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop


def _luminance(color: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(color.redF())
        + 0.7152 * channel(color.greenF())
        + 0.0722 * channel(color.blueF())
    )


def readable(color: QColor, background: QColor) -> QColor:
    """``color`` lightened or darkened until it reaches 3:1 contrast on ``background``."""
    dark_background = _luminance(background) < 0.5
    result = QColor(color)
    for _ in range(12):
        lighter, darker = sorted((_luminance(result), _luminance(background)), reverse=True)
        if (lighter + 0.05) / (darker + 0.05) >= 3.0:
            break
        result = result.lighter(125) if dark_background else result.darker(125)
    return result


class TurnDelegate(QStyledItemDelegate):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.width = 600
        self._heights: dict[tuple[int, str, int], int] = {}

    def set_width(self, width: int) -> None:
        self.width = max(200, width)

    def text_rect(self, rect: QRect, metrics: QFontMetrics) -> QRect:
        top = rect.top() + PAD + metrics.height() + 2
        return QRect(rect.left() + GUTTER, top, rect.width() - GUTTER - PAD, rect.bottom() - top)

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        turn: Turn | None = index.data(TurnRole)
        if turn is None:
            return QSize(self.width, 24)
        key = (turn.id, turn.text, self.width)
        height = self._heights.get(key)
        if height is None:
            metrics = option.fontMetrics
            wrap_width = max(50, self.width - GUTTER - PAD)
            bounds = metrics.boundingRect(QRect(0, 0, wrap_width, 1_000_000), TEXT_FLAGS, turn.text)
            height = PAD + metrics.height() + 2 + max(bounds.height(), metrics.height()) + PAD
            if len(self._heights) > 50_000:
                self._heights.clear()
            self._heights[key] = height
        return QSize(self.width, height)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        turn: Turn | None = index.data(TurnRole)
        if turn is None:
            return
        palette = option.palette
        rect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        current = bool(index.data(CurrentRole))
        painter.save()
        background = palette.color(QPalette.ColorRole.Base)
        if selected:
            background = palette.color(QPalette.ColorRole.Highlight)
        elif current:
            tint = QColor(palette.color(QPalette.ColorRole.Highlight))
            tint.setAlpha(45)
            painter.fillRect(rect, background)
            background = tint
        painter.fillRect(rect, background)
        if current:
            accent = palette.color(QPalette.ColorRole.Accent)
            painter.fillRect(QRect(rect.left(), rect.top(), CURRENT_BAR, rect.height()), accent)
        text_color = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        self._paint_time(painter, option, turn, text_color)
        self._paint_speaker(painter, option, index, turn, text_color, selected)
        painter.setPen(text_color)
        painter.setFont(option.font)
        painter.drawText(self.text_rect(rect, option.fontMetrics), TEXT_FLAGS, turn.text)
        painter.setPen(palette.color(QPalette.ColorRole.Midlight))
        painter.drawLine(rect.left() + GUTTER, rect.bottom(), rect.right() - PAD, rect.bottom())
        painter.restore()

    def _paint_time(
        self, painter: QPainter, option: QStyleOptionViewItem, turn: Turn, color: QColor
    ) -> None:
        dim = QColor(color)
        dim.setAlphaF(0.65)
        painter.setPen(dim)
        painter.setFont(option.font)
        label = format_clock(turn.start_ms) if turn.start_ms is not None else "–:––"
        box = QRect(option.rect.left() + CURRENT_BAR + 4, option.rect.top() + PAD,
                    GUTTER - CURRENT_BAR - 10, option.fontMetrics.height())  # fmt: skip
        painter.drawText(box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, label)

    def _paint_speaker(  # noqa: PLR0917 - a private painting step
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
        turn: Turn,
        text_color: QColor,
        selected: bool,
    ) -> None:
        name = index.data(SpeakerNameRole) or "(no speaker)"
        color_name = index.data(SpeakerColorRole)
        color = text_color
        if color_name and not selected:
            color = readable(QColor(color_name), option.palette.color(QPalette.ColorRole.Base))
        font = QFont(option.font)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(color)
        width = option.rect.width() - GUTTER - PAD
        box = QRect(option.rect.left() + GUTTER, option.rect.top() + PAD, width,
                    option.fontMetrics.height() + 2)  # fmt: skip
        label = f"{name}   ✓ reviewed" if turn.reviewed else name
        painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, label)
