"""Speaker names stay readable on the current turn's tinted row, in the light and dark themes."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette

from editor.core.project.edit_session import SPEAKER_PALETTE
from editor.ui.theme import dark_palette
from editor.ui.turn_delegate import _luminance, readable, row_background


def contrast(a: QColor, b: QColor) -> float:
    lighter, darker = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("current", [False, True])
def test_every_speaker_colour_reads_on_its_row(qapp: object, theme: str, current: bool) -> None:
    palette = dark_palette() if theme == "dark" else QPalette(QColor("#f0f0f0"))
    background = row_background(palette, selected=False, current=current)
    for name in SPEAKER_PALETTE:
        shown = readable(QColor(name), background)
        assert contrast(shown, background) >= 3.0, (theme, current, name, shown.name())


def test_the_current_row_is_tinted_not_the_plain_base() -> None:
    palette = dark_palette()
    base = palette.color(QPalette.ColorRole.Base)
    tinted = row_background(palette, selected=False, current=True)
    assert tinted != base and tinted.blue() > base.blue()
