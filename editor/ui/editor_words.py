"""Word marks inside the open turn editor: uncertain words shaded and the word under the
playhead highlighted, as the list shows them, over the text as it is being typed.

The editor's words are the saved ones reconciled with the typed text (``words.reconcile``), done
again only after the text changed; a playhead tick is one binary search, and the marks are set
again only when the word under the playhead changed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QTextEdit

from editor.core.model import Word
from editor.core.word_map import WordMap
from editor.core.words import reconcile
from editor.ui.text_layout import STYLES
from editor.ui.turn_editor import TurnTextEditor


class EditorWordMarks(QObject):
    def __init__(
        self, saved_words: Callable[[int], tuple[Word, ...]], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._saved_words = saved_words  # turn id → its words as saved
        self.editor: TurnTextEditor | None = None
        self._words: WordMap | None = None
        self.playing: int | None = None  # index in ``words()`` of the word under the playhead

    def attach(self, editor: TurnTextEditor, position_ms: int | None = None) -> None:
        self.detach(self.editor)
        self.editor, self._words, self.playing = editor, None, None
        editor.textChanged.connect(self._on_text_changed)
        if position_ms is not None:
            self.playing = self.words().at_time(position_ms)
        self._mark()

    def detach(self, editor: object) -> None:
        if self.editor is not None and editor is self.editor:
            self.editor.textChanged.disconnect(self._on_text_changed)
            self.editor, self._words, self.playing = None, None, None

    def words(self) -> WordMap:
        """The open editor's words, placed in its text as typed so far."""
        if self._words is None:
            editor = self.editor
            if editor is None:
                return WordMap((), "")
            typed = editor.toPlainText()
            self._words = WordMap(reconcile(self._saved_words(editor.turn_id), typed), typed)
        return self._words

    def on_position(self, position_ms: int) -> None:
        if self.editor is None:
            return
        playing = self.words().at_time(position_ms)
        if playing != self.playing:
            self.playing = playing
            self._mark()

    def _on_text_changed(self) -> None:
        self._words = None
        self.playing = None  # the next tick finds it again in the new text
        self._mark()

    def _mark(self) -> None:
        editor = self.editor
        if editor is None:
            return
        words = self.words()
        marks = [(w.start, w.end, "word_uncertain") for w in words.words if w.uncertain]
        if self.playing is not None and self.playing < len(words.words):
            word = words.words[self.playing]
            marks.append((word.start, word.end, "word_current"))
        selections = []
        for start, end, style in marks:
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(editor.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format = STYLES[style]
            selections.append(selection)
        editor.setExtraSelections(selections)
