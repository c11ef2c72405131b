"""The project session: one change path, one event, and a history kept in the project file."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from editor.core import ops
from editor.core.errors import EditError, ProjectError
from editor.core.model import Clip, EpisodeMeta, Turn
from editor.core.search import SearchQuery
from editor.core.session import COMMAND_LINE, Change, HistoryRefused, ProjectSession


@pytest.fixture
def session(project_path: Path) -> Iterator[ProjectSession]:
    with ProjectSession.open(project_path, snapshot=False) as opened:
        yield opened


def _texts(session: ProjectSession) -> list[str]:
    return [t.text for t in session.store.turns()]


def test_an_operation_is_one_step_in_the_history_and_one_event(session: ProjectSession) -> None:
    heard: list[Change] = []
    session.subscribe(heard.append)
    turn = session.store.turns()[0]
    change = session.run(lambda s: ops.edit_text(s, turn.id, "Rewritten."))
    assert heard == [change] and change.touched == {"turns"} and change.action == "do"
    [step] = session.history.steps()
    assert (step.label, step.id, step.undone) == ("Edit text", change.step_id, False)
    assert step.user == session.user and step.made_at


def test_undo_and_redo_come_from_the_file_after_reopening_and_moving_it(
    session: ProjectSession, tmp_path: Path
) -> None:
    initial = _texts(session)
    session.run(lambda s: ops.replace_all(s, SearchQuery("the", whole_word=True), "THE"))
    replaced = _texts(session)
    path = session.store.path
    session.close()
    moved = tmp_path / "elsewhere" / "moved.tep"
    moved.parent.mkdir()
    shutil.move(path, moved)
    with ProjectSession.open(moved, snapshot=False) as reopened:
        undone = reopened.undo()
        assert undone is not None and undone.action == "undo"
        assert _texts(reopened) == initial
    with ProjectSession.open(moved, snapshot=False) as again:
        assert again.redo() is not None
        assert _texts(again) == replaced
        assert again.redo() is None  # nothing more to redo


def test_records_and_episode_and_media_steps_undo(session: ProjectSession) -> None:
    store = session.store
    _, added = session.run_records(
        "clips", "New clip", lambda s: s.clips.add(Clip(0, 0, 5000, "t", "q"))
    )
    assert added.touched == {"clips"}
    _, titled = session.apply(
        lambda s: (s.set_episode(EpisodeMeta(title="A new title")), None),
        label="Edit episode",
        records=("episode",),
    )
    assert titled.touched == {"episode"}
    session.undo()
    assert store.episode().title != "A new title"
    session.undo()
    assert store.clips.all() == []
    session.redo()
    assert [c.title for c in store.clips.all()] == ["t"]


def test_listeners_filter_by_what_changed_and_who(session: ProjectSession) -> None:
    clips: list[Change] = []
    from_cli: list[Change] = []
    session.subscribe(clips.append, touching=("clips",))
    session.subscribe(from_cli.append, origins=(COMMAND_LINE,))
    turn_id = session.store.turns()[0].id
    session.run(lambda s: ops.edit_text(s, turn_id, "x"))
    session.run_records(
        "clips", "Clip", lambda s: s.clips.add(Clip(0, 0, 900, "t", "q")), origin=COMMAND_LINE
    )
    assert [c.label for c in clips] == ["Clip"] and [c.label for c in from_cli] == ["Clip"]


def test_a_refused_operation_records_nothing(session: ProjectSession) -> None:
    with pytest.raises(EditError):
        session.run(lambda s: ops.edit_text(s, 999_999, "x"))
    assert session.history.steps() == []


def test_a_new_step_drops_the_undone_ones(session: ProjectSession) -> None:
    turn_id = session.store.turns()[0].id
    session.run(lambda s: ops.edit_text(s, turn_id, "one"))
    session.undo()
    session.run(lambda s: ops.edit_text(s, turn_id, "two"))
    assert [s.undone for s in session.history.steps()] == [False]
    assert session.redo() is None


def test_a_step_the_file_no_longer_fits_is_refused_with_the_reason(
    session: ProjectSession,
) -> None:
    turn: Turn = session.store.turns()[0]
    session.run(lambda s: ops.edit_text(s, turn.id, "one"))
    ops.edit_text(session.store, turn.id, "changed behind the history")
    with pytest.raises(HistoryRefused, match=r"has changed since.*history was cleared"):
        session.undo()
    assert session.store.turn(turn.id).text == "changed behind the history"
    assert session.history.steps() == []


def test_the_history_is_bounded_by_its_setting(session: ProjectSession) -> None:
    turn_id = session.store.turns()[0].id
    session.history.set_limit(3)
    for number in range(5):
        session.run(lambda s, n=number: ops.edit_text(s, turn_id, f"edit {n}"))
    assert len(session.history.steps()) == 3
    for _ in range(3):
        assert session.undo() is not None
    assert session.undo() is None
    assert session.store.turn(turn_id).text == "edit 1"
    session.history.clear()
    assert session.history.steps() == [] and not session.can_redo()


def test_going_back_to_an_earlier_point_is_one_undoable_step(session: ProjectSession) -> None:
    turn_id = session.store.turns()[0].id
    first = session.run(lambda s: ops.edit_text(s, turn_id, "one"))
    session.run(lambda s: ops.edit_text(s, turn_id, "two"))
    session.run_records("clips", "Clip", lambda s: s.clips.add(Clip(0, 0, 900, "t", "q")))
    assert first.step_id is not None
    back = session.go_back_to(first.step_id)
    assert back.label == "Go back to after “Edit text”" and back.touched == {"turns", "clips"}
    assert session.store.turn(turn_id).text == "one" and session.store.clips.all() == []
    session.undo()
    assert session.store.turn(turn_id).text == "two" and len(session.store.clips.all()) == 1


def test_a_step_and_its_history_entry_are_one_transaction(session: ProjectSession) -> None:
    """A step whose history entry cannot be written changes nothing."""
    session.store.db.conn.execute(
        "CREATE TRIGGER refuse BEFORE INSERT ON history BEGIN SELECT RAISE(ABORT, 'no'); END"
    )
    before = _texts(session)
    with pytest.raises(Exception, match="no"):
        session.run(lambda s: ops.edit_text(s, s.turns()[0].id, "lost?"))
    assert _texts(session) == before


def test_a_group_is_one_step_and_a_refusal_inside_keeps_the_rest(
    session: ProjectSession,
) -> None:
    first, second = (t.id for t in session.store.turns()[:2])
    heard: list[Change] = []
    told: list[int] = []
    session.subscribe(heard.append)
    session.on_history(lambda: told.append(len(session.history.steps())))
    with session.group("Two edits"):
        session.run(lambda s: ops.edit_text(s, first, "one"))
        with pytest.raises(EditError):
            session.run(lambda s: ops.edit_text(s, 999_999, "x"))
        session.run(lambda s: ops.edit_text(s, second, "two"))
    assert len(heard) == 2 and told == [1]
    [step] = session.history.steps()
    assert step.label == "Two edits"
    session.undo()
    assert [t.text for t in session.store.turns()[:2]] != ["one", "two"]
    session.redo()
    assert [t.text for t in session.store.turns()[:2]] == ["one", "two"]


def test_a_form_saved_as_it_is_typed_is_one_step(session: ProjectSession) -> None:
    """Steps asking to merge join the newest one of the same kind: one undo takes them all."""
    original = session.store.episode().title

    def title(text: str) -> None:
        session.run_records(
            "episode", "Edit details", lambda s: s.set_episode(EpisodeMeta(title=text)), merge=True
        )

    for typed in ("T", "Th", "The title"):
        title(typed)
    [step] = session.history.steps()
    assert step.label == "Edit details"
    session.undo()
    assert session.store.episode().title == original
    session.redo()
    assert session.store.episode().title == "The title"
    session.undo()
    title("Another")
    title(original)  # typed back to what it was: the step cancels out
    assert session.history.steps() == []


def test_a_draft_is_written_through_the_session_as_no_step(
    session: ProjectSession, project_path: Path
) -> None:
    heard: list[Change] = []
    session.subscribe(heard.append)
    turn = session.store.turns()[0]
    session.write_unrecorded(lambda s: s.drafts.save(turn.id, "typed so far", turn.text))
    assert heard == [] and session.history.steps() == []  # no event, no step of the history
    with ProjectSession.open(project_path, snapshot=False, readonly=True) as other:
        assert other.store.drafts.saved_text(turn.id) == "typed so far"  # durable at once
    with (
        ProjectSession.open(project_path, snapshot=False, readonly=True) as other,
        pytest.raises(ProjectError, match="read-only"),
    ):
        other.write_unrecorded(lambda s: s.drafts.save(turn.id, "refused", turn.text))
    assert session.store.drafts.saved_text(turn.id) == "typed so far"
