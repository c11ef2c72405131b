"""Typing in an open turn editor is kept on disk as a draft, and offered back after a crash."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer

from editor.core import ops
from editor.core.errors import ProjectError
from editor.core.project.drafts import Draft
from editor.core.project.store import ProjectStore
from editor.ui import drafts as drafts_ui
from editor.ui.main_window import MainWindow
from tests.conftest import PATIENCE_MS
from tests.ui.test_editing import CTRL, key, on_disk, open_editor_on, type_text


def drafts_on_disk(project: Path) -> list[tuple[int, str]]:
    with sqlite3.connect(project) as conn:
        return list(conn.execute("SELECT turn_id, text FROM drafts"))


def test_typing_reaches_the_disk_within_a_second_without_a_commit(
    opened: MainWindow, demo_project: Path, qtbot: object
) -> None:
    original = on_disk(demo_project)
    # "Within a second" is the keeper's timer, not the wall clock (which a busy machine slows).
    (timer,) = opened.edits.drafts.findChildren(QTimer)
    assert timer.interval() == drafts_ui.SAVE_INTERVAL_MS <= 1000 and timer.isSingleShot()
    box = open_editor_on(opened, qtbot, 2)
    key(qtbot, CTRL, code=Qt.Key.Key_End)
    type_text(qtbot, " and more")
    assert timer.isActive() or drafts_on_disk(demo_project) != []  # the save is on its way
    qtbot.waitUntil(lambda: drafts_on_disk(demo_project) != [], timeout=PATIENCE_MS)  # type: ignore[attr-defined]
    assert drafts_on_disk(demo_project) == [(box.turn_id, original[2][0] + " and more")]
    assert on_disk(demo_project) == original  # a draft, not an edit
    type_text(qtbot, " still")
    qtbot.waitUntil(  # type: ignore[attr-defined]
        lambda: drafts_on_disk(demo_project)[0][1].endswith("more still"), timeout=PATIENCE_MS
    )
    key(qtbot, code=Qt.Key.Key_Return)
    assert on_disk(demo_project)[2][0] == original[2][0] + " and more still"
    assert drafts_on_disk(demo_project) == []


def test_escape_throws_the_draft_away(
    opened: MainWindow, demo_project: Path, qtbot: object
) -> None:
    open_editor_on(opened, qtbot, 1)
    type_text(qtbot, "Not wanted")
    opened.edits.drafts.save_now()
    assert len(drafts_on_disk(demo_project)) == 1
    key(qtbot, code=Qt.Key.Key_Escape)
    assert drafts_on_disk(demo_project) == []


def test_typing_back_to_the_original_and_committing_leaves_no_draft(
    opened: MainWindow, demo_project: Path, qtbot: object
) -> None:
    original = on_disk(demo_project)
    open_editor_on(opened, qtbot, 0)
    key(qtbot, CTRL, code=Qt.Key.Key_End)
    type_text(qtbot, "xyz")
    opened.edits.drafts.save_now()
    for _ in range(3):
        key(qtbot, code=Qt.Key.Key_Backspace)
    key(qtbot, code=Qt.Key.Key_Return)
    assert on_disk(demo_project) == original
    assert drafts_on_disk(demo_project) == []


def test_a_refused_commit_keeps_the_latest_typing_as_a_draft(
    opened: MainWindow, demo_project: Path, qtbot: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(store: ProjectStore, *_args: object) -> None:
        raise ProjectError(store.path, "cannot be written: the disk is full")

    box = open_editor_on(opened, qtbot, 3)
    key(qtbot, CTRL, code=Qt.Key.Key_A)
    type_text(qtbot, "Words worth keeping")
    monkeypatch.setattr(ops, "edit_text", refuse)
    key(qtbot, code=Qt.Key.Key_Return)
    assert "disk is full" in opened.statusBar().currentMessage()
    assert drafts_on_disk(demo_project) == [(box.turn_id, "Words worth keeping")]


def test_a_split_while_typing_leaves_no_draft(
    opened: MainWindow, demo_project: Path, qtbot: object
) -> None:
    open_editor_on(opened, qtbot, 4)
    key(qtbot, CTRL, code=Qt.Key.Key_Home)
    type_text(qtbot, "Inserted. ")
    opened.edits.drafts.save_now()
    key(qtbot, CTRL, code=Qt.Key.Key_Return)
    assert on_disk(demo_project)[4][0] == "Inserted."
    assert drafts_on_disk(demo_project) == []


def _leave_a_draft(project: Path, row: int, text: str) -> tuple[int, str]:
    with ProjectStore.open(project) as store:
        turn = store.turns()[row]
        store.drafts.save(turn.id, text, turn.text)
        return turn.id, turn.text


@pytest.mark.parametrize("choice", [drafts_ui.RESTORE, drafts_ui.DISCARD, None])
def test_opening_a_project_with_leftover_typing_asks_what_to_do(
    window: MainWindow,
    demo_project: Path,
    qtbot: object,
    monkeypatch: pytest.MonkeyPatch,
    choice: str | None,
) -> None:
    turn_id, before = _leave_a_draft(demo_project, 5, "Typed before the crash.")
    asked: list[list[Draft]] = []
    monkeypatch.setattr(drafts_ui, "ask_restore", lambda _w, found: asked.append(found) or choice)
    assert window.open_project(demo_project)
    assert [(d.turn_id, d.number, d.text) for d in asked[0]] == [
        (turn_id, 6, "Typed before the crash.")
    ]
    texts = [t for t, _ in on_disk(demo_project)]
    if choice == drafts_ui.RESTORE:
        assert texts[5] == "Typed before the crash."
        assert drafts_on_disk(demo_project) == []
        assert window.view.current_row() == 5
        window.edits.runner.stack.undo()
        assert on_disk(demo_project)[5][0] == before
    elif choice == drafts_ui.DISCARD:
        assert texts[5] == before and drafts_on_disk(demo_project) == []
    else:
        assert texts[5] == before
        assert drafts_on_disk(demo_project) == [(turn_id, "Typed before the crash.")]
        # Left for later, it outlives a command that changes the same turn.
        window.edits.runner.run(lambda s: ops.edit_text(s, turn_id, "Changed meanwhile."))
        assert drafts_on_disk(demo_project) == [(turn_id, "Typed before the crash.")]


def test_a_read_only_window_does_not_ask(
    window: MainWindow, demo_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _leave_a_draft(demo_project, 0, "leftover")
    monkeypatch.setattr(drafts_ui, "ask_restore", lambda *_: pytest.fail("asked"))
    with ProjectStore.open(demo_project, readonly=True) as store:
        window.model.set_store(store)
        drafts_ui.offer_restore(window.parts)
        window.model.set_store(None)


def test_a_draft_left_for_later_comes_back_in_the_editor(
    window: MainWindow, demo_project: Path, qtbot: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, before = _leave_a_draft(demo_project, 3, "Left for later.")
    monkeypatch.setattr(drafts_ui, "ask_restore", lambda *_: None)
    assert window.open_project(demo_project)
    box = open_editor_on(window, qtbot, 3)
    assert box.toPlainText() == "Left for later." and box.textCursor().atEnd()
    type_text(qtbot, " Finished now.")
    key(qtbot, code=Qt.Key.Key_Return)
    assert on_disk(demo_project)[3][0] == "Left for later. Finished now."
    assert drafts_on_disk(demo_project) == []
    window.edits.runner.stack.undo()
    assert on_disk(demo_project)[3][0] == before


def test_escape_drops_a_draft_left_for_later(
    window: MainWindow, demo_project: Path, qtbot: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, before = _leave_a_draft(demo_project, 3, "Left for later.")
    monkeypatch.setattr(drafts_ui, "ask_restore", lambda *_: None)
    assert window.open_project(demo_project)
    open_editor_on(window, qtbot, 3)
    key(qtbot, code=Qt.Key.Key_Escape)
    assert drafts_on_disk(demo_project) == [] and on_disk(demo_project)[3][0] == before


def test_a_draft_the_disk_refuses_is_told_once_like_any_refused_write(
    opened: MainWindow, qtbot: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from editor.core.project.drafts import Drafts
    from editor.ui import save_status

    def refuse(self: Drafts, *_args: object) -> None:
        raise ProjectError(self._store.path, "the disk is full")

    heard: list[object] = []
    opened.edits.runner.write_listeners.append(heard.append)
    box = open_editor_on(opened, qtbot, 2)
    type_text(qtbot, "Typed while the disk is full")
    monkeypatch.setattr(Drafts, "save", refuse)
    opened.edits.drafts.save_now()  # through the session: its listeners hear the refusal
    assert [getattr(e, "reason", e) for e in heard] == ["the disk is full"]
    message = opened.statusBar().currentMessage()
    assert message.startswith("Your typing could not be kept as a draft: ")
    assert opened.save_status.state == save_status.NOT_SAVED
    assert "kept as a draft: the disk is full" in opened.save_status.label.text()
    opened.statusBar().clearMessage()
    type_text(qtbot, " still")
    opened.edits.drafts.save_now()
    assert len(heard) == 2 and opened.statusBar().currentMessage() == ""  # told once
    assert box.toPlainText().endswith("full still")  # the typing stays in the editor
