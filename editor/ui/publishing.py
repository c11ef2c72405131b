"""File → Publish…: a folder, the base URL, then every file of the episode written in the
background (``core.publish``), and a summary of what was written.

At 12,000 turns a publication takes seconds (the transcripts are most of it), all of it Python
work: in a thread it would hold the interpreter's lock and the window would stutter, so a worker
thread hands it to a fresh process (``run_elsewhere``) and waits. That process reads the project
through a read-only connection of its own (a WAL project lets a reader in beside the window's
writer); a project kept under an exclusive lock (on a network folder) is read here first and
only rendered and written there. Either way the edits already made are in the file: the open
editor's text and the show notes being typed are saved before it starts.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from editor.core.errors import EditorError
from editor.core.publish import (
    Publication,
    checked_base_url,
    plan_publication,
    publish_project,
    run_elsewhere,
)
from editor.ui.collaborators import Collaborators
from editor.ui.dialogs import show_warnings
from editor.ui.settings import Settings


class PublishWorker(QThread):
    """Runs one publication off the main thread."""

    succeeded = Signal(object)  # the Publication
    failed = Signal(str)

    def __init__(self, job: Callable[[], Publication]) -> None:
        super().__init__()
        self.job = job

    def run(self) -> None:
        try:
            publication = self.job()
        except EditorError as error:
            self.failed.emit(str(error))
        else:
            self.succeeded.emit(publication)


class Publisher(QObject):
    """The window's Publish command; it holds the running worker, and ``wait`` lets it finish."""

    def __init__(self, parts: Collaborators, settings: Settings, save_typing: Callable[[], None]):
        super().__init__(parts.parent)
        self.parts, self.settings, self.save_typing = parts, settings, save_typing
        self.worker: PublishWorker | None = None

    def publish_dialog(self) -> None:
        store = self.parts.model.store
        if store is None:
            return
        folder = QFileDialog.getExistingDirectory(
            self.parts.parent, "Publish to Folder", str(store.path.parent)
        )
        if not folder:
            return
        url, ok = QInputDialog.getText(
            self.parts.parent,
            "Publish",
            "The https: address the files will be uploaded to, for the links in rss-item.xml\n"
            "(leave it empty to link them by their names):",
            text=self.settings.publish_base_url(),
        )
        if ok:
            self.publish_to(Path(folder), url.strip())

    def publish_to(self, folder: Path, base_url: str = "") -> PublishWorker | None:
        """Start publishing the open project into ``folder``; the worker, or ``None`` if it
        was refused at once (told in a message) or one is already running."""
        store = self.parts.model.store
        if store is None:
            return None
        if self.worker is not None and self.worker.isRunning():
            self.parts.show_error("A publication is still being written; try again when it is done")
            return None
        self.parts.view.commit_open_editor()
        self.save_typing()
        try:
            base = checked_base_url(base_url)
            job: Callable[[], Publication]
            if store.uses_wal:
                job = partial(run_elsewhere, publish_project, store.path, folder, base)
            else:  # read here: a second connection cannot read beside an exclusive lock
                plan = plan_publication(store, folder, base)
                job = partial(run_elsewhere, plan.carry_out)
        except EditorError as error:
            QMessageBox.warning(self.parts.parent, "Cannot Publish", str(error))
            return None
        self.settings.set_publish_base_url(base_url)
        worker = self.worker = PublishWorker(job)
        worker.succeeded.connect(self._published)
        worker.failed.connect(self._failed)
        self.parts.message(f"Publishing to {folder}…", 0)
        worker.start()
        return worker

    def _published(self, publication: Publication) -> None:
        count = len(publication.files)
        self.parts.message(f"Published {count} files to {publication.folder.name}.", 10_000)
        notes = (*publication.warnings, *publication.notes)
        show_warnings(self.parts.parent, "Published", publication.summary(), notes)

    def _failed(self, message: str) -> None:
        self.parts.message("Nothing was published.", 10_000)
        QMessageBox.warning(self.parts.parent, "Cannot Publish", message)

    def wait(self) -> None:
        """Let a running publication finish (before the project closes or the app quits)."""
        if self.worker is not None:
            self.worker.wait()
