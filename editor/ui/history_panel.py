"""View → History: the project's steps with their time and who made them, and a way back.

Double-click a row, or select it and press Go Back Here, to make the project as it was just
after that step (the top row: before every step kept) — one new step, which Ctrl+Z undoes.
Clear History forgets the steps (after asking); Keep sets how many the project file keeps.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from editor.ui.undo import OperationRunner

MAX_KEPT = 10_000


class HistoryPanel(QWidget):
    def __init__(self, runner: OperationRunner) -> None:
        super().__init__()
        self._runner = runner
        self.list = QListView()
        self.list.setModel(runner.history)
        self.list.setAccessibleName("History")
        self.list.setWordWrap(True)
        self.list.doubleClicked.connect(self._go_back_to)
        self.back_button = QPushButton("&Go Back Here")
        self.back_button.setToolTip("Make the project as it was after the selected step")
        self.back_button.clicked.connect(lambda: self._go_back_to(self.list.currentIndex()))
        self.clear_button = QPushButton("Clear History…")
        self.clear_button.clicked.connect(self._clear)
        self.keep = QSpinBox()
        self.keep.setRange(0, MAX_KEPT)
        self.keep.setSuffix(" steps")
        self.keep.setAccessibleName("Steps kept")
        self.keep.setToolTip("How many steps the project file keeps")
        self.keep.editingFinished.connect(self._set_limit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.clear_button)
        keep = QHBoxLayout()
        keep.addWidget(QLabel("Keep"))
        keep.addWidget(self.keep, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addLayout(keep)
        runner.history.modelReset.connect(self._show_state)
        self._show_state()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._runner.history.show(True)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._runner.history.show(False)

    def _show_state(self) -> None:
        session = self._runner.session
        self.setEnabled(session is not None)
        if session is not None and not self.keep.hasFocus():
            self.keep.setValue(session.history.limit())
        done = self._runner.history.done()
        self.list.setCurrentIndex(self._runner.history.index(done))

    def _go_back_to(self, index: QModelIndex) -> None:
        if index.isValid():
            self._runner.go_back_to(self._runner.history.step_id(index.row()))

    def _clear(self) -> None:
        answer = QMessageBox.question(
            self,
            "Clear History",
            "Forget every step of this project's history? Nothing in the transcript changes, "
            "but the steps can no longer be undone.",
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._runner.clear_history()

    def _set_limit(self) -> None:
        session = self._runner.session
        if session is not None and self.keep.value() != session.history.limit():
            self._runner.set_history_limit(self.keep.value())
