"""Every command of the window as a named action with its shortcut, in one table.

The same table builds the menus and the Help → Keyboard shortcuts list, so the two can never
disagree. Transport actions use application-wide shortcuts: they work while editing text too.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


@dataclass(frozen=True)
class ActionSpec:
    key: str
    menu: str
    text: str
    shortcuts: tuple[str, ...] = ()
    everywhere: bool = False  # application-wide: also while editing text
    checkable: bool = False


SPECS: tuple[ActionSpec, ...] = (
    ActionSpec("new", "File", "&New from Media and Transcript…", ("Ctrl+N",)),
    ActionSpec("open", "File", "&Open Project…", ("Ctrl+O",)),
    ActionSpec("import", "File", "&Import Transcript…", ("Ctrl+I",)),
    ActionSpec("locate_media", "File", "&Locate Media…"),
    ActionSpec("quit", "File", "&Quit", ("Ctrl+Q",)),
    ActionSpec("copy", "Edit", "&Copy Turns", ("Ctrl+C",)),
    ActionSpec("select_all", "Edit", "Select &All Turns", ("Ctrl+A",)),
    ActionSpec("follow", "View", "&Follow Playback", ("Ctrl+Shift+F",), checkable=True),
    ActionSpec("jump_current", "View", "&Jump to Current Turn", ("Ctrl+L",), everywhere=True),
    ActionSpec("zoom_in", "View", "Zoom &In", ("Ctrl++", "Ctrl+=")),
    ActionSpec("zoom_out", "View", "Zoom &Out", ("Ctrl+-",)),
    ActionSpec("zoom_reset", "View", "&Reset Zoom", ("Ctrl+0",)),
    ActionSpec(
        "play_pause", "Playback", "&Play / Pause", ("Ctrl+Space", "Media Play"), everywhere=True
    ),
    ActionSpec("back", "Playback", "&Back 5 Seconds", ("Alt+Left",), everywhere=True),
    ActionSpec("forward", "Playback", "&Forward 5 Seconds", ("Alt+Right",), everywhere=True),
    ActionSpec("slower", "Playback", "&Slower", ("Alt+Down", "F3"), everywhere=True),
    ActionSpec("faster", "Playback", "F&aster", ("Alt+Up", "F4"), everywhere=True),
    ActionSpec("normal_speed", "Playback", "&Normal Speed", ("Alt+Home",), everywhere=True),
    ActionSpec(
        "replay_turn", "Playback", "&Replay Current Turn", ("Ctrl+Shift+Space",), everywhere=True
    ),
    ActionSpec(
        "seek_selected", "Playback", "Play from &Selected Turn", ("Ctrl+J",), everywhere=True
    ),
    ActionSpec("shortcuts", "Help", "&Keyboard Shortcuts", ("F1",)),
    ActionSpec("about", "Help", "&About Transcript Editor"),
)


def build_actions(window: QWidget) -> dict[str, QAction]:
    actions: dict[str, QAction] = {}
    for spec in SPECS:
        action = QAction(spec.text, window)
        action.setObjectName(spec.key)
        if spec.shortcuts:
            action.setShortcuts([QKeySequence(s) for s in spec.shortcuts])
        if spec.everywhere:
            action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        action.setCheckable(spec.checkable)
        window.addAction(action)  # shortcuts work even where the menu bar is hidden
        actions[spec.key] = action
    return actions


def shortcut_table() -> list[tuple[str, str, str]]:
    """(menu, command, keys) rows for the help dialog."""
    rows = []
    for spec in SPECS:
        if spec.shortcuts:
            keys = ", ".join(
                QKeySequence(s).toString(QKeySequence.SequenceFormat.NativeText)
                for s in spec.shortcuts
            )
            rows.append((spec.menu, spec.text.replace("&", "").rstrip("…"), keys))
    return rows
