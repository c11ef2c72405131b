"""Controllers that take narrow interfaces, not the window (issue 19): each is built here from
small fakes and real collaborators (the turn model, the session's runner) with no MainWindow, and
still does its work."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QLabel, QStatusBar, QVBoxLayout, QWidget

from editor.core import ops
from editor.core.errors import ProjectError
from editor.core.project.store import ProjectStore
from editor.ui import save_status
from editor.ui.main_window import MainWindow
from editor.ui.shared_folder import SharedFolderController
from editor.ui.turn_model import TurnListModel
from editor.ui.undo import OperationRunner
from tests.ui.test_shared_folders_ui import conflicted  # noqa: F401  (a fixture)


class FakeDrafts(QObject):
    """The two signals of ``DraftKeeper`` that the save state listens to."""

    kept_changed = Signal(bool)
    draft_refused = Signal(str)


@pytest.fixture
def store(demo_project: Path) -> Iterator[ProjectStore]:
    with ProjectStore.open(demo_project) as opened:
        yield opened


def _no_window() -> None:
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]


def test_save_status_is_built_without_a_window_and_follows_writes(
    qtbot: object, store: ProjectStore
) -> None:
    errors: list[str] = []
    bar, model, drafts = QStatusBar(), TurnListModel(), FakeDrafts()
    runner = OperationRunner(model, errors.append)
    status = save_status.SaveStatus(bar, model, runner, drafts)  # type: ignore[arg-type]
    _no_window()
    assert status.label.parent() is bar  # a permanent widget of the bar it was given
    assert status.state == ""
    model.set_store(store)
    runner.attach(store)
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
    model.set_store(None)
    assert status.state == ""
    runner.attach(None)


def test_shared_folder_controller_is_built_without_a_window(
    qtbot: object, store: ProjectStore
) -> None:
    area, bar, model = QWidget(), QStatusBar(), TurnListModel()
    layout = QVBoxLayout(area)
    above, last = QLabel("above"), QLabel("last")
    layout.addWidget(above)
    layout.addWidget(last)
    runner = OperationRunner(model, print)
    shared = SharedFolderController(area, bar, model, runner, above)
    _no_window()
    assert layout.indexOf(shared.banner) == layout.indexOf(above) + 1  # its bar goes below
    assert shared.label.parent() is bar
    model.set_store(store)
    assert shared.store is store  # follows the project through the model's reset
    assert shared.label.text() == ""  # a local folder: nothing to say
    assert not shared.timer.isActive()  # not a sync folder: no idle checkpoint
    assert shared.compare() is None  # no conflict copies beside the project
    model.set_store(None)
    assert shared.store is None


def test_a_conflict_copy_is_compared_and_taken_without_a_window(
    qtbot: object,
    conflicted: tuple[Path, Path],  # noqa: F811
) -> None:
    here, copy = conflicted
    area, bar, model = QWidget(), QStatusBar(), TurnListModel()
    layout = QVBoxLayout(area)
    above = QLabel("above")
    layout.addWidget(above)
    errors: list[str] = []
    runner = OperationRunner(model, errors.append)
    shared = SharedFolderController(area, bar, model, runner, above)
    with ProjectStore.open(here) as store:
        model.set_store(store)
        runner.attach(store)
        assert [c.path for c in shared.copies] == [copy]
        dialog = shared.compare()
        assert dialog is not None
        _no_window()
        rows = [r for r in range(dialog.list.count()) if "Bo fixed" in dialog.list.item(r).text()]
        dialog.list.item(rows[0]).setCheckState(Qt.CheckState.Checked)
        dialog.take.click()
        assert errors == []
        assert "Bo fixed this turn in his copy." in [t.text for t in model.turns()]
        assert bar.currentMessage().startswith(f"Took 1 change(s) from {copy.name}")
        assert runner.stack.count() == 1  # one undoable step
        dialog.close()
        model.set_store(None)
        runner.attach(None)
