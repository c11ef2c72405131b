"""The time ruler along the bottom of the waveform: ticks and m:ss labels at a fitting spacing.

``tick_steps`` is pure: it picks the finest label spacing (1, 2, 5, 10, 15, 30 s, 1, 2, 5 min …)
that keeps labels at least ``min_gap_px`` apart at the current zoom, with minor ticks between.
The colours come from the palette (text on the base colour), so it reads in light and dark themes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen

from editor.core.timecode import format_clock

RULER_PX = 16
MIN_LABEL_GAP_PX = 64
MIN_MINOR_GAP_PX = 5

# (label spacing, minor tick spacing) in ms, finest first.
STEPS: tuple[tuple[int, int], ...] = (
    (1_000, 200),
    (2_000, 500),
    (5_000, 1_000),
    (10_000, 2_000),
    (15_000, 5_000),
    (30_000, 10_000),
    (60_000, 15_000),
    (120_000, 30_000),
    (300_000, 60_000),
    (600_000, 120_000),
    (900_000, 300_000),
    (1_800_000, 600_000),
    (3_600_000, 900_000),
)


def tick_steps(
    span_ms: int, width_px: float, min_gap_px: float = MIN_LABEL_GAP_PX
) -> tuple[int, int]:
    """(label step, minor step) in ms for ``span_ms`` of audio drawn ``width_px`` wide; the
    minor step is 0 when its ticks would be closer than a few pixels."""
    px_per_ms = max(1.0, width_px) / max(1, span_ms)
    for major, minor in STEPS:
        if major * px_per_ms >= min_gap_px:
            return major, minor if minor * px_per_ms >= MIN_MINOR_GAP_PX else 0
    return STEPS[-1][0], 0


def ticks(start_ms: int, end_ms: int, step_ms: int) -> list[int]:
    """The multiples of ``step_ms`` within [start_ms, end_ms]."""
    if step_ms <= 0:
        return []
    first = -(-max(0, start_ms) // step_ms) * step_ms
    return list(range(first, end_ms + 1, step_ms))


def paint_ruler(
    painter: QPainter,
    rect: QRectF,
    visible: tuple[int, int],
    x_of: Callable[[int], float],
    palette: QPalette,
) -> None:
    """Draw the ruler in ``rect`` (the bottom strip of the waveform)."""
    start, end = visible
    major, minor = tick_steps(end - start, rect.width())
    text = palette.color(QPalette.ColorRole.Text)
    faint = QColor(text)
    faint.setAlphaF(0.45)
    bottom = rect.bottom()
    painter.setPen(QPen(faint, 1))
    painter.drawLine(QLineF(rect.left(), rect.top(), rect.right(), rect.top()))
    painter.drawLines(
        [
            QLineF(x_of(ms), bottom - 3, x_of(ms), bottom)
            for ms in ticks(start, end, minor)
            if ms % major
        ]
    )
    font = painter.font()
    font.setPointSizeF(max(6.0, font.pointSizeF() * 0.85))
    painter.setFont(font)
    painter.setPen(QPen(text, 1))
    for ms in ticks(start, end, major):
        x = x_of(ms)
        painter.drawLine(QLineF(x, rect.top(), x, bottom))
        label = QRectF(x + 3, rect.top(), MIN_LABEL_GAP_PX, rect.height())
        painter.drawText(
            label, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, format_clock(ms)
        )
