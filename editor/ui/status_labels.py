"""The status bar's lasting labels: reviewed turns, paused following, the media player; and the
totals over the whole transcript (the reviewed count, the speakers panel's counts and talk time,
the find bar's matches), recounted only when a change can move them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel

if TYPE_CHECKING:
    from editor.core.changes import Changes
    from editor.ui.collaborators import Collaborators
    from editor.ui.find_bar import FindBar
    from editor.ui.follow import FollowController
    from editor.ui.speakers_panel import SpeakersPanel


class StatusLabels:
    def __init__(
        self,
        parts: Collaborators,
        player_name: str,
        follow: FollowController,
        speakers_panel: SpeakersPanel,
        find_bar: FindBar,
    ) -> None:
        self.model, self.speakers_panel, self.find_bar = parts.model, speakers_panel, find_bar
        self.reviewed_label = QLabel("")
        self.follow_label = QLabel("")
        self.player_label = QLabel(player_name)
        self.player_label.setToolTip(f"Media player: {player_name}")
        for label in (self.follow_label, self.reviewed_label, self.player_label):
            parts.status_bar.addPermanentWidget(label)
        follow.suspended_changed.connect(self._on_follow_suspended)
        parts.runner.after_change.append(self.recount)

    def recount(self, changes: Changes | None) -> None:
        """Totals over the whole transcript (``None``: all of them, after opening)."""
        turns = self.model.turns()
        if changes is None or changes.turn_fields_changed("reviewed"):
            reviewed = sum(1 for t in turns if t.reviewed)
            self.reviewed_label.setText(f"Reviewed {reviewed}/{len(turns)}" if turns else "")
        if (
            changes is None
            or changes.speakers_changed
            or changes.turn_fields_changed("speaker_id", "start_ms", "end_ms")
        ):
            self.speakers_panel.refresh(self.model.speakers(), turns)  # counts and talk time
        if self.find_bar.isVisible():
            self.find_bar.refresh()

    def _on_follow_suspended(self, suspended: bool) -> None:
        self.follow_label.setText("Following paused — Ctrl+L to jump back" if suspended else "")
