"""Every action of every menu, triggered on a real project: none raises, each does its part.

Dialogs are answered "Cancel" (file choosers return nothing, questions say no), so each action
runs as far as a person who changes their mind would take it. Actions whose effect is plain
from the window are checked for it; all are checked for leaving the project whole.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMenu, QMessageBox

from editor.ui.main_window import MainWindow

NOT_TRIGGERED = {"quit"}  # closes the window: tested on its own


def _menu_actions(menu: QMenu) -> list[QAction]:
    found = []
    for action in menu.actions():
        if action.menu() is not None:
            found += _menu_actions(action.menu())
        elif not action.isSeparator():
            found.append(action)
    return found


def _all_menu_actions(window: MainWindow) -> list[QAction]:
    return [
        action
        for top in window.menuBar().actions()
        if top.menu() is not None
        for action in _menu_actions(top.menu())
    ]


@pytest.fixture
def cancelling_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []

    def cancel(name: str, result: Any) -> Any:
        def answer(*_args: Any, **_kwargs: Any) -> Any:
            shown.append(name)
            return result

        return answer

    monkeypatch.setattr(QDialog, "exec", cancel("dialog", QDialog.DialogCode.Rejected))
    monkeypatch.setattr(QMessageBox, "exec", cancel("message", QMessageBox.StandardButton.Cancel))
    for name in ("critical", "warning", "information", "about"):
        monkeypatch.setattr(QMessageBox, name, cancel(name, QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "question", cancel("question", QMessageBox.StandardButton.No))
    for name in ("getOpenFileName", "getSaveFileName"):
        monkeypatch.setattr(QFileDialog, name, cancel(name, ("", "")))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", cancel("folder", ""))
    monkeypatch.setattr(QInputDialog, "getText", cancel("getText", ("", False)))
    monkeypatch.setattr(QInputDialog, "getItem", cancel("getItem", ("", False)))
    return shown


def test_every_menu_action_runs_on_a_real_project(
    opened: MainWindow, demo_project: Path, qtbot: object, cancelling_dialogs: list[str]
) -> None:
    actions = _all_menu_actions(opened)
    names = {a.objectName() for a in actions}
    assert len(actions) >= 60 and "shownotes-html" not in names  # export items are by title
    triggered = []
    for action in actions:
        if action.objectName() in NOT_TRIGGERED or not action.isEnabled():
            continue
        opened.view.select_row(2)
        opened.view.setFocus()
        action.trigger()
        qtbot.wait(10)  # type: ignore[attr-defined]  # let queued work (and its errors) run
        if opened.view.open_text_editor() is not None:
            opened.view.commit_open_editor()
        triggered.append(action.text())
        assert opened.isVisible(), action.text()
        assert opened.store is not None and opened.store.path == demo_project, action.text()
    assert len(triggered) >= 55, triggered
    opened.timing.stop_workers()
    with sqlite3.connect(demo_project) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_the_plain_effects_of_some_actions(opened: MainWindow, qtbot: object) -> None:
    by_name = {a.objectName(): a for a in _all_menu_actions(opened)}
    opened.view.select_row(0)
    by_name["select_all"].trigger()
    assert len(opened.view.selected_rows()) == opened.model.rowCount()
    by_name["copy"].trigger()
    assert opened.model.turn(9).text[:30] in QGuiApplication.clipboard().text()
    size = opened.view.font().pointSizeF()
    by_name["zoom_in"].trigger()
    assert opened.view.font().pointSizeF() == size + 1
    by_name["zoom_reset"].trigger()
    opened.view.select_row(3)
    by_name["mark_reviewed"].trigger()
    assert opened.model.turn(3).reviewed and opened.view.current_row() == 4
    by_name["undo"].trigger()
    assert not opened.model.turn(3).reviewed
    by_name["find"].trigger()
    assert opened.find_bar.isVisible()
