"""How one turn looks and is edited: start time in a gutter, speaker in their colour, text wrapped.

The turn under the playhead gets a bar and a tint distinct from the selection; reviewed turns a
check mark in the gutter. Find matches and glossary terms are highlighted by providers. The
text editor opens over the text and grows with it; its commits, splits and merges leave as
signals, for the window to run as undoable operations.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from editor.core.model import ALIGNED, ESTIMATED, Turn
from editor.core.timecode import format_clock
from editor.ui.text_layout import (
    ALIGN_TOP_LEFT,
    Highlight,
    HighlightProvider,
    layout_text,
    paint_layout,
    text_color,
)
from editor.ui.turn_editor import TurnTextEditor
from editor.ui.turn_model import CurrentRole, SpeakerColorRole, SpeakerNameRole, TurnRole

GUTTER = 72
PAD = 7
CURRENT_BAR = 4
REVIEWED_COLOR = "#009E73"
LOW_CONFIDENCE = 0.3
LOW_CONFIDENCE_COLOR = "#D55E00"
Index = QModelIndex | QPersistentModelIndex


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
        # Moved a fifth of the way to white (or black) each time: QColor.lighter leaves black black.
        target = 255 if dark_background else 0
        red, green, blue = result.red(), result.green(), result.blue()
        result = QColor(
            round(red + (target - red) * 0.2),
            round(green + (target - green) * 0.2),
            round(blue + (target - blue) * 0.2),
        )
    return result


CURRENT_TINT = 45  # alpha of the highlight colour over the current turn's row


def row_background(palette: QPalette, selected: bool, current: bool) -> QColor:
    """The colour a row is painted in: speaker names are made readable against this one."""
    base = palette.color(QPalette.ColorRole.Base)
    if selected:
        return palette.color(QPalette.ColorRole.Highlight)
    if not current:
        return base
    tint, share = palette.color(QPalette.ColorRole.Highlight), CURRENT_TINT / 255
    return QColor(
        round(base.red() + (tint.red() - base.red()) * share),
        round(base.green() + (tint.green() - base.green()) * share),
        round(base.blue() + (tint.blue() - base.blue()) * share),
    )


class TurnDelegate(QStyledItemDelegate):
    text_committed = Signal(int, str)  # turn id, text
    split_requested = Signal(int, str, int)  # turn id, text, cursor offset
    merge_requested = Signal(int, str)  # turn id, text
    editor_opened = Signal(object, str)  # TurnTextEditor, the turn's text as it was loaded
    editor_closing = Signal(object)  # TurnTextEditor, before it is marked finished
    editor_word_clicked = Signal(int, str, int)  # turn id, the text as typed, character offset

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.width = 600
        self.providers: list[HighlightProvider] = []
        self.cursor_requests: dict[int, int] = {}  # turn id → where the next editor's cursor goes
        self._heights: dict[tuple[int, str, int, int], int] = {}
        self._editing: dict[int, int] = {}  # turn id → height of its open editor

    def set_width(self, width: int) -> None:
        self.width = max(200, width)

    def invalidate(self) -> None:
        self._heights.clear()

    def _text_width(self) -> int:
        return max(50, self.width - GUTTER - PAD)

    def highlights(self, turn: Turn) -> list[Highlight]:
        return [h for provider in self.providers for h in provider(turn)]

    def text_rect(self, rect: QRect, line_height: int) -> QRect:
        top = rect.top() + PAD + line_height + 2
        return QRect(rect.left() + GUTTER, top, rect.width() - GUTTER - PAD, rect.bottom() - top)

    # -- measuring and painting ----------------------------------------------------------------

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        turn: Turn | None = index.data(TurnRole)
        if turn is None:
            return QSize(self.width, 24)
        line = option.fontMetrics.height()
        text_height = self._editing.get(turn.id)
        if text_height is None:
            key = (turn.id, turn.text, self.width, option.font.pointSize())
            text_height = self._heights.get(key)
            if text_height is None:
                _, text_height = layout_text(turn.text, option.font, self._text_width())
                if len(self._heights) > 50_000:
                    self._heights.clear()
                self._heights[key] = text_height
        return QSize(self.width, PAD + line + 2 + max(text_height, line) + PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        turn: Turn | None = index.data(TurnRole)
        if turn is None:
            return
        palette, rect = option.palette, option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        current = bool(index.data(CurrentRole))
        painter.save()
        background = row_background(palette, selected, current)
        painter.fillRect(rect, background)
        if current:
            bar = QRect(rect.left(), rect.top(), CURRENT_BAR, rect.height())
            painter.fillRect(bar, palette.color(QPalette.ColorRole.Accent))
        color = text_color(palette, selected)
        self._paint_gutter(painter, option, turn, color)
        self._paint_speaker(painter, option, index, color, background if not selected else None)
        if turn.id not in self._editing:
            layout, _ = layout_text(
                turn.text, option.font, self._text_width(), self.highlights(turn)
            )
            top = rect.top() + PAD + option.fontMetrics.height() + 2
            paint_layout(painter, layout, rect.left() + GUTTER, top, color)
        painter.setPen(palette.color(QPalette.ColorRole.Midlight))
        painter.drawLine(rect.left() + GUTTER, rect.bottom(), rect.right() - PAD, rect.bottom())
        painter.restore()

    def _paint_gutter(
        self, painter: QPainter, option: QStyleOptionViewItem, turn: Turn, color: QColor
    ) -> None:
        dim = QColor(color)
        dim.setAlphaF(0.65)
        painter.setPen(dim)
        painter.setFont(option.font)
        line = option.fontMetrics.height()
        box = QRect(
            option.rect.left() + CURRENT_BAR + 4,
            option.rect.top() + PAD,
            GUTTER - CURRENT_BAR - 10,
            line,
        )
        label = format_clock(turn.start_ms) if turn.start_ms is not None else "–:––"
        font = QFont(option.font)
        if turn.timing == ESTIMATED:
            label = "≈" + label
            font.setItalic(True)
        elif turn.timing == ALIGNED and (turn.confidence or 0) < LOW_CONFIDENCE:
            painter.setPen(QColor(LOW_CONFIDENCE_COLOR))
        painter.setFont(font)
        painter.drawText(box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, label)
        painter.setFont(option.font)
        if turn.reviewed:
            painter.setPen(QColor(REVIEWED_COLOR))
            box.translate(0, line + 2)
            painter.drawText(box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, "✓")

    def _paint_speaker(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: Index,
        color: QColor,
        background: QColor | None,  # None on a selected row: the name takes the text colour
    ) -> None:
        name = index.data(SpeakerNameRole) or "(no speaker)"
        color_name = index.data(SpeakerColorRole)
        if color_name and background is not None:
            color = readable(QColor(color_name), background)
        font = QFont(option.font)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(color)
        rect = option.rect
        box = QRect(
            rect.left() + GUTTER,
            rect.top() + PAD,
            rect.width() - GUTTER - PAD,
            option.fontMetrics.height() + 2,
        )
        painter.drawText(box, ALIGN_TOP_LEFT, name)

    def offset_at(self, rect: QRect, point: QPoint, turn: Turn, font: QFont) -> int | None:
        """The character of ``turn``'s text under ``point`` (view coordinates), if any."""
        line_height = QFontMetrics(font).height()
        x = point.x() - rect.left() - GUTTER
        y = point.y() - (rect.top() + PAD + line_height + 2)
        if x < 0 or y < 0:
            return None
        layout, height = layout_text(turn.text, font, self._text_width())
        if y >= height:
            return None
        for number in range(layout.lineCount()):
            line = layout.lineAt(number)
            if line.y() <= y < line.y() + line.height():
                if x > line.naturalTextWidth():
                    return None
                return min(
                    line.xToCursor(x, line.CursorPosition.CursorOnCharacter), len(turn.text) - 1
                )
        return None

    # -- editing -------------------------------------------------------------------------------

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        turn: Turn = index.data(TurnRole)
        editor = TurnTextEditor(turn.id, parent)
        editor.setFont(option.font)
        persistent = QPersistentModelIndex(index)
        editor.commit_requested.connect(lambda: self._commit(editor))
        editor.split_requested.connect(
            lambda offset: self._hand_over(
                editor, lambda text: self.split_requested.emit(editor.turn_id, text, offset)
            )
        )
        editor.merge_requested.connect(
            lambda: self._hand_over(
                editor, lambda text: self.merge_requested.emit(editor.turn_id, text)
            )
        )
        editor.height_changed.connect(lambda: self._resize(editor, persistent))
        editor.word_clicked.connect(
            lambda offset: self.editor_word_clicked.emit(
                editor.turn_id, editor.toPlainText(), offset
            )
        )
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, TurnTextEditor)
        if editor.property("loaded"):
            return  # the model changed under an open editor (e.g. the playhead): keep the typing
        editor.setProperty("loaded", True)
        turn: Turn = index.data(TurnRole)
        editor.setPlainText(turn.text)
        cursor = editor.textCursor()
        cursor.setPosition(min(self.cursor_requests.pop(turn.id, len(turn.text)), len(turn.text)))
        editor.setTextCursor(cursor)
        self._resize(editor, QPersistentModelIndex(index))
        self.editor_opened.emit(editor, turn.text)

    def setModelData(self, editor: QWidget, _model: object, _index: Index) -> None:
        assert isinstance(editor, TurnTextEditor)
        if not editor.finished:
            editor.finished = True
            self.text_committed.emit(editor.turn_id, editor.toPlainText())

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, _index: Index
    ) -> None:
        area = self.text_rect(option.rect, option.fontMetrics.height())
        editor.setGeometry(area.adjusted(-2, 0, 0, 0))

    def destroyEditor(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, TurnTextEditor):
            self.editor_closing.emit(editor)
            editor.finished = True  # cancelled or committed: either way it takes no more edits
            if self._editing.pop(editor.turn_id, None):
                self.sizeHintChanged.emit(index)
        super().destroyEditor(editor, index)

    def _commit(self, editor: TurnTextEditor) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)

    def _hand_over(self, editor: TurnTextEditor, action: object) -> None:
        """Close the editor without a plain commit and let ``action`` use its text."""
        text = editor.toPlainText()
        editor.finished = True
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)
        action(text)  # type: ignore[operator]

    def _resize(self, editor: TurnTextEditor, index: QPersistentModelIndex) -> None:
        # Measured as the list lays the text out (same font, same width), so the open editor is
        # as tall as the turn it replaces and grows with the typing. (A QPlainTextEdit's own
        # document size counts lines, not pixels: it gave every editor one line.)
        _, text_height = layout_text(editor.toPlainText(), editor.font(), self._text_width())
        height = max(round(text_height) + 2, editor.fontMetrics().height())
        if self._editing.get(editor.turn_id) != height:
            self._editing[editor.turn_id] = height
            if index.isValid():
                self.sizeHintChanged.emit(index)
