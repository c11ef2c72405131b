"""Suggested chapters for a project, each with its reason and its score, for review.

With the episode page's topic bullets (kept by ``shownotes import``): one chapter per topic at
the turn where it starts (``topics``), the chapters in transcript order; the page's order of
the topics decides only ties, or, when asked to keep it, every placement (a topic that a turn
out of that order matches far better then says so). Without topics: a chapter at each change
of subject, every 3–8 minutes (``shifts``), titled with a sentence of its first turn (or of the
next ones, when the first says little). The first chapter starts at 0. Untimed turns are placed
by the project's estimated times (``time_estimates``), and a suggestion at such a turn says its
time is estimated.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from editor.core.chapter_suggest.placement import MIN_CHAPTER_MS, most_chapters
from editor.core.chapter_suggest.shifts import Shift, find_shifts
from editor.core.chapter_suggest.terms import Token, Vocabulary, content_words
from editor.core.chapter_suggest.topics import (
    Placement,
    SpecialTerm,
    TopicMatcher,
)
from editor.core.errors import EditError
from editor.core.model import ESTIMATED, Turn
from editor.core.project.store import ProjectStore
from editor.core.time_estimates import estimate_spans
from editor.core.timecode import format_clock

FIRST_WORDS = 8
OPENING_TURNS, OPENING_WORDS = 3, 12  # where a chapter's title may come from
OUT_OF_ORDER = 1.5  # a topic's best turn elsewhere scores this many times more: say so
TITLE_WORDS = 10
_SENTENCE = re.compile(r"[^.!?]+[.!?]*")
_LEADING = re.compile(
    r"^(?:(?:and|but|so|well|yeah|yes|no|okay|ok|right|oh|um|uh|like|look|i mean|you know)"
    r"[,.!]?\s+)+",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A proposed chapter: where, what it is called, and why."""

    start_ms: int
    title: str
    turn_id: int
    turn_number: int  # 1-based, as the editor shows turns
    first_words: str  # the turn's first words
    words: tuple[str, ...]  # the overlapping words: the turn's words behind the choice
    score: float
    estimated: bool  # the start is an estimate: the turn has no time of its own
    topic: str = ""  # the page's topic it is for; "" for a change of subject
    note: str = ""  # more about the choice (the first chapter, a dip in similarity)
    next_words: tuple[str, ...] = ()  # the next turn's words shared with the topic

    @property
    def why(self) -> str:
        shared = ", ".join(self.words) if self.words else "no words in common"
        parts = [f"shares with the topic: {shared}" if self.topic else f"new words: {shared}"]
        if self.next_words:
            parts.append(f"the next turn: {', '.join(self.next_words)}")
        if self.note:
            parts.append(self.note)
        return "; ".join(parts)

    def as_dict(self) -> dict[str, Any]:
        return {
            "start": self.start_ms / 1000,
            "start_ms": self.start_ms,
            "title": self.title,
            "turn": self.turn_number,
            "first_words": self.first_words,
            "topic": self.topic or None,
            "words": list(self.words),
            "next_words": list(self.next_words),
            "score": self.score,
            "estimated": self.estimated,
            "why": self.why,
        }


def suggest_chapters(
    store: ProjectStore, page_order: bool = False, topics: bool = True
) -> list[Suggestion]:
    """Suggestions for the project's transcript, from its episode page's topics if any (in
    the page's order of topics with ``page_order``), else (or without ``topics``) at the
    changes of subject."""
    meta = store.episode()
    special = [SpecialTerm(t.term, t.variants) for t in store.glossary.terms()]
    special += [SpecialTerm(p.name) for p in meta.people]
    special += [SpecialTerm(s.name) for s in store.speakers()]
    link = store.media_link()
    duration = link.duration_ms if link is not None else None
    return suggest_for(
        store.turns(with_words=False),
        meta.topics if topics else (),
        special,
        duration,
        page_order,
    )


def suggest_for(
    turns: Sequence[Turn],
    topics: Sequence[str] = (),
    special: Sequence[SpecialTerm] = (),
    duration_ms: int | None = None,
    page_order: bool = False,
) -> list[Suggestion]:
    """Suggestions for these turns (in transcript order); ``topics`` from the episode page."""
    if not turns:
        return []
    spans = estimate_spans(
        [t.text for t in turns], [t.start_ms for t in turns], [t.end_ms for t in turns]
    )
    starts = [s.start_ms for s in spans]
    end_ms = max(duration_ms or 0, *(s.end_ms for s in spans))
    matcher = TopicMatcher([t.text for t in turns], special)
    topics = [t.strip() for t in topics if t.strip()]
    if topics:
        # More topics than chapters 10 s apart fit (a short or sparsely timed transcript): the
        # ones the turns speak of most get chapters; ``left_out`` names the others.
        room = most_chapters(starts, end_ms)
        if not room:
            raise EditError(
                f"the transcript lasts {end_ms / 1000:.1f} s: too short for chapters, which last "
                f"{MIN_CHAPTER_MS // 1000} s or more"
            )
        topics = matcher.strongest(topics, room) if len(topics) > room else topics
        placements = matcher.place(topics, starts, end_ms, page_order)
        in_time = sorted(placements, key=lambda p: (starts[p.turn], p.turn))
        return [
            _from_topic(p, topics[p.topic], turns, starts, first=p is in_time[0]) for p in in_time
        ]
    ordered = [int(ms) for ms in np.maximum.accumulate(starts)]  # never before an earlier turn
    shifts = find_shifts(matcher.tokens, ordered, end_ms)
    return _from_shifts(shifts, turns, ordered, matcher.tokens, matcher.vocabulary)


def left_out(suggestions: Sequence[Suggestion], topics: Sequence[str]) -> list[str]:
    """The page's topics no suggestion is for: there was no room for their chapters."""
    placed = {s.topic for s in suggestions}
    return [t.strip() for t in topics if t.strip() and t.strip() not in placed]


def _from_topic(
    placement: Placement,
    topic: str,
    turns: Sequence[Turn],
    starts: Sequence[int],
    first: bool,
) -> Suggestion:
    notes: list[str] = []
    turn_index, start = placement.turn, starts[placement.turn]
    if first:  # the first chapter covers the opening, wherever its topic is
        turn_index, start = 0, 0
        notes.append("the first chapter starts at 0:00")
        if placement.score > 0:
            notes.append(f"its topic is spoken of at turn {_where(placement.turn, turns, starts)}")
    if placement.best_score > OUT_OF_ORDER * placement.score:
        notes.append(
            f"the topic is spoken of more at turn {_where(placement.best_turn, turns, starts)}, "
            f"score {placement.best_score:.2f}, out of the page's order of topics or too near "
            "another chapter"
        )
    turn = turns[turn_index]
    return Suggestion(
        start,
        _title(topic),
        turn.id,
        turn_index + 1,
        first_words(turn.text),
        placement.words,
        round(placement.score, 2),
        start > 0 and _is_estimated(turn),
        topic,
        "; ".join(notes),
        () if first else placement.next_words,
    )


def _where(index: int, turns: Sequence[Turn], starts: Sequence[int]) -> str:
    return f"{index + 1} ({_clock(starts[index], turns[index])})"


def _from_shifts(
    shifts: Sequence[Shift],
    turns: Sequence[Turn],
    starts: Sequence[int],
    tokens: Sequence[Sequence[Token]],
    vocabulary: Vocabulary,
) -> list[Suggestion]:
    found: list[Suggestion] = []
    bounds = [s.turn for s in shifts] + [len(turns)]
    for shift, stop in zip(shifts, bounds[1:], strict=True):
        weights = _keywords(tokens[shift.turn : stop], vocabulary)
        turn = turns[shift.turn]
        opening = _opening(tokens, shift.turn, stop)
        title, words = _title_from_turns([turns[i].text for i in opening], weights)
        start = starts[shift.turn] if shift.turn else 0
        note = (
            f"the subject changes: the words before and after are {shift.similarity:.2f} alike, "
            f"a dip of {shift.depth:.2f}"
            if shift.turn
            else "the first chapter starts at 0:00"
        )
        found.append(
            Suggestion(
                start,
                title,
                turn.id,
                shift.turn + 1,
                first_words(turn.text),
                words,
                round(shift.depth, 2),
                start > 0 and _is_estimated(turn),
                "",
                note,
            )
        )
    return found


def _keywords(stretch: Sequence[Sequence[Token]], vocabulary: Vocabulary) -> dict[str, float]:
    """Each stem of a chapter's stretch, weighted by how often it comes and how rare it is."""
    counts = Counter(t.stem for turn in stretch for t in turn)
    return {s: n * vocabulary.idf(s) for s, n in counts.items()}


def _opening(tokens: Sequence[Sequence[Token]], first: int, stop: int) -> list[int]:
    """The chapter's first turn, and the next ones while it has said little (a "Right." or a
    laugh is no title): up to ``OPENING_TURNS`` turns or ``OPENING_WORDS`` content words."""
    chosen: list[int] = []
    said = 0
    for index in range(first, min(stop, first + OPENING_TURNS)):
        chosen.append(index)
        said += len(tokens[index])
        if said >= OPENING_WORDS:
            break
    return chosen


def _title_from_turns(
    texts: Sequence[str], weights: dict[str, float]
) -> tuple[str, tuple[str, ...]]:
    """The opening's sentence that says most of its chapter's words, trimmed, and its words
    that matter most in the chapter."""
    candidates = [
        (sentence, content_words(sentence))
        for text in texts
        for sentence in _SENTENCE.findall(text)
    ]
    full = [c for c in candidates if len(c[1]) >= 3] or candidates
    best, best_score = (texts[0], content_words(texts[0])), -1.0
    for sentence, said in full:
        stems = {t.stem for t in said}
        score = sum(weights.get(s, 0.0) for s in stems) / max(1.0, len(sentence.split())) ** 0.5
        if score > best_score:
            best, best_score = (sentence, said), score
    spoken = {t.stem: t.surface for _, said in candidates for t in said}
    ranked = sorted(spoken.items(), key=lambda item: -weights.get(item[0], 0.0))
    return _title(_trimmed(best[0])), tuple(surface.lower() for _, surface in ranked[:5])


def _trimmed(sentence: str) -> str:
    sentence = _LEADING.sub("", sentence.strip()).strip()
    words = sentence.split()
    if len(words) > TITLE_WORDS:
        return " ".join(words[:TITLE_WORDS]).rstrip(",;:") + "…"
    return sentence


def _title(text: str) -> str:
    text = text.strip().rstrip(".,;:!?").strip()
    return text[:1].upper() + text[1:]


def first_words(text: str, count: int = FIRST_WORDS) -> str:
    words = text.split()
    return " ".join(words[:count]) + ("…" if len(words) > count else "")


def _is_estimated(turn: Turn) -> bool:
    return turn.start_ms is None or turn.timing == ESTIMATED


def _clock(ms: int, turn: Turn) -> str:
    return ("≈" if _is_estimated(turn) else "") + format_clock(ms)
