"""Where the topics go when the conversation does not take them in the page's order.

An episode page's bullets are a summary, often written in another order than the talk took:
the sample page lists "hybrid" before "neurodivergent talent", which the hosts discuss five
turns earlier. Keeping the page's order would then put some topic on a turn that does not speak
of it. So each topic goes where it is spoken of, the chapters are sorted by time, and the
page's order only decides between placements that score the same (a topic no turn speaks of
keeps its place between its neighbours on the page).

The best total is searched for from the ordered placement (``topics.monotone_placement``) by
moving one topic to another turn — and, when that turn is taken or too near another chapter,
moving that chapter's topic on as well (one turn may speak of two topics: the second then goes
to its next best) — or swapping two, while the total grows: a local search, which for a page's
handful of topics finds the best placement in practice (each topic's candidates are its
best-scoring turns, so 12,000 turns cost no more than 50).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence

import numpy as np
import numpy.typing as npt

MIN_CHAPTER_MS = 10_000  # YouTube's shortest chapter
CANDIDATES = 24  # the best-scoring turns per topic a move may go to
_ORDER = 1e-3  # the cost of a pair out of the page's order, a tie-breaker only
Scores = npt.NDArray[np.float64]


def free_placement(
    matrix: Scores, starts: Sequence[int], end_ms: int, ordered: Sequence[int]
) -> list[int]:
    """The turn for each topic (row) with the best total score, in any order of the turns,
    every chapter — from the first at 0 to the end — at least ``MIN_CHAPTER_MS`` long;
    ``ordered`` is a valid placement in the topics' order to start from."""
    count = len(ordered)
    reach = np.maximum.accumulate(np.asarray(starts, dtype=np.int64))
    scale = float(matrix.max(axis=1).mean()) if matrix.size else 1.0
    tie = _ORDER * (scale or 1.0)
    candidates = [
        sorted({*np.argsort(-matrix[k], kind="stable")[:CANDIDATES].tolist(), ordered[k]})
        for k in range(count)
    ]

    def value(chosen: Sequence[int]) -> float:
        total = sum(float(matrix[k, j]) for k, j in enumerate(chosen))
        crossed = sum(1 for a, b in itertools.combinations(chosen, 2) if a > b)
        return total - tie * crossed

    def fits(chosen: Sequence[int]) -> bool:
        distinct = len(set(chosen)) == count
        return distinct and fits_chapters([int(reach[j]) for j in chosen], end_ms)

    def moves(chosen: list[int]) -> Iterator[list[int]]:
        for k in range(count):
            for j in candidates[k]:
                if j == chosen[k]:
                    continue
                trial = [*chosen[:k], j, *chosen[k + 1 :]]
                yield trial
                for other in range(count):  # the chapter in the way moves on too
                    if (
                        other != k
                        and abs(int(reach[chosen[other]]) - int(reach[j])) < MIN_CHAPTER_MS
                    ):
                        for j2 in candidates[other]:
                            if j2 not in (j, chosen[other]):
                                yield [*trial[:other], j2, *trial[other + 1 :]]

    best = list(ordered)
    best_value = value(best)
    improved = True
    while improved:
        improved = False
        swaps = (_swapped(best, a, b) for a, b in itertools.combinations(range(count), 2))
        for trial in itertools.chain(moves(best), swaps):
            trial_value = value(trial)
            if trial_value > best_value + 1e-12 and fits(trial):
                best, best_value, improved = trial, trial_value, True
    return best


def _swapped(chosen: Sequence[int], a: int, b: int) -> list[int]:
    trial = list(chosen)
    trial[a], trial[b] = trial[b], trial[a]
    return trial


def fits_chapters(starts: Sequence[int], end_ms: int) -> bool:
    """Whether chapters at these turn starts (one or more), the first moved to 0, are each at
    least ``MIN_CHAPTER_MS`` long up to ``end_ms``."""
    ordered = sorted(starts)
    begins = [0, *ordered[1:]]
    ends = [*begins[1:], end_ms]
    return all(e - b >= MIN_CHAPTER_MS for b, e in zip(begins, ends, strict=True))


def most_chapters(starts: Sequence[int], end_ms: int) -> int:
    """How many chapters of ``MIN_CHAPTER_MS`` or more these turn starts allow (the first at
    0; a start before an earlier turn's counts as that one's): taking each turn that fits as
    early as it can is the most."""
    if end_ms < MIN_CHAPTER_MS:
        return 0
    count, last = 1, 0
    for start in itertools.accumulate(starts, max):
        if start - last >= MIN_CHAPTER_MS and end_ms - start >= MIN_CHAPTER_MS:
            count, last = count + 1, start
    return count
