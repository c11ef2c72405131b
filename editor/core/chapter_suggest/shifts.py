"""Chapters where the conversation changes subject, for an episode without topic bullets.

As TextTiling (Hearst 1997) does: at every turn boundary the words of the stretch before
(``BLOCK_WORDS`` content words) are compared with the words of the stretch after (cosine of
their stem counts); a subject change is a dip of that similarity, and its depth (how far it
falls below the highest similarity on either side) is its score. Boundaries are then chosen by
dynamic programming so that every chapter lasts ``MIN_CHAPTER_MS`` to ``MAX_CHAPTER_MS``
(3–8 minutes), with the deepest dips in total: a boundary shallower than the average dip costs
more than it brings, so chapters end where the subject changes, not as often as allowed.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from editor.core.chapter_suggest.terms import Token

MIN_CHAPTER_MS = 3 * 60_000
MAX_CHAPTER_MS = 8 * 60_000
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
    """For each turn j (j ≥ 1), how alike the words before it and from it on are."""
    stems = [[t.stem for t in turn] for turn in tokens]
    result = [1.0]
    for j in range(1, len(stems)):
        before: list[str] = []
        for turn in reversed(stems[:j]):
            before[:0] = turn
            if len(before) >= BLOCK_WORDS:
                break
        after: list[str] = []
        for turn in stems[j:]:
            after.extend(turn)
            if len(after) >= BLOCK_WORDS:
                break
        result.append(_cosine(Counter(before[-BLOCK_WORDS:]), Counter(after[:BLOCK_WORDS])))
    return result


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
    for longest in (MAX_CHAPTER_MS, 3 * MAX_CHAPTER_MS):
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
    # best[j]: the best total of a chapter list whose last chapter starts at turn j (0: the
    # first chapter, at 0 ms); back[j]: the chapter before it.
    best: list[float | None] = [None] * count
    back = [0] * count
    best[0] = 0.0
    for j in range(1, count):
        here = starts[j]
        for i in range(j - 1, -1, -1):
            since = here - (0 if i == 0 else starts[i])
            if since > longest:
                break
            previous = best[i]
            if since >= MIN_CHAPTER_MS and previous is not None:
                value = previous + depths[j] - cost
                current = best[j]
                if current is None or value > current:
                    best[j], back[j] = value, i
    ends = [
        j
        for j in range(count)
        if best[j] is not None
        and MIN_CHAPTER_MS <= end_ms - (0 if j == 0 else starts[j]) <= longest
    ]
    if not ends:
        return None
    last = max(ends, key=lambda j: best[j] or 0.0)
    chosen: list[int] = []
    while last != 0:
        chosen.append(last)
        last = back[last]
    return chosen[::-1]


def _cosine(a: Counter[str], b: Counter[str]) -> float:
    if not a or not b:
        return 0.0
    dot = sum(count * b[s] for s, count in a.items())
    norm = math.sqrt(sum(c * c for c in a.values())) * math.sqrt(sum(c * c for c in b.values()))
    return dot / norm if norm else 0.0
