"""Controllers that take narrow interfaces, not the window (issue 19): each is built here from
``Collaborators`` made of a plain widget, a status bar and the real turn model, view and session
runner, with no MainWindow, and still does its work."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QLabel

from editor.core import ops
from editor.core.errors import ProjectError
from editor.core.formats import read_transcript
from editor.core.project.create import create_project
from editor.core.project.store import ProjectStore
from editor.ui import drafts as drafts_ui
from editor.ui import save_status
from editor.ui.editing import EditController
from editor.ui.glossary_controller import GlossaryController
from editor.ui.shared_folder import SharedFolderController
from tests.conftest import EPISODE_TRANSCRIPT
from tests.ui.bare import Parts, no_window, open_in
from tests.ui.test_shared_folders_ui import conflicted  # noqa: F401  (a fixture)


class FakeDrafts(QObject):
    """The two signals of ``DraftKeeper`` that the save state listens to."""

    kept_changed = Signal(bool)
    draft_refused = Signal(str)


@pytest.fixture
def store(demo_project: Path) -> Iterator[ProjectStore]:
    with ProjectStore.open(demo_project) as opened:
        yield opened


def test_save_status_is_built_without_a_window_and_follows_writes(
    bare: Parts, store: ProjectStore
) -> None:
    parts, errors = bare.parts, bare.errors
    model, runner, drafts = parts.model, parts.runner, FakeDrafts()
    status = save_status.SaveStatus(parts, drafts)  # type: ignore[arg-type]
    no_window(parts)
    assert status.label.parent() is parts.status_bar  # a permanent widget of the bar it was given
    assert status.state == ""
    open_in(parts, store)
    assert status.state == save_status.SAVED
    assert "demo.tep" in status.label.toolTip()
    turn_id = model.turn(0).id
    runner.run(lambda s: ops.edit_text(s, turn_id, "Edited without a window."))
    assert errors == []
    assert model.turn(0).text == "Edited without a window."
    assert "Saved to demo.tep at " in status.label.toolTip()
    drafts.kept_changed.emit(True)
    assert status.state == save_status.DRAFT
    drafts.kept_changed.emit(False)
    for listener in runner.write_listeners:
        listener(ProjectError(store.path, "the disk is full"))
    assert status.state == save_status.NOT_SAVED
    assert "the disk is full" in status.label.text()
    open_in(parts, None)
    assert status.state == ""


def test_shared_folder_controller_is_built_without_a_window(
    bare: Parts, store: ProjectStore
) -> None:
    parts, layout = bare.parts, bare.layout
    last = QLabel("last")
    layout.addWidget(last)
    shared = SharedFolderController(parts, parts.view)
    no_window(parts)
    assert layout.indexOf(shared.banner) == layout.indexOf(parts.view) + 1  # its bar goes below
    assert layout.indexOf(last) == layout.indexOf(shared.banner) + 1
    assert shared.label.parent() is parts.status_bar
    open_in(parts, store)
    assert shared.store is store  # follows the project through the model's reset
    assert shared.label.text() == ""  # a local folder: nothing to say
    assert not shared.timer.isActive()  # not a sync folder: no idle checkpoint
    assert shared.compare() is None  # no conflict copies beside the project
    open_in(parts, None)
    assert shared.store is None


def test_a_conflict_copy_is_compared_and_taken_without_a_window(
    bare: Parts,
    conflicted: tuple[Path, Path],  # noqa: F811
) -> None:
    here, copy = conflicted
    parts, errors = bare.parts, bare.errors
    shared = SharedFolderController(parts, parts.view)
    with ProjectStore.open(here) as store:
        open_in(parts, store)
        assert [c.path for c in shared.copies] == [copy]
        dialog = shared.compare()
        assert dialog is not None
        no_window(parts)
        rows = [r for r in range(dialog.list.count()) if "Bo fixed" in dialog.list.item(r).text()]
        dialog.list.item(rows[0]).setCheckState(Qt.CheckState.Checked)
        dialog.take.click()
        assert errors == []
        assert "Bo fixed this turn in his copy." in [t.text for t in parts.model.turns()]
        assert parts.status_bar.currentMessage().startswith(f"Took 1 change(s) from {copy.name}")
        assert parts.runner.stack.count() == 1  # one undoable step
        dialog.close()
        open_in(parts, None)


def test_the_glossary_controller_finds_fixes_and_undoes_without_a_window(
    bare: Parts, tmp_path: Path
) -> None:
    path = tmp_path / "episode.tep"
    create_project(path, transcript=read_transcript(EPISODE_TRANSCRIPT))
    parts, errors = bare.parts, bare.errors
    glossary = GlossaryController(parts)
    no_window(parts)
    with ProjectStore.open(path) as store:
        open_in(parts, store)
        glossary.reload()
        glossary.add_term("Human Debt™", note="Duena's framework")
        glossary.add_term("KPMG")
        table = glossary.panel.issues_table
        found = [[table.item(r, c).text() for c in range(4)] for r in range(table.rowCount())]
        assert found == [
            ["2", "Human Death", "suspect", "Human Debt™"],
            ["32", "human debt", "style", "Human Debt™"],
            ["40", "KPNG", "suspect", "KPMG"],
        ]
        parts.view.select_row(0)
        assert glossary.next_issue() and parts.view.current_row() == 1
        turn = parts.model.turn(39)
        menu = glossary.menu_for(39, turn.text.index("KPNG"))  # the right-click menu
        assert menu.parent() is parts.parent
        replace = menu.actions()[0]
        assert replace.text() == "Replace with “KPMG”"
        replace.trigger()
        assert "KPMG" in parts.model.turn(39).text
        assert parts.status_bar.currentMessage() == "Fixed 1 glossary issue(s)"
        parts.runner.stack.undo()
        assert parts.model.turn(39).text == turn.text
        assert errors == []
        open_in(parts, None)


class StoppedPlayer:
    """The one thing the edit controller asks the player: where a split at the playhead goes."""

    def is_playing(self) -> bool:
        return False


def test_the_edit_controller_and_draft_restore_work_without_a_window(
    bare: Parts, demo_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parts = bare.parts
    with ProjectStore.open(demo_project) as store:
        turns = store.turns()
        store.drafts.save(turns[1].id, "Typed before a crash.", turns[1].text)
    edits = EditController(parts, StoppedPlayer())  # type: ignore[arg-type]
    no_window(parts)
    with ProjectStore.open(demo_project) as store:
        open_in(parts, store)
        parts.view.turn_delegate.text_committed.emit(turns[0].id, "Committed without a window.")
        assert parts.model.turn(0).text == "Committed without a window."
        parts.view.turn_delegate.split_requested.emit(turns[2].id, turns[2].text, 4)
        assert parts.model.rowCount() == len(turns) + 1
        assert parts.model.turn(2).text == turns[2].text[:4].rstrip()
        asked: list[object] = []
        monkeypatch.setattr(
            drafts_ui, "ask_restore", lambda parent, _p: asked.append(parent) or drafts_ui.RESTORE
        )
        drafts_ui.offer_restore(parts)
        assert asked == [parts.parent]  # the question is asked over the parent it was given
        assert parts.model.turn(1).text == "Typed before a crash."
        assert parts.view.current_row() == 1
        assert parts.status_bar.currentMessage().startswith("Restored typed text in 1 turn(s)")
        parts.runner.stack.undo()
        assert parts.model.turn(1).text == turns[1].text
        assert bare.errors == []
        assert edits.drafts.parent() is parts.parent
        open_in(parts, None)
