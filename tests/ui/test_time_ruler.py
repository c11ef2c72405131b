"""The waveform's time ruler: a tick spacing that fits the zoom, painted in light and dark."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QPalette

from editor.ui import time_ruler
from editor.ui.time_ruler import tick_steps, ticks
from editor.ui.waveform_view import WaveformView


@pytest.mark.parametrize(
    ("span_ms", "width", "major"),
    [
        (5_000, 1000, 1_000),  # the closest zoom: a label each second
        (30_000, 1000, 2_000),
        (30_000, 400, 5_000),
        (120_000, 1000, 10_000),  # the widest zoom
        (120_000, 300, 30_000),
        (600_000, 1000, 60_000),
        (3 * 3_600_000, 1000, 900_000),
    ],
)
def test_the_label_step_is_the_finest_that_keeps_labels_apart(
    span_ms: int, width: int, major: int
) -> None:
    step, minor = tick_steps(span_ms, width)
    assert step == major
    assert step / span_ms * width >= time_ruler.MIN_LABEL_GAP_PX
    finer = [m for m, _ in time_ruler.STEPS if m < step]
    assert all(m / span_ms * width < time_ruler.MIN_LABEL_GAP_PX for m in finer)
    assert minor == 0 or (step % minor == 0 and minor / span_ms * width >= 5)


def test_a_span_too_long_for_any_step_uses_the_widest_and_no_minor_ticks() -> None:
    assert tick_steps(100 * 3_600_000, 200) == (time_ruler.STEPS[-1][0], 0)


def test_ticks_are_the_multiples_inside_the_range() -> None:
    assert ticks(1_500, 6_000, 2_000) == [2_000, 4_000, 6_000]
    assert ticks(0, 3_000, 1_000) == [0, 1_000, 2_000, 3_000]
    assert ticks(-500, 1_000, 1_000) == [0, 1_000]
    assert ticks(0, 1_000, 0) == []


def _dark_palette() -> QPalette:
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#e6e6e6"))
    return palette


@pytest.mark.parametrize("dark", [False, True])
def test_the_waveform_paints_its_ruler_readably(qtbot: object, dark: bool) -> None:
    view = WaveformView()
    qtbot.addWidget(view)  # type: ignore[attr-defined]
    if dark:
        view.setPalette(_dark_palette())
    view.resize(600, 90)
    view.set_peaks(np.full(3000, 0.5, dtype=np.float32))
    view.set_position(20_000)
    image = view.grab().toImage()
    strip = image.copy(0, 90 - time_ruler.RULER_PX, 600, time_ruler.RULER_PX)
    base = view.palette().color(QPalette.ColorRole.Base).lightness()
    text = view.palette().color(QPalette.ColorRole.Text).lightness()
    # Some pixels of the ruler strip are drawn in the text colour: ticks and labels show.
    inked = sum(
        1
        for x in range(strip.width())
        for y in range(strip.height())
        if abs(strip.pixelColor(x, y).lightness() - text) < abs(base - text) / 3
    )
    assert inked > 100


def test_the_ruler_paints_on_any_size_without_error() -> None:
    image = QImage(50, 20, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    for width in (0.0, 1.0, 50.0):
        time_ruler.paint_ruler(
            painter, QRectF(0, 4, width, 16), (0, 5_000), lambda ms: ms / 100, QPalette()
        )
    painter.end()
