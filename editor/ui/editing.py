"""What the editor's keys do to the transcript, as undoable operations.

Text commits, splits and merges arrive from the turn delegate; speaker, review and find/replace
commands from the window. Each becomes a core operation run through ``OperationRunner`` (saved
at once, one undo step; a text change plus a split or merge is one step too). The controller is
given the window's parts (``Collaborators``) and the player (a split at the playhead), not the
window (issue 19).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from editor.core import ops
from editor.core.changes import Changes
from editor.core.ops.bulk import BEFORE_REPLACE_ALL
from editor.core.project.store import ProjectStore
from editor.core.search import SearchQuery
from editor.ui.drafts import DraftKeeper

if TYPE_CHECKING:
    from editor.ui.collaborators import Collaborators
    from editor.ui.player_controller import PlayerController


class EditController(QObject):
    def __init__(self, parts: Collaborators, player: PlayerController) -> None:
        super().__init__(parts.parent)
        self.parts, self.player = parts, player
        self.model = parts.model
        self.view = parts.view
        self.runner = parts.runner
        delegate = parts.view.turn_delegate
        delegate.text_committed.connect(self.commit_text)
        delegate.split_requested.connect(self.split)
        delegate.merge_requested.connect(self.merge_back)
        self.drafts = DraftKeeper(parts)

    @property
    def store(self) -> ProjectStore:
        return self.runner.store

    def run(
        self, operation: Callable[[ProjectStore], Changes], *, snapshot: str | None = None
    ) -> Changes | None:
        """Run an operation as one step; ``snapshot`` names the snapshot a bulk step takes
        first."""
        return self.runner.run(operation, snapshot=snapshot)

    # -- text ----------------------------------------------------------------------------------

    def commit_text(self, turn_id: int, text: str) -> None:
        row = self.model.row_of(turn_id)
        rescue = text if row is None or self.model.turn(row).text != text else None
        self.runner.run(lambda s: ops.edit_text(s, turn_id, text), rescue=rescue)

    def split(self, turn_id: int, text: str, offset: int) -> None:
        player = self.player
        playhead = player.true_position() if player.is_playing() else None
        changes = self._text_then(
            turn_id, text, "Split turn", lambda s: ops.split_turn(s, turn_id, offset, playhead)
        )
        if changes is not None and changes.turns_inserted:
            row = self.model.row_of(changes.turns_inserted[0])
            if row is not None:
                self.view.select_row(row)
        else:
            self._reopen(turn_id, offset)

    def merge_back(self, turn_id: int, text: str) -> None:
        turn = self.store.turn(turn_id)
        previous = self.store.previous_turn(turn)
        if previous is None:
            self.commit_text(turn_id, text)
            self.parts.show_error("The first turn has nothing before it to merge with.")
            self._reopen(turn_id, 0)
            return
        join = len(previous.text) + (1 if previous.text and text else 0)
        changes = self._text_then(
            turn_id, text, "Merge turns", lambda s: ops.merge_with_previous(s, turn_id)
        )
        if changes is not None:
            self._reopen(previous.id, join)

    def merge_selected_with_previous(self) -> None:
        row = self.view.current_row()
        if row is None:
            return
        turn_id = self.model.turn(row).id
        changes = self.run(lambda s: ops.merge_with_previous(s, turn_id))
        if changes is not None and row > 0:
            self.view.select_row(row - 1)

    def _text_then(
        self, turn_id: int, text: str, label: str, operation: Callable[[ProjectStore], Changes]
    ) -> Changes | None:
        """Save the editor's text (if changed) and then ``operation``, as one undo step."""
        if text == self.store.turn(turn_id).text:
            return self.run(operation)
        with self.runner.macro(label):
            if self.run(lambda s: ops.edit_text(s, turn_id, text)) is None:
                return None
            return self.run(operation)

    def _reopen(self, turn_id: int, cursor: int) -> None:
        row = self.model.row_of(turn_id)
        if row is not None:
            self.view.turn_delegate.cursor_requests[turn_id] = cursor
            self.view.open_editor(row)

    # -- speakers ------------------------------------------------------------------------------

    def set_speaker(self, rows: list[int], name: str | None) -> None:
        ids = [self.model.turn(r).id for r in rows]
        self.run(lambda s: ops.set_speaker(s, ids, name))

    def set_speaker_number(self, number: int) -> None:
        """Give the selected turns the Nth speaker (Alt+1 … Alt+9)."""
        speakers = self.store.speakers()
        rows = self.view.selected_rows()
        if rows and 1 <= number <= len(speakers):
            self.set_speaker(rows, speakers[number - 1].name)

    def rename_speaker(self, speaker_id: int, name: str) -> None:
        self.run(lambda s: ops.rename_speaker(s, speaker_id, name))

    def merge_speakers(self, source_id: int, target_id: int) -> None:
        self.run(lambda s: ops.merge_speakers(s, source_id, target_id))

    # -- review --------------------------------------------------------------------------------

    def mark_reviewed_and_next(self, reviewed: bool = True) -> None:
        rows = self.view.selected_rows()
        if not rows:
            return
        ids = [self.model.turn(r).id for r in rows]
        self.run(lambda s: ops.mark_reviewed(s, ids, reviewed))
        if reviewed and rows[-1] + 1 < self.model.rowCount():
            self.view.select_row(rows[-1] + 1)

    def next_unreviewed(self) -> bool:
        count = self.model.rowCount()
        start = (self.view.current_row() or 0) + 1
        for step in range(count):
            row = (start + step) % count
            if not self.model.turn(row).reviewed:
                self.view.select_row(row)
                return True
        self.parts.message("Every turn is reviewed.", 5000)
        return False

    # -- find and replace ----------------------------------------------------------------------

    def replace_all(self, query: SearchQuery, replacement: str, speaker_id: int | None) -> int:
        changes = self.run(
            lambda s: ops.replace_all(s, query, replacement, speaker_id),
            snapshot=BEFORE_REPLACE_ALL,
        )
        return changes.count if changes is not None else 0

    def replace_match(self, query: SearchQuery, match: ops.Match, replacement: str) -> bool:
        return self.run(lambda s: ops.replace_match(s, query, match, replacement)) is not None
