"""Spelling inside the open turn editor: misspelled words underlined as they are typed (a
syntax highlighter, so it adds to the editor's own word marks rather than replacing them), and
a right-click menu with the spelling items above the editor's usual Cut / Copy / Paste.

A suggestion chosen here replaces the word in the editor (one step of its own undo); the turn is
saved when the edit is committed, like any typing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QSyntaxHighlighter, QTextCursor, QTextDocument
from PySide6.QtWidgets import QMenu

from editor.core.spelling import Misspelling
from editor.ui.text_layout import STYLES
from editor.ui.turn_editor import TurnTextEditor

if TYPE_CHECKING:
    from editor.ui.spelling_controller import SpellingController


class _Highlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument, spelling: SpellingController) -> None:
        super().__init__(document)
        self._spelling = spelling

    def highlightBlock(self, text: str) -> None:
        checker = self._spelling.active()
        if checker is None:
            return
        style = STYLES["misspelled"]
        for found in checker.misspelled(text):
            self.setFormat(found.start, found.end - found.start, style)


class EditorSpelling(QObject):
    def __init__(self, spelling: SpellingController) -> None:
        super().__init__(spelling)
        self._spelling = spelling
        self.editor: TurnTextEditor | None = None
        self._highlighter: _Highlighter | None = None

    def attach(self, editor: TurnTextEditor) -> None:
        self.detach(self.editor)
        self.editor = editor
        self._highlighter = _Highlighter(editor.document(), self._spelling)
        self.rehighlight()  # else PySide6's highlighter waits for a later change
        editor.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        editor.customContextMenuRequested.connect(self._show_menu)

    def detach(self, editor: object) -> None:
        if self.editor is None or editor is not self.editor:
            return
        self.editor.customContextMenuRequested.disconnect(self._show_menu)
        if self._highlighter is not None:
            self._highlighter.setDocument(None)
            self._highlighter.deleteLater()
        self.editor, self._highlighter = None, None

    def rehighlight(self) -> None:
        """Mark the editor's text again. Quietly: new marks are not new text (the word marks
        and the draft saver listen to ``textChanged``)."""
        if self._highlighter is None or self.editor is None:
            return
        document = self.editor.document()
        blocked = document.blockSignals(True)
        try:
            self._highlighter.rehighlight()
        finally:
            document.blockSignals(blocked)
        self.editor.viewport().update()

    def misspelling_at(self, position: int) -> tuple[Misspelling, int] | None:
        """The misspelling at a character of the editor's text, and its block's start."""
        checker = self._spelling.active()
        if self.editor is None or checker is None:
            return None
        block = self.editor.document().findBlock(position)
        found = checker.misspelling_at(block.text(), position - block.position())
        if found is None and position > block.position():  # just after the word's last letter
            found = checker.misspelling_at(block.text(), position - block.position() - 1)
        return (found, block.position()) if found is not None else None

    def menu_at(self, position: int) -> QMenu:
        editor = self.editor
        assert editor is not None
        menu = editor.createStandardContextMenu()
        hit = self.misspelling_at(position)
        if hit is not None:
            found, base = hit
            self._spelling.add_items(
                menu, found, lambda word: self.replace(base + found.start, base + found.end, word)
            )
        return menu

    def _show_menu(self, point: QPoint) -> None:
        editor = self.editor
        if editor is None:
            return
        position = editor.cursorForPosition(point).position()
        self.menu_at(position).exec(editor.viewport().mapToGlobal(point))

    def replace(self, start: int, end: int, word: str) -> None:
        editor = self.editor
        if editor is None:
            return
        cursor = QTextCursor(editor.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(word)
        editor.setTextCursor(cursor)
