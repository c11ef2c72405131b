"""Every command of the window as a named action with its shortcut, in one table.

The same table builds the menus and the Help → Keyboard shortcuts list, so the two can never
disagree. Transport actions use application-wide shortcuts: they work while editing text too.
A menu path "Edit/Assign Speaker" puts the action in a submenu.
"""

from __future__ import annotations

from collections.abc import Mapping
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


_FILE = (
    ActionSpec("new", "File", "&New from Media and Transcript…", ("Ctrl+N",)),
    ActionSpec("open", "File", "&Open Project…", ("Ctrl+O",)),
    ActionSpec("import", "File", "&Import Transcript…", ("Ctrl+I",)),
    ActionSpec("import_page", "File", "Import Episode &Page…"),
    ActionSpec("save_copy", "File", "Save a &Copy As…", ("Ctrl+Shift+S",)),
    ActionSpec("publish", "File", "P&ublish…"),
    ActionSpec("restore_snapshot", "File", "&Restore Snapshot…"),
    ActionSpec("locate_media", "File", "&Locate Media…"),
    ActionSpec("quit", "File", "&Quit", ("Ctrl+Q",)),
)
_EDIT = (
    ActionSpec("undo", "Edit", "&Undo", ("Ctrl+Z",)),
    ActionSpec("redo", "Edit", "&Redo", ("Ctrl+Shift+Z", "Ctrl+Y")),
    ActionSpec("edit_text", "Edit", "&Edit Text", ("F2",)),
    ActionSpec("edit_speaker", "Edit", "Edit S&peaker", ("Shift+F2",)),
    ActionSpec("merge_previous", "Edit", "&Merge with Previous Turn", ("Ctrl+Backspace",)),
    ActionSpec("mark_reviewed", "Edit", "Mark Re&viewed and Next", ("Ctrl+D",)),
    ActionSpec("mark_unreviewed", "Edit", "Mark &Unreviewed", ("Ctrl+Shift+D",)),
    ActionSpec("next_unreviewed", "Edit", "&Next Unreviewed Turn", ("Ctrl+U",)),
    ActionSpec("find", "Edit", "&Find…", ("Ctrl+F",)),
    ActionSpec("replace", "Edit", "Find and &Replace…", ("Ctrl+H",)),
    ActionSpec("find_next", "Edit", "Find Ne&xt", ("F3",)),
    ActionSpec("find_previous", "Edit", "Find Pre&vious", ("Shift+F3",)),
    ActionSpec("next_issue", "Edit", "Next &Glossary Issue", ("F8",)),
    ActionSpec("previous_issue", "Edit", "Previous Glossary &Issue", ("Shift+F8",)),
    ActionSpec("next_uncertain", "Edit", "Next Uncertain &Word", ("F7",)),
    ActionSpec("previous_uncertain", "Edit", "Previous Uncertain W&ord", ("Shift+F7",)),
    ActionSpec("check_spelling", "Edit", "Check &Spelling", checkable=True),
    ActionSpec("new_clip", "Edit", "New Cli&p from Selection", ("Ctrl+K",), True),
    ActionSpec("new_chapter", "Edit", "New C&hapter at Selected Turn…", ("Ctrl+Shift+K",)),
    ActionSpec("suggest_chapters", "Edit", "Sugges&t Chapters…"),
    ActionSpec("copy", "Edit", "&Copy Turns", ("Ctrl+C",)),
    ActionSpec("select_all", "Edit", "Select &All Turns", ("Ctrl+A",)),
    *(
        ActionSpec(f"assign_{n}", "Edit/Assign Speaker", f"Speaker {n}", (f"Alt+{n}",))
        for n in range(1, 10)
    ),
    ActionSpec("preferences", "Edit", "Pre&ferences…", ("Ctrl+,",)),
)
_VIEW = (
    ActionSpec("follow", "View", "&Follow Playback", ("Ctrl+Shift+F",), checkable=True),
    ActionSpec("jump_current", "View", "&Jump to Current Turn", ("Ctrl+L",), everywhere=True),
    ActionSpec("zoom_in", "View", "Zoom &In", ("Ctrl++", "Ctrl+=")),
    ActionSpec("zoom_out", "View", "Zoom &Out", ("Ctrl+-",)),
    ActionSpec("zoom_reset", "View", "&Reset Zoom", ("Ctrl+0",)),
)
_PLAYBACK = (
    ActionSpec("play_pause", "Playback", "&Play / Pause", ("Ctrl+Space", "Media Play"), True),
    ActionSpec("back", "Playback", "&Back 5 Seconds", ("Alt+Left",), True),
    ActionSpec("forward", "Playback", "&Forward 5 Seconds", ("Alt+Right",), True),
    ActionSpec("slower", "Playback", "&Slower", ("Alt+Down",), True),
    ActionSpec("faster", "Playback", "F&aster", ("Alt+Up",), True),
    ActionSpec("normal_speed", "Playback", "&Normal Speed", ("Alt+Home",), True),
    ActionSpec("replay_turn", "Playback", "&Replay Current Turn", ("Ctrl+Shift+Space",), True),
    ActionSpec("seek_selected", "Playback", "Play from &Selected Turn", ("Ctrl+J",), True),
)
_TIMING = (
    ActionSpec("stamp", "Timing", "&Stamp Start at Playhead and Next", ("F9",), True),
    ActionSpec("nudge_start_back", "Timing", "Start 0.1 s &Earlier", ("Ctrl+Left",)),
    ActionSpec("nudge_start_on", "Timing", "Start 0.1 s &Later", ("Ctrl+Right",)),
    ActionSpec("nudge_end_back", "Timing", "End 0.1 s Ea&rlier", ("Ctrl+Shift+Left",)),
    ActionSpec("nudge_end_on", "Timing", "End 0.1 s La&ter", ("Ctrl+Shift+Right",)),
    ActionSpec("estimate", "Timing", "Es&timate Missing Times"),
    ActionSpec("confirm", "Timing", "&Confirm Times of Selected Turns", ("Ctrl+Shift+T",)),
    ActionSpec("align", "Timing", "&Align to Audio (keep confirmed times)…", ("Ctrl+Shift+A",)),
    ActionSpec("align_all", "Timing", "Align &Everything Again…"),
)
_HELP = (
    ActionSpec("shortcuts", "Help", "&Keyboard Shortcuts", ("F1",)),
    ActionSpec("about", "Help", "&About Transcript Editor"),
)
SPECS: tuple[ActionSpec, ...] = (*_FILE, *_EDIT, *_VIEW, *_PLAYBACK, *_TIMING, *_HELP)


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


def shortcut_table(actions: Mapping[str, QAction] | None = None) -> list[tuple[str, str, str]]:
    """(menu, command, keys) rows for the help dialog: the keys ``actions`` have now (the
    user's, from Preferences), else the defaults."""
    rows = []

    def keys_of(spec: ActionSpec) -> list[QKeySequence]:
        if actions is not None and spec.key in actions:
            return [s for s in actions[spec.key].shortcuts() if not s.isEmpty()]
        return [QKeySequence(s) for s in spec.shortcuts]

    native = QKeySequence.SequenceFormat.NativeText
    assign = [spec for spec in SPECS if spec.key.startswith("assign_")]
    defaults = [[QKeySequence(s) for s in spec.shortcuts] for spec in assign]
    collapse = [keys_of(spec) for spec in assign] == defaults
    for spec in SPECS:
        if spec.key.startswith("assign_") and collapse:
            if spec.key == "assign_1":
                rows.append(
                    ("Edit", "Assign the Nth speaker to the selected turns", "Alt+1 … Alt+9")
                )
            continue
        keys = ", ".join(k.toString(native) for k in keys_of(spec))
        if keys:
            # Undo's text names the step; Back and Forward's the skip length set in Preferences.
            live = actions is not None and spec.key in ("back", "forward")
            text = actions[spec.key].text() if actions is not None and live else spec.text
            rows.append((spec.menu.replace("/", " › "), text.replace("&", "").rstrip("…"), keys))
    rows += [
        ("Turn list", "Edit the selected turn's text", "Enter"),
        ("Turn list", "Play from the word clicked", "Alt+click"),
        ("Editing", "Play from the word clicked", "Alt+click"),
        ("Editing", "Save the text", "Enter"),
        ("Editing", "New line", "Shift+Enter"),
        ("Editing", "Cancel the edit", "Escape"),
        ("Editing", "Split the turn at the cursor", "Ctrl+Enter"),
        ("Editing", "Merge with the previous turn", "Backspace at the start"),
    ]
    return rows
