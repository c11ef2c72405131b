"""The bar shown above the transcript when the project's media cannot be found."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class MediaBanner(QFrame):
    locate_file = Signal()
    search_folder = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("mediaBanner")
        self.message = QLabel()
        self.message.setWordWrap(True)
        locate = QPushButton("Locate File…")
        search = QPushButton("Search a Folder…")
        layout = QHBoxLayout(self)
        layout.addWidget(self.message, 1)
        layout.addWidget(locate)
        layout.addWidget(search)
        locate.clicked.connect(self.locate_file)
        search.clicked.connect(self.search_folder)
        self.hide()

    def show_missing(self, linked_path: str) -> None:
        self.message.setText(
            f"<b>The media file was not found:</b> {linked_path}. "
            "The transcript can still be edited; locate the file to hear it."
        )
        self.show()
