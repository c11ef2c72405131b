"""The in-place editor for a turn's text.

Enter commits, Shift+Enter inserts a line break, Escape cancels (the delegate handles it),
Ctrl+Enter splits the turn at the cursor, and Backspace at the very start merges the turn into
the previous one; Alt+click on a word asks to play from it. The editor grows with its text so
it always fits the turn.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QPlainTextEdit, QWidget

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class TurnTextEditor(QPlainTextEdit):
    commit_requested = Signal()
    split_requested = Signal(int)  # cursor offset
    merge_requested = Signal()
    height_changed = Signal()
    word_clicked = Signal(int)  # character offset of an Alt+click

    def __init__(self, turn_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.turn_id = turn_id
        self.finished = False  # set once the edit was committed, cancelled or handed over
        self.setObjectName("turnTextEditor")
        self.setAccessibleName("Turn text")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTabChangesFocus(True)
        self.document().setDocumentMargin(0)
        # The text wraps at the editor's width, yet the document measures a few pixels wider
        # (the cursor), and the editor scrolled sideways, cutting off each line's first letter.
        self.horizontalScrollBar().rangeChanged.connect(self._keep_left_edge)
        self.horizontalScrollBar().valueChanged.connect(self._keep_left_edge)
        self.document().contentsChanged.connect(self.height_changed)

    def _keep_left_edge(self, *_args: int) -> None:
        if self.horizontalScrollBar().value():
            self.horizontalScrollBar().setValue(0)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        modifiers = event.modifiers()
        if event.key() in ENTER_KEYS:
            if modifiers & Qt.KeyboardModifier.ShiftModifier:
                self.insertPlainText("\n")
            elif modifiers & Qt.KeyboardModifier.ControlModifier:
                self.split_requested.emit(self.textCursor().position())
            else:
                self.commit_requested.emit()
            return
        cursor = self.textCursor()
        at_start = cursor.position() == 0 and not cursor.hasSelection()
        if (
            event.key() == Qt.Key.Key_Backspace
            and at_start
            and modifiers == Qt.KeyboardModifier.NoModifier
        ):
            self.merge_requested.emit()
            return
        super().keyPressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        alt = event.modifiers() & Qt.KeyboardModifier.AltModifier
        if event.button() == Qt.MouseButton.LeftButton and alt:
            self.word_clicked.emit(self.cursorForPosition(event.position().toPoint()).position())
        super().mouseReleaseEvent(event)
