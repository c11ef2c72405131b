"""Every operation can be undone and redone from the ``Changes`` it returns."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from editor.core import ops
from editor.core.changes import Changes
from editor.core.errors import EditError
from editor.core.model import Speaker, Transcript, TranscriptTurn, Turn
from editor.core.project.store import ProjectStore
from editor.core.search import SearchQuery

Operation = Callable[[ProjectStore], Changes]


def _state(store: ProjectStore) -> tuple[list[Turn], list[Speaker]]:
    return store.turns(), store.speakers()


def _speaker(store: ProjectStore, name: str) -> int:
    speaker = store.speaker_by_name(name)
    assert speaker is not None
    return speaker.id


OPERATIONS: dict[str, Operation] = {
    "edit_text": lambda s: ops.edit_text(s, s.turns()[3].id, "Rewritten."),
    "set_speaker_new": lambda s: ops.set_speaker(s, [t.id for t in s.turns()[:4]], "Guest"),
    "rename_speaker": lambda s: ops.rename_speaker(s, _speaker(s, "Duena Blomstrom"), "Duena"),
    "merge_speakers": lambda s: ops.merge_speakers(
        s, _speaker(s, "Duena Blomstrom"), _speaker(s, "Alessandria Polizzi")
    ),
    "split_turn": lambda s: ops.split_turn(s, s.turns()[0].id, 20),
    "merge_with_previous": lambda s: ops.merge_with_previous(s, s.turns()[7].id),
    "set_times": lambda s: ops.set_times(s, s.turns()[0].id, 100, 900),
    "mark_reviewed": lambda s: ops.mark_reviewed(s, [t.id for t in s.turns()[::2]]),
    "replace_all": lambda s: ops.replace_all(s, SearchQuery("the", whole_word=True), "teh"),
    "insert_turns": lambda s: ops.insert_turns(
        s, [TranscriptTurn("Announcer", "Ad break.")], after_id=s.turns()[10].id
    ),
    "delete_turns": lambda s: ops.delete_turns(s, [t.id for t in s.turns()[5:9]]),
    "replace_transcript": lambda s: ops.replace_transcript(
        s, Transcript((TranscriptTurn("X", "y"),))
    ),
}


@pytest.mark.parametrize("name", sorted(OPERATIONS))
def test_undo_restores_and_redo_reapplies(store: ProjectStore, name: str) -> None:
    initial = _state(store)
    changes = OPERATIONS[name](store)
    assert not changes.is_empty, "the operation should have changed something"
    applied = _state(store)
    assert applied != initial
    undone = ops.undo(store, changes)
    assert _state(store) == initial
    assert set(undone.after.turns) == set(changes.before.turns)
    ops.redo(store, changes)
    assert _state(store) == applied
    ops.undo(store, changes)
    assert _state(store) == initial


def test_undo_history_survives_reopening_the_file(store: ProjectStore) -> None:
    initial = _state(store)
    changes = ops.split_turn(store, store.turns()[2].id, 15)
    path = store.path
    store.close()
    with ProjectStore.open(path) as reopened:
        ops.undo(reopened, changes)
        assert _state(reopened) == initial


def test_stale_undo_is_refused_and_changes_nothing(store: ProjectStore) -> None:
    turn = store.turns()[0]
    first = ops.edit_text(store, turn.id, "one")
    ops.edit_text(store, turn.id, "two")
    with pytest.raises(EditError, match="has changed since"):
        ops.undo(store, first)
    assert store.turn(turn.id).text == "two"


def test_changes_describe_kind_of_change(store: ProjectStore) -> None:
    split = ops.split_turn(store, store.turns()[0].id, 20)
    assert split.structure_changed and not split.speakers_changed
    edit = ops.edit_text(store, store.turns()[1].id, "plain edit")
    assert not edit.structure_changed
    assert edit.inverted().before == edit.after
