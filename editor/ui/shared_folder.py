"""Projects in shared and synced folders, in the window.

- The status bar says when the project is kept differently where it lies (a network filesystem,
  a sync folder): ``ProjectStore.storage_note``.
- In a sync folder the WAL is folded into the project file once the user pauses
  (``IDLE_SECONDS`` after the last write of any kind: turns, clips, notes, typed drafts), so the
  file a sync tool copies holds every saved edit. Closing does the same (``ProjectStore.close``).
- Conflict copies beside the project are told of in a bar, with a dialog to compare and take.

The controller follows the project through the turn model's reset, which the window does on
opening, restoring and closing a project. It is given the window's parts it works with
(``Collaborators``: the status bar, the turn model, the session's runner for taking from a copy)
and the widget its bar goes below, not the window: the window builds it (issue 19).
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QBoxLayout, QLabel, QWidget

from editor.core.project.conflicts import ConflictCopy, find_copies
from editor.core.project.store import ProjectStore
from editor.ui.conflict_dialog import ConflictBanner, ConflictDialog

if TYPE_CHECKING:
    from editor.ui.collaborators import Collaborators

IDLE_SECONDS = 3.0
TICK_MS = 1000


class SharedFolderController(QObject):
    def __init__(self, parts: Collaborators, below: QWidget) -> None:
        """``below``: the widget, in a box layout, that the conflict bar is placed under."""
        super().__init__(parts.parent)
        self.parts = parts
        self.store: ProjectStore | None = None
        self.copies: list[ConflictCopy] = []
        self.checkpoints = 0  # idle checkpoints made: for tests and the curious
        self.label = QLabel("")
        parts.status_bar.addPermanentWidget(self.label)
        self.banner = ConflictBanner()
        area = below.parentWidget()
        holder = area.layout() if area is not None else None
        assert isinstance(holder, QBoxLayout)
        holder.insertWidget(holder.indexOf(below) + 1, self.banner)
        self.banner.compare.connect(self.compare)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.checkpoint_if_idle)
        parts.model.modelReset.connect(self._follow_store)

    def _follow_store(self) -> None:
        store = self.parts.model.store
        if store is self.store:
            return
        self.store = store
        self.timer.stop()
        self.banner.hide()
        self.copies = []
        if store is None:
            self.label.setText("")
            return
        note = store.storage_note
        self.label.setText(_short_note(store) if note else "")
        self.label.setToolTip(f"{store.path.name} is {note}" if note else "")
        if store.sync_folder is not None and store.uses_wal:
            self.timer.start()
        self.copies = find_copies(store.path, store.meta().get("created_at"))
        if self.copies:
            self.banner.show_copies(self.copies)

    def checkpoint_if_idle(self, now: float | None = None) -> bool:
        """Fold the WAL into the file once nothing was written for ``IDLE_SECONDS``."""
        store = self.store
        if store is None or not store.uses_wal:
            return False
        wal = store.path.with_name(store.path.name + "-wal")
        try:
            info = wal.stat()
        except OSError:
            return False
        idle = (time.time() if now is None else now) - info.st_mtime >= IDLE_SECONDS
        if info.st_size == 0 or not idle or not store.checkpoint():
            return False
        self.checkpoints += 1
        return True

    def compare(self) -> ConflictDialog | None:
        if self.store is None or not self.copies:
            return None
        dialog = ConflictDialog(self.parts, self.copies)
        dialog.open()
        return dialog


def _short_note(store: ProjectStore) -> str:
    if store.storage.note:
        return f"Network folder ({store.storage.fstype}): no WAL"
    assert store.sync_folder is not None
    return f"{store.sync_folder.tool} folder: saved into the file when idle"
