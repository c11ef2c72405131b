"""Cutting a long run of turns into stretches that can be aligned independently (and at once).

A cut is a turn boundary placed in a pause with confidence: near where an even share of the
run's speech has gone by, the longest pauses of the energy mask are tried (further on if none
will do, within a budget of probes), and for each a probe aligns the audio after it to the text
of the nearby turns, allowed to begin at any of their first words. The cut is kept only when
one turn's words fit the audio after the pause well, from the start of the speech on;
otherwise no cut is made there, and the stretch simply grows. Each cut starts the next estimate
afresh, so errors do not add up. Each stretch is then cut again at its long pauses, where a
turn surely opens after one (``contain``), so that what went wrong before a pause stays before
it. A stretch's decoders first hear the 10 s before it, so they start it with the running
cepstral mean one pass through the whole recording would have had.

The plan depends only on the audio and the text (not on how many processes align the
stretches), so the result is the same with one process or several.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain, pairwise

import numpy as np

from editor.core.align.acoustic.activity import pauses, speech_share
from editor.core.align.acoustic.contain import PauseCuts, Probe, first_word
from editor.core.align.acoustic.decoder import FRAME_MS, Piece

STRETCH_MS = 5 * 60_000  # the longest stretch aimed at
SHORTEST_MS = 2 * 60_000  # no stretch is made shorter than this
SEARCH_MS = 45_000  # pauses are looked for this far either side of the aimed-at time
PAUSE_MS = 700  # the shortest pause a cut may sit in
TRIES = 3  # pauses probed per cut
PROBE_MS = 25_000  # of audio after the pause
REACH_WORDS = 100  # turns starting this many words (and a quarter of the stretch) either side
LOOK_WORDS = 90  # words after the last candidate turn's first word
FIT_SCORE = -2.9  # median score per frame the probe's words must reach
FIT_WORDS = 20  # words they must number
ONSET_MS = 800  # the first word must begin this soon after the speech that follows the pause


@dataclass(frozen=True)
class Stretch:
    """Turns (positions in the transcript) and the stretch of audio they are aligned to."""

    indexes: list[int]
    start_ms: int
    end_ms: int


def fits(found: tuple[int, list[Piece]] | None, onset_frame: int) -> bool:
    """Whether a probe's result is sure: enough words, scoring well, from the speech on."""
    if found is None:
        return False
    _, pieces = found
    if len(pieces) < FIT_WORDS or pieces[0].first > onset_frame + ONSET_MS // FRAME_MS:
        return False
    return statistics.median(p.score for p in pieces[: 2 * FIT_WORDS]) >= FIT_SCORE


class Planner:
    """Cuts one run: ``words`` are its aligner words, ``firsts`` the position of each turn's
    first word in them (None for a turn with nothing to say), ``loud`` the whole file's mask."""

    def __init__(
        self,
        indexes: list[int],
        words: Sequence[str],
        firsts: Sequence[int | None],
        span: tuple[int, int],
        *,
        loud: np.ndarray,
        probe: Probe,
        pause_probe: Probe | None = None,
    ) -> None:
        self.indexes, self.words, self.firsts = indexes, words, firsts
        self.span, self.loud, self.probe = span, loud, probe
        # Its own decoders, so the cuts at long pauses leave the planner's probes as they were.
        self.pause_cuts = PauseCuts(words, firsts, loud, pause_probe or probe)
        self.probes = 0
        self.budget = TRIES * (1 + (span[1] - span[0]) // STRETCH_MS)  # probes for the run

    def stretches(self, cancelled: Callable[[], bool] = lambda: False) -> Iterator[Stretch]:
        """The run as stretches in order, each ending where the next begins, each given as
        soon as its end is known."""
        turn, start = 0, self.span[0]
        while not cancelled():
            cut = self._next_cut(turn, start)
            if cut is None:
                break
            yield from self._contained(range(turn, cut[0]), (start, cut[1]), cancelled)
            turn, start = cut
        yield from self._contained(range(turn, len(self.indexes)), (start, self.span[1]), cancelled)

    def _contained(
        self, turns: range, span: tuple[int, int], cancelled: Callable[[], bool]
    ) -> Iterator[Stretch]:
        """The stretch of ``turns`` over ``span``, cut again at its long pauses (``contain``)."""
        cuts = self.pause_cuts.inside(turns, span, cancelled)
        edges = chain([(turns.start, span[0])], cuts, [(turns.stop, span[1])])
        for (first, start), (last, end) in pairwise(edges):  # each as soon as its end is known
            yield Stretch(self.indexes[first:last], start, end)

    def _next_cut(self, turn: int, start_ms: int) -> tuple[int, int] | None:
        """The turn (position in the run) and time of the next cut after ``turn`` at
        ``start_ms``, or None if the rest of the run is one stretch."""
        end_ms = self.span[1]
        rest = end_ms - start_ms
        if rest < 2 * SHORTEST_MS:
            return None
        aim = start_ms + min(STRETCH_MS, rest // 2)
        highest = end_ms - SHORTEST_MS
        first = first_word(self.firsts, turn, len(self.words))
        while aim - SEARCH_MS <= highest and self.probes < self.budget:
            lowest = max(start_ms + SHORTEST_MS, aim - SEARCH_MS)
            found = pauses(self.loud, lowest, min(highest, aim + SEARCH_MS), PAUSE_MS)
            found.sort(key=lambda p: (p[0] - p[1], abs((p[0] + p[1]) // 2 - aim)))
            for pause_start, pause_end in found[:TRIES]:
                middle = (pause_start + pause_end) // 2 // FRAME_MS * FRAME_MS
                estimate = first + speech_share(self.loud, start_ms, middle, end_ms) * (
                    len(self.words) - first
                )
                cut = self._probe(turn, middle, pause_end, estimate, estimate - first)
                if cut is not None:
                    return cut, middle
            aim += 2 * SEARCH_MS  # nothing sure here: further on
        return None

    def _probe(
        self, turn: int, middle: int, pause_end: int, estimate: float, said: float
    ) -> int | None:
        """The turn (after ``turn``) whose words fit the audio after the pause, if one does."""
        reach = REACH_WORDS + said / 4
        candidates = [
            k
            for k in range(turn + 1, len(self.firsts))
            if (first := self.firsts[k]) is not None and abs(first - estimate) <= reach
        ]
        if not candidates:
            return None
        low = self.firsts[candidates[0]]
        high = self.firsts[candidates[-1]]
        assert low is not None and high is not None
        words = self.words[low : high + LOOK_WORDS]
        entries = [f - low for k in candidates if (f := self.firsts[k]) is not None]
        self.probes += 1
        found = self.probe(middle, middle + PROBE_MS, words, entries)
        if not fits(found, (pause_end - middle) // FRAME_MS):
            return None
        assert found is not None
        return candidates[entries.index(found[0])]
