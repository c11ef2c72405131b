"""Suggested chapters on the real sample: the show's episode page (nine topic bullets) and its
untimed transcript, read from ``../shared/samples`` (skipped when it is not there).

Where the chapters land was checked by reading the turns (CHANGELOG): the page lists its topics
in another order than the conversation takes them, so each topic goes to the turn that speaks
of it and the chapters follow the transcript; kept in the page's order (``page_order``), four
of nine were on a turn that speaks of their topic. The turns asserted here were read: the first
five speak of their topic outright, the other four touch it (inclusion at 15, "quiet hybrid"
at 22, "the debt" at 37, "RTO mandatorily is a joke" at 49).
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from editor.core import ops
from editor.core.chapter_suggest import suggest_chapters
from editor.core.chapter_suggest.shifts import LONGEST_SUBJECT_MS, SHORTEST_SUBJECT_MS
from editor.core.episode_page import read_episode_page
from editor.core.formats import read_transcript
from editor.core.ops.episode import PAGE_RECORDS
from editor.core.project.create import create_project
from editor.core.session import ProjectSession
from editor.core.textfile import read_text

SHARED = Path(__file__).resolve().parents[3] / "shared"
PAGE = SHARED / "samples" / "episode-page.txt"
TRANSCRIPT = SHARED / "samples" / "episode-transcript.txt"
OTTER = SHARED / "corpora" / "stt" / "otter-ladybug" / "27-data-structures-and-algorithms.md"
# topic (by its first words) → the turn (1-based) it lands on, checked by reading that turn
READ_AND_CONFIRMED = {
    "the absence of evidence": 1,  # the first chapter, at 0; turn 7: "… zero ROI behind …"
    "the hidden costs": 12,  # "… the cost that you're basically pushing to employees …"
    "how forced office returns": 13,  # "… distrust and undermining of trust that that creates"
    "why this moment risks": 21,  # "… this is creating societal level trauma …"
    "how RTO deepens the divide": 42,  # "So the divide between the ins and the outs is only …"
    "the impact on neurodivergent": 15,  # "We were talking about genuine inclusion …"
    "why hybrid was bypassed": 22,  # "… quiet hybrid, I don't know what you want to call it"
    "how Execution Debt grows": 37,  # "… the debt and the weight that you've put on …"
    "why RTO mandates": 49,  # "… come back and RTO mandatorily is a joke. It's a lie."
}


@pytest.mark.skipif(
    not (PAGE.is_file() and TRANSCRIPT.is_file()), reason="../shared/samples is not here"
)
def test_nine_chapters_from_the_page_in_transcript_order(tmp_path: Path) -> None:
    project = tmp_path / "episode.tep"
    create_project(project, transcript=read_transcript(TRANSCRIPT))
    page = read_episode_page(read_text(PAGE))
    with ProjectSession.open(project) as session:
        session.run(lambda s: ops.import_episode_page(s, page), records=PAGE_RECORDS)
        found = suggest_chapters(session.store)
    topics = page.meta.topics
    assert len(topics) == 9 and len(found) == 9
    assert sorted(s.topic for s in found) == sorted(topics)
    assert found[0].start_ms == 0 and found[0].turn_number == 1
    starts = [s.start_ms for s in found]
    numbers = [s.turn_number for s in found]
    assert starts == sorted(set(starts)) and numbers == sorted(set(numbers))
    assert all(b - a >= 10_000 for a, b in itertools.pairwise(starts))
    assert all(s.estimated for s in found[1:])  # the transcript is untimed
    landed = {s.topic: s.turn_number for s in found}
    for beginning, turn in READ_AND_CONFIRMED.items():
        topic = next(t for t in topics if t.startswith(beginning))
        assert landed[topic] == turn, topic


@pytest.mark.skipif(not OTTER.is_file(), reason="../shared/corpora is not here")
def test_a_real_timed_podcast_without_topics_gets_chapters_of_three_to_eight_minutes(
    tmp_path: Path,
) -> None:
    """An Otter export of a real 50-minute podcast (its own times): chapters at the changes
    of subject, each 3–8 minutes, titled with a sentence of its opening turns."""
    project = tmp_path / "otter.tep"
    create_project(project, transcript=read_transcript(OTTER, "otter"))
    with ProjectSession.open(project) as session:
        turns = session.store.turns()
        found = suggest_chapters(session.store)
    end = max(t.end_ms or t.start_ms or 0 for t in turns)
    starts = [s.start_ms for s in found]
    assert starts[0] == 0 and not any(s.estimated for s in found)
    lengths = [b - a for a, b in itertools.pairwise([*starts, end])]
    assert all(SHORTEST_SUBJECT_MS <= n <= LONGEST_SUBJECT_MS for n in lengths), lengths
    assert end / LONGEST_SUBJECT_MS <= len(found) <= end / SHORTEST_SUBJECT_MS
    for suggestion in found:
        opening = " ".join(t.text for t in turns[suggestion.turn_number - 1 :][:3])
        assert suggestion.title.rstrip("…").lower()[1:] in opening.lower(), suggestion.title
        assert suggestion.words
