"""Playing turns from the list: a click, Ctrl+J on the selected turn, Ctrl+Shift+Space again.

Given the window's parts, the player and playback follow, not the window (issue 19).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from editor.ui.collaborators import Collaborators
    from editor.ui.follow import FollowController
    from editor.ui.player_controller import PlayerController


class TurnPlayback:
    """Plays turns of the list from their start."""

    def __init__(
        self, parts: Collaborators, player: PlayerController, follow: FollowController
    ) -> None:
        self.model, self.view = parts.model, parts.view
        self.player, self.follow = player, follow

    def play_turn(self, row: int | None, follow: bool = True) -> None:
        """Play from the start of the turn in ``row`` (paused or not), if it has a start."""
        if row is None or not self.player.has_media:
            return
        start = self.model.turn(row).start_ms
        if start is None:
            return
        self.player.play_from(start)
        if follow:
            self.follow.resume()

    def play_clicked_turn(self, row: int) -> None:
        """A click on a turn plays from its start, as the README promises."""
        self.play_turn(row)

    def play_selected_turn(self) -> None:
        self.play_turn(self.view.current_row())

    def replay_current_turn(self) -> None:
        """The turn under the playhead again (or the selected one when none is playing)."""
        row = self.model.current_row()
        self.play_turn(row if row is not None else self.view.current_row(), follow=False)
