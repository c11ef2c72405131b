"""Cuts at long pauses, so that what went wrong before one cannot move what follows it.

Garbled audio (radio, a bad line) lost the windows, and they carried on into the clean speech
after it: a reading after a long pause was only 60 % timed, though alone it is 99 %. A long
pause (``LONG_PAUSE_MS`` of quiet) inside a stretch is therefore tried as a cut of its own:
the turns whose first words lie nearest to where the pause falls (by the share of the
stretch's speech gone by) are probed one at a time in the audio after it. The first whose
opening fits well, beginning within ``ONSET_MS`` after the pause (an opening may follow noise
or music), starts a new stretch, cut just before its first word. Where none fits, there is no
cut and the stretch stays whole.

One turn per probe: offered several entries at once, the search stretched a wrong turn's first
word over the noise before the speech, and never chose the right one.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from editor.core.align.acoustic.activity import FRAME_MS, pauses, speech_share
from editor.core.align.acoustic.decoder import Piece

LONG_PAUSE_MS = 3000  # quiet this long is tried (a speaker may pause so long within a turn)
SIDE_MS = 10_000  # a cut leaves at least this much of the stretch on either side
TRIES = 12  # turns probed at a pause, nearest the estimate first
ONSET_MS = 10_000  # the turn's first word begins this soon after the pause
SPEECH_MS = 8_000  # and the probe holds this much audio more
WORDS = 20  # of the probed turn's words, on from its first
FIT_WORDS = 10  # found in the probe, at least
FIT_SCORE = -2.9  # their median score per frame, at least (as the planner's cuts)
EDGE_MS = 300  # the first word may begin this far inside the quiet (a soft onset)
BEFORE_MS = 500  # the cut sits this far before the first word (or in the pause's middle)

# (start ms, end ms, words, entries) → where the words fit: the entry taken and the pieces
Probe = Callable[[int, int, Sequence[str], Sequence[int]], tuple[int, list[Piece]] | None]


@dataclass(frozen=True)
class PauseCuts:
    """A run's aligner ``words``, each turn's first word in them (``firsts``, None for a turn
    with nothing to say), the file's energy mask and a probe."""

    words: Sequence[str]
    firsts: Sequence[int | None]
    loud: np.ndarray
    probe: Probe

    def inside(
        self, turns: range, span: tuple[int, int], cancelled: Callable[[], bool] = lambda: False
    ) -> Iterator[tuple[int, int]]:
        """The cuts (turn, ms) at long pauses inside the stretch of ``turns`` (positions in
        ``firsts``) over ``span``, in order, each as soon as it is found; none more once
        ``cancelled``."""
        turn, start_ms = turns.start, span[0]
        for pause_start, pause_end in pauses(self.loud, span[0], span[1], LONG_PAUSE_MS):
            if pause_start < start_ms + SIDE_MS or pause_end > span[1] - SIDE_MS:
                continue
            middle = (pause_start + pause_end) // 2 // FRAME_MS * FRAME_MS
            rest = range(turn, turns.stop)
            cut = self._after(rest, (start_ms, span[1]), middle, pause_end, cancelled)
            if cut is not None:
                yield cut
                turn, start_ms = cut

    def _after(
        self,
        turns: range,
        span: tuple[int, int],
        middle: int,
        pause_end: int,
        cancelled: Callable[[], bool],
    ) -> tuple[int, int] | None:
        """The turn that surely opens after the pause, and where to cut before it."""
        heads = {k: f for k in turns[1:] if (f := self.firsts[k]) is not None}
        if not heads:
            return None
        low = first_word(self.firsts, turns.start, len(self.words))
        high = first_word(self.firsts, turns.stop, len(self.words))
        estimate = low + speech_share(self.loud, span[0], middle, span[1]) * (high - low)
        nearest = sorted(heads, key=lambda k: (abs(heads[k] - estimate), k))[:TRIES]
        end_ms = pause_end + ONSET_MS + SPEECH_MS
        for k in nearest:
            if cancelled():
                return None
            said = self.words[heads[k] : heads[k] + WORDS]
            first_ms = _fitted_start(self.probe(middle, end_ms, said, [0]), middle)
            if first_ms is not None and pause_end - EDGE_MS <= first_ms <= pause_end + ONSET_MS:
                cut_ms = max(middle, first_ms - BEFORE_MS) // FRAME_MS * FRAME_MS
                return (k, cut_ms) if cut_ms <= span[1] - SIDE_MS else None
        return None


def _fitted_start(found: tuple[int, list[Piece]] | None, start_ms: int) -> int | None:
    """Where the probed turn's first word begins, if enough of its words fit well."""
    if found is None or found[0] != 0 or len(found[1]) < FIT_WORDS:
        return None
    pieces = found[1]
    if statistics.median(p.score for p in pieces) < FIT_SCORE:
        return None
    return start_ms + pieces[0].first * FRAME_MS


def first_word(firsts: Sequence[int | None], turn: int, count: int) -> int:
    """The first aligner word of turn ``turn`` or, if it has nothing to say, of the next turn
    that has; ``count`` (the run's word count) after the last."""
    return next((f for f in firsts[turn:] if f is not None), count)
