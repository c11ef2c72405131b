"""Opening projects safely and restoring snapshots.

A project that is locked by another instance or sits on read-only media can still be opened
read-only; a lock recorded by another computer can be taken over once the user says that
instance is gone. Everything else that cannot be opened gets a message naming the file, and
the file is left untouched. Opening is given the window's parts, a restore the window's commands
(``WindowCommands``), not the window (issue 19).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from editor.core.errors import EditorError
from editor.core.project import snapshots
from editor.core.project.file import ForeignSchema, ProjectReadOnly
from editor.core.project.lock import ProjectLocked
from editor.core.project.rescue import rescue
from editor.core.project.store import ProjectStore

if TYPE_CHECKING:
    from editor.ui.collaborators import Collaborators, WindowCommands

READ_ONLY, TAKE_OVER, RESCUE = "read-only", "take-over", "rescue"


def ask_fallback(
    parent: QWidget, message: str, take_over: bool, rescue: bool = False
) -> str | None:
    """Ask how to open a project that cannot be opened for writing; ``None`` is Cancel."""
    box = QMessageBox(QMessageBox.Icon.Warning, "Project Not Opened for Editing", message)
    box.setParent(parent, box.windowFlags())
    read_only = box.addButton("Open Read-Only", QMessageBox.ButtonRole.AcceptRole)
    take = box.addButton("Take Over", QMessageBox.ButtonRole.DestructiveRole) if take_over else None
    clean = (
        box.addButton("Rescue into a Clean Copy…", QMessageBox.ButtonRole.ActionRole)
        if rescue
        else None
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    clicked = box.clickedButton()
    choices = {id(read_only): READ_ONLY, id(take): TAKE_OVER, id(clean): RESCUE}
    return choices.get(id(clicked)) if clicked is not None else None


def open_store(parts: Collaborators, path: Path) -> ProjectStore | None:
    """Open ``path`` for writing, or read-only / taken over if the user chooses so."""
    parent = parts.parent
    try:
        return ProjectStore.open(path)
    except ProjectLocked as error:
        choice = ask_fallback(parent, str(error), take_over=error.foreign)
    except ForeignSchema as error:
        choice = ask_fallback(parent, str(error), take_over=False, rescue=True)
    except ProjectReadOnly as error:
        choice = ask_fallback(parent, str(error), take_over=False)
    except EditorError as error:
        QMessageBox.critical(parent, "Cannot Open Project", str(error))
        return None
    try:
        if choice == READ_ONLY:
            return ProjectStore.open(path, readonly=True)
        if choice == TAKE_OVER:
            return ProjectStore.open(path, break_foreign_lock=True)
        if choice == RESCUE:
            return _rescue_and_open(parts, path)
    except EditorError as error:
        QMessageBox.critical(parent, "Cannot Open Project", str(error))
    return None


def _rescue_and_open(parts: Collaborators, path: Path) -> ProjectStore | None:
    """Copy the content into a clean project the user names, and open that for editing."""
    suggested = path.with_name(f"{path.stem}-rescued{path.suffix}")
    target, _ = QFileDialog.getSaveFileName(
        parts.parent, "Rescue into a Clean Copy", str(suggested), f"Projects (*{path.suffix})"
    )
    if not target:
        return None
    report = rescue(path, Path(target))
    parts.message(
        f"Rescued {report.rows.get('turns', 0)} turns into {Path(target).name}; "
        f"{path.name} is unchanged",
        10000,
    )
    return ProjectStore.open(target)


class SnapshotDialog(QDialog):
    """Lists the project's snapshots, newest first; accepting picks the selected one."""

    def __init__(self, found: list[snapshots.SnapshotInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Restore Snapshot")
        self.list = QListWidget()
        for info in found:
            item = QListWidgetItem(info.label)
            item.setData(Qt.ItemDataRole.UserRole, str(info.path))
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Restore")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                "Replace the whole project with a snapshot. The current state is kept as a "
                "snapshot first, so this can be reversed the same way."
            )
        )
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(520, 320)

    def chosen(self) -> Path | None:
        item = self.list.currentItem()
        return Path(item.data(Qt.ItemDataRole.UserRole)) if item else None


def restore_dialog(window: WindowCommands) -> None:
    store, parent = window.parts.model.store, window.parts.parent
    if store is None:
        return
    found = snapshots.list_snapshots(store.path)
    if not found:
        QMessageBox.information(parent, "Restore Snapshot", "This project has no snapshots yet.")
        return
    dialog = SnapshotDialog(found, parent)
    if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen() is not None:
        restore(window, dialog.chosen())  # type: ignore[arg-type]


def restore(window: WindowCommands, snapshot: Path) -> bool:
    """Restore ``snapshot`` into the open project and show it; the undo history is cleared,
    since it describes a state that no longer exists."""
    store = window.parts.model.store
    assert store is not None
    window.settle()  # typing kept, and no alignment lands on the restored project
    try:
        store.restore_snapshot(snapshot)
    except EditorError as error:
        QMessageBox.warning(window.parts.parent, "Cannot Restore Snapshot", str(error))
        return False
    window.show_store(store)
    window.parts.message(
        f"Restored the snapshot {snapshot.name}; the state before it is kept as a snapshot", 8000
    )
    return True
