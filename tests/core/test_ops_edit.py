"""Text, speaker, timing and review operations, and find/replace — against a real project file."""

from __future__ import annotations

import pytest

from editor.core import ops
from editor.core.errors import EditError
from editor.core.model import TranscriptTurn, Word
from editor.core.project.store import ProjectStore
from editor.core.search import SearchQuery


def test_edit_text_reports_the_turn_and_keeps_word_timings(store: ProjectStore) -> None:
    words = (Word("Human", 0, 300, 0.9), Word("Death", 300, 600, 0.4), Word("Fighters.", 600, 900))
    ops.insert_turns(store, [TranscriptTurn("A", "Human Death Fighters.", 0, 900, words)])
    turn = store.turns()[-1]
    changes = ops.edit_text(store, turn.id, "Human Debt Fighters.")
    assert changes.turns_updated == [turn.id]
    assert changes.before.turns[turn.id] == turn
    new = store.turn(turn.id)
    assert new.text == "Human Debt Fighters."
    assert [w.text for w in new.words] == ["Human", "Debt", "Fighters."]
    assert new.words[0] == words[0] and new.words[2] == words[2]
    assert new.words[1].start_ms is None  # the corrected word has no timing yet


def test_edit_to_the_same_text_changes_nothing(store: ProjectStore) -> None:
    turn = store.turns()[0]
    assert ops.edit_text(store, turn.id, turn.text).is_empty


def test_rename_speaker_everywhere(store: ProjectStore) -> None:
    speaker = store.speaker_by_name("Duena Blomstrom")
    assert speaker is not None
    changes = ops.rename_speaker(store, speaker.id, "  Duena   B.  ")
    assert changes.count == 32
    names = {t.speaker for t in store.transcript().turns}
    assert names == {"Alessandria Polizzi", "Duena B."}


def test_rename_onto_an_existing_name_is_refused(store: ProjectStore) -> None:
    duena = store.speaker_by_name("Duena Blomstrom")
    assert duena is not None
    with pytest.raises(EditError, match="already exists; merge"):
        ops.rename_speaker(store, duena.id, "Alessandria Polizzi")


def test_empty_speaker_name_is_refused(store: ProjectStore) -> None:
    with pytest.raises(EditError, match="cannot be empty"):
        ops.set_speaker(store, [store.turns()[0].id], "   ")


def test_merge_speakers(store: ProjectStore) -> None:
    ops.set_speaker(store, [store.turns()[0].id], "Al")
    al = store.speaker_by_name("Al")
    alessandria = store.speaker_by_name("Alessandria Polizzi")
    assert al is not None and alessandria is not None
    changes = ops.merge_speakers(store, al.id, alessandria.id)
    assert changes.count == 1
    assert store.find_speaker(al.id) is None
    assert store.speaker_turn_counts()[alessandria.id] == 18


def test_merge_speaker_into_itself_is_refused(store: ProjectStore) -> None:
    speaker = store.speakers()[0]
    with pytest.raises(EditError, match="itself"):
        ops.merge_speakers(store, speaker.id, speaker.id)


def test_set_speaker_counts_only_real_changes(store: ProjectStore) -> None:
    turns = store.turns()[:3]
    changes = ops.set_speaker(store, [t.id for t in turns], "Duena Blomstrom")
    assert changes.count == sum(1 for t in turns if t.speaker_id != store.speakers()[1].id)


def test_set_and_clear_times(store: ProjectStore) -> None:
    turn = store.turns()[0]
    ops.set_times(store, turn.id, start_ms=1500, end_ms=9000)
    assert (store.turn(turn.id).start_ms, store.turn(turn.id).end_ms) == (1500, 9000)
    ops.set_times(store, turn.id, end_ms=None)
    assert (store.turn(turn.id).start_ms, store.turn(turn.id).end_ms) == (1500, None)


@pytest.mark.parametrize(("start", "end"), [(-1, None), (5000, 4000)])
def test_impossible_times_are_refused(store: ProjectStore, start: int, end: int | None) -> None:
    with pytest.raises(EditError):
        ops.set_times(store, store.turns()[0].id, start_ms=start, end_ms=end)


def test_shift_times_moves_words_and_stops_at_zero(store: ProjectStore) -> None:
    ops.insert_turns(store, [TranscriptTurn("A", "a b", 500, 2000, (Word("a", 500, 900),))])
    turn = store.turns()[-1]
    changes = ops.shift_times(store, -1000)
    assert changes.count == 1  # untimed turns are left alone
    shifted = store.turn(turn.id)
    assert (shifted.start_ms, shifted.end_ms) == (0, 1000)
    assert (shifted.words[0].start_ms, shifted.words[0].end_ms) == (0, 0)


def test_mark_reviewed(store: ProjectStore) -> None:
    ids = [t.id for t in store.turns()[:5]]
    assert ops.mark_reviewed(store, ids).count == 5
    assert ops.mark_reviewed(store, ids).count == 0
    assert sum(t.reviewed for t in store.turns()) == 5
    assert ops.mark_reviewed(store, ids[:2], reviewed=False).count == 2


def test_replace_all_plain_counts_every_occurrence(store: ProjectStore) -> None:
    changes = ops.replace_all(store, SearchQuery("Human Death"), "Human Debt™")
    assert changes.count == 1
    assert "Human Debt™ Fighters" in store.turns()[1].text


def test_replace_all_whole_word_leaves_longer_words_alone(store: ProjectStore) -> None:
    before = sum(t.text.count("the") for t in store.turns())
    whole = SearchQuery("the", whole_word=True, case_sensitive=True)
    expected = len(ops.find(store, whole))
    changes = ops.replace_all(store, whole, "THE")
    assert changes.count == expected
    assert 0 < expected < before  # "there", "other" … were not touched
    assert sum(t.text.count("the") for t in store.turns()) == before - expected


def test_replace_all_regex_with_groups(store: ProjectStore) -> None:
    query = SearchQuery(r"\bKP(N)G\b", regex=True, case_sensitive=True)
    changes = ops.replace_all(store, query, r"KP\1G-fixed")
    assert changes.count == len(changes.turns_updated) >= 1
    assert any("KPNG-fixed" in t.text for t in store.turns())


def test_replace_all_limited_to_one_speaker(store: ProjectStore) -> None:
    al = store.speaker_by_name("Alessandria Polizzi")
    assert al is not None
    changes = ops.replace_all(store, SearchQuery("people"), "PEOPLE", speaker_id=al.id)
    assert changes.turns_updated
    assert all(store.turn(i).speaker_id == al.id for i in changes.turns_updated)
    others = [t for t in store.turns() if t.speaker_id != al.id]
    assert any("people" in t.text for t in others)
    assert not any("PEOPLE" in t.text for t in others)


def test_replace_match_replaces_only_that_one(store: ProjectStore) -> None:
    query = SearchQuery("people")
    matches = ops.find(store, query)
    assert len(matches) > 3
    ops.replace_match(store, query, matches[1], "folks")
    assert len(ops.find(store, query)) == len(matches) - 1


def test_bad_regex_is_a_clear_error(store: ProjectStore) -> None:
    with pytest.raises(EditError, match="invalid regular expression"):
        ops.replace_all(store, SearchQuery("(", regex=True), "x")


def test_whole_word_matches_terms_ending_in_a_mark() -> None:
    query = SearchQuery("Debt™", whole_word=True)
    assert query.spans("Human Debt™, and Debt™s") == [(6, 11)]
