"""Clips panel → Make Video…: a clip's audiogram rendered in the background, with Cancel.

The shape is asked first, then the file; what the video needs is read from the project here,
in the window's thread, and the frames are drawn and encoded in a worker thread (QPainter on a
QImage works there). Cancel stops it between frames and nothing is left on disk.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import QFileDialog, QInputDialog, QProgressDialog

from editor.core.audiogram.layout import DEFAULT_SHAPE, SHAPES
from editor.core.audiogram.mp4 import VideoCancelled
from editor.core.audiogram.render import AudiogramJob, audiogram_job, make_audiogram
from editor.core.errors import EditorError
from editor.core.filenames import safe_filename
from editor.media.audiogram import QtTextPainter

if TYPE_CHECKING:
    from editor.ui.collaborators import Collaborators

SHAPE_LABELS = {
    f"{name.capitalize()} ({width}×{height})": name for name, (width, height) in SHAPES.items()
}


class VideoWorker(QThread):
    """Renders one audiogram; ``cancelled`` (set by the dialog's Cancel) stops it."""

    progressed = Signal(int)  # 0–1000
    done = Signal(str)  # what to tell the user
    failed = Signal(str)

    def __init__(self, job: AudiogramJob, target: Path) -> None:
        super().__init__()
        self.job, self.target = job, target
        self.cancelled = False

    def run(self) -> None:
        try:
            made = make_audiogram(
                self.job,
                QtTextPainter,
                self.target,
                progress=lambda part: self.progressed.emit(round(part * 1000)),
                cancelled=lambda: self.cancelled,
            )
        except VideoCancelled:
            self.done.emit("Video cancelled; nothing was written")
        except EditorError as error:
            self.failed.emit(str(error))
        else:
            notes = f" — {made.notes[0]}" if made.notes else ""
            more = f" (and {len(made.notes) - 1} more)" if len(made.notes) > 1 else ""
            self.done.emit(
                f"Made {self.target.name} ({made.duration_ms / 1000:.1f} s){notes}{more}"
            )


class ClipVideoController(QObject):
    def __init__(self, parts: Collaborators) -> None:
        super().__init__(parts.parent)
        self.parts = parts
        self.worker: VideoWorker | None = None

    def ask(self, clip_ids: list[int]) -> None:
        """Make Video…: the shape, then the file, for the first selected clip."""
        store = self.parts.model.store
        if store is None or not clip_ids:
            self.parts.show_error("Select the clip to make a video of.")
            return
        labels = list(SHAPE_LABELS)
        default = next(k for k, v in SHAPE_LABELS.items() if v == DEFAULT_SHAPE)
        label, ok = QInputDialog.getItem(
            self.parts.parent, "Make Video", "Shape:", labels, labels.index(default), False
        )
        if not ok:
            return
        try:
            clip = store.clips.get(clip_ids[0])
        except EditorError as error:  # deleted meanwhile (an undo from the history, say)
            self.parts.show_error(str(error))
            return
        name = safe_filename(clip.title) or store.path.stem
        path, _ = QFileDialog.getSaveFileName(
            self.parts.parent,
            "Save the Clip's Video",
            str(store.path.with_name(f"{name}.mp4")),
            "Video (*.mp4)",
        )
        if path:
            target = Path(path) if path.lower().endswith(".mp4") else Path(f"{path}.mp4")
            self.make(clip.id, SHAPE_LABELS[label], target)

    def make(
        self, clip_id: int, shape: str, target: Path, show_progress: bool = True
    ) -> VideoWorker | None:
        """Render in a worker thread, with a progress dialog that can cancel it."""
        store = self.parts.model.store
        if store is None:
            return None
        if self.worker is not None and self.worker.isRunning():
            self.parts.show_error("A video is already being made; wait for it or cancel it.")
            return None
        try:
            job = audiogram_job(store, clip_id, shape)
        except EditorError as error:
            self.parts.show_error(str(error))
            return None
        worker = self.worker = VideoWorker(job, target)
        worker.failed.connect(self.parts.show_error)
        worker.done.connect(lambda text: self.parts.message(text, 8000))
        if show_progress:
            dialog = QProgressDialog("Making the video…", "Cancel", 0, 1000, self.parts.parent)
            dialog.setWindowTitle("Make Video")
            dialog.setMinimumDuration(300)
            worker.progressed.connect(dialog.setValue)
            dialog.canceled.connect(lambda: setattr(worker, "cancelled", True))
            worker.finished.connect(dialog.reset)
        worker.start()
        return worker

    def stop(self) -> None:
        """Cancel a render under way and wait for it to remove its temporary file (quitting)."""
        worker = self.worker
        if worker is not None and worker.isRunning():
            worker.cancelled = True
            worker.wait(10_000)
