"""The waveform under the transport: the audio around the playhead, with turn boundaries.

Click to seek; drag a turn's start line to retime it (one undoable step when released);
Ctrl+wheel zooms between 5 s and 2 min of audio. Estimated starts are drawn dashed. A time
ruler along the bottom labels the audio at a spacing that fits the zoom (``time_ruler``).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen, QWheelEvent
from PySide6.QtWidgets import QProgressBar, QSizePolicy, QWidget

from editor.core.model import ESTIMATED, Turn
from editor.core.waveform import BUCKET_MS
from editor.ui.time_ruler import RULER_PX, paint_ruler

GRAB_PX = 5


class WaveformView(QWidget):
    seek_requested = Signal(int)  # ms
    boundary_moved = Signal(int, int)  # turn id, new start in ms

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumHeight(70)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAccessibleName("Waveform")
        self.setToolTip("Click to seek · drag a turn's line to retime it · Ctrl+wheel to zoom")
        self.peaks: np.ndarray | None = None
        self.turns: list[Turn] = []
        self.colors: dict[int, str] = {}
        self.position = 0
        self.span_ms = 30_000
        self._drag: tuple[int, int] | None = None  # turn id, current ms
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1000)
        self.progress.setFormat("Reading the waveform… %p%")
        self.progress.hide()

    # -- data ----------------------------------------------------------------------------------

    def set_peaks(self, peaks: np.ndarray | None) -> None:
        self.peaks = peaks
        self.progress.hide()
        self.update()

    def set_turns(self, turns: list[Turn], colors: dict[int, str]) -> None:
        self.turns, self.colors = turns, colors
        self.update()

    def set_position(self, position_ms: int) -> None:
        self.position = position_ms
        self.update()

    def show_progress(self, fraction: float) -> None:
        self.progress.setGeometry(10, self.height() // 2 - 10, self.width() - 20, 20)
        self.progress.setValue(round(fraction * 1000))
        self.progress.show()

    # -- geometry ------------------------------------------------------------------------------

    def visible_range(self) -> tuple[int, int]:
        start = max(0, self.position - self.span_ms // 3)
        return start, start + self.span_ms

    def x_of(self, ms: int) -> float:
        start, end = self.visible_range()
        return (ms - start) / max(1, end - start) * self.width()

    def ms_at(self, x: float) -> int:
        start, end = self.visible_range()
        return max(0, round(start + x / max(1, self.width()) * (end - start)))

    def _turn_near(self, x: float) -> Turn | None:
        candidates = [
            t
            for t in self.turns
            if t.start_ms is not None and abs(self.x_of(t.start_ms) - x) <= GRAB_PX
        ]
        return candidates[0] if candidates else None

    # -- painting ------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        self._paint_peaks(painter, palette)
        self._paint_turns(painter)
        ruler = QRectF(0, self.height() - RULER_PX, self.width(), RULER_PX - 1)
        paint_ruler(painter, ruler, self.visible_range(), self.x_of, palette)
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Accent), 2))
        x = self.x_of(self.position)
        painter.drawLine(QPointF(x, 0), QPointF(x, self.height()))
        painter.end()

    def _paint_peaks(self, painter: QPainter, palette: QPalette) -> None:
        if self.peaks is None or not len(self.peaks):
            return
        start, end = self.visible_range()
        columns = max(1, self.width())
        bounds = (start + np.arange(columns + 1) * (end - start) / columns) / BUCKET_MS
        index = np.clip(bounds.astype(int), 0, len(self.peaks))
        filled = index[:-1] < index[1:]
        if not filled.any():
            return
        heights = np.zeros(columns, dtype=np.float32)
        heights[filled] = np.maximum.reduceat(self.peaks[: index[-1]], index[:-1][filled])
        middle = (self.height() - RULER_PX) / 2
        half = middle - 4
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
        painter.drawLines(
            [
                QLineF(x + 0.5, middle - h * half, x + 0.5, middle + h * half)
                for x, h in enumerate(heights.tolist())
                if h > 0
            ]
        )

    def _paint_turns(self, painter: QPainter) -> None:
        start, end = self.visible_range()
        for turn in self.turns:
            ms = turn.start_ms
            if self._drag is not None and self._drag[0] == turn.id:
                ms = self._drag[1]
            if ms is None or not start <= ms <= end:
                continue
            pen = QPen(QColor(self.colors.get(turn.speaker_id or -1, "#888888")), 2)
            if turn.timing == ESTIMATED:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            x = self.x_of(ms)
            painter.drawLine(QPointF(x, 0), QPointF(x, self.height()))
            painter.drawText(QRectF(x + 3, 2, 200, 14), Qt.AlignmentFlag.AlignLeft, "▸")

    # -- mouse ---------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        x = event.position().x()
        turn = self._turn_near(x)
        if turn is not None and turn.start_ms is not None:
            self._drag = (turn.id, turn.start_ms)
        else:
            self.seek_requested.emit(self.ms_at(x))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag is not None:
            self._drag = (self._drag[0], self.ms_at(event.position().x()))
            self.update()
        else:
            near = self._turn_near(event.position().x())
            self.setCursor(Qt.CursorShape.SizeHorCursor if near else Qt.CursorShape.ArrowCursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drag is not None:
            turn_id, ms = self._drag
            self._drag = None
            self.boundary_moved.emit(turn_id, ms)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            factor = 0.8 if event.angleDelta().y() > 0 else 1.25
            self.span_ms = int(min(120_000, max(5_000, self.span_ms * factor)))
            self.update()
        else:
            super().wheelEvent(event)
