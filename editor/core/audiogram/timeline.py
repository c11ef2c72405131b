"""What an audiogram shows at each frame: the caption, the word being spoken, the level bars.

Frame ``i`` shows the clip at ``i / fps`` seconds. A cue appears at its first word and stays up
until the next cue starts, at most ``HOLD_MS`` after its last word ends. The word being spoken is
the last one started by then, held through the pause after it and gone once the cue's last word
has ended; it is marked only when its times are its own (not spread over its turn).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from .clip_captions import VideoCue
from .clip_words import ClipWord

HOLD_MS = 1000


@dataclass(frozen=True, slots=True)
class FrameState:
    """The caption on screen (an index into the cues) and the marked word (into its words)."""

    cue: int | None
    word: int | None = None


class Timeline:
    def __init__(self, cues: Sequence[VideoCue], duration_ms: int, fps: int) -> None:
        self.cues = list(cues)
        self.fps = fps
        self.duration_ms = duration_ms
        self.frame_count = max(1, round(duration_ms * fps / 1000))
        self._starts = [cue.start_ms for cue in self.cues]
        self._words = [cue.words() for cue in self.cues]

    def time_of(self, frame: int) -> int:
        """The clip's time (ms from its start) that frame ``frame`` shows."""
        return round(frame * 1000 / self.fps)

    def state_at(self, time_ms: int) -> FrameState:
        k = bisect.bisect_right(self._starts, time_ms) - 1
        if k < 0:
            return FrameState(None)
        cue = self.cues[k]
        until = cue.end_ms + HOLD_MS
        if k + 1 < len(self.cues):
            until = min(until, self.cues[k + 1].start_ms)
        if time_ms >= until:
            return FrameState(None)
        return FrameState(k, self._spoken(self._words[k], time_ms))

    @staticmethod
    def _spoken(words: Sequence[ClipWord], time_ms: int) -> int | None:
        index = None
        for i, word in enumerate(words):
            if word.start_ms > time_ms:
                break
            index = i
        if index is None or (index == len(words) - 1 and time_ms >= words[index].end_ms):
            return None
        return index if words[index].timed else None


def bar_window(levels: npt.NDArray[np.float32], frame: int, count: int) -> npt.NDArray[np.float32]:
    """The levels the bars show at ``frame``: ``count`` frames' levels with the current one in
    the middle (the half before it already heard), zero beyond the clip."""
    first = frame - count // 2
    window = np.zeros(count, dtype=np.float32)
    lo, hi = max(0, first), min(len(levels), first + count)
    if hi > lo:
        window[lo - first : hi - first] = levels[lo:hi]
    return window
