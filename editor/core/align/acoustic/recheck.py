"""Turns placed where the eSpeak NG aligner disagrees, placed again and decided by the model.

After the window-by-window pass, every turn's start is compared with where the coarse aligner
(``coarse``) puts it. Turns that agree (within ``AGREE_MS``) are trusted points; each stretch of
disagreeing turns, with the trusted turn before it, is placed three ways, all over the same
audio (from the trusted turn before to the trusted turn after):

- as the windows placed it;
- aligned again whole, with a wide search and the stretch's full room (a window that went wrong
  at a music bed or an overlap gets a second chance without the window's edges), when it is
  short enough for one search;
- each disagreeing turn anchored where the coarse aligner starts it, the words of every turn
  aligned only between its anchor and the next.

Turns that still disagree are then tried one by one, each with the turn before it and up to the
turn after it as now placed (a run where the coarse aligner is wrong about one turn is not
anchored, but its other turns may be).

The placement whose words score better with the acoustic model is kept, so the coarse aligner
(made for synthetic voices, seconds off on real ones) never wins on its word alone, and a wrong
stretch never moves anything outside it. When the best two placements score nearly alike but
put a turn far apart, nobody knows where it is: its words keep their times with honestly low
confidence.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from editor.core.align.acoustic.windows import SQUEEZED_SCORE, Timed, WindowAligner

AGREE_MS = 600  # a turn starting this close to the coarse aligner's start agrees with it
ANCHOR_BACK_MS = 200  # an anchored turn may start this far before the coarse start
BETTER_BY = 0.15  # a new placement must score this much better (log per frame) to be taken
DOUBT_WITHIN = 0.3  # placements scoring this close are both possible, and if they
DOUBT_MS = 1000  # put a turn this far apart, it is doubtful
FASTEST_MS_PER_LETTER = 35  # no turn is said faster (the windows' fastest rate)
WHOLE_MS = 30_000  # stretches up to this long are also aligned again whole
DOUBTFUL = 0.2  # the confidence a doubtful turn's words get at most


def score(timed: Sequence[Timed]) -> float:
    """How well a placement's words fit: their mean acoustic score per frame."""
    return sum(max(SQUEEZED_SCORE, t.score) for t in timed) / max(1, len(timed))


def recheck(
    aligner: WindowAligner,
    timed: list[Timed],
    firsts: Sequence[int],
    coarse_starts: dict[int, int],
    span: tuple[int, int],
) -> int:
    """Stretches of turns placed again where that fits better (in ``timed``); how many turns
    moved. ``firsts`` are the turns' first words, ``coarse_starts`` the coarse aligner's starts
    by first word, ``span`` the run's audio."""
    bounds = [*firsts, len(timed)]
    moved = 0
    # A turn that disagrees alone is a run of one: it is decided again only if a stretch
    # decided since moved the words it is placed among (the same search gives the same answer).
    decided: set[tuple[object, ...]] = set()
    for runs in (True, False):  # whole runs of disagreeing turns, then each one left alone
        k = 0
        while k < len(firsts):
            if _agrees(timed, firsts[k], coarse_starts):
                k += 1
                continue
            end = k + 1
            while runs and end < len(firsts) and not _agrees(timed, firsts[end], coarse_starts):
                end += 1
            stretch = _Stretch(aligner, timed, bounds, range(k, end), span)
            seen = stretch.placement()
            if seen not in decided:
                moved += stretch.decide([coarse_starts[firsts[t]] for t in range(k, end)])
                decided.add(seen)
            k = end
    return moved


def _agrees(timed: list[Timed], first: int, coarse_starts: dict[int, int]) -> bool:
    return (
        first not in coarse_starts or abs(timed[first].start_ms - coarse_starts[first]) < AGREE_MS
    )


class _Stretch:
    """Turns ``k`` to ``end`` (exclusive) that disagree, with the trusted turn before them."""

    def __init__(
        self,
        aligner: WindowAligner,
        timed: list[Timed],
        bounds: list[int],
        turns: range,
        span: tuple[int, int],
    ) -> None:
        self.aligner, self.timed, self.bounds = aligner, timed, bounds
        k, end = self.k, self.end = turns.start, turns.stop
        self.begin = max(0, k - 1)
        self.low, self.high = bounds[self.begin], bounds[end]
        self.start_ms = max(span[0], timed[self.low].start_ms - 100) if k > 0 else span[0]
        self.stop_ms = timed[self.high].start_ms if self.high < len(timed) else span[1]

    def placement(self) -> tuple[object, ...]:
        """The stretch's turns, audio and words' times: all that its decision depends on."""
        words = tuple((t.start_ms, t.end_ms, t.score) for t in self.timed[self.low : self.high])
        return (self.k, self.end, self.start_ms, self.stop_ms, words)

    def decide(self, coarse: list[int]) -> int:
        """Keep the best of the three placements; how many turns moved."""
        low, high = self.low, self.high
        if self.stop_ms - self.start_ms < 300:
            return 0
        current = self.timed[low:high]
        options = [(score(current), current)]
        if self.stop_ms - self.start_ms <= WHOLE_MS:
            whole = self.aligner.between(low, high, self.start_ms, self.stop_ms)
            options.append((score(whole), whole))
        anchored = self._anchored(coarse)
        if anchored is not None:
            options.append((score(anchored), anchored))
        if len(options) == 1:
            return 0
        ranked = sorted(options[1:], key=lambda option: -option[0])
        chosen = ranked[0] if ranked[0][0] >= options[0][0] + BETTER_BY else options[0]
        other = ranked[0] if chosen is options[0] else options[0]
        placed = self._ordered(chosen[1])
        self.timed[low:high] = placed
        if abs(chosen[0] - other[0]) < DOUBT_WITHIN:
            self._mark_doubt(other[1])
        return sum(
            1
            for t in range(self.begin, self.end)
            if placed[self.bounds[t] - low].start_ms != current[self.bounds[t] - low].start_ms
        )

    def _anchored(self, coarse: list[int]) -> list[Timed] | None:
        """Every disagreeing turn started where the coarse aligner starts it, unless that is
        too soon after the turn anchored before it to say that turn's words (then it is aligned
        with that turn: the coarse aligner squeezed it, as it does text the audio lacks). None
        when no turn can start where the coarse aligner starts it (it puts them all outside
        this stretch's audio): aligning the same words in the same audio again would only
        repeat the search (on Apollo's radio that was half the alignment's time)."""
        if self.k > 0:
            cuts, previous = [(self.low, self.start_ms)], self.begin
        else:
            first = coarse[0] - ANCHOR_BACK_MS
            first = first if first <= self.stop_ms - 300 else self.start_ms
            cuts, previous = [(self.low, max(self.start_ms, first))], 0
        anchors = int(cuts[0][1] > self.start_ms)
        for t in range(max(1, self.k), self.end):
            start = coarse[t - self.k] - ANCHOR_BACK_MS
            room = sum(self.aligner.letters[self.bounds[previous] : self.bounds[previous + 1]])
            if cuts[-1][1] + room * FASTEST_MS_PER_LETTER <= start <= self.stop_ms - 300:
                cuts.append((self.bounds[t], start))
                previous = t
                anchors += 1
        if not anchors:
            return None
        cuts.append((self.high, self.stop_ms))
        pieces = [(a, b, start, end) for (a, start), (b, end) in pairwise(cuts)]
        result: list[Timed] = []
        for first, last, start_ms, end_ms in pieces:
            if last > first:
                result += self.aligner.inside(first, last, start_ms, end_ms)
        return result

    def _ordered(self, placed: list[Timed]) -> list[Timed]:
        """The words in order, none before the word before the stretch."""
        previous = self.timed[self.low - 1].end_ms if self.low else self.start_ms
        result = []
        for word in placed:
            start = max(word.start_ms, previous)
            result.append(Timed(start, max(start, word.end_ms), word.confidence, word.score))
            previous = result[-1].end_ms
        return result

    def _mark_doubt(self, other: list[Timed]) -> None:
        """Turns the other placement puts far away: nobody knows where they are."""
        for t in range(self.k, self.end):
            first, last = self.bounds[t], self.bounds[t + 1]
            here, there = self.timed[first].start_ms, other[first - self.low].start_ms
            if abs(here - there) > DOUBT_MS:
                for word in self.timed[first:last]:
                    word.confidence = min(word.confidence, DOUBTFUL)
