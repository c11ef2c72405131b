"""The status bar says whether the work is saved: "Saved", "Not saved — why", "Draft kept",
"Read-only"."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from editor.ui import safety, save_status
from editor.ui.main_window import MainWindow
from tests.ui.test_editing import CTRL, key, open_editor_on, type_text


def status(window: MainWindow) -> str:
    return window.save_status.label.text()


def test_an_open_project_says_saved_and_is_named_for_screen_readers(opened: MainWindow) -> None:
    label = opened.save_status.label
    assert label.text() == save_status.SAVED
    assert label.accessibleName() == "Save state"
    assert label.isVisible()
    assert "demo.tep" in label.toolTip()


def test_no_project_shows_nothing(window: MainWindow) -> None:
    assert status(window) == ""


def test_each_committed_change_says_saved_with_the_time_on_hover(opened: MainWindow) -> None:
    turn = opened.model.turn(1)
    opened.view.turn_delegate.text_committed.emit(turn.id, "A corrected turn.")
    assert status(opened) == save_status.SAVED
    assert re.search(r"at \d\d:\d\d:\d\d", opened.save_status.label.toolTip())
    opened.edits.runner.stack.undo()  # an undo is a write too
    assert status(opened) == save_status.SAVED


def test_a_refused_write_says_not_saved_and_why_until_a_write_goes_through(
    opened: MainWindow,
) -> None:
    store = opened.store
    assert store is not None
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages}")
    turn = opened.model.turn(2)
    opened.view.turn_delegate.text_committed.emit(turn.id, "A long correction. " * 5000)
    assert status(opened).startswith("Not saved — ")
    assert "disk is full" in status(opened)
    assert "disk is full" in opened.save_status.label.accessibleDescription()
    store.db.execute(f"PRAGMA max_page_count = {pages * 100}")
    opened.view.turn_delegate.text_committed.emit(turn.id, "Saved after all.")
    assert status(opened) == save_status.SAVED


def test_an_edit_that_does_not_fit_is_not_a_refused_write(opened: MainWindow) -> None:
    opened.view.select_row(0)
    opened.edits.merge_selected_with_previous()  # the first turn: nothing to merge with
    assert status(opened) == save_status.SAVED


def test_typing_kept_as_a_draft_says_draft_kept_until_committed(
    opened: MainWindow, qtbot: object
) -> None:
    open_editor_on(opened, qtbot, 2)
    key(qtbot, CTRL, code=Qt.Key.Key_End)
    type_text(qtbot, " and more")
    opened.edits.drafts.save_now()
    assert status(opened) == save_status.DRAFT
    key(qtbot, code=Qt.Key.Key_Return)
    assert status(opened) == save_status.SAVED


def test_escape_drops_the_draft_state(opened: MainWindow, qtbot: object) -> None:
    open_editor_on(opened, qtbot, 1)
    type_text(qtbot, "Not wanted")
    opened.edits.drafts.save_now()
    assert status(opened) == save_status.DRAFT
    key(qtbot, code=Qt.Key.Key_Escape)
    assert status(opened) == save_status.SAVED


def test_a_read_only_project_says_read_only(
    window: MainWindow, demo_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(safety, "ask_fallback", lambda *_a, **_k: safety.READ_ONLY)
    demo_project.chmod(0o444)
    try:
        assert window.open_project(demo_project)
        assert status(window) == save_status.READ_ONLY
        window.close_project()
        assert status(window) == ""
    finally:
        demo_project.chmod(0o644)
