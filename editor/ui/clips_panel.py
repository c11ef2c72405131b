"""The Clips panel: each clip's times, title, quote and tags; play, nudge, audition, cut, and
make a video of it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.core.model import Clip
from editor.core.timecode import format_precise

EDITABLE = {2: "title", 5: "tags", 6: "note"}
HEADERS = ["Start", "End", "Title", "Quote", "Speaker", "Tags", "Note", "In notes"]
IN_NOTES = 7


class ClipsPanel(QWidget):
    play = Signal(int)  # clip id
    nudge = Signal(int, str, int)  # clip id, "start" | "end", milliseconds
    audition = Signal(int, str)  # clip id, "start" | "end"
    edited = Signal(int, str, str)  # clip id, field, value
    in_notes = Signal(int, bool)
    delete = Signal(list)  # clip ids
    cut = Signal(list)  # clip ids
    make_video = Signal(list)  # clip ids

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clips: list[Clip] = []
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.setAccessibleName("Clips")
        self.table.horizontalHeader().setStretchLastSection(True)
        grid = QGridLayout()
        buttons = [
            ("▶ Play", self.play.emit),
            ("Hear Start", lambda i: self.audition.emit(i, "start")),
            ("Hear End", lambda i: self.audition.emit(i, "end")),
            ("Start −0.1 s", lambda i: self.nudge.emit(i, "start", -100)),
            ("Start +0.1 s", lambda i: self.nudge.emit(i, "start", 100)),
            ("End −0.1 s", lambda i: self.nudge.emit(i, "end", -100)),
            ("End +0.1 s", lambda i: self.nudge.emit(i, "end", 100)),
        ]
        for position, (label, action) in enumerate(buttons):
            button = QPushButton(label)
            button.clicked.connect(lambda _=False, a=action: self._on_current(a))
            grid.addWidget(button, position // 4, position % 4)
        cut = QPushButton("Cut Audio…")
        cut.clicked.connect(lambda: self.cut.emit(self.selected_ids()))
        video = QPushButton("Make Video…")
        video.setToolTip("An audiogram of the clip: its sound, moving bars and captions (MP4)")
        video.clicked.connect(lambda: self.make_video.emit(self.selected_ids()))
        remove = QPushButton("Delete")
        remove.clicked.connect(lambda: self.delete.emit(self.selected_ids()))
        grid.addWidget(cut, 2, 0, 1, 2)
        grid.addWidget(video, 2, 2)
        grid.addWidget(remove, 2, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.table)
        layout.addLayout(grid)
        self._filling = False
        self.table.itemChanged.connect(self._on_item_changed)
        self.table.cellDoubleClicked.connect(self._on_double_click)

    def show_clips(self, clips: list[Clip]) -> None:
        chosen = set(self.selected_ids())
        self.clips = clips
        self._filling = True
        self.table.setRowCount(len(clips))
        for row, clip in enumerate(clips):
            values = [
                format_precise(clip.start_ms),
                format_precise(clip.end_ms),
                clip.title,
                clip.quote,
                clip.speaker,
                ", ".join(clip.tags),
                clip.note,
                "",
            ]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                if column in EDITABLE:
                    flags |= Qt.ItemFlag.ItemIsEditable
                if column == IN_NOTES:
                    flags |= Qt.ItemFlag.ItemIsUserCheckable
                    item.setCheckState(
                        Qt.CheckState.Checked if clip.in_notes else Qt.CheckState.Unchecked
                    )
                    item.setToolTip("Quote this clip in the show notes")
                item.setFlags(flags)
                self.table.setItem(row, column, item)
            if clip.id in chosen:
                self.table.selectRow(row)
        self.table.resizeColumnsToContents()
        self._filling = False

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectedIndexes()})
        return [self.clips[r].id for r in rows if r < len(self.clips)]

    def _on_current(self, action: object) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.clips):
            action(self.clips[row].id)  # type: ignore[operator]

    def _on_double_click(self, row: int, column: int) -> None:
        if column not in EDITABLE and 0 <= row < len(self.clips):
            self.play.emit(self.clips[row].id)

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling or not 0 <= item.row() < len(self.clips):
            return
        clip = self.clips[item.row()]
        if item.column() in EDITABLE:
            self.edited.emit(clip.id, EDITABLE[item.column()], item.text())
        elif item.column() == IN_NOTES:
            self.in_notes.emit(clip.id, item.checkState() == Qt.CheckState.Checked)
