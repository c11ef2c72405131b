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
# The playhead runs at most this far ahead of the backend's last report: without a cap a
# backend whose clock stopped made it saw (55 s → 56.5 s → 55 s, again and again).
MAX_LEAD_MS = 1200
STALL_MS = 1500  # playing, yet the backend's position has not moved for this long: stalled


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
    """A smooth, monotonic playhead from the backend's (possibly coarse) positions.

    It also notices a backend whose clock does not advance while playing (``stalled``): then
    the playhead stays at the backend's real position instead of running on and jumping back.
    """

    def __init__(self, now: Callable[[], float]) -> None:
        self._now = now  # seconds, monotonic
        self._anchor_ms = 0
        self._anchor_time = now()
        self._rate = 1.0
        self._playing = False
        self._settle_until = 0.0
        self._seek_target = 0
        self._backend_ms: int | None = None  # the last position the backend reported
        self._backend_moved_at = self._anchor_time
        self._reported_at = self._anchor_time

    def position(self) -> int:
        if not self._playing:
            return self._anchor_ms
        if self.stalled() and self._backend_ms is not None:
            return self._backend_ms
        estimate = self._interpolated()
        if self._backend_ms is not None and self._now() >= self._settle_until:
            estimate = min(estimate, max(self._anchor_ms, self._backend_ms + MAX_LEAD_MS))
        return estimate

    def _interpolated(self) -> int:
        elapsed = (self._now() - self._anchor_time) * 1000 * self._rate
        return self._anchor_ms + round(elapsed)

    def stalled(self) -> bool:
        """Playing, and the backend kept reporting the same position for ``STALL_MS``."""
        return (
            self._playing
            and self._backend_ms is not None
            and self._reported_at - self._backend_moved_at >= STALL_MS / 1000
        )

    def report(self, backend_ms: int) -> int:
        """Take a position the backend reported; return the playhead."""
        now = self._now()
        if now < self._settle_until and abs(backend_ms - self._seek_target) > JUMP_TOLERANCE_MS:
            return self.position()  # the backend has not caught up with the seek yet
        moved = backend_ms != self._backend_ms
        if moved:
            self._backend_moved_at = now
        self._backend_ms, self._reported_at = backend_ms, now
        if self.stalled():
            self._anchor(backend_ms)
            return backend_ms
        ahead = self._interpolated() - backend_ms
        if self._playing and (0 <= ahead < JUMP_TOLERANCE_MS or (ahead > 0 and not moved)):
            # A coarse or late report, or the same one again: keep the interpolated playhead
            # (held at most MAX_LEAD_MS ahead) until the backend moves or is found stalled.
            return self.position()
        self._anchor(backend_ms)
        return backend_ms

    def seek(self, position_ms: int) -> None:
        self._anchor(position_ms)
        self._seek_target = position_ms
        self._settle_until = self._now() + SEEK_SETTLE_MS / 1000
        self._backend_ms = None

    def set_playing(self, playing: bool) -> None:
        self._anchor(self.position())
        self._playing = playing
        self._backend_moved_at = self._now()  # a pause is no stall

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
