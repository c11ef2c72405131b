"""Clip quotes follow corrections of the text they quote (issue 17, point 7)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from editor.core import ops
from editor.core.clip_quotes import followed
from editor.core.clips import clip_from_span, clip_from_turns, clips_csv
from editor.core.model import Transcript, TranscriptTurn
from editor.core.project.create import create_project
from editor.core.search import SearchQuery
from editor.core.session import ProjectSession
from editor.core.shownotes import render_shownotes

TURNS = (
    TranscriptTurn("Host", "We talk about Human Death Fighters today.", 0, 4000),
    TranscriptTurn("Guest", "KPNG found the same thing last year.", 4000, 8000),
    TranscriptTurn("Host", "Tell me more about that.", 8000, 10_000),
)


@pytest.fixture
def session(tmp_path: Path) -> Iterator[ProjectSession]:
    path = tmp_path / "quotes.tep"
    create_project(path, transcript=Transcript(TURNS))
    with ProjectSession.open(path, snapshot=False) as opened:
        yield opened


def _add(session: ProjectSession, *clips: object) -> None:
    for clip in clips:
        session.run_records("clips", "New clip", lambda s, c=clip: s.clips.add(c))  # type: ignore[misc]


def test_replace_all_corrects_the_quotes_in_the_same_undo_step(session: ProjectSession) -> None:
    first, second, third = session.store.turns()
    text = first.text
    span = clip_from_span(first, text.index("Human"), text.index(" today"), "Host")
    _add(session, span, clip_from_turns([second, third], "Guest"))
    steps = len(session.history.steps())

    change = session.run(lambda s: ops.replace_all(s, SearchQuery("Human Death"), "Human Debt™"))
    session.run(lambda s: ops.edit_text(s, second.id, "KPMG found the same thing last year."))

    quotes = [c.quote for c in session.store.clips.all()]
    assert quotes == [
        "Human Debt™ Fighters",
        "KPMG found the same thing last year. Tell me more about that.",
    ]
    assert change.touched == {"turns", "clips"}
    assert len(session.history.steps()) == steps + 2  # one step each, quotes included
    exported = clips_csv(session.store.clips.all())
    assert "Human Debt™ Fighters" in exported and "Death" not in exported
    notes = render_shownotes(session.store, "md").as_bytes().decode()
    assert "Human Debt™ Fighters" in notes and "KPNG" not in notes

    session.undo()
    session.undo()
    assert [c.quote for c in session.store.clips.all()] == [
        "Human Death Fighters",
        "KPNG found the same thing last year. Tell me more about that.",
    ]


def test_a_clip_elsewhere_keeps_its_quote(session: ProjectSession) -> None:
    first, _, third = session.store.turns()
    _add(session, clip_from_turns([third], "Host"))
    session.run(lambda s: ops.edit_text(s, first.id, "Tell me more about that, Human Debt."))
    assert [c.quote for c in session.store.clips.all()] == ["Tell me more about that."]


@pytest.mark.parametrize(
    ("quote", "old", "new", "expected"),
    [
        ("Human Death", "about Human Death Fighters", "about Human Debt™ Fighters", "Human Debt™"),
        ("the show", "about the show", "about THE show", "THE show"),
        ("two three", "one two three four", "one 2 three four", "2 three"),
        ("whole turn. next", "whole turn.", "whole turn, fixed.", "whole turn, fixed. next"),
        ("unrelated", "one two", "one 2", "unrelated"),
    ],
)
def test_a_quote_keeps_its_span_of_the_corrected_text(
    quote: str, old: str, new: str, expected: str
) -> None:
    assert followed(quote, old, new) == expected
