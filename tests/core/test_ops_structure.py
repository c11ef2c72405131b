"""Split, merge, insert, delete and replace turns — against a real project file."""

from __future__ import annotations

import pytest

from editor.core import ops
from editor.core.errors import EditError
from editor.core.model import Transcript, TranscriptTurn, Word
from editor.core.project.store import ProjectStore


def test_split_then_merge_restores_the_original_turn(store: ProjectStore) -> None:
    turn = store.turns()[4]
    offset = turn.text.index(" ", 40)
    split = ops.split_turn(store, turn.id, offset)
    assert split.turns_updated == [turn.id]
    (new_id,) = split.turns_inserted
    head, tail = store.turn(turn.id), store.turn(new_id)
    assert head.text == turn.text[:offset]
    assert tail.text == turn.text[offset + 1 :]
    assert tail.speaker_id == turn.speaker_id
    merged = ops.merge_with_previous(store, new_id)
    assert merged.turns_deleted == [new_id]
    assert store.turn(turn.id) == turn
    assert store.turn_count() == 50


def test_split_fixes_a_mid_sentence_speaker_change(store: ProjectStore) -> None:
    """The sample's "I thought / you've been very missed": split, then reassign."""
    turns = store.turns()
    target = next(t for t in turns if t.text.startswith("you've been very missed"))
    ops.merge_with_previous(store, target.id)
    joined = next(t for t in store.turns() if t.text.startswith("I thought you've"))
    changes = ops.split_turn(store, joined.id, len("I thought"))
    (second,) = changes.turns_inserted
    ops.set_speaker(store, [second], "Duena Blomstrom")
    assert store.turn(second).text.startswith("you've been very missed")


def test_split_divides_word_timings_and_starts_at_the_first_word(store: ProjectStore) -> None:
    words = (Word("One", 1000, 1400, 0.9), Word("two", 1500, 1800, 0.8), Word("three.", 2000, 2600))
    ops.insert_turns(store, [TranscriptTurn("A", "One two three.", 1000, 2600, words)])
    turn = store.turns()[-1]
    changes = ops.split_turn(store, turn.id, len("One two"))
    head, tail = store.turn(turn.id), store.turn(changes.turns_inserted[0])
    assert head.words == words[:2] and tail.words == words[2:]
    assert (head.start_ms, head.end_ms) == (1000, 2000)
    assert (tail.start_ms, tail.end_ms) == (2000, 2600)


def test_split_without_words_uses_playhead_then_interpolation(store: ProjectStore) -> None:
    ops.insert_turns(store, [TranscriptTurn("A", "aaaa bbbb", 10_000, 20_000)])
    turn = store.turns()[-1]
    by_playhead = ops.split_turn(store, turn.id, 4, playhead_ms=13_000)
    assert store.turn(by_playhead.turns_inserted[0]).start_ms == 13_000
    ops.undo(store, by_playhead)
    interpolated = ops.split_turn(store, turn.id, 4, playhead_ms=25_000)  # outside: ignored
    assert store.turn(interpolated.turns_inserted[0]).start_ms == 10_000 + 10_000 * 4 // 9


@pytest.mark.parametrize("offset", [0, -1, 10_000])
def test_split_outside_the_text_is_refused(store: ProjectStore, offset: int) -> None:
    turn = store.turns()[0]
    with pytest.raises(EditError, match="cannot split"):
        ops.split_turn(store, turn.id, offset)
    assert store.turn(turn.id) == turn


def test_merge_keeps_first_start_and_last_end(store: ProjectStore) -> None:
    ops.insert_turns(
        store, [TranscriptTurn("A", "first", 1000, 2000), TranscriptTurn("B", "second", 2100, 3000)]
    )
    first, second = store.turns()[-2:]
    ops.mark_reviewed(store, [first.id])
    ops.merge_with_previous(store, second.id)
    merged = store.turn(first.id)
    assert (merged.text, merged.start_ms, merged.end_ms) == ("first second", 1000, 3000)
    assert merged.speaker_id == first.speaker_id
    assert merged.reviewed is False  # half of it was never reviewed


def test_merging_the_first_turn_is_refused(store: ProjectStore) -> None:
    with pytest.raises(EditError, match="first turn"):
        ops.merge_with_previous(store, store.turns()[0].id)


def test_unknown_turn_is_refused(store: ProjectStore) -> None:
    with pytest.raises(EditError, match="no turn with id 99999"):
        ops.edit_text(store, 99_999, "x")


def test_insert_creates_speakers_by_name(store: ProjectStore) -> None:
    changes = ops.insert_turns(store, [TranscriptTurn("New Voice", "Hi.")])
    assert changes.speakers_changed
    assert store.speaker_by_name("New Voice") is not None
    assert store.transcript().turns[-1] == TranscriptTurn("New Voice", "Hi.")


def test_delete_turns(store: ProjectStore) -> None:
    ids = [t.id for t in store.turns()[:3]]
    changes = ops.delete_turns(store, ids)
    assert sorted(changes.turns_deleted) == sorted(ids)
    assert store.turn_count() == 47


def test_replace_transcript_swaps_turns_and_drops_unused_speakers(store: ProjectStore) -> None:
    changes = ops.replace_transcript(
        store, Transcript((TranscriptTurn("Solo", "Only me."), TranscriptTurn("Solo", "Still me.")))
    )
    assert [s.name for s in store.speakers()] == ["Solo"]
    assert [t.text for t in store.turns()] == ["Only me.", "Still me."]
    assert len(changes.turns_deleted) == 50
    ops.undo(store, changes)
    assert store.turn_count() == 50
    assert {s.name for s in store.speakers()} == {"Alessandria Polizzi", "Duena Blomstrom"}
