"""Chapters from the episode page's topics: each topic at the turn where it starts.

Every (topic, turn) pair gets a score: the topic's content words found in the turn, each
weighted by its rarity over the turns (``terms.Vocabulary``), twice as much for the words of a
glossary term or a name, and a glossary term also found by one of its variants (speech-to-text
wrote "Human Death" for "Human Debt™"). Long turns are damped, as BM25 damps long documents, so
a turn is not chosen for saying everything at length; and half the next turn's score is added,
since a topic that starts at a turn goes on in the turns after it.

The topics are first placed in their order, at turns in transcript order, each chapter at least
``MIN_CHAPTER_MS`` long: the best total over all such monotone placements, by dynamic
programming over topics × turns (a greedy choice of each topic's best turn could put a later
topic before an earlier one, or leave no room for the topics after it). A tiny preference for
evenly spread chapters only decides between placements that score the same, such as a topic
no turn speaks of. Unless the page's order is to be kept, ``placement.free_placement`` then
lets each topic go where it is spoken of, the page's order deciding only ties.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from editor.core.chapter_suggest.placement import MIN_CHAPTER_MS, free_placement, most_chapters
from editor.core.chapter_suggest.terms import Vocabulary, content_words
from editor.core.errors import EditError

SPECIAL_WEIGHT = 2.0  # a glossary term's or a name's words
_K1, _B = 1.2, 0.75  # BM25's saturation and length damping
ADVERB_WEIGHT = 0.5  # a topic's "-ly" word
CONTEXT = 0.5  # the share of the next turn's score a turn gets
_EVEN = 1e-3  # the weight of the even spread, a tie-breaker only
Scores = npt.NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class SpecialTerm:
    """A glossary term or a person's name, with the other ways a transcript may write it."""

    text: str
    variants: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Placement:
    topic: int  # index into the topics
    turn: int  # index into the turns
    score: float
    words: tuple[str, ...]  # the turn's words that matched the topic, as the turn writes them
    best_turn: int  # the turn that matches the topic best, in any order
    best_score: float
    next_words: tuple[str, ...] = ()  # the next turn's words that matched (half its score counts)


class TopicMatcher:
    """Scores topics against turns; ``place`` puts them in order."""

    def __init__(
        self,
        texts: Sequence[str],
        special: Sequence[SpecialTerm] = (),
    ) -> None:
        self.texts = texts
        self.tokens = [content_words(t) for t in texts]
        self.vocabulary = Vocabulary(self.tokens)
        self.special = [s for s in special if s.text.strip()]
        self._postings: dict[str, list[int]] = {}
        for index, stems in enumerate(self.vocabulary.stems):
            for s in stems:
                self._postings.setdefault(s, []).append(index)
        lengths = np.array([max(1, len(t)) for t in self.tokens], dtype=np.float64)
        average = float(lengths.mean()) if len(lengths) else 1.0
        damping = (_K1 + 1) / (1 + _K1 * (1 - _B + _B * lengths / average))
        self._damping = np.minimum(1.0, damping)  # long turns count less, short ones no more

    def scores(self, topic: str) -> Scores:
        """The topic's score at every turn."""
        total = np.zeros(len(self.texts))
        phrases = self._phrase_hits(topic)
        for stem_, weight in self._topic_stems(topic).items():
            best = np.zeros(len(self.texts))
            for other, likeness in self.vocabulary.matches(stem_).items():
                turns = self._postings[other]
                value = likeness * self.vocabulary.idf(other)
                best[turns] = np.maximum(best[turns], value)
            for turns in phrases.get(stem_, ()):
                best[turns] = np.maximum(best[turns], self.vocabulary.idf(stem_))
            total += weight * best
        total *= self._damping
        # A topic starts where it is spoken of and goes on being spoken of: half the next
        # turn's score counts too.
        total[:-1] += CONTEXT * total[1:].copy()
        return total

    def words(self, topic: str, turn: int) -> tuple[str, ...]:
        """The words of ``turn`` that match the topic, in the turn's order, each once."""
        wanted = self._topic_stems(topic)
        matched: set[str] = set()
        for stem_ in wanted:
            matched.update(self.vocabulary.matches(stem_))
        seen: dict[str, None] = {}
        for token in self.tokens[turn]:
            if token.stem in matched:
                seen.setdefault(token.surface.lower(), None)
        for term in self._special_in(topic):
            for form in (term.text, *term.variants):
                if _contains(self.texts[turn], form):
                    seen.setdefault(_plain(form), None)
        return tuple(seen)

    def place(
        self, topics: Sequence[str], starts: Sequence[int], end_ms: int, page_order: bool = False
    ) -> list[Placement]:
        """One placement per topic, in the topics' order (each at a later turn than the one
        before) with ``page_order``, else each where it is spoken of."""
        if not topics:
            return []
        matrix = np.array([self.scores(t) for t in topics])
        chosen = monotone_placement(matrix, starts, end_ms)
        if not page_order:
            chosen = free_placement(matrix, starts, end_ms, chosen)
        best = matrix.argmax(axis=1)
        return [
            Placement(
                k,
                j,
                float(matrix[k, j]),
                self.words(topics[k], j),
                int(best[k]),
                float(matrix[k, best[k]]),
                self.words(topics[k], j + 1) if j + 1 < len(self.texts) else (),
            )
            for k, j in enumerate(chosen)
        ]

    def strongest(self, topics: Sequence[str], count: int) -> list[str]:
        """The ``count`` topics the turns speak of most, in the page's order."""
        best = [float(self.scores(t).max()) if self.texts else 0.0 for t in topics]
        keep = sorted(range(len(topics)), key=lambda k: (-best[k], k))[:count]
        return [topics[k] for k in sorted(keep)]

    def _topic_stems(self, topic: str) -> dict[str, float]:
        """The topic's stems, each with its weight (higher for a glossary term or a name)."""
        special = {t.stem for term in self._special_in(topic) for t in content_words(term.text)}
        weights: dict[str, float] = {}
        for token in content_words(topic):
            weight = SPECIAL_WEIGHT if token.stem in special else _weight(token.surface)
            weights[token.stem] = max(weights.get(token.stem, 0.0), weight)
        return weights

    def _special_in(self, topic: str) -> list[SpecialTerm]:
        return [s for s in self.special if _contains(topic, s.text)]

    def _phrase_hits(self, topic: str) -> dict[str, list[list[int]]]:
        """Topic stems found in turns as part of a special term written another way."""
        found: dict[str, list[list[int]]] = {}
        for term in self._special_in(topic):
            turns = [
                i
                for i, text in enumerate(self.texts)
                if any(_contains(text, form) for form in term.variants)
            ]
            if turns:
                for token in content_words(term.text):
                    found.setdefault(token.stem, []).append(turns)
        return found


def monotone_placement(matrix: Scores, starts: Sequence[int], end_ms: int) -> list[int]:
    """The turn for each topic (row) maximising the total score, with the turns strictly in
    order and every chapter — from the first at 0 to the end — at least ``MIN_CHAPTER_MS``
    long. ``EditError`` when the transcript has too few such turns for the topics."""
    count, turns = matrix.shape
    # A turn's start for ordering: never before an earlier turn's (times may be out of order).
    reach = np.maximum.accumulate(np.asarray(starts, dtype=np.int64)) if turns else np.array([])
    begin = np.asarray(starts, dtype=np.int64)
    position = begin / max(1, end_ms)
    # The last chapter must last to the end; when it is the only one, it starts at 0.
    last_start = np.zeros_like(begin) if count == 1 else begin
    best_total = np.where(end_ms - last_start >= MIN_CHAPTER_MS, 0.0, -np.inf)
    value = np.full((count, turns), -np.inf)
    back = np.zeros((count, turns), dtype=np.int64)
    for k in range(count):
        even = -_EVEN * np.abs(position - (k + 0.5) / count)
        gain = matrix[k] + even * _tie_scale(matrix)
        if k == 0:
            value[0] = gain  # the first chapter starts at 0 whichever turn it is at
            continue
        running = np.maximum.accumulate(value[k - 1])
        arg = _running_argmax(value[k - 1])
        # Predecessors of turn j: turns i < j whose (ordered) start is MIN before j's start;
        # any earlier turn for the second topic, as the first chapter starts at 0 anyway.
        if k == 1:
            last = np.arange(turns) - 1
        else:
            last = np.searchsorted(reach, begin - MIN_CHAPTER_MS, side="right") - 1
            last = np.minimum(last, np.arange(turns) - 1)
        ok = (last >= 0) & (begin >= MIN_CHAPTER_MS)
        previous = np.where(ok, running[np.maximum(last, 0)], -np.inf)
        value[k] = np.where(ok, previous + gain, -np.inf)
        back[k] = np.where(ok, arg[np.maximum(last, 0)], 0)
    final = value[-1] + best_total
    if not turns or not np.isfinite(final.max()):
        raise EditError(
            f"the transcript has too few turns {MIN_CHAPTER_MS // 1000} s or more apart for "
            f"{count} chapters, one per topic of the episode page (at most "
            f"{most_chapters(starts, end_ms)} fit; an untimed turn is placed by estimated times); "
            "time the turns, or ask for chapters at changes of subject, which need no topics"
        )
    chosen = [int(final.argmax())]
    for k in range(count - 1, 0, -1):
        chosen.append(int(back[k, chosen[-1]]))
    return chosen[::-1]


def _running_argmax(values: Scores) -> npt.NDArray[np.int64]:
    """For each index, where the maximum of ``values[: index + 1]`` is (its first place)."""
    result = np.zeros(len(values), dtype=np.int64)
    best = 0
    for index in range(len(values)):
        if values[index] > values[best]:
            best = index
        result[index] = best
    return result


def _tie_scale(matrix: Scores) -> float:
    best = matrix.max(axis=1) if matrix.size else np.zeros(1)
    return float(best.mean()) or 1.0


def _weight(surface: str) -> float:
    """A topic word's weight: an adverb ("entirely", "genuinely") says how, not what about."""
    return ADVERB_WEIGHT if len(surface) > 5 and surface.lower().endswith("ly") else 1.0


def _plain(text: str) -> str:
    return re.sub(r"[™®©]", "", text).strip().casefold()


def _contains(text: str, form: str) -> bool:
    """``form`` (without its mark) in ``text`` as whole words, ignoring case."""
    plain = _plain(form)
    if not plain:
        return False
    return re.search(rf"(?<!\w){re.escape(plain)}(?!\w)", _plain(text)) is not None
