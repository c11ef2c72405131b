"""Playback, independent of any media library: the player interface, the playhead, the lookup.

- ``Player`` is what every media backend offers (libVLC, QtMultimedia, a fake in tests).
- ``PlayheadClock`` turns coarse backend positions into a smooth playhead: libVLC reports Ogg time
  in 0.5–0.9 s steps, so between reports the position is interpolated with a monotonic clock.
- ``TurnLocator`` finds the turn under the playhead by binary search over turn starts.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from enum import Enum
from pathlib import Path
from typing import Protocol

MIN_RATE, MAX_RATE = 0.5, 2.0
RATE_STEP = 0.1
SEEK_SETTLE_MS = 1000  # how long after a seek stale backend positions are ignored
JUMP_TOLERANCE_MS = 1500  # a report further behind than this is a real jump, not lag


class PlaybackState(Enum):
    STOPPED = "stopped"
    PLAYING = "playing"
    PAUSED = "paused"


class PlayerListener(Protocol):
    """What a backend tells the application; always called on the application's main thread."""

    def on_state(self, state: PlaybackState) -> None: ...
    def on_duration(self, duration_ms: int) -> None: ...
    def on_error(self, message: str) -> None: ...
    def on_end(self) -> None: ...


class Player(Protocol):
    """One media backend. Times are integer milliseconds."""

    name: str

    def set_listener(self, listener: PlayerListener) -> None: ...
    def load(self, path: Path) -> None: ...
    def play(self) -> None: ...
    def pause(self) -> None: ...
    def stop(self) -> None: ...
    def seek(self, position_ms: int) -> None: ...
    def position_ms(self) -> int: ...
    def duration_ms(self) -> int | None: ...
    def set_rate(self, rate: float) -> None: ...
    def rate(self) -> float: ...
    def state(self) -> PlaybackState: ...
    def close(self) -> None: ...


def clamp_rate(rate: float) -> float:
    return round(min(MAX_RATE, max(MIN_RATE, rate)), 2)


class PlayheadClock:
    """A smooth, monotonic playhead from the backend's (possibly coarse) positions."""

    def __init__(self, now: Callable[[], float]) -> None:
        self._now = now  # seconds, monotonic
        self._anchor_ms = 0
        self._anchor_time = now()
        self._rate = 1.0
        self._playing = False
        self._settle_until = 0.0
        self._seek_target = 0

    def position(self) -> int:
        if not self._playing:
            return self._anchor_ms
        elapsed = (self._now() - self._anchor_time) * 1000 * self._rate
        return self._anchor_ms + round(elapsed)

    def report(self, backend_ms: int) -> int:
        """Take a position the backend reported; return the playhead."""
        estimate = self.position()
        now = self._now()
        if now < self._settle_until and abs(backend_ms - self._seek_target) > JUMP_TOLERANCE_MS:
            return estimate  # the backend has not caught up with the seek yet
        if self._playing and 0 <= estimate - backend_ms < JUMP_TOLERANCE_MS:
            return estimate  # a coarse or late report: keep the interpolated playhead
        self._anchor(backend_ms)
        return backend_ms

    def seek(self, position_ms: int) -> None:
        self._anchor(position_ms)
        self._seek_target = position_ms
        self._settle_until = self._now() + SEEK_SETTLE_MS / 1000

    def set_playing(self, playing: bool) -> None:
        self._anchor(self.position())
        self._playing = playing

    def set_rate(self, rate: float) -> None:
        self._anchor(self.position())
        self._rate = rate

    def _anchor(self, position_ms: int) -> None:
        self._anchor_ms = max(0, position_ms)
        self._anchor_time = self._now()


class TurnLocator:
    """Which turn is under the playhead.

    The current turn is the last one that has started: before the first start there is none,
    in a gap between turns the one that just ended stays current, after the end the last one.
    Untimed turns (start None) are never current.
    """

    def __init__(self, starts: Sequence[int | None]) -> None:
        timed = sorted((start, row) for row, start in enumerate(starts) if start is not None)
        self._starts = [start for start, _ in timed]
        self._rows = [row for _, row in timed]

    def row_at(self, position_ms: int) -> int | None:
        index = bisect.bisect_right(self._starts, position_ms) - 1
        return self._rows[index] if index >= 0 else None

    def __len__(self) -> int:
        return len(self._starts)
