"""Chapters where the conversation changes subject, for an episode without topic bullets.

As TextTiling (Hearst 1997) does: at every turn boundary the ``BLOCK_WORDS`` content words
before it are compared with the ``BLOCK_WORDS`` after it (cosine of their stem counts); a
subject change is a dip of that similarity, and its depth (how far it falls below the highest
similarity on either side) is its score. Boundaries are then chosen by
dynamic programming so that every chapter lasts ``SHORTEST_SUBJECT_MS`` to ``LONGEST_SUBJECT_MS``
(3–8 minutes), with the deepest dips in total: a boundary shallower than the average dip costs
more than it brings, so chapters end where the subject changes, not as often as allowed.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from editor.core.chapter_suggest.terms import Token

SHORTEST_SUBJECT_MS = 3 * 60_000  # a chapter by subject, at least (YouTube's minimum is 10 s)
LONGEST_SUBJECT_MS = 8 * 60_000
BLOCK_WORDS = 120  # content words on each side of a boundary


@dataclass(frozen=True, slots=True)
class Shift:
    turn: int  # index of the turn the new chapter starts at
    depth: float  # how deep the similarity dips there (0 for the first chapter)
    similarity: float  # the words before and after, compared (cosine, 0–1)


def find_shifts(
    tokens: Sequence[Sequence[Token]], starts: Sequence[int], end_ms: int
) -> list[Shift]:
    """The chapters' first turns: the first turn, then each chosen subject change."""
    if not tokens:
        return []
    similarities = gap_similarities(tokens)
    depths = depth_scores(similarities)
    chosen = _segment(starts, end_ms, depths)
    first = Shift(0, 0.0, 1.0)
    return [first, *(Shift(j, depths[j], similarities[j]) for j in chosen)]


def gap_similarities(tokens: Sequence[Sequence[Token]]) -> list[float]:
    """For each turn j (j ≥ 1), how alike the ``BLOCK_WORDS`` content words before it and the
    ``BLOCK_WORDS`` from it on are. The two blocks slide word by word, their counts, norms and
    dot product kept up to date, so this is linear in the words."""
    ids: dict[str, int] = {}
    words = [ids.setdefault(t.stem, len(ids)) for turn in tokens for t in turn]
    blocks = _Blocks(words)
    result = [1.0]
    position = 0
    for turn in tokens[:-1]:
        position += len(turn)
        blocks.move_to(position)
        result.append(blocks.similarity())
    return result


class _Blocks:
    """The word counts of the block before a position and of the block after it."""

    def __init__(self, words: list[int]) -> None:
        self.words = words
        self.before: dict[int, int] = {}
        self.after: dict[int, int] = {}
        self.norms = [0, 0]  # sums of squared counts: before, after
        self.dot = 0
        self.position = 0
        for word in words[:BLOCK_WORDS]:
            self._change(self.after, self.before, 1, 1, word)

    def move_to(self, position: int) -> None:
        words, size = self.words, len(self.words)
        while self.position < position:
            here = self.position
            self._change(self.after, self.before, 1, -1, words[here])
            self._change(self.before, self.after, 0, 1, words[here])
            if here - BLOCK_WORDS >= 0:
                self._change(self.before, self.after, 0, -1, words[here - BLOCK_WORDS])
            if here + BLOCK_WORDS < size:
                self._change(self.after, self.before, 1, 1, words[here + BLOCK_WORDS])
            self.position += 1

    def _change(
        self, counts: dict[int, int], other: dict[int, int], side: int, step: int, word: int
    ) -> None:
        count = counts.get(word, 0)
        self.norms[side] += 2 * count * step + 1
        self.dot += step * other.get(word, 0)
        counts[word] = count + step

    def similarity(self) -> float:
        norm = math.sqrt(self.norms[0] * self.norms[1])
        return self.dot / norm if norm else 0.0


def depth_scores(similarities: Sequence[float]) -> list[float]:
    """TextTiling's depth of each dip: the climb to the highest point on its left plus the
    climb on its right; 0 where the similarity does not dip."""
    depths = [0.0] * len(similarities)
    for j in range(1, len(similarities)):
        left = j
        while left > 1 and similarities[left - 1] >= similarities[left]:
            left -= 1
        right = j
        while right + 1 < len(similarities) and similarities[right + 1] >= similarities[right]:
            right += 1
        depths[j] = (similarities[left] - similarities[j]) + (similarities[right] - similarities[j])
    return depths


def _segment(starts: Sequence[int], end_ms: int, depths: Sequence[float]) -> list[int]:
    """Turns where chapters start (after the first), each chapter 3–8 minutes, deepest dips.

    Without a way to keep every chapter within 8 minutes (a long turn alone) chapters of up to
    24 minutes are allowed; an episode too short for two chapters gets none."""
    for longest in (LONGEST_SUBJECT_MS, 3 * LONGEST_SUBJECT_MS):
        chosen = _best_boundaries(starts, end_ms, depths, longest)
        if chosen is not None:
            return chosen
    return []


def _best_boundaries(
    starts: Sequence[int], end_ms: int, depths: Sequence[float], longest: int
) -> list[int] | None:
    dips = [d for d in depths[1:] if d > 0]
    cost = sum(dips) / len(dips) if dips else 0.0
    count = len(starts)
    # Where each chapter would start: the first at 0 ms, the others at their turn.
    at = np.array([0, *starts[1:]], dtype=np.int64)
    # best[j]: the best total of a chapter list whose last chapter starts at turn j (turn 0:
    # the first chapter); back[j]: the chapter before it.
    best = np.full(count, -np.inf)
    back = np.zeros(count, dtype=np.int64)
    best[0] = 0.0
    for j in range(1, count):
        first = int(np.searchsorted(at, at[j] - longest, side="left"))
        last = min(j - 1, int(np.searchsorted(at, at[j] - SHORTEST_SUBJECT_MS, side="right")) - 1)
        if last < first:
            continue
        window = best[first : last + 1]
        pick = int(window.argmax())
        if np.isfinite(window[pick]):
            best[j] = window[pick] + depths[j] - cost
            back[j] = first + pick
    length = end_ms - at
    ends = np.flatnonzero(np.isfinite(best) & (length >= SHORTEST_SUBJECT_MS) & (length <= longest))
    if not len(ends):
        return None
    chosen: list[int] = []
    last_turn = int(ends[best[ends].argmax()])
    while last_turn != 0:
        chosen.append(last_turn)
        last_turn = int(back[last_turn])
    return chosen[::-1]
