"""Drafts of uncommitted typing: kept durably, cleared exactly when the text is committed."""

from __future__ import annotations

import sqlite3

import pytest

from editor.core import ops
from editor.core.errors import ProjectError
from editor.core.project.store import ProjectStore


def _draft_rows(store: ProjectStore) -> list[tuple[int, str]]:
    """Read through a second connection: what a crash right now would leave on disk."""
    with sqlite3.connect(store.path) as other:
        return list(other.execute("SELECT turn_id, text FROM drafts ORDER BY turn_id"))


def test_a_saved_draft_is_on_disk_and_pending_with_its_turn_number(store: ProjectStore) -> None:
    turn = store.turns()[2]
    store.drafts.save(turn.id, "Typed but not committed.", turn.text)
    assert _draft_rows(store) == [(turn.id, "Typed but not committed.")]
    [draft] = store.drafts.pending()
    assert (draft.turn_id, draft.number, draft.text) == (turn.id, 3, "Typed but not committed.")
    assert draft.speaker == store.speaker(turn.speaker_id or 0).name == "Duena Blomstrom"
    assert draft.current_text == turn.text and not draft.turn_changed_since


def test_saving_again_keeps_the_text_the_editing_began_from(store: ProjectStore) -> None:
    turn = store.turns()[0]
    store.drafts.save(turn.id, "first", turn.text)
    store.drafts.save(turn.id, "second", "something else")
    [draft] = store.drafts.pending()
    assert (draft.text, draft.base_text) == ("second", turn.text)


def test_committing_a_different_text_clears_the_draft_in_the_same_transaction(
    store: ProjectStore,
) -> None:
    turn = store.turns()[1]
    store.drafts.save(turn.id, "Half typed", turn.text)
    ops.edit_text(store, turn.id, "Half typed, then committed.")
    assert _draft_rows(store) == []


def test_other_changes_to_the_turn_keep_its_draft(store: ProjectStore) -> None:
    turn = store.turns()[1]
    store.drafts.save(turn.id, "Still typing", turn.text)
    ops.set_times(store, turn.id, 1000, 2000)
    ops.mark_reviewed(store, [turn.id])
    assert _draft_rows(store) == [(turn.id, "Still typing")]


def test_a_draft_equal_to_the_turn_is_not_pending(store: ProjectStore) -> None:
    turn = store.turns()[0]
    store.drafts.save(turn.id, turn.text, turn.text)
    assert store.drafts.pending() == []


def test_a_merged_away_turn_takes_its_draft_with_it(store: ProjectStore) -> None:
    second = store.turns()[1]
    store.drafts.save(second.id, "typed", second.text)
    ops.merge_with_previous(store, second.id)
    assert _draft_rows(store) == []


def test_a_draft_on_a_turn_changed_elsewhere_says_so(store: ProjectStore) -> None:
    turn = store.turns()[4]
    store.drafts.save(turn.id, "my typing", turn.text)
    # Another tool changes the turn, then the draft is saved again (the trigger cleared it).
    ops.edit_text(store, turn.id, "changed by the command line")
    store.drafts.save(turn.id, "my typing", turn.text)
    [draft] = store.drafts.pending()
    assert draft.turn_changed_since and draft.current_text == "changed by the command line"


def test_discard_and_discard_all(store: ProjectStore) -> None:
    first, second = store.turns()[:2]
    store.drafts.save(first.id, "a", first.text)
    store.drafts.save(second.id, "b", second.text)
    store.drafts.discard(first.id)
    assert [d.turn_id for d in store.drafts.pending()] == [second.id]
    store.drafts.discard_all()
    assert _draft_rows(store) == []


def test_a_read_only_project_refuses_drafts(store: ProjectStore) -> None:
    path = store.path
    store.close()
    with ProjectStore.open(path, readonly=True) as readonly:
        turn = readonly.turns()[0]
        with pytest.raises(ProjectError, match="read-only"):
            readonly.drafts.save(turn.id, "x", turn.text)
        assert readonly.drafts.pending() == []


def test_deferred_drafts_survive_other_changes_to_their_turn(store: ProjectStore) -> None:
    turn = store.turns()[6]
    store.drafts.save(turn.id, "left for later", turn.text)
    store.drafts.defer_all()
    ops.edit_text(store, turn.id, "changed by a replace all")
    [draft] = store.drafts.pending()
    assert draft.text == "left for later" and draft.turn_changed_since
    # Edited again: the draft is live once more, and committing clears it.
    store.drafts.save(turn.id, "left for later, finished", turn.text)
    ops.edit_text(store, turn.id, "left for later, finished")
    assert _draft_rows(store) == []
