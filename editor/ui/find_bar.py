"""The find/replace bar (Ctrl+F, Ctrl+H): plain, whole word, regex, case, one speaker or all.

Matches are highlighted in the turn list; Enter / F3 go to the next, Shift+Enter / Shift+F3 to
the previous. Replace changes the current match, Replace All every match as one undo step.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QWidget,
)

from editor.core import ops
from editor.core.errors import EditorError
from editor.core.model import Turn
from editor.core.ops import Match
from editor.core.search import SearchQuery
from editor.ui.text_layout import Highlight
from editor.ui.turn_model import TurnListModel


class _FindField(QLineEdit):
    step = Signal(int)
    escape = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            backwards = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            self.step.emit(-1 if backwards else 1)
        elif event.key() == Qt.Key.Key_Escape:
            self.escape.emit()
        else:
            super().keyPressEvent(event)


class FindBar(QWidget):
    go_to_row = Signal(int)
    replace_one = Signal(object, object, str)  # SearchQuery, Match, replacement
    replace_every = Signal(object, str, object)  # SearchQuery, replacement, speaker id | None
    highlights_changed = Signal()

    def __init__(self, model: TurnListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.matches: list[Match] = []
        self._by_turn: dict[int, list[Match]] = {}
        self._replaced = 0
        self.current = -1
        self.find_field = _FindField()
        self.find_field.setPlaceholderText("Find")
        self.find_field.setAccessibleName("Find")
        self.replacement = _FindField()
        self.replacement.setPlaceholderText("Replace with")
        self.replacement.setAccessibleName("Replace with")
        self.whole_word = QCheckBox("&Whole word")
        self.regex = QCheckBox("Re&gex")
        self.case = QCheckBox("Match &case")
        self.speaker = QComboBox()
        self.speaker.setAccessibleName("Only in the turns of")
        self.status = QLabel()
        self.previous_button = QPushButton("Previous")
        self.next_button = QPushButton("Next")
        self.replace_button = QPushButton("&Replace")
        self.replace_all_button = QPushButton("Replace &All")
        close = QToolButton()
        close.setAccessibleName("Close find bar")
        close.setText("×")
        close.setToolTip("Close (Escape)")
        self._lay_out(close)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)
        self._timer.timeout.connect(self.refresh)
        for box in (self.whole_word, self.regex, self.case):
            box.toggled.connect(self.refresh)
        self.speaker.currentIndexChanged.connect(self.refresh)
        self.find_field.textChanged.connect(self._timer.start)
        self.find_field.step.connect(self.step)
        self.replacement.step.connect(lambda _d: self.replace_current())
        self.find_field.escape.connect(self.close_bar)
        self.replacement.escape.connect(self.close_bar)
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.replace_button.clicked.connect(self.replace_current)
        self.replace_all_button.clicked.connect(self.replace_all)
        close.clicked.connect(self.close_bar)
        self.hide()

    def _lay_out(self, close: QToolButton) -> None:
        # Fields first and wide; the options on a line of their own, so the fields keep their
        # width at the default window size (they were 35–50 px and shrank with the count).
        wide = self.fontMetrics().horizontalAdvance("M" * 18)
        for field in (self.find_field, self.replacement):
            field.setMinimumWidth(wide)
        self.status.setMinimumWidth(self.fontMetrics().horizontalAdvance("9,999 of 9,999"))
        self.status.setAccessibleName("Matches")
        grid = QGridLayout(self)
        grid.setContentsMargins(6, 2, 6, 2)
        for column, widget in enumerate(
            (self.find_field, self.previous_button, self.next_button, self.status, close)
        ):
            grid.addWidget(widget, 0, column)
        grid.addWidget(self.replacement, 1, 0)
        grid.addWidget(self.replace_button, 1, 1)
        grid.addWidget(self.replace_all_button, 1, 2)
        options = QHBoxLayout()
        for widget in (self.whole_word, self.regex, self.case, self.speaker):
            options.addWidget(widget)
        options.addStretch(1)
        grid.addLayout(options, 2, 0, 1, 5)
        grid.setColumnStretch(0, 1)

    # -- opening and closing -------------------------------------------------------------------

    def open_bar(self, replace: bool) -> None:
        self._fill_speakers()
        for widget in (self.replacement, self.replace_button, self.replace_all_button):
            widget.setVisible(replace)
        self.show()
        self.find_field.setFocus()
        self.find_field.selectAll()
        self.refresh()

    def close_bar(self) -> None:
        self.hide()
        self.matches, self._by_turn, self.current = [], {}, -1
        self.highlights_changed.emit()

    def _fill_speakers(self) -> None:
        chosen = self.speaker.currentData()
        self.speaker.blockSignals(True)
        self.speaker.clear()
        self.speaker.addItem("All speakers", None)
        for speaker in self.model.speakers():
            self.speaker.addItem(speaker.name, speaker.id)
        self.speaker.setCurrentIndex(max(0, self.speaker.findData(chosen)))
        self.speaker.blockSignals(False)

    # -- searching -----------------------------------------------------------------------------

    def query(self) -> SearchQuery | None:
        if not self.find_field.text():
            return None
        return SearchQuery(
            self.find_field.text(),
            regex=self.regex.isChecked(),
            whole_word=self.whole_word.isChecked(),
            case_sensitive=self.case.isChecked(),
        )

    def refresh(self) -> None:
        """Recompute the matches (after typing, an option change or an edit)."""
        if not self.isVisible():
            return
        query = self.query()
        speaker_id = self.speaker.currentData()
        self.matches = []
        try:
            if query is not None:
                self.matches = ops.find_in(self.model.turns(), query, speaker_id)
        except EditorError as error:
            self.status.setText(str(error).split(":")[0])
            self.matches = []
        else:
            count = len(self.matches)
            self.status.setText(f"{count:,} match{'' if count == 1 else 'es'}" if query else "")
        self.current = min(self.current, len(self.matches) - 1)
        self._by_turn = {}
        for match in self.matches:
            self._by_turn.setdefault(match.turn_id, []).append(match)
        self.highlights_changed.emit()

    def step(self, direction: int) -> None:
        if not self.matches:
            self.refresh()
            if not self.matches:
                return
        self.current = (self.current + direction) % len(self.matches)
        match = self.matches[self.current]
        self.status.setText(f"{self.current + 1:,} of {len(self.matches):,}")
        row = self.model.row_of(match.turn_id)
        if row is not None:
            self.go_to_row.emit(row)
        self.highlights_changed.emit()

    def replace_current(self) -> None:
        query = self.query()
        if query is None or not 0 <= self.current < len(self.matches):
            self.step(1)
            return
        self.replace_one.emit(query, self.matches[self.current], self.replacement.text())
        self.current -= 1
        self.refresh()
        self.step(1)

    def replace_all(self) -> None:
        query = self.query()
        if query is not None:
            self._replaced = 0
            self.replace_every.emit(query, self.replacement.text(), self.speaker.currentData())
            self.current = -1
            self.refresh()
            self.status.setText(f"Replaced {self._replaced}")

    def report_replaced(self, count: int) -> None:
        """The window tells how many replacements Replace All made."""
        self._replaced = count

    # -- highlighting --------------------------------------------------------------------------

    def provider(self) -> Callable[[Turn], list[Highlight]]:
        def highlights(turn: Turn) -> list[Highlight]:
            found = self._by_turn.get(turn.id)
            if not found or not self.isVisible():
                return []
            current = self.matches[self.current] if 0 <= self.current < len(self.matches) else None
            return [
                Highlight(m.start, m.end, "current_match" if m == current else "match")
                for m in found
            ]

        return highlights
