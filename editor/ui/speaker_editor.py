"""Editing the speaker of the selected turns in place, with completion from the project's
speakers: Enter applies (a new name creates a speaker), Escape leaves things as they were."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget


class SpeakerLineEdit(QLineEdit):
    accepted = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("speakerEditor")
        self.setAccessibleName("Speaker")
        self.setPlaceholderText("Speaker name")
        self._done = False

    def start(self, names: list[str], current: str, area: QRect) -> None:
        completer = QCompleter(names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompleter(completer)
        self.setText(current)
        self.selectAll()
        self.setGeometry(area)
        self._done = False
        self.show()
        self.raise_()
        self.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        popup = self.completer().popup() if self.completer() else None
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if popup is not None and popup.isVisible():
                chosen = popup.currentIndex()
                if chosen.isValid():
                    self.setText(str(chosen.data()))
                popup.hide()
            self._finish(accept=True)
        elif event.key() == Qt.Key.Key_Escape and (popup is None or not popup.isVisible()):
            self._finish(accept=False)
        else:
            super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        popup = self.completer().popup() if self.completer() else None
        if popup is None or not popup.isVisible():
            self._finish(accept=False)

    def _finish(self, accept: bool) -> None:
        if self._done:
            return
        self._done = True
        self.hide()
        if accept and self.text().strip():
            self.accepted.emit(self.text().strip())
        else:
            self.cancelled.emit()
