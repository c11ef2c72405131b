"""The GUI's player: one backend, a smooth playhead, and Qt signals in milliseconds.

Backends report state changes through the ``PlayerListener`` methods (on the main thread); the
position is polled while playing and smoothed by ``PlayheadClock``, so the playhead advances
evenly even where libVLC reports Ogg time in coarse steps.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from editor.core.playback import (
    RATE_STEP,
    PlaybackState,
    Player,
    PlayheadClock,
    clamp_rate,
)

POLL_MS = 40
SKIP_MS = 5000


class PlayerController(QObject):
    position_changed = Signal(int)
    state_changed = Signal(object)  # PlaybackState
    duration_changed = Signal(int)
    rate_changed = Signal(float)
    error = Signal(str)
    media_changed = Signal(object)  # Path | None
    stalled_changed = Signal(bool)  # playing, but the backend's clock does not advance

    def __init__(self, backend: Player, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.clock = PlayheadClock(time.monotonic)
        self.rewind_on_resume_ms = 0
        self.skip_ms = SKIP_MS  # Alt+Left / Alt+Right (Preferences)
        self.media: Path | None = None
        self._duration: int | None = None
        self._stop_at: int | None = None  # end of a range being played (a clip)
        self._state = PlaybackState.STOPPED
        self._stalled = False
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        backend.set_listener(self)

    # -- PlayerListener (called by the backend on the main thread) ------------------------------

    def on_state(self, state: PlaybackState) -> None:
        if state == self._state:
            return
        self._state = state
        self.clock.report(self.backend.position_ms())
        self.clock.set_playing(state == PlaybackState.PLAYING)
        if state == PlaybackState.PLAYING:
            self._timer.start()
        else:
            self._timer.stop()
            self._set_stalled(False)
        self.state_changed.emit(state)
        self.position_changed.emit(self.position())

    def on_duration(self, duration_ms: int) -> None:
        self._duration = duration_ms
        self.duration_changed.emit(duration_ms)

    def on_error(self, message: str) -> None:
        self.error.emit(message)

    def on_end(self) -> None:
        self.on_state(PlaybackState.STOPPED)

    # -- commands ------------------------------------------------------------------------------

    def load(self, path: Path | None, known_duration_ms: int | None = None) -> None:
        self.media = path
        if path is not None:
            self.backend.load(path)
        self._duration = known_duration_ms
        self.clock.seek(0)
        self._state = PlaybackState.STOPPED
        self._stalled = False
        self.media_changed.emit(path)
        if known_duration_ms:
            self.duration_changed.emit(known_duration_ms)
        self.position_changed.emit(0)

    @property
    def has_media(self) -> bool:
        return self.media is not None

    def state(self) -> PlaybackState:
        return self._state

    def is_playing(self) -> bool:
        return self._state == PlaybackState.PLAYING

    def play(self) -> None:
        if not self.has_media:
            return
        if self.rewind_on_resume_ms and self._state == PlaybackState.PAUSED:
            self.seek(self.position() - self.rewind_on_resume_ms)
        self.backend.play()

    def pause(self) -> None:
        self._stop_at = None
        if self.has_media:
            self.backend.pause()

    def toggle(self) -> None:
        if self.is_playing():
            self.pause()
        else:
            self.play()

    def seek(self, position_ms: int) -> None:
        if not self.has_media:
            return
        duration = self.duration()
        target = max(0, position_ms if duration is None else min(position_ms, duration))
        self.backend.seek(target)
        self.clock.seek(target)
        self.position_changed.emit(target)

    def skip(self, delta_ms: int) -> None:
        self.seek(self.position() + delta_ms)

    def play_from(self, position_ms: int) -> None:
        self._stop_at = None
        self.seek(position_ms)
        if not self.is_playing():
            self.backend.play()

    def play_range(self, start_ms: int, end_ms: int) -> None:
        """Play from ``start_ms`` and pause at ``end_ms`` (hearing a clip or its edges)."""
        self.play_from(start_ms)
        self._stop_at = end_ms

    def position(self) -> int:
        """The smooth playhead, for display; stamps use ``true_position``."""
        return self.clock.position()

    def true_position(self) -> int:
        """Where the backend really is: what a time stamp or a split must use."""
        return max(0, self.backend.position_ms())

    @property
    def stalled(self) -> bool:
        return self._stalled

    def duration(self) -> int | None:
        return self.backend.duration_ms() or self._duration

    def rate(self) -> float:
        return self.backend.rate()

    def set_rate(self, rate: float) -> None:
        rate = clamp_rate(rate)
        self.backend.set_rate(rate)
        self.clock.set_rate(rate)
        self.rate_changed.emit(rate)

    def faster(self) -> None:
        self.set_rate(self.rate() + RATE_STEP)

    def slower(self) -> None:
        self.set_rate(self.rate() - RATE_STEP)

    def close(self) -> None:
        self._timer.stop()
        self.backend.close()

    def _poll(self) -> None:
        position = self.clock.report(self.backend.position_ms())
        self._set_stalled(self.clock.stalled())
        if self._stop_at is not None and position >= self._stop_at:
            self._stop_at = None
            self.backend.pause()
        self.position_changed.emit(position)

    def _set_stalled(self, stalled: bool) -> None:
        if stalled != self._stalled:
            self._stalled = stalled
            self.stalled_changed.emit(stalled)
