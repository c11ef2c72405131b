"""Playing turns from the list: a click, Ctrl+J on the selected turn, Ctrl+Shift+Space again."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from editor.ui.main_window import MainWindow


def play_turn(window: MainWindow, row: int | None, follow: bool = True) -> None:
    """Play from the start of the turn in ``row`` (paused or not), if it has a start."""
    if row is None or not window.player.has_media:
        return
    start = window.model.turn(row).start_ms
    if start is None:
        return
    window.player.play_from(start)
    if follow:
        window.follow.resume()


def play_clicked_turn(window: MainWindow, row: int) -> None:
    """A click on a turn plays from its start, as the README promises."""
    play_turn(window, row)


def play_selected_turn(window: MainWindow) -> None:
    play_turn(window, window.view.current_row())


def replay_current_turn(window: MainWindow) -> None:
    """The turn under the playhead again (or the selected one when none is playing)."""
    row = window.model.current_row()
    play_turn(window, row if row is not None else window.view.current_row(), follow=False)
