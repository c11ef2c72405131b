"""Suggested chapters on small made-up transcripts whose right answer is known."""

from __future__ import annotations

import math
import random
from collections import Counter
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from editor.core.chapter_suggest import SpecialTerm, left_out, suggest_for
from editor.core.chapter_suggest.shifts import (
    BLOCK_WORDS,
    LONGEST_SUBJECT_MS,
    SHORTEST_SUBJECT_MS,
    gap_similarities,
)
from editor.core.chapter_suggest.terms import content_words, similarity, stem
from editor.core.chapter_suggest.topics import TopicMatcher, monotone_placement
from editor.core.errors import EditError
from editor.core.model import ESTIMATED, Turn
from editor.core.ops.chapters import add_suggested_chapters
from editor.core.session import ProjectSession

FILLER = "Yes, that is how it went for us back then, I would say."


def turns(texts: list[str], step_ms: int | None = 60_000, first_ms: int = 0) -> list[Turn]:
    """Turns a minute apart (``step_ms=None``: untimed)."""
    return [
        Turn(
            i + 1,
            f"{i:04d}",
            None,
            text,
            None if step_ms is None else first_ms + i * step_ms,
            None if step_ms is None else first_ms + (i + 1) * step_ms,
        )
        for i, text in enumerate(texts)
    ]


GARDEN = "We planted tomatoes in the garden, with compost and seedlings in the greenhouse."
PASTA = "Then the pasta sauce: simmer garlic, basil and the tomatoes for the sauce."
FOOTBALL = "The football season started, our striker scored and the goalkeeper saved a penalty."
TAXES = "Finally the taxes: receipts, the accountant and the deadline for the tax return."


def test_each_topic_lands_on_the_turn_that_speaks_of_it() -> None:
    texts = [FILLER, GARDEN, FILLER, FILLER, FILLER, PASTA, FOOTBALL, FILLER, TAXES, FILLER]
    topics = [
        "growing tomatoes in a greenhouse",
        "a simple pasta sauce with basil",
        "the football season and its penalties",
        "the tax return deadline",
    ]
    found = suggest_for(turns(texts), topics)
    # The first chapter starts at 0; the others at their turns (1-based: 6, 7, 9), not at an
    # even spread (which would be turns 4, 6, 9).
    assert [s.turn_number for s in found] == [1, 6, 7, 9]
    assert [s.start_ms for s in found] == [0, 300_000, 360_000, 480_000]
    assert [s.title for s in found] == [t[0].upper() + t[1:] for t in topics]
    assert found[0].note.startswith("the first chapter starts at 0:00")
    assert "turn 2" in found[0].note  # where its topic is spoken of
    assert set(found[1].words) >= {"pasta", "sauce", "basil"}
    assert "penalty" in found[2].words and found[2].score > 0
    assert not any(s.estimated for s in found)


ORDER_TEXTS = [
    FILLER,
    FILLER,
    "The garden was fine this year.",
    FILLER,
    FOOTBALL,
    FILLER,
    GARDEN + " The garden tomatoes, the compost, the seedlings: the greenhouse did it all.",
    FILLER,
]
ORDER_TOPICS = ["intro", "tomatoes from the garden greenhouse", "the football season"]


def test_the_page_order_is_kept_when_asked_where_greedy_choices_would_break_it() -> None:
    # Topic A is touched on at turn 3 and spoken of at length at turn 7; topic B only at turn 5.
    # Each topic's best turn (greedy) would put A after B; in order, A must be at turn 3.
    matcher = TopicMatcher(ORDER_TEXTS)
    assert int(np.argmax(matcher.scores(ORDER_TOPICS[1]))) == 6  # A's best turn alone: turn 7
    found = suggest_for(turns(ORDER_TEXTS), ORDER_TOPICS, page_order=True)
    assert [s.turn_number for s in found[1:]] == [3, 5]
    assert [s.topic for s in found] == ORDER_TOPICS
    starts = [s.start_ms for s in found]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)


def test_topics_go_where_they_are_spoken_of_and_chapters_follow_the_transcript() -> None:
    # The page lists A before B, the talk takes B first: A goes to its long turn 7, after B.
    found = suggest_for(turns(ORDER_TEXTS), ORDER_TOPICS)
    assert [s.topic for s in found] == [ORDER_TOPICS[0], ORDER_TOPICS[2], ORDER_TOPICS[1]]
    assert [s.turn_number for s in found] == [1, 5, 7]
    assert [s.start_ms for s in found] == sorted(s.start_ms for s in found)


def test_one_turn_on_two_topics_gives_the_second_its_next_best_turn() -> None:
    # Turn 3 speaks of both the garden and the pasta, and turn 4 of the pasta again: the
    # garden topic takes turn 3 (its only turn) and the pasta goes on to turn 4, though the
    # page lists the pasta first (in its order the garden would get no turn of its own).
    both = GARDEN + " " + PASTA
    texts = [FILLER, FILLER, both, PASTA, FILLER, FILLER]
    topics = ["pasta sauce with basil", "the garden greenhouse tomatoes"]
    found = suggest_for(turns(texts), ["intro", *topics])
    assert {s.topic: s.turn_number for s in found[1:]} == {topics[1]: 3, topics[0]: 4}


def test_a_topic_no_turn_speaks_of_keeps_its_place_on_the_page() -> None:
    texts = [FILLER, FILLER, GARDEN, FILLER, FILLER, FOOTBALL, FILLER, FILLER]
    topics = ["intro", "the garden greenhouse", "quantum chromodynamics", "the football season"]
    found = suggest_for(turns(texts), topics)
    assert [s.topic for s in found] == topics  # between its neighbours, as the page has it
    assert found[2].words == ()


def test_monotone_placement_is_the_best_ordered_total() -> None:
    scores = np.array([[0.0, 5.0, 0.0, 0.0], [4.0, 0.0, 0.0, 1.0], [0.0, 0.0, 6.0, 0.0]])
    starts = [0, 60_000, 120_000, 180_000]
    # Row 1's best turn (0) comes before row 0's (1): taken alone, they would be out of order.
    chosen = monotone_placement(scores, starts, 240_000)
    assert chosen == sorted(chosen) and len(set(chosen)) == 3
    total = sum(scores[k, j] for k, j in enumerate(chosen))
    best = max(
        scores[0, a] + scores[1, b] + scores[2, c]
        for a in range(4)
        for b in range(a + 1, 4)
        for c in range(b + 1, 4)
    )
    assert total == pytest.approx(best)


def test_chapters_are_at_least_ten_seconds_long() -> None:
    # The garden and football turns are 2 s apart: the football chapter moves 10 s on or more.
    texts = [FILLER, GARDEN, FOOTBALL, *[FILLER] * 8]
    found = suggest_for(turns(texts, step_ms=2_000, first_ms=30_000), ["a", "garden", "football"])
    assert found[0].start_ms == 0 and found[1].turn_number == 2
    assert found[2].start_ms - found[1].start_ms >= 10_000
    # Two turns 8 s apart (16 s) hold one chapter: the topic the turns speak of most gets it.
    found = suggest_for(turns([GARDEN, FOOTBALL], step_ms=8_000), ["a", "garden", "football"])
    assert [s.topic for s in found] == ["garden"] and found[0].start_ms == 0
    assert left_out(found, ["a", "garden", "football"]) == ["a", "football"]
    # At 0, 6, 12, 18 s (24 s long) two fit, at 0 and 12 s.
    four = turns([GARDEN, PASTA, FOOTBALL, TAXES], step_ms=6_000)
    topics = ["garden", "pasta sauce", "football penalty"]
    found = suggest_for(four, topics)
    assert len(found) == 2 and [s.start_ms for s in found] == [0, 12_000]
    assert [s.topic for s in found] == ["pasta sauce", "football penalty"]  # two words each
    assert left_out(found, topics) == ["garden"]  # one word: spoken of least
    with pytest.raises(EditError, match=r"lasts 6\.0 s: too short for chapters"):
        suggest_for(turns([GARDEN, FOOTBALL], step_ms=3_000), ["a", "garden"])


def test_stems_and_near_spellings_match() -> None:
    assert stem("mandates") == stem("mandated") == stem("mandate")
    assert stem("organisations") == stem("organization")
    assert stem("bypass") == "bypass" and stem("ins") == "ins"
    assert similarity(stem("neurodivergent"), stem("neurodiverse")) > 0
    assert similarity(stem("control"), stem("contrast")) == 0
    assert [t.surface for t in content_words("Yeah, I think it's the mandate, you know?")] == [
        "mandate"
    ]


def test_glossary_terms_count_double_and_are_found_by_their_variants() -> None:
    texts = [
        FILLER,
        "The framework matters, the whole framework.",
        "So much human death in these teams.",  # the recogniser's "Human Debt"
        FILLER,
    ]
    topic = "the framework behind Human Debt™"
    plain = TopicMatcher(texts).scores(topic)
    weighted = TopicMatcher(texts, [SpecialTerm("Human Debt™", ("human death",))]).scores(topic)
    assert plain[1] > plain[2]  # without the glossary, "framework" wins
    assert weighted[2] > weighted[1]  # the term, written as its variant, weighs more
    glossary = TopicMatcher(texts, [SpecialTerm("Human Debt™", ("human death",))])
    assert "human death" in glossary.words(topic, 2)  # as the turn writes it


def test_untimed_turns_get_estimated_times_and_say_so() -> None:
    texts = [FILLER * 4, GARDEN * 3, FILLER * 4, FOOTBALL * 3, FILLER * 4, TAXES * 3]
    found = suggest_for(turns(texts, step_ms=None), ["intro", "garden compost", "the penalty"])
    assert found[0].start_ms == 0 and not found[0].estimated
    assert [s.turn_number for s in found[1:]] == [2, 4]
    assert all(s.estimated and s.start_ms > 0 for s in found[1:])
    assert found[2].start_ms > found[1].start_ms
    # Times from Timing → Estimate Missing Times are estimates too.
    timed = [replace(t, timing=ESTIMATED) for t in turns(texts)]
    again = suggest_for(timed, ["intro", "garden compost", "the penalty"])
    assert [s.start_ms for s in again[1:]] == [60_000, 180_000]
    assert all(s.estimated for s in again[1:]) and not again[0].estimated


def _subject(words: str, count: int) -> list[str]:
    """``count`` turns about one subject: its words in a varying order."""
    vocabulary = words.split()
    return [
        " ".join(vocabulary[(i + j) % len(vocabulary)] for j in range(12)) + "."
        for i in range(count)
    ]


def test_without_topics_chapters_start_where_the_subject_changes() -> None:
    # Three subjects of 12, 10 and 14 turns, 30 s each: 6, 5 and 7 minutes.
    texts = (
        _subject("garden tomatoes compost seedlings greenhouse soil watering harvest", 12)
        + _subject("football striker goalkeeper penalty season league referee stadium", 10)
        + _subject("taxes receipts accountant deadline return refund invoices audit", 14)
    )
    found = suggest_for(turns(texts, step_ms=30_000))
    assert [s.turn_number for s in found] == [1, 13, 23]
    assert [s.start_ms for s in found] == [0, 360_000, 660_000]
    lengths = np.diff([s.start_ms for s in found] + [len(texts) * 30_000])
    assert all(SHORTEST_SUBJECT_MS <= n <= LONGEST_SUBJECT_MS for n in lengths)
    assert found[1].score > 0 and "subject changes" in found[1].why
    for suggestion, text in zip(found, (texts[0], texts[12], texts[22]), strict=True):
        assert suggestion.title.rstrip("…").lower().split()[0] in text.lower()


def test_the_sliding_blocks_give_the_cosine_of_the_words_on_either_side() -> None:
    rng = random.Random(5)
    vocabulary = [f"word{i}" for i in range(40)]
    texts = [" ".join(rng.choices(vocabulary, k=rng.randint(0, 30))) for _ in range(60)]
    tokens = [content_words(t) for t in texts]
    stems = [t.stem for turn in tokens for t in turn]
    found = gap_similarities(tokens)
    position = 0
    for j in range(1, len(tokens)):
        position += len(tokens[j - 1])
        before = Counter(stems[max(0, position - BLOCK_WORDS) : position])
        after = Counter(stems[position : position + BLOCK_WORDS])
        dot = sum(n * after[s] for s, n in before.items())
        norm = math.sqrt(sum(n * n for n in before.values()) * sum(n * n for n in after.values()))
        assert found[j] == pytest.approx(dot / norm if norm else 0.0), j


def test_a_short_episode_without_topics_is_one_chapter() -> None:
    found = suggest_for(turns([GARDEN, FOOTBALL, TAXES]))
    assert len(found) == 1 and found[0].start_ms == 0


def test_applying_is_one_step_and_refuses_to_overwrite(tmp_path: Path) -> None:
    from editor.core.formats import read_transcript
    from editor.core.project.create import create_project
    from tests.conftest import EPISODE_TRANSCRIPT

    path = tmp_path / "p.tep"
    create_project(path, transcript=read_transcript(EPISODE_TRANSCRIPT))
    with ProjectSession.open(path) as session:
        store = session.store
        stored = store.turns()
        picked = suggest_for(stored, ["intro", "Amazon", "neurodiverse people in the office"])
        added, _ = session.run_records(
            "chapters", "Suggested chapters", lambda s: add_suggested_chapters(s, picked)
        )
        assert [c.start_ms for c in added.chapters] == [s.start_ms for s in picked]
        assert [c.turn_id for c in added.chapters] == [s.turn_id for s in picked]
        assert len(session.history.steps()) == 1
        with pytest.raises(EditError, match="already has 3 chapter"):
            session.run_records(
                "chapters", "Suggested chapters", lambda s: add_suggested_chapters(s, picked)
            )
        kept, _ = session.run_records(
            "chapters",
            "Suggested chapters",
            lambda s: add_suggested_chapters(s, picked, "keep"),
        )
        assert kept.chapters == () and len(kept.skipped) == 3  # every start is taken
        renamed = [replace(s, title=f"Part {i}") for i, s in enumerate(picked)]
        replaced, _ = session.run_records(
            "chapters",
            "Suggested chapters",
            lambda s: add_suggested_chapters(s, renamed, "replace"),
        )
        assert replaced.removed == 3
        assert [c.title for c in store.chapters.all()] == ["Part 0", "Part 1", "Part 2"]
        session.undo()
        assert [c.title for c in store.chapters.all()] == [s.title for s in picked]
        session.undo()
        assert store.chapters.all() == []
