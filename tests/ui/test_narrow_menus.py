"""The menus built on a ``MenuHost`` that is no MainWindow (issue 19): a plain ``QMainWindow``
with the real turn model, view and session runner (``tests.ui.bare``), a real player and follow,
and recorders in place of the other controllers; each action reaches what it is connected to."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu

from editor.core import ops
from editor.core.project.store import ProjectStore
from editor.ui.actions import build_actions
from editor.ui.collaborators import Collaborators
from editor.ui.follow import FollowController
from editor.ui.main_window import MainWindow
from editor.ui.player_controller import PlayerController
from editor.ui.settings import Settings
from editor.ui.window_menus import MenuHost, build_menus, connect_actions
from tests.ui.bare import Parts, open_in
from tests.ui.fakes import FakePlayer

Call = tuple[str, str, tuple[Any, ...]]


class Recorder:
    """A controller that records every method called on it."""

    def __init__(self, name: str, calls: list[Call], **attributes: object) -> None:
        self._name, self._calls = name, calls
        self.__dict__.update(attributes)

    def __getattr__(self, method: str) -> Any:
        return lambda *args: self._calls.append((self._name, method, args))


class MenuStandIn(QMainWindow):
    """Just what the menus ask of a host, recording the window's own commands."""

    def __init__(self, bare: Parts, settings: Settings) -> None:
        super().__init__()
        self.parts: Collaborators = dataclasses.replace(bare.parts, parent=self)
        self.settings = settings
        self.calls: list[Call] = []
        self.actions_by_key = build_actions(self)
        for name in ("speakers", "glossary", "clips", "chapters", "notes", "history"):
            setattr(self, f"{name}_dock", QDockWidget(name.title(), self))
        self.player = PlayerController(FakePlayer(), self)
        self.follow = FollowController(self.parts.model, self.parts.view)
        for name in (
            "turn_playback",
            "find_bar",
            "glossary",
            "notes",
            "words",
            "timing",
            "publisher",
        ):
            setattr(self, name, Recorder(name, self.calls))
        self.edits = Recorder("edits", self.calls, runner=self.parts.runner)
        self.spelling = Recorder("spelling", self.calls)
        self.preferences = Recorder("preferences", self.calls)

    def __getattr__(self, command: str) -> Any:  # open_project, zoom, show_about …
        if command.startswith("_"):
            raise AttributeError(command)
        return lambda *args: self.calls.append(("window", command, args))

    def action(self, key: str) -> Any:
        return self.actions_by_key[key]


def _menu(host: QMainWindow, path: str) -> QMenu:
    menu: QMenu | None = None
    for name in path.split("/"):
        actions = (menu or host.menuBar()).actions()
        found = next(a for a in actions if a.text().replace("&", "") == name)
        menu = found.menu()
        assert menu is not None
    assert menu is not None
    return menu


def test_the_menus_are_built_and_connected_without_a_window(
    bare: Parts, settings: Settings, demo_project: Path
) -> None:
    host = MenuStandIn(bare, settings)
    assert not isinstance(host, MainWindow)
    menus: MenuHost = host  # type: ignore[assignment]  # recorders stand in for controllers
    settings.add_recent_file(demo_project)
    build_menus(menus)
    connect_actions(menus)
    tops = [a.text().replace("&", "") for a in host.menuBar().actions()]
    assert tops[:3] == ["File", "Edit", "View"]
    view = [a.text() for a in _menu(host, "View").actions()]
    assert view[-6:] == ["Speakers", "Glossary", "Clips", "Chapters", "Notes", "History"]
    recent = _menu(host, "File/Open Recent")
    recent.aboutToShow.emit()
    recent.actions()[0].trigger()
    assert host.calls[-1] == ("window", "open_project", (demo_project,))
    for key, expected in {
        "stamp": ("timing", "stamp"),
        "replay_turn": ("turn_playback", "replay_current_turn"),
        "new_clip": ("notes", "new_clip"),
        "publish": ("publisher", "publish_dialog"),
        "next_uncertain": ("words", "next_uncertain"),
        "zoom_in": ("window", "zoom"),
        "zoom_reset": ("preferences", "reset_zoom"),
        "edit_text": ("window", "edit_current_text"),
    }.items():
        host.action(key).trigger()
        assert host.calls[-1][:2] == expected, key
    with ProjectStore.open(demo_project) as store:  # Undo and Redo follow the real history
        open_in(host.parts, store)
        undo = host.action("undo")
        assert not undo.isEnabled()
        turn_id = host.parts.model.turn(0).id
        host.parts.runner.run(lambda s: ops.edit_text(s, turn_id, "Changed."))
        assert undo.isEnabled() and undo.text() == "&Undo Edit text"
        undo.trigger()
        assert host.parts.model.turn(0).text != "Changed."
        assert host.action("redo").isEnabled()
        open_in(host.parts, None)
    assert bare.errors == []
    host.deleteLater()


def test_tabbed_panels_keep_their_whole_titles_on_a_plain_main_window(qtbot: object) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel, QTabBar

    from editor.ui.dock_tabs import keep_tab_titles_whole

    host = QMainWindow()
    qtbot.addWidget(host)  # type: ignore[attr-defined]
    first, second = QDockWidget("Speakers", host), QDockWidget("Glossary", host)
    for dock in (first, second):
        dock.setWidget(QLabel(dock.windowTitle()))
        host.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    keep_tab_titles_whole(host)
    host.tabifyDockWidget(first, second)  # Qt makes the tab bar now, after the filter
    host.show()
    qtbot.waitUntil(lambda: bool(host.findChildren(QTabBar)))  # type: ignore[attr-defined]
    bars = host.findChildren(QTabBar)
    assert all(bar.elideMode() == Qt.TextElideMode.ElideNone for bar in bars)
    assert all(bar.usesScrollButtons() for bar in bars)
