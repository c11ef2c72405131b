"""Small dialogs: new project, keyboard shortcuts, about, and import/export warnings."""

from __future__ import annotations

import platform
from collections.abc import Mapping
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor import APP_NAME, PROJECT_SUFFIX, __version__
from editor.core.formats import get_format, import_formats
from editor.core.project.media_link import MEDIA_SUFFIXES
from editor.ui.actions import shortcut_table

MEDIA_FILTER = "Audio and video (" + " ".join(f"*{s}" for s in sorted(MEDIA_SUFFIXES)) + ")"


def _transcript_filter() -> str:
    """Every extension an importer reads (the list stays true as importers are added)."""
    found = sorted({e for n in import_formats() for e in get_format(n).extensions})
    return f"Transcripts ({' '.join('*' + e for e in found)});;All files (*)"


TRANSCRIPT_FILTER = _transcript_filter()
PROJECT_FILTER = f"{APP_NAME} projects (*{PROJECT_SUFFIX})"


class _PathField(QWidget):
    def __init__(self, caption: str, file_filter: str, save: bool = False) -> None:
        super().__init__()
        self.edit = QLineEdit()
        browse = QPushButton("Browse…")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(browse)
        self._caption, self._filter, self._save = caption, file_filter, save
        browse.clicked.connect(self._browse)

    def _browse(self) -> None:
        pick = QFileDialog.getSaveFileName if self._save else QFileDialog.getOpenFileName
        path, _ = pick(self, self._caption, self.edit.text(), self._filter)
        if path:
            self.edit.setText(path)

    def path(self) -> Path | None:
        text = self.edit.text().strip()
        return Path(text) if text else None


class NewProjectDialog(QDialog):
    """Media, transcript (either may be left out), title and where to save the project."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New Project")
        self.media = _PathField("Choose the episode's audio", MEDIA_FILTER)
        self.transcript = _PathField("Choose a transcript", TRANSCRIPT_FILTER)
        self.title = QLineEdit()
        self.project = _PathField("Save the project as", PROJECT_FILTER, save=True)
        form = QFormLayout()
        form.addRow("&Media:", self.media)
        form.addRow("&Transcript:", self.transcript)
        form.addRow("T&itle:", self.title)
        form.addRow("&Save as:", self.project)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._check_and_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.media.edit.textChanged.connect(self._suggest_project_path)
        self.transcript.edit.textChanged.connect(self._suggest_project_path)

    def _suggest_project_path(self) -> None:
        if self.project.edit.isModified():
            return
        source = self.media.path() or self.transcript.path()
        if source is not None:
            self.project.edit.setText(str(source.with_suffix(PROJECT_SUFFIX)))

    def _check_and_accept(self) -> None:
        target = self.project.path()
        if target is None:
            QMessageBox.warning(self, "New Project", "Choose where to save the project.")
            return
        if target.suffix != PROJECT_SUFFIX:
            self.project.edit.setText(str(target.with_suffix(target.suffix + PROJECT_SUFFIX)))
        self.accept()


def show_shortcuts(parent: QWidget, actions: Mapping[str, QAction] | None = None) -> None:
    """Help → Keyboard Shortcuts: every command's keys as ``actions`` have them now."""
    rows = shortcut_table(actions)
    dialog = QDialog(parent)
    dialog.setWindowTitle("Keyboard Shortcuts")
    table = QTableWidget(len(rows), 3)
    table.setHorizontalHeaderLabels(["Menu", "Command", "Keys"])
    for row, values in enumerate(rows):
        for column, value in enumerate(values):
            table.setItem(row, column, QTableWidgetItem(value))
    table.resizeColumnsToContents()
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(table)
    layout.addWidget(buttons)
    dialog.resize(560, 560)
    dialog.exec()


def about_text(player_name: str) -> str:
    return (
        f"<h3>{APP_NAME} {__version__}</h3>"
        "<p>Edit podcast transcripts beside their audio.</p>"
        f"<p>Media player: {player_name}<br>"
        f"Qt for Python {pyside_version}, Python {platform.python_version()}</p>"
    )


def show_warnings(parent: QWidget, title: str, summary: str, warnings: tuple[str, ...]) -> None:
    """Tell the user what an import or export had to repair, with the full list on demand."""
    box = QMessageBox(QMessageBox.Icon.Information, title, summary, parent=parent)
    if warnings:
        box.setInformativeText(f"{len(warnings)} note(s) about the file; see the details.")
        box.setDetailedText("\n".join(warnings))
    box.exec()
