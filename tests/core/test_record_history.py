"""Undo for clips, chapters and the glossary: whole-table states put back with their ids."""

from __future__ import annotations

from dataclasses import replace

import pytest

from editor.core import ops
from editor.core.errors import EditError
from editor.core.model import Chapter, Clip
from editor.core.project.record_history import capture, record_step, restore
from editor.core.project.store import ProjectStore


def _clip(start: int, title: str) -> Clip:
    return Clip(0, start, start + 5000, title, "a quote", ("promo",), "", "Host", True)


def test_a_clip_step_is_undone_and_redone_with_the_same_ids(store: ProjectStore) -> None:
    kept = store.clips.add(_clip(0, "kept"))
    added, change = record_step(store, "clips", "New clip", lambda: store.clips.add(_clip(9, "x")))
    assert not change.is_empty and change.label == "New clip"
    restore(store, change.before)
    assert store.clips.all() == [kept]
    restore(store, change.after)
    assert store.clips.all() == [kept, added]


def test_several_deletions_are_one_step(store: ProjectStore) -> None:
    clips = [store.clips.add(_clip(i * 10_000, f"c{i}")) for i in range(4)]

    def delete() -> None:
        for clip in clips[1:3]:
            store.clips.remove(clip.id)

    _, change = record_step(store, "clips", "Delete clips", delete)
    assert store.clips.all() == [clips[0], clips[3]]
    restore(store, change.before)
    assert store.clips.all() == clips


def test_a_refused_step_changes_nothing(store: ProjectStore) -> None:
    clip = store.clips.add(_clip(0, "before"))

    def half_then_fail() -> None:
        store.clips.update(replace(clip, title="changed"))
        store.clips.update(replace(clip, end_ms=-1))  # refused

    with pytest.raises(EditError):
        record_step(store, "clips", "Edit clip", half_then_fail)
    assert store.clips.all() == [clip]


def test_glossary_state_includes_ignores_and_the_mark_rule(store: ProjectStore) -> None:
    term = store.glossary.add("Human Debt™", ("Human Death",))
    turn = store.turns()[0]

    def change_everything() -> None:
        store.glossary.add_variant(term.id, "Human Dead")
        store.glossary.add("KPMG")
        store.glossary.ignore(turn.id, "Human Death")
        store.glossary.set_mark_rule("first")

    before = capture(store, "glossary")
    _, change = record_step(store, "glossary", "Glossary", change_everything)
    restore(store, change.before)
    assert capture(store, "glossary") == before
    assert [t.term for t in store.glossary.terms()] == ["Human Debt™"]
    assert store.glossary.ignored() == set() and store.glossary.mark_rule() == "every"
    restore(store, change.after)
    assert store.glossary.ignored() == {(turn.id, "Human Death")}
    assert store.glossary.terms()[0].variants == ("Human Death", "Human Dead")


def test_restoring_after_the_turn_is_gone_keeps_the_rows_that_still_fit(
    store: ProjectStore,
) -> None:
    first, second = store.turns()[:2]
    ops.set_times(store, second.id, 5000, 9000)
    chapter = Chapter(0, 5000, "Second", "", "", True, second.id)
    added, change = record_step(store, "chapters", "Chapter", lambda: store.chapters.add(chapter))
    _, ignored = record_step(
        store, "glossary", "Ignore", lambda: store.glossary.ignore(second.id, "x")
    )
    ops.merge_with_previous(store, second.id)  # the chapter's turn is deleted
    restore(store, change.before)
    restore(store, change.after)  # a redo after the turn went away
    assert store.chapters.all() == [replace(added, turn_id=None)]
    restore(store, ignored.after)
    assert store.glossary.ignored() == set()
    assert store.find_turn(first.id) is not None
