"""Conflict copies in the window: the bar that tells of them, and the dialog that compares one
with the open project and takes the chosen differences as one undoable step.

The dialog is given the window's parts (``Collaborators``: the turn model for the open project,
the session's runner for the step it takes, the status bar), not the window (issue 19)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor.core.errors import EditorError
from editor.core.ops.take import BEFORE_TAKE, take_from_copy
from editor.core.project.conflicts import ConflictCopy, Difference, compare_files

if TYPE_CHECKING:
    from editor.ui.collaborators import Collaborators


class ConflictBanner(QFrame):
    """Shown above the transcript when a sync tool left conflict copies beside the project."""

    compare = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("conflictBanner")
        self.message = QLabel()
        self.message.setWordWrap(True)
        compare = QPushButton("Compare…")
        dismiss = QPushButton("Dismiss")
        layout = QHBoxLayout(self)
        layout.addWidget(self.message, 1)
        layout.addWidget(compare)
        layout.addWidget(dismiss)
        compare.clicked.connect(self.compare)
        dismiss.clicked.connect(self.hide)
        self.hide()

    def show_copies(self, copies: list[ConflictCopy]) -> None:
        names = ", ".join(c.path.name for c in copies[:3]) + (" …" if copies[3:] else "")
        what = "a conflict copy" if len(copies) == 1 else f"{len(copies)} conflict copies"
        self.message.setText(
            f"<b>{copies[0].tool} left {what} of this project beside it:</b> {names}. "
            "Someone may have edited it at the same time; compare to take their changes."
        )
        self.show()


class ConflictDialog(QDialog):
    """The differences between the open project and a copy, each with a checkbox."""

    def __init__(self, parts: Collaborators, copies: list[ConflictCopy]) -> None:
        super().__init__(parts.parent)
        self.parts = parts
        self.copies = copies
        self.differences: list[Difference] = []
        self.setWindowTitle("Compare with a Conflict Copy")
        self.chooser = QComboBox()
        for copy in copies:
            self.chooser.addItem(copy.path.name, str(copy.path))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.list = QListWidget()
        select_all, select_none = QPushButton("Select All"), QPushButton("Select None")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.take = self.buttons.addButton("Take Selected", QDialogButtonBox.ButtonRole.ActionRole)
        row = QHBoxLayout()
        row.addWidget(select_all)
        row.addWidget(select_none)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.chooser)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        layout.addWidget(self.buttons)
        self.chooser.setVisible(len(copies) > 1)
        self.chooser.currentIndexChanged.connect(lambda _index: self.reload())
        select_all.clicked.connect(lambda: self._check_all(Qt.CheckState.Checked))
        select_none.clicked.connect(lambda: self._check_all(Qt.CheckState.Unchecked))
        self.take.clicked.connect(self.take_selected)
        self.buttons.rejected.connect(self.reject)
        self.list.itemChanged.connect(lambda _item: self._update_take())
        self.resize(760, 480)
        self.reload()

    @property
    def copy_path(self) -> Path:
        return Path(self.chooser.currentData())

    def reload(self) -> None:
        """Compare again (after taking, or with another copy)."""
        store = self.parts.model.store
        assert store is not None
        self.list.clear()
        try:
            self.differences = compare_files(store, self.copy_path)
        except EditorError as error:
            self.differences = []
            self.summary.setText(str(error))
            self._update_take()
            return
        self.list.blockSignals(True)  # itemChanged while filling would see half a list
        for difference in self.differences:
            item = QListWidgetItem(difference.describe())
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.blockSignals(False)
        count = len(self.differences)
        self.summary.setText(
            f"{count} difference(s) between this project and {self.copy_path.name}. Tick the "
            "ones to take from the copy; they are taken as one step that Ctrl+Z undoes. "
            "The copy itself is never changed."
            if count
            else f"{self.copy_path.name} has nothing this project lacks: it can be deleted."
        )
        self._update_take()

    def chosen(self) -> list[Difference]:
        return [
            d
            for row, d in enumerate(self.differences)
            if self.list.item(row).checkState() == Qt.CheckState.Checked
        ]

    def take_selected(self) -> None:
        chosen = self.chosen()
        if not chosen:
            return
        name = self.copy_path.name
        changes = self.parts.runner.run(
            lambda s: take_from_copy(s, chosen, f"Take changes from {name}"), snapshot=BEFORE_TAKE
        )
        if changes is not None:
            self.parts.message(
                f"Took {len(chosen)} change(s) from {name}; Ctrl+Z undoes them", 8000
            )
        self.reload()

    def _check_all(self, state: Qt.CheckState) -> None:
        for row in range(self.list.count()):
            self.list.item(row).setCheckState(state)

    def _update_take(self) -> None:
        store = self.parts.model.store
        self.take.setEnabled(bool(self.chosen()) and store is not None and not store.readonly)
