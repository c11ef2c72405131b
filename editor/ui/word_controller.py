"""Words in the window: the word under the playhead highlighted in the current turn, Alt+click
on a word to play from it, uncertain words shaded, F7 / Shift+F7 to the next / previous one.

The list model carries no word timings (a long episode has ~100k words): the words of the turns
being painted are read from the project when first needed and kept in a bounded cache that every
change to a turn invalidates. A playhead tick costs two binary searches (the turn, then the word)
and repaints the current row alone, and only when the word under the playhead changed. The
controller is given the window's parts, the player and playback follow, not the window (issue 19).
"""

from __future__ import annotations

from collections import OrderedDict
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QTextCursor

from editor.core.changes import Changes
from editor.core.model import Turn, Word
from editor.core.word_map import WordMap, has_uncertain_words, uncertain_turn_ids
from editor.core.words import reconcile
from editor.ui.editor_words import EditorWordMarks
from editor.ui.text_layout import Highlight
from editor.ui.turn_editor import TurnTextEditor

if TYPE_CHECKING:
    from editor.ui.collaborators import Collaborators
    from editor.ui.follow import FollowController
    from editor.ui.player_controller import PlayerController

CACHE_TURNS = 2000  # word maps kept: many screens of turns


class WordController(QObject):
    def __init__(
        self, parts: Collaborators, player: PlayerController, follow: FollowController
    ) -> None:
        super().__init__(parts.parent)
        self.parts, self.player, self.follow = parts, player, follow
        self.model, self.view = parts.model, parts.view
        self._maps: OrderedDict[int, tuple[str, WordMap]] = OrderedDict()
        self.playing: tuple[int, int] | None = None  # (turn id, word) under the playhead
        self.focus: tuple[int, int] | None = None  # (turn id, word) that F7 went to
        self._uncertain: set[int] | None = None  # turns with uncertain words, once scanned
        parts.view.turn_delegate.providers.append(self.highlights)
        player.position_changed.connect(self.on_position)
        parts.model.modelReset.connect(self._forget_all)
        parts.runner.after_change.append(self._after_change)
        parts.view.word_clicked.connect(self.play_word)
        delegate = parts.view.turn_delegate
        delegate.editor_word_clicked.connect(self._play_typed_word)
        self.editor_marks = EditorWordMarks(self._saved_words, self)
        delegate.editor_opened.connect(
            lambda editor, _text: self.editor_marks.attach(editor, player.position())
        )
        delegate.editor_closing.connect(self.editor_marks.detach)

    # -- the words of a turn -------------------------------------------------------------------

    def word_map(self, turn: Turn) -> WordMap:
        """``turn``'s words placed in its text (read from the project once, then cached)."""
        cached = self._maps.get(turn.id)
        if cached is not None and cached[0] == turn.text:
            self._maps.move_to_end(turn.id)
            return cached[1]
        words = WordMap(self._saved_words(turn.id), turn.text)
        self._maps[turn.id] = (turn.text, words)
        if len(self._maps) > CACHE_TURNS:
            self._maps.popitem(last=False)
        return words

    def _saved_words(self, turn_id: int) -> tuple[Word, ...]:
        store = self.model.store
        stored = store.find_turn(turn_id) if store is not None else None
        return stored.words if stored is not None else ()

    def _forget_all(self) -> None:
        self._maps.clear()
        self._uncertain = None
        self.playing = self.focus = None

    def _after_change(self, changes: Changes) -> None:
        for turn_id, turn in changes.after.turns.items():
            self._maps.pop(turn_id, None)
            if self._uncertain is not None:
                if turn is not None and has_uncertain_words(turn.words):
                    self._uncertain.add(turn_id)
                else:
                    self._uncertain.discard(turn_id)

    def highlights(self, turn: Turn) -> list[Highlight]:
        words = self.word_map(turn)
        if not words.words:
            return []
        found = [Highlight(w.start, w.end, "word_uncertain") for w in words.words if w.uncertain]
        for marked, style in ((self.focus, "word_uncertain_focus"), (self.playing, "word_current")):
            if marked is not None and marked[0] == turn.id and marked[1] < len(words.words):
                word = words.words[marked[1]]
                found.append(Highlight(word.start, word.end, style))
        return found

    def _repaint(self, turn_id: int | None) -> None:
        if turn_id is not None:
            self.view.repaint_rows(self.model.row_of(turn_id))

    # -- following the playhead ----------------------------------------------------------------

    def on_position(self, position_ms: int) -> None:
        self.editor_marks.on_position(position_ms)
        model = self.model
        row = model.row_at_time(position_ms)
        playing = None
        if row is not None:
            turn = model.turn(row)
            index = self.word_map(turn).at_time(position_ms)
            playing = (turn.id, index) if index is not None else None
        if playing != self.playing:
            previous, self.playing = self.playing, playing
            self._repaint(previous[0] if previous else None)
            if playing is not None and (previous is None or previous[0] != playing[0]):
                self._repaint(playing[0])

    # -- playing from a word -------------------------------------------------------------------

    def play_word(self, row: int, offset: int) -> None:
        """Play from the start of the word at ``offset`` of the turn in ``row``."""
        turn = self.model.turn(row)
        self._play_from(turn, self.word_map(turn), offset)

    def _play_typed_word(self, turn_id: int, typed: str, offset: int) -> None:
        row = self.model.row_of(turn_id)
        if row is not None:
            words = WordMap(reconcile(self._saved_words(turn_id), typed), typed)
            self._play_from(self.model.turn(row), words, offset)

    def _play_from(self, turn: Turn, words: WordMap, offset: int) -> None:
        index = words.at_offset(offset) if offset >= 0 else None
        start = words.words[index].start_ms if index is not None else None
        if start is None:
            start = turn.start_ms
            if start is not None:
                self.parts.message("No time for that word: playing its turn", 4000)
        if start is None or not self.player.has_media:
            self.parts.show_error("This turn has no times yet; time it first")
            return
        self.player.play_from(start)
        self.follow.resume()

    # -- uncertain words -----------------------------------------------------------------------

    def uncertain_turns(self) -> set[int]:
        if self._uncertain is None:
            store = self.model.store
            self._uncertain = uncertain_turn_ids(store) if store is not None else set()
        return self._uncertain

    def next_uncertain(self, direction: int = 1) -> bool:
        """Go to the next (``direction`` 1) or previous (-1) uncertain word: select its turn and
        mark the word, or, while the editor is open, put the editor's selection on it."""
        model, view = self.model, self.view
        if model.store is None or not model.rowCount():
            return False
        editor = view.open_text_editor()
        row = model.row_of(editor.turn_id) if editor is not None else None
        if editor is not None and row is not None:
            typed = self._typed_map(editor)
            index = _step(typed, editor.textCursor().selectionStart(), direction)
            if index is not None:
                self._arrive(row, typed, index, editor)
                return True
            found = self._step_to_turn(row, direction)
        else:
            row, offset = self._where(direction)
            index = _step(self.word_map(model.turn(row)), offset, direction)
            found = (row, index) if index is not None else self._step_to_turn(row, direction)
        if found is None:
            self.parts.message("No uncertain words.", 4000)
            return False
        row, index = found
        words = self.word_map(model.turn(row))
        if editor is not None:
            view.commit_open_editor()
            view.turn_delegate.cursor_requests[model.turn(row).id] = words.words[index].start
            view.open_editor(row)
        self._arrive(row, words, index, view.open_text_editor())
        return True

    def _typed_map(self, editor: TurnTextEditor) -> WordMap:
        """The open editor's words, placed in the text as typed so far."""
        if editor is self.editor_marks.editor:
            return self.editor_marks.words()
        typed = editor.toPlainText()
        return WordMap(reconcile(self._saved_words(editor.turn_id), typed), typed)

    def _arrive(self, row: int, words: WordMap, index: int, editor: TurnTextEditor | None) -> None:
        turn = self.model.turn(row)
        word = words.words[index]
        self.follow.suspend()  # the user went somewhere: playback must not pull them away
        previous, self.focus = self.focus, (turn.id, index)
        self._repaint(previous[0] if previous else None)
        if editor is not None:
            cursor = editor.textCursor()
            length = len(editor.toPlainText())
            cursor.setPosition(min(word.start, length))
            cursor.setPosition(min(word.end, length), QTextCursor.MoveMode.KeepAnchor)
            editor.setTextCursor(cursor)
            editor.setFocus()
        else:
            self.view.show_row(row, select=True)
            self._repaint(turn.id)
            requests = self.view.turn_delegate.cursor_requests
            if previous is not None:
                requests.pop(previous[0], None)
            requests[turn.id] = word.start  # F2 next opens the editor on the word
        text = (editor.toPlainText() if editor is not None else turn.text)[word.start : word.end]
        sure = f" ({word.confidence:.0%} sure)" if word.confidence is not None else ""
        self.parts.message(f"Uncertain word “{text}”{sure}", 6000)

    def _where(self, direction: int) -> tuple[int, int]:
        """(row, character offset) to search from: the word F7 went to, else the selected turn
        (searched from its start going forward, skipped going back)."""
        model = self.model
        current = self.view.current_row() or 0
        if self.focus is not None and model.row_of(self.focus[0]) == current:
            words = self.word_map(model.turn(current)).words
            if self.focus[1] < len(words):
                return current, words[self.focus[1]].start
        return current, -1 if direction > 0 else 0

    def _step_to_turn(self, row: int, direction: int) -> tuple[int, int] | None:
        model, ids = self.model, self.uncertain_turns()
        count = model.rowCount()
        for step in range(1, count + 1):
            candidate = (row + direction * step) % count
            turn = model.turn(candidate)
            if turn.id in ids:
                uncertain = self.word_map(turn).uncertain()
                if uncertain:
                    return candidate, uncertain[0] if direction > 0 else uncertain[-1]
        return None


def _step(words: WordMap, offset: int, direction: int) -> int | None:
    """The uncertain word after (or before) the character ``offset``."""
    uncertain = words.uncertain()
    if direction > 0:
        return next((i for i in uncertain if words.words[i].start > offset), None)
    return next((i for i in reversed(uncertain) if words.words[i].start < offset), None)
