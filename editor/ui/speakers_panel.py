"""The speakers panel: each speaker's colour, name, turn count and talk time.

Double-click (or F2) a name to rename the speaker everywhere; "Merge Into…" moves every turn of
the selected speaker to another one; "Assign" gives the selected turns to the selected speaker.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.core.model import Speaker, Turn
from editor.core.timecode import format_hms

NAME_COLUMN = 1


def talk_time_ms(turns: list[Turn]) -> dict[int, int]:
    totals: dict[int, int] = {}
    for turn in turns:
        if turn.speaker_id is not None and turn.start_ms is not None and turn.end_ms is not None:
            totals[turn.speaker_id] = totals.get(turn.speaker_id, 0) + turn.end_ms - turn.start_ms
    return totals


class SpeakersPanel(QWidget):
    rename_requested = Signal(int, str)  # speaker id, new name
    merge_requested = Signal(int, int)  # source id, target id
    assign_requested = Signal(str)  # speaker name, for the selected turns

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(["", "Speaker", "Turns", "Talk time"])
        self.table.verticalHeader().hide()
        # The name takes the panel's spare width (the others fit their contents), so long
        # names show and no empty band is left on the right.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.setAccessibleName("Speakers")
        merge = QPushButton("Merge Into…")
        assign = QPushButton("Assign to Selected Turns")
        buttons = QHBoxLayout()
        buttons.addWidget(merge)
        buttons.addWidget(assign)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self._speakers: list[Speaker] = []
        self._filling = False
        self.table.itemChanged.connect(self._on_item_changed)
        merge.clicked.connect(self._ask_merge)
        assign.clicked.connect(self._assign)

    def refresh(self, speakers: list[Speaker], turns: list[Turn]) -> None:
        counts: dict[int, int] = {}
        for turn in turns:
            if turn.speaker_id is not None:
                counts[turn.speaker_id] = counts.get(turn.speaker_id, 0) + 1
        talk = talk_time_ms(turns)
        self._speakers = speakers
        self._filling = True
        self.table.setRowCount(len(speakers))
        for row, speaker in enumerate(speakers):
            swatch = QTableWidgetItem("■")
            swatch.setForeground(QColor(speaker.color or "#888888"))
            swatch.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            name = QTableWidgetItem(speaker.name)
            name.setToolTip(f"Alt+{row + 1} assigns this speaker" if row < 9 else "")
            cells = [
                swatch,
                name,
                QTableWidgetItem(str(counts.get(speaker.id, 0))),
                QTableWidgetItem(format_hms(talk.get(speaker.id, 0))),
            ]
            for column, cell in enumerate(cells):
                if column != NAME_COLUMN:
                    cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(row, column, cell)
        self._filling = False

    def speaker_at(self, row: int) -> Speaker | None:
        return self._speakers[row] if 0 <= row < len(self._speakers) else None

    def _selected(self) -> Speaker | None:
        return self.speaker_at(self.table.currentRow())

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        speaker = self.speaker_at(item.row())
        if self._filling or item.column() != NAME_COLUMN or speaker is None:
            return
        if item.text().strip() != speaker.name:
            self.rename_requested.emit(speaker.id, item.text())

    def _ask_merge(self) -> None:
        source = self._selected()
        others = [s for s in self._speakers if source is not None and s.id != source.id]
        if source is None or not others:
            return
        name, ok = QInputDialog.getItem(
            self,
            "Merge Speakers",
            f"Move every turn of {source.name} to:",
            [s.name for s in others],
            0,
            False,
        )
        target = next((s for s in others if s.name == name), None)
        if ok and target is not None:
            self.merge_requested.emit(source.id, target.id)

    def _assign(self) -> None:
        speaker = self._selected()
        if speaker is not None:
            self.assign_requested.emit(speaker.name)
