"""Random sequences of operations, undos and redos against a real project file (Hypothesis).

They run through the real ``ProjectSession`` and its history kept in the file, which is closed
and opened again between steps. A model of the history is kept beside it: every operation is
either refused with the project's own error and changes nothing, or returns a ``Change`` whose
after-state is what the file now holds; every undo gives back exactly the state before, every
redo exactly the state after, however operations, undos, redos and reopenings interleave.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from editor.core import ops
from editor.core.changes import Changes
from editor.core.errors import EditorError
from editor.core.model import Clip, Speaker, Transcript, TranscriptTurn, Turn
from editor.core.project.create import create_project
from editor.core.project.store import ProjectStore
from editor.core.search import SearchQuery
from editor.core.session import ProjectSession
from tests.reliability.figures import count

pytestmark = pytest.mark.slow  # a long reliability run: `pytest -m "not slow"` skips it

State = tuple[list[Turn], list[Speaker], list[Clip]]
WORDS = st.sampled_from(["the", "Human Debt", "KPMG", "é", "a", "", "  ", "\n", "™"])
TEXT = st.lists(WORDS, max_size=5).map(" ".join)
NAMES = st.sampled_from(["Host", "Guest", "Guest ", "Producer", "host", "Ann"])
START_TURNS = (
    TranscriptTurn("Host", "Welcome to the show about the Human Debt.", 0, 4000),
    TranscriptTurn("Guest", "Thanks. KPMG found the same thing.", 4000, 9000),
    TranscriptTurn("Host", "Tell me more.", None, None),
    TranscriptTurn("Guest", "", 12_000, None),
    TranscriptTurn(None, "An untimed line without a speaker.", None, None),
)
PROFILE_EXAMPLES = {"nightly": 500, "dev": 10}


class HistoryMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="history-"))
        self.path = self.folder / "p.tep"
        create_project(self.path, transcript=Transcript(START_TURNS))
        self.session = ProjectSession.open(self.path, snapshot=False)
        self.done: list[tuple[str, State, State]] = []
        self.undone: list[tuple[str, State, State]] = []

    @property
    def store(self) -> ProjectStore:
        return self.session.store

    def teardown(self) -> None:
        self.session.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def state(self) -> State:
        return self.store.turns(), self.store.speakers(), self.store.clips.all()

    def pick_turn(self, data: st.DataObject) -> int:
        turns = self.store.turns()
        return turns[data.draw(st.integers(0, len(turns) - 1))].id

    def apply(self, operation: Callable[[ProjectStore], Changes]) -> None:
        self._step(lambda: self.session.run(operation).is_empty)

    def _step(self, make: Callable[[], bool]) -> None:
        before = self.state()
        try:
            empty = make()
        except EditorError:
            assert self.state() == before, "a refused operation changed the project"
            return
        after = self.state()
        label = self.session.history.steps()[-1].label if not empty else ""
        if empty:
            assert after == before, "an operation changed the project but reported nothing"
            return
        # Every operation's inverse at once; the rules below interleave them further.
        assert self.session.undo() is not None
        assert self.state() == before, f"undo of {label} did not give back the state"
        assert self.session.redo() is not None
        assert self.state() == after, f"redo of {label} did not give back the state"
        self.done.append((label, before, after))
        self.undone.clear()
        count("operations undone and redone in random sequences (core)")

    # -- operations ----------------------------------------------------------------------------

    @precondition(lambda self: self.store.turn_count() > 0)
    @rule(data=st.data(), text=TEXT)
    def edit_text(self, data: st.DataObject, text: str) -> None:
        turn_id = self.pick_turn(data)
        self.apply(lambda s: ops.edit_text(s, turn_id, text))

    @precondition(lambda self: self.store.turn_count() > 0)
    @rule(data=st.data())
    def split(self, data: st.DataObject) -> None:
        turn_id = self.pick_turn(data)
        offset = data.draw(st.integers(-1, len(self.store.turn(turn_id).text) + 1))
        playhead = data.draw(st.none() | st.integers(0, 20_000))
        self.apply(lambda s: ops.split_turn(s, turn_id, offset, playhead))

    @precondition(lambda self: self.store.turn_count() > 0)
    @rule(data=st.data())
    def merge(self, data: st.DataObject) -> None:
        turn_id = self.pick_turn(data)
        self.apply(lambda s: ops.merge_with_previous(s, turn_id))

    @precondition(lambda self: self.store.turn_count() > 0)
    @rule(data=st.data(), name=st.none() | NAMES)
    def set_speaker(self, data: st.DataObject, name: str | None) -> None:
        ids = [self.pick_turn(data) for _ in range(data.draw(st.integers(1, 3)))]
        self.apply(lambda s: ops.set_speaker(s, ids, name))

    @precondition(lambda self: len(self.store.speakers()) > 0)
    @rule(data=st.data(), name=NAMES)
    def rename_speaker(self, data: st.DataObject, name: str) -> None:
        speaker = data.draw(st.sampled_from(self.store.speakers()))
        self.apply(lambda s: ops.rename_speaker(s, speaker.id, name))

    @precondition(lambda self: len(self.store.speakers()) > 0)
    @rule(data=st.data())
    def merge_speakers(self, data: st.DataObject) -> None:
        speakers = self.store.speakers()
        source, target = data.draw(st.sampled_from(speakers)), data.draw(st.sampled_from(speakers))
        self.apply(lambda s: ops.merge_speakers(s, source.id, target.id))

    @precondition(lambda self: self.store.turn_count() > 0)
    @rule(
        data=st.data(),
        start=st.none() | st.integers(-5, 30_000),
        end=st.none() | st.integers(-5, 30_000),
    )
    def set_times(self, data: st.DataObject, start: int | None, end: int | None) -> None:
        turn_id = self.pick_turn(data)
        self.apply(lambda s: ops.set_times(s, turn_id, start, end))

    @precondition(lambda self: self.store.turn_count() > 0)
    @rule(
        data=st.data(), edge=st.sampled_from(["start", "end"]), delta=st.sampled_from([-100, 100])
    )
    def nudge(self, data: st.DataObject, edge: str, delta: int) -> None:
        turn_id = self.pick_turn(data)
        self.apply(lambda s: ops.nudge(s, turn_id, edge, delta))

    @precondition(lambda self: self.store.turn_count() > 0)
    @rule(data=st.data(), position=st.integers(0, 30_000))
    def stamp(self, data: st.DataObject, position: int) -> None:
        turn_id = self.pick_turn(data)
        self.apply(lambda s: ops.stamp_start(s, turn_id, position))

    @precondition(lambda self: self.store.turn_count() > 0)
    @rule(data=st.data(), reviewed=st.booleans())
    def mark_reviewed(self, data: st.DataObject, reviewed: bool) -> None:
        ids = [self.pick_turn(data) for _ in range(data.draw(st.integers(1, 3)))]
        self.apply(lambda s: ops.mark_reviewed(s, ids, reviewed))

    @rule(
        pattern=st.sampled_from(["the", "e", "Human Debt", r"\bK\w+", "(", ""]),
        replacement=st.sampled_from(["THE", "", "Human Debt™", r"\1", "x y"]),
        regex=st.booleans(),
        whole_word=st.booleans(),
    )
    def replace_all(self, pattern: str, replacement: str, regex: bool, whole_word: bool) -> None:
        query = SearchQuery(pattern, regex=regex, whole_word=whole_word)
        self.apply(lambda s: ops.replace_all(s, query, replacement))

    @rule()
    def estimate(self) -> None:
        self.apply(ops.estimate_missing_times)

    @precondition(lambda self: self.store.turn_count() > 0)
    @rule(data=st.data())
    def confirm(self, data: st.DataObject) -> None:
        ids = [self.pick_turn(data)]
        self.apply(lambda s: ops.confirm_times(s, ids))

    @precondition(lambda self: self.store.turn_count() > 0)
    @rule(data=st.data())
    def delete(self, data: st.DataObject) -> None:
        ids = sorted({self.pick_turn(data) for _ in range(data.draw(st.integers(1, 2)))})
        self.apply(lambda s: ops.delete_turns(s, ids))

    @rule(data=st.data(), speaker=st.none() | NAMES, text=TEXT)
    def insert(self, data: st.DataObject, speaker: str | None, text: str) -> None:
        after = self.pick_turn(data) if self.store.turn_count() else None
        new = [TranscriptTurn(speaker, text)]
        self.apply(lambda s: ops.insert_turns(s, new, after_id=after))

    @precondition(lambda self: self.store.turn_count() > 0)
    @rule(data=st.data(), quote=st.sampled_from(["the", "Human Debt", "KPMG found"]))
    def add_clip(self, data: st.DataObject, quote: str) -> None:
        start = data.draw(st.integers(0, 10_000))
        clip = Clip(0, start, start + 2000, "Clip", quote)
        self._step(
            lambda: (
                self.session.run_records("clips", "New clip", lambda s: s.clips.add(clip))[
                    1
                ].is_empty
            )
        )

    # -- history ---------------------------------------------------------------------------------

    @precondition(lambda self: bool(self.done))
    @rule()
    def undo(self) -> None:
        label, before, after = self.done.pop()
        assert self.state() == after
        assert self.session.undo() is not None
        assert self.state() == before, f"undo of {label} did not give back the state"
        self.undone.append((label, before, after))

    @precondition(lambda self: bool(self.undone))
    @rule()
    def redo(self) -> None:
        label, before, after = self.undone.pop()
        assert self.session.redo() is not None
        assert self.state() == after, f"redo of {label} did not give back the state"
        self.done.append((label, before, after))

    @rule()
    def close_and_reopen(self) -> None:
        state = self.state()
        self.session.close()
        self.session = ProjectSession.open(self.path, snapshot=False)
        assert self.state() == state
        assert self.session.can_undo() == bool(self.done)
        assert self.session.can_redo() == bool(self.undone)

    @invariant()
    def order_and_references_hold(self) -> None:
        turns, speakers, _ = self.state()
        positions = [t.position for t in turns]
        assert positions == sorted(positions) and len(set(positions)) == len(positions)
        known = {s.id for s in speakers}
        assert all(t.speaker_id is None or t.speaker_id in known for t in turns)


def _examples() -> dict[str, Any]:
    profile = os.environ.get("HYPOTHESIS_PROFILE", "ci")
    return {"max_examples": PROFILE_EXAMPLES.get(profile, 60), "stateful_step_count": 40}


HistoryMachine.TestCase.settings = settings(deadline=None, **_examples())
test_operations_undo_and_redo_in_any_order = HistoryMachine.TestCase
