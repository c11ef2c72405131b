"""Playback follow: keep the turn under the playhead highlighted and in view.

Following pauses as soon as the user scrolls or moves through the list themselves, so it never
yanks the view away from what they are reading or editing; "jump to current" (or clicking a turn
to hear it) brings it back.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QAbstractItemView, QApplication

from editor.ui.turn_model import TurnListModel
from editor.ui.turn_view import TurnListView


class FollowController(QObject):
    suspended_changed = Signal(bool)

    def __init__(self, model: TurnListModel, view: TurnListView, enabled: bool = True) -> None:
        super().__init__(view)
        self.model = model
        self.view = view
        self.enabled = enabled
        self.suspended = False
        view.user_scrolled.connect(self.suspend)
        view.user_moved_selection.connect(self._on_user_selection)
        model.times_changed.connect(self._on_times_changed)
        self._position_ms: int | None = None

    def _on_times_changed(self) -> None:
        # Mark the turn that is now under the playhead (none after undoing an alignment).
        row = self.model.row_at_time(self._position_ms) if self._position_ms is not None else None
        self.model.set_current_row(row)

    def on_position(self, position_ms: int) -> None:
        self._position_ms = position_ms
        row = self.model.row_at_time(position_ms)
        previous = self.model.current_row()
        self.model.set_current_row(row)
        if self.view.state() == QAbstractItemView.State.EditingState or self._field_open():
            self.suspend()  # never move the selection (and close the editor) under the typing
        if row is not None and row != previous and self.enabled and not self.suspended:
            self.view.show_row(row, select=True)

    def _field_open(self) -> bool:
        """Whether a field over the list has the keyboard: the speaker editor (Shift+F2) is no
        item editor of the view, and Enter gives its name to the selected turns."""
        focus = QApplication.focusWidget()
        viewport = self.view.viewport()
        return focus is not None and focus is not viewport and viewport.isAncestorOf(focus)

    def suspend(self) -> None:
        if self.enabled and not self.suspended:
            self.suspended = True
            self.suspended_changed.emit(True)

    def resume(self) -> None:
        """Follow again, and bring the current turn into view at once."""
        if self.suspended:
            self.suspended = False
            self.suspended_changed.emit(False)
        row = self.model.current_row()
        if row is not None:
            self.view.show_row(row, select=True)

    def set_enabled(self, enabled: bool) -> None:
        self.enabled = enabled
        if enabled:
            self.resume()

    def _on_user_selection(self, row: int) -> None:
        if row != self.model.current_row():
            self.suspend()
