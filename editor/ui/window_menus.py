"""The main window's menus and what each action is connected to.

They are built on a ``MenuHost``, not on the window (issue 19): the window's own commands
(``WindowCommands`` and the few below), its actions and panels, and the controllers the actions
go to. The window satisfies it; a test can build the menus on another.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QDockWidget, QMenu, QMenuBar

from editor.core.formats import export_choices
from editor.core.ops.timing_tools import NUDGE_MS
from editor.core.project.project_exports import PROJECT_EXPORTS
from editor.ui import file_commands, safety
from editor.ui.actions import SPECS
from editor.ui.collaborators import WindowCommands
from editor.ui.dialogs import show_shortcuts
from editor.ui.settings import REWIND_CHOICES_MS
from editor.ui.spelling_language import language_menu

if TYPE_CHECKING:
    from editor.ui.editing import EditController
    from editor.ui.find_bar import FindBar
    from editor.ui.follow import FollowController
    from editor.ui.glossary_controller import GlossaryController
    from editor.ui.notes_controller import NotesController
    from editor.ui.player_controller import PlayerController
    from editor.ui.preferences import Preferences
    from editor.ui.publishing import Publisher
    from editor.ui.spelling_controller import SpellingController
    from editor.ui.timing_controller import TimingController
    from editor.ui.turn_playback import TurnPlayback
    from editor.ui.word_controller import WordController


class MenuHost(WindowCommands, Protocol):
    """What the menus are built on and their actions go to."""

    actions_by_key: dict[str, QAction]  # every action, by its key in ``actions.SPECS``
    # the panels View lists, in its order
    speakers_dock: QDockWidget
    glossary_dock: QDockWidget
    clips_dock: QDockWidget
    chapters_dock: QDockWidget
    notes_dock: QDockWidget
    history_dock: QDockWidget
    # the controllers the actions go to
    player: PlayerController
    follow: FollowController
    turn_playback: TurnPlayback
    edits: EditController
    find_bar: FindBar
    glossary: GlossaryController
    notes: NotesController
    words: WordController
    spelling: SpellingController
    timing: TimingController
    preferences: Preferences
    publisher: Publisher

    # the window's own commands
    def menuBar(self) -> QMenuBar: ...
    def action(self, key: str) -> QAction: ...
    def close(self) -> bool: ...
    def show_about(self) -> None: ...
    def edit_current_text(self) -> None: ...
    def edit_current_speaker(self) -> None: ...
    def copy_selected_turns(self) -> None: ...
    def set_follow(self, enabled: bool) -> None: ...
    def set_rewind(self, value: int) -> None: ...
    def zoom(self, step: int) -> None: ...


def build_menus(window: MenuHost) -> None:
    menus: dict[str, QMenu] = {}
    for spec in SPECS:
        menu = _menu(window, menus, spec.menu)
        if spec.key == "quit":
            menu.addMenu(_recent_menu(window))
            menu.addMenu(_export_menu(window))
            menu.addSeparator()
        if spec.key in ("edit_text", "find", "copy", "preferences", "jump_current", "replay_turn"):
            menu.addSeparator()
        menu.addAction(window.action(spec.key))
        if spec.key == "check_spelling":
            menu.addMenu(language_menu(window.parts, window.spelling.refresh_known))
    menus["View"].addSeparator()
    docks = (
        window.speakers_dock,
        window.glossary_dock,
        window.clips_dock,
        window.chapters_dock,
        window.notes_dock,
        window.history_dock,
    )
    for dock in docks:
        menus["View"].addAction(dock.toggleViewAction())
    menus["Playback"].addSeparator()
    menus["Playback"].addMenu(_rewind_menu(window))


def _menu(window: MenuHost, menus: dict[str, QMenu], path: str) -> QMenu:
    if path in menus:
        return menus[path]
    parent_path, _, name = path.rpartition("/")
    if parent_path:
        menu = _menu(window, menus, parent_path).addMenu(f"&{name}")
    else:
        menu = window.menuBar().addMenu(f"&{name}")
    menus[path] = menu
    return menu


def _recent_menu(window: MenuHost) -> QMenu:
    menu = QMenu("Open &Recent", window.parts.parent)

    def fill() -> None:
        menu.clear()
        recent = [Path(p) for p in window.settings.recent_files()]
        for path in recent:
            action = menu.addAction(path.name)
            action.setToolTip(str(path))
            action.setEnabled(path.exists())
            action.triggered.connect(lambda _=False, p=path: window.open_project(p))
        if not recent:
            menu.addAction("(none)").setEnabled(False)

    menu.aboutToShow.connect(fill)
    return menu


def _export_menu(window: MenuHost) -> QMenu:
    menu = QMenu("&Export", window.parts.parent)
    for name, description in export_choices():
        action = menu.addAction(f"{description} (.{name})…")
        action.triggered.connect(lambda _=False, n=name: file_commands.export(window, n))
    menu.addSeparator()
    for name, kind in PROJECT_EXPORTS.items():
        action = menu.addAction(f"{kind.description}…")
        action.triggered.connect(lambda _=False, n=name: file_commands.export(window, n))
    return menu


def _rewind_menu(window: MenuHost) -> QMenu:
    menu = QMenu("Rewind on &Resume", window.parts.parent)
    group = QActionGroup(menu)
    current = window.settings.rewind_on_resume_ms()
    choices = {}
    for value in REWIND_CHOICES_MS:
        action = menu.addAction("Off" if value == 0 else f"{value / 1000:g} s")
        action.setCheckable(True)
        action.setChecked(value == current)
        group.addAction(action)
        action.triggered.connect(lambda _=False, v=value: window.set_rewind(v))
        choices[value] = action
    window.player.rewind_on_resume_ms = current

    def show_current() -> None:  # Preferences may have changed it
        choice = choices.get(window.player.rewind_on_resume_ms)
        if choice is not None:
            choice.setChecked(True)

    menu.aboutToShow.connect(show_current)
    return menu


def connect_actions(window: MenuHost) -> None:
    for connect in (
        _connect_file,
        _connect_undo,
        _connect_edit,
        _connect_view_and_playback,
        _connect_timing,
    ):
        connect(window, window.actions_by_key)


def _connect_file(window: MenuHost, a: dict[str, QAction]) -> None:
    a["new"].triggered.connect(lambda: file_commands.new_project(window))
    a["open"].triggered.connect(lambda: file_commands.open_dialog(window))
    a["import"].triggered.connect(lambda: file_commands.import_dialog(window))
    a["save_copy"].triggered.connect(lambda: file_commands.save_copy_dialog(window))
    a["publish"].triggered.connect(window.publisher.publish_dialog)
    a["restore_snapshot"].triggered.connect(lambda: safety.restore_dialog(window))
    a["locate_media"].triggered.connect(lambda: file_commands.locate_media(window))
    a["import_page"].triggered.connect(window.notes.import_page_dialog)
    a["new_clip"].triggered.connect(window.notes.new_clip)
    a["new_chapter"].triggered.connect(window.notes.add_chapter_dialog)
    a["suggest_chapters"].triggered.connect(window.notes.suggest_chapters)
    a["quit"].triggered.connect(window.close)
    a["shortcuts"].triggered.connect(
        lambda: show_shortcuts(window.parts.parent, window.actions_by_key)
    )
    a["about"].triggered.connect(window.show_about)


def _connect_undo(window: MenuHost, a: dict[str, QAction]) -> None:
    runner = window.edits.runner
    stack = runner.stack
    a["undo"].triggered.connect(runner.undo)
    a["redo"].triggered.connect(runner.redo)

    def show_state() -> None:
        a["undo"].setEnabled(stack.canUndo())
        a["redo"].setEnabled(stack.canRedo())
        a["undo"].setText(f"&Undo {stack.undoText()}".strip())
        a["redo"].setText(f"&Redo {stack.redoText()}".strip())

    runner.history.state_changed.connect(show_state)
    show_state()


def _connect_edit(window: MenuHost, a: dict[str, QAction]) -> None:
    edits = window.edits
    a["edit_text"].triggered.connect(window.edit_current_text)
    a["edit_speaker"].triggered.connect(window.edit_current_speaker)
    a["merge_previous"].triggered.connect(edits.merge_selected_with_previous)
    a["mark_reviewed"].triggered.connect(lambda: edits.mark_reviewed_and_next(True))
    a["mark_unreviewed"].triggered.connect(lambda: edits.mark_reviewed_and_next(False))
    a["next_unreviewed"].triggered.connect(edits.next_unreviewed)
    a["find"].triggered.connect(lambda: window.find_bar.open_bar(replace=False))
    a["replace"].triggered.connect(lambda: window.find_bar.open_bar(replace=True))
    a["find_next"].triggered.connect(lambda: window.find_bar.step(1))
    a["find_previous"].triggered.connect(lambda: window.find_bar.step(-1))
    a["next_issue"].triggered.connect(lambda: window.glossary.next_issue(1))
    a["previous_issue"].triggered.connect(lambda: window.glossary.next_issue(-1))
    a["next_uncertain"].triggered.connect(lambda: window.words.next_uncertain(1))
    a["previous_uncertain"].triggered.connect(lambda: window.words.next_uncertain(-1))
    a["copy"].triggered.connect(window.copy_selected_turns)
    a["select_all"].triggered.connect(window.parts.view.selectAll)
    for number in range(1, 10):
        a[f"assign_{number}"].triggered.connect(
            lambda _=False, n=number: edits.set_speaker_number(n)
        )


def _connect_view_and_playback(window: MenuHost, a: dict[str, QAction]) -> None:
    player = window.player
    a["follow"].setChecked(window.follow.enabled)
    a["follow"].toggled.connect(window.set_follow)
    a["jump_current"].triggered.connect(window.follow.resume)
    a["zoom_in"].triggered.connect(lambda: window.zoom(1))
    a["zoom_out"].triggered.connect(lambda: window.zoom(-1))
    a["zoom_reset"].triggered.connect(window.preferences.reset_zoom)
    a["play_pause"].triggered.connect(player.toggle)
    a["back"].triggered.connect(lambda: player.skip(-player.skip_ms))
    a["forward"].triggered.connect(lambda: player.skip(player.skip_ms))
    a["slower"].triggered.connect(player.slower)
    a["faster"].triggered.connect(player.faster)
    a["normal_speed"].triggered.connect(lambda: player.set_rate(1.0))
    a["replay_turn"].triggered.connect(window.turn_playback.replay_current_turn)
    a["seek_selected"].triggered.connect(window.turn_playback.play_selected_turn)


def _connect_timing(window: MenuHost, a: dict[str, QAction]) -> None:
    timing = window.timing
    a["stamp"].triggered.connect(timing.stamp)
    a["nudge_start_back"].triggered.connect(lambda: timing.nudge("start", -NUDGE_MS))
    a["nudge_start_on"].triggered.connect(lambda: timing.nudge("start", NUDGE_MS))
    a["nudge_end_back"].triggered.connect(lambda: timing.nudge("end", -NUDGE_MS))
    a["nudge_end_on"].triggered.connect(lambda: timing.nudge("end", NUDGE_MS))
    a["estimate"].triggered.connect(timing.estimate)
    a["confirm"].triggered.connect(timing.confirm)
    a["align"].triggered.connect(lambda: timing.align(keep_confirmed=True))
    a["align_all"].triggered.connect(lambda: timing.align(keep_confirmed=False))
