"""Laying out a turn's text with word wrap and highlighted ranges (find matches, glossary terms,
the word under the playhead, uncertain words, misspelled words).

The same layout measures a row and paints it, so the height the view reserves is exactly the
height the text takes. Highlights come from providers, each returning (start, end, style).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPalette, QTextCharFormat, QTextLayout, QTextOption

from editor.core.model import Turn


@dataclass(frozen=True, slots=True)
class Highlight:
    start: int
    end: int
    style: str  # a key of STYLES


HighlightProvider = Callable[[Turn], Sequence[Highlight]]


def _style(
    background: str | QColor | None = None,
    underline: str | None = None,
    wave: bool = False,
    dotted: bool = False,
) -> QTextCharFormat:
    char_format = QTextCharFormat()
    if isinstance(background, QColor):  # translucent: tints light and dark themes alike
        char_format.setBackground(QBrush(background))
    elif background:
        char_format.setBackground(QBrush(QColor(background)))
        char_format.setForeground(QBrush(QColor("#000000")))
    if underline:
        char_format.setUnderlineColor(QColor(underline))
        style = QTextCharFormat.UnderlineStyle.SingleUnderline
        if wave:
            style = QTextCharFormat.UnderlineStyle.WaveUnderline
        elif dotted:
            style = QTextCharFormat.UnderlineStyle.DotLine
        # Also underlines: setFontUnderline(True) after it would make every style a plain line.
        char_format.setUnderlineStyle(style)
    return char_format


UNCERTAIN = QColor(120, 90, 200)  # violet: no other style uses it, nor pink or blue
UNCERTAIN_TINT = QColor(170, 140, 255, 85)  # lightens white, dark grey and the selection alike

# Backgrounds readable in light and dark themes (text is forced black on solid ones, translucent
# ones keep the theme's text colour); underlines differ in shape as well as colour so
# colour-blind users can tell them apart. Later ranges win where they overlap.
STYLES: dict[str, QTextCharFormat] = {
    "match": _style(background="#FFE58A"),
    "current_match": _style(background="#FFA94D"),
    "glossary_ok": _style(underline="#009E73"),
    "glossary_style": _style(underline="#0072B2", wave=True),
    "glossary_variant": _style(background="#CCE5FF", underline="#0072B2"),
    "glossary_suspect": _style(background="#FFD6E0", underline="#D55E00", wave=True),
    "word_uncertain": _style(UNCERTAIN_TINT, UNCERTAIN.name(), dotted=True),
    "word_uncertain_focus": _style("#D9CCFF", UNCERTAIN.name(), dotted=True),
    "word_current": _style(background="#8EE6C0"),
    "misspelled": _style(underline="#E0001B", wave=True),  # red: no glossary style uses it
}


def layout_text(
    text: str, font: QFont, width: int, highlights: Sequence[Highlight] = ()
) -> tuple[QTextLayout, int]:
    """A laid-out ``QTextLayout`` for ``text`` wrapped to ``width``, and its height."""
    # QTextLayout breaks lines only at U+2028, not at "\n": a Shift+Enter line break showed
    # as nothing and was not measured. Same length, so character offsets stay the same.
    layout = QTextLayout(text.replace("\n", "\u2028"), font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    if highlights:
        ranges = []
        for item in highlights:
            selection = QTextLayout.FormatRange()
            selection.start, selection.length = item.start, max(0, item.end - item.start)
            selection.format = STYLES.get(item.style, STYLES["match"])
            ranges.append(selection)
        layout.setFormats(ranges)
    layout.beginLayout()
    height = 0.0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(max(10, width))
        line.setPosition(QPointF(0, height))
        height += line.height()
    layout.endLayout()
    return layout, int(height + 0.999)


def paint_layout(painter: object, layout: QTextLayout, x: int, y: int, color: QColor) -> None:
    painter.setPen(color)  # type: ignore[attr-defined]
    layout.draw(painter, QPointF(x, y))  # type: ignore[arg-type]


def text_color(palette: QPalette, selected: bool) -> QColor:
    role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
    return palette.color(role)


ALIGN_TOP_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
