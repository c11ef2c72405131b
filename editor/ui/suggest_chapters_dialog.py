"""The review of suggested chapters: each with a checkbox, its start, an editable title, its
turn and why it was suggested; OK adds the checked ones as one undoable step.

Keyboard: Up/Down move between suggestions, Space checks or unchecks one, F2 (or typing) edits
its title, Enter accepts, Escape cancels. When the project already has chapters they are kept
unless "Replace the existing chapters" is checked. When the episode page has topics, "Chapters
from" suggests again on another basis (as the command line's ``--page-order`` and
``--subjects`` do): each topic where it is spoken of, the topics in the page's order, or the
changes of subject.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Literal

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.core.chapter_suggest import Suggestion
from editor.core.errors import EditorError
from editor.core.timecode import format_clock

START, TITLE, TURN, WHY = range(4)

Basis = Literal["spoken", "page order", "subjects"]
BASES: tuple[tuple[Basis, str], ...] = (
    ("spoken", "Each topic where it is spoken of"),
    ("page order", "The topics in the episode page's order"),
    ("subjects", "Where the subject changes (ignoring the topics)"),
)
# A basis → the suggestions on it and the page's topics there was no room for.
Suggest = Callable[[Basis], tuple[list[Suggestion], Sequence[str]]]


class SuggestChaptersDialog(QDialog):
    def __init__(
        self,
        suggestions: list[Suggestion],
        existing: int,
        parent: QWidget | None = None,
        left_out: Sequence[str] = (),
        suggest: Suggest | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Suggest Chapters")
        self.suggestions: list[Suggestion] = []
        self._suggest = suggest
        self._checks: list[QTableWidgetItem] = []
        self._titles: list[QTableWidgetItem] = []
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.basis = QComboBox()
        self.basis.setAccessibleName("Chapters from")
        for basis, label in BASES:
            self.basis.addItem(label, basis)
        self.basis.setVisible(suggest is not None)
        self.basis.currentIndexChanged.connect(self._suggest_again)
        self.table = _table()
        # The current suggestion in full: its turn's first words and the whole reason.
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAccessibleName("Why this chapter")
        self.table.currentCellChanged.connect(lambda row, *_: self._show_details(row))
        self.replace_existing = QCheckBox(f"&Replace the {existing} existing chapter(s)")
        self.replace_existing.setToolTip("Unchecked: they are kept, and these are added beside")
        self.replace_existing.setVisible(existing > 0)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText("&Add Checked Chapters")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.table.itemChanged.connect(self._update_ok)
        self.table.installEventFilter(self)
        layout = QVBoxLayout(self)
        if suggest is not None:
            choice = QFormLayout()
            choice.addRow("Chapters &from:", self.basis)
            layout.addLayout(choice)
        layout.addWidget(self.intro)
        layout.addWidget(self.table)
        layout.addWidget(self.details)
        layout.addWidget(self.replace_existing)
        layout.addWidget(buttons)
        self.resize(900, 420)
        self._list(suggestions, _intro(suggestions, left_out))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.table.setFocus()  # the suggestions, not the buttons, take the keys first

    def _fill(self, row: int, suggestion: Suggestion) -> None:
        start = QTableWidgetItem(
            ("≈" if suggestion.estimated else "") + format_clock(suggestion.start_ms)
        )
        start.setFlags(
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )
        start.setCheckState(Qt.CheckState.Checked)
        start.setToolTip("estimated from text length" if suggestion.estimated else "")
        title = QTableWidgetItem(suggestion.title)
        title.setFlags(
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable
        )
        turn = QTableWidgetItem(f"{suggestion.turn_number}: {suggestion.first_words}")
        why = QTableWidgetItem(f"{suggestion.why} (score {suggestion.score:.2f})")
        why.setToolTip(why.text())
        for item in (turn, why):
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        self._checks.append(start)
        self._titles.append(title)
        for column, item in ((START, start), (TITLE, title), (TURN, turn), (WHY, why)):
            self.table.setItem(row, column, item)

    def _suggest_again(self, index: int) -> None:
        """The suggestions on the basis just chosen, in place of the ones listed."""
        if self._suggest is None or index < 0:
            return
        basis = BASES[index][0]
        try:
            suggestions, left_out = self._suggest(basis)
        except EditorError as error:
            self._list([], f"No chapters on this basis: {error}")
        else:
            self._list(suggestions, _intro(suggestions, left_out, basis))

    def _list(self, suggestions: list[Suggestion], intro: str) -> None:
        """These suggestions in the table, all checked, the first current; ``intro`` above."""
        self.intro.setText(intro)
        self.suggestions = suggestions
        self._checks, self._titles = [], []
        self.table.blockSignals(True)  # no check changes reach the OK button half filled
        self.table.setRowCount(len(suggestions))
        for row, suggestion in enumerate(suggestions):
            self._fill(row, suggestion)
        self.table.blockSignals(False)
        for column in (START, TITLE, TURN):
            self.table.resizeColumnToContents(column)
        self.table.setColumnWidth(TURN, min(self.table.columnWidth(TURN), 220))
        if suggestions:
            self.table.setCurrentCell(0, START)
        self._show_details(self.table.currentRow())
        self._update_ok()

    def _show_details(self, row: int) -> None:
        if not 0 <= row < len(self.suggestions):
            self.details.clear()
            return
        s = self.suggestions[row]
        self.details.setText(
            f"Turn {s.turn_number}: {s.first_words}\nWhy: {s.why} (score {s.score:.2f})"
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Space checks or unchecks the current suggestion, whichever column is current."""
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Space
            and self.table.state() != QAbstractItemView.State.EditingState
            and self.table.currentRow() >= 0
        ):
            row = self.table.currentRow()
            self.set_checked(row, not self.is_checked(row))
            return True
        return super().eventFilter(watched, event)

    def is_checked(self, row: int) -> bool:
        return self._checks[row].checkState() == Qt.CheckState.Checked

    def set_checked(self, row: int, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        self._checks[row].setCheckState(state)

    def chosen(self) -> list[Suggestion]:
        """The checked suggestions, with their titles as edited."""
        return [
            replace(s, title=self._titles[row].text().strip())
            for row, s in enumerate(self.suggestions)
            if self.is_checked(row)
        ]

    def existing(self) -> Literal["replace", "keep"]:
        return "replace" if self.replace_existing.isChecked() else "keep"

    def _update_ok(self, *_: object) -> None:
        chosen = self.chosen()
        self.ok.setEnabled(bool(chosen) and all(s.title for s in chosen))


def _table() -> QTableWidget:
    """The suggestions' table: whole rows selected, titles edited by typing, F2 or a double
    click, the reasons taking the width left."""
    table = QTableWidget(0, 4)
    table.setHorizontalHeaderLabels(["Start", "Title", "Turn", "Why"])
    table.setAccessibleName("Suggested chapters")
    table.verticalHeader().hide()
    table.setWordWrap(False)
    table.horizontalHeader().setSectionResizeMode(WHY, QHeaderView.ResizeMode.Stretch)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(
        QAbstractItemView.EditTrigger.EditKeyPressed
        | QAbstractItemView.EditTrigger.DoubleClicked
        | QAbstractItemView.EditTrigger.AnyKeyPressed
    )
    return table


def _intro(
    suggestions: Sequence[Suggestion], left_out: Sequence[str], basis: Basis = "spoken"
) -> str:
    """What the dialog lists, and the page's topics there was no room for."""
    if any(s.topic for s in suggestions):
        where = "in the page's order" if basis == "page order" else "where it is spoken of"
        said = f"one per topic of the episode page, {where}"
    elif basis == "subjects":
        said = "where the subject changes"
    else:
        said = "where the subject changes (the project has no topics from an episode page)"
    missing = ""
    if left_out:
        names = "; ".join(f"“{t}”" for t in left_out)
        missing = (
            f" Left out, for want of room (chapters start 10 s or more apart): {names} — "
            "the topics the turns speak of least."
        )
    return (
        f"{len(suggestions)} {'chapter' if len(suggestions) == 1 else 'chapters'} suggested, "
        f"{said}. Check the ones to add and edit "
        f"their titles; ≈ marks an estimated time.{missing}"
    )
