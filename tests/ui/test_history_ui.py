"""The window's history is the project's: Ctrl+Z after reopening, View → History, going back."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from editor.cli import main as cli
from editor.core.project.store import ProjectStore
from editor.ui.history_model import START
from editor.ui.main_window import MainWindow


def _texts(path: Path) -> list[str]:
    with ProjectStore.open(path, readonly=True) as store:
        return [t.text for t in store.turns()]


def _ctrl_z(window: MainWindow, qtbot: object) -> None:
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # type: ignore[attr-defined]


def test_ctrl_z_after_reopening_undoes_a_step_made_on_the_command_line(
    window: MainWindow, demo_project: Path, qtbot: object
) -> None:
    before = _texts(demo_project)
    assert cli(["replace", str(demo_project), "the", "THE", "--whole-word"]) == 0
    replaced = _texts(demo_project)
    assert replaced != before
    assert window.open_project(demo_project)
    assert window.action("undo").isEnabled()
    assert window.action("undo").text().startswith("&Undo Replace all (")
    _ctrl_z(window, qtbot)
    assert _texts(demo_project) == before
    assert [t.text for t in window.model.turns()] == before
    window.close_project()
    assert window.open_project(demo_project)  # the redo is kept in the file too
    window.action("redo").trigger()
    assert _texts(demo_project) == replaced


def test_an_edit_in_the_window_is_undone_on_the_command_line(
    opened: MainWindow, demo_project: Path
) -> None:
    before = _texts(demo_project)
    opened.edits.commit_text(opened.model.turn(0).id, "Typed in the window.")
    opened.close_project()
    assert cli(["undo", str(demo_project)]) == 0
    assert _texts(demo_project) == before


def test_the_history_lists_steps_with_time_and_user_and_goes_back(
    opened: MainWindow, demo_project: Path
) -> None:
    assert not opened.speakers_dock.visibleRegion().isEmpty()  # the first tab, in front
    first = opened.model.turn(0).id
    original = _texts(demo_project)
    opened.edits.commit_text(first, "One.")
    opened.edits.commit_text(first, "Two.")
    opened.edits.commit_text(first, "Three.")
    opened.history_dock.toggleViewAction().trigger()  # View → History
    assert opened.history_panel.isVisible() and opened.history_panel.isEnabled()
    # a tab beside the other panels, in front, not a strip squeezed under them
    assert opened.speakers_dock in opened.tabifiedDockWidgets(opened.history_dock)
    QApplication.processEvents()
    assert not opened.history_dock.visibleRegion().isEmpty()
    assert opened.speakers_dock.visibleRegion().isEmpty()
    model = opened.history_view.model()
    assert model.rowCount() == 4
    assert model.index(0, 0).data() == START
    shown = model.index(1, 0).data()
    user = opened.edits.runner.session.user if opened.edits.runner.session else ""
    assert shown.startswith("Edit text") and (not user or user in shown)
    assert ":" in shown  # the time of the step
    opened.history_panel.list.setCurrentIndex(model.index(1, 0))
    opened.history_panel.back_button.click()  # back to just after "One."
    assert _texts(demo_project)[0] == "One."
    assert opened.model.turn(0).text == "One."
    assert opened.edits.runner.stack.undoText().startswith("Go back to after “Edit text”")
    opened.edits.runner.undo()  # going back is one step of its own
    assert _texts(demo_project)[0] == "Three."
    assert model.rowCount() == 5  # the going back is listed too
    opened.history_panel.list.setCurrentIndex(model.index(0, 0))
    opened.history_panel.back_button.click()  # back to the start: as opened
    assert _texts(demo_project) == original
    assert [t.text for t in opened.model.turns()] == original
