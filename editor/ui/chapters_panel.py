"""The Chapters panel: chapter marks at turn starts, titles edited in place."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.core.model import Chapter
from editor.core.timecode import format_hms

FIELDS = {1: "title", 2: "url", 3: "img"}


class ChaptersPanel(QWidget):
    add_requested = Signal()
    suggest_requested = Signal()
    remove_requested = Signal(list)  # chapter ids
    edited = Signal(int, str, str)  # chapter id, field, value
    go_to = Signal(int)  # start in ms

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chapters: list[Chapter] = []
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(["Start", "Title", "Link", "Image"])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAccessibleName("Chapters")
        self.table.horizontalHeader().setStretchLastSection(True)
        add = QPushButton("Chapter at Selected Turn…")
        suggest = QPushButton("&Suggest Chapters…")
        suggest.setToolTip("Chapters from the episode page's topics, or where the subject changes")
        remove = QPushButton("Remove")
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(suggest)
        buttons.addWidget(remove)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self._filling = False
        add.clicked.connect(self.add_requested)
        suggest.clicked.connect(self.suggest_requested)
        remove.clicked.connect(lambda: self.remove_requested.emit(self._selected()))
        self.table.itemChanged.connect(self._on_item_changed)
        self.table.cellDoubleClicked.connect(self._on_double_click)

    def show_chapters(self, chapters: list[Chapter]) -> None:
        self.chapters = chapters
        self._filling = True
        self.table.setRowCount(len(chapters))
        for row, chapter in enumerate(chapters):
            for column, value in enumerate(
                [format_hms(chapter.start_ms), chapter.title, chapter.url, chapter.img]
            ):
                item = QTableWidgetItem(value)
                if column == 0:
                    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self._filling = False

    def _selected(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectedIndexes()})
        return [self.chapters[r].id for r in rows if r < len(self.chapters)]

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if not self._filling and item.column() in FIELDS and item.row() < len(self.chapters):
            self.edited.emit(self.chapters[item.row()].id, FIELDS[item.column()], item.text())

    def _on_double_click(self, row: int, column: int) -> None:
        if column == 0 and row < len(self.chapters):
            self.go_to.emit(self.chapters[row].start_ms)
