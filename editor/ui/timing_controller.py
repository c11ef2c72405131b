"""Timing in the window: stamping, nudging, estimating, confirming, aligning, the waveform.

Alignment and waveform reading run in worker threads that never touch the project file; their
results come back to the main thread, where alignment becomes one undoable step. The
controller is given the window's parts, the player and playback follow, not the window (issue 19).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import QProgressDialog

from editor.core import ops
from editor.core.align.project import AlignmentPlan, plan, run
from editor.core.changes import Changes
from editor.core.errors import Cancelled, EditorError
from editor.core.ops.bulk import BEFORE_ALIGN
from editor.core.waveform import compute_peaks, load_cached, save_cached
from editor.ui.waveform_view import WaveformView

if TYPE_CHECKING:
    from pathlib import Path

    from editor.core.project.store import ProjectStore
    from editor.ui.collaborators import Collaborators
    from editor.ui.follow import FollowController
    from editor.ui.player_controller import PlayerController


class Worker(QThread):
    """Runs ``job(progress, cancelled)`` off the main thread and reports back by signals."""

    progressed = Signal(float)
    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, job: Callable[[Callable[[float], None], Callable[[], bool]], Any]) -> None:
        super().__init__()
        self.job = job
        self.cancelled = False

    def run(self) -> None:
        try:
            result = self.job(self.progressed.emit, lambda: self.cancelled)
        except Cancelled:
            self.failed.emit("")
        except EditorError as error:
            self.failed.emit(str(error))
        else:
            self.succeeded.emit(result)


class TimingController(QObject):
    def __init__(
        self, parts: Collaborators, player: PlayerController, follow: FollowController
    ) -> None:
        super().__init__(parts.parent)
        self.parts, self.player, self.follow = parts, player, follow
        self.model, self.view, self.runner = parts.model, parts.view, parts.runner
        self.waveform = WaveformView()
        self.worker: Worker | None = None
        self.waveform_worker: Worker | None = None
        self.waveform.seek_requested.connect(player.seek)
        self.waveform.boundary_moved.connect(self.move_boundary)
        player.position_changed.connect(self.waveform.set_position)
        parts.runner.after_change.append(lambda _c: self.refresh_turns())

    # -- keys ----------------------------------------------------------------------------------

    def _selected_id(self) -> int | None:
        row = self.view.current_row()
        return self.model.turn(row).id if row is not None else None

    def stamp(self) -> None:
        """The selected turn starts at the playhead; go on to the next turn."""
        turn_id = self._selected_id()
        if turn_id is None or not self.player.has_media:
            return
        position = self.player.true_position()  # never the smoothed display clock
        self.follow.suspend()  # the user leads the selection while stamping
        if self.runner.run(lambda s: ops.stamp_start(s, turn_id, position)) is not None:
            row = self.model.row_of(turn_id)
            if row is not None and row + 1 < self.model.rowCount():
                self.view.select_row(row + 1)

    def nudge(self, edge: str, delta_ms: int) -> None:
        turn_id = self._selected_id()
        if turn_id is not None:
            self.runner.run(lambda s: ops.nudge(s, turn_id, edge, delta_ms))

    def estimate(self) -> None:
        changes = self.runner.run(ops.estimate_missing_times)
        if changes is not None:
            self.parts.message(f"Estimated times for {changes.count} turns", 5000)

    def confirm(self) -> None:
        ids = [self.model.turn(r).id for r in self.view.selected_rows()]
        self.runner.run(lambda s: ops.confirm_times(s, ids))

    def move_boundary(self, turn_id: int, start_ms: int) -> None:
        self.runner.run(lambda s: ops.set_times(s, turn_id, start_ms=start_ms))

    # -- alignment -----------------------------------------------------------------------------

    def align(self, keep_confirmed: bool = True, show_progress: bool = True) -> Worker | None:
        store = self.model.store
        if store is None:
            return None
        self.view.commit_open_editor()
        try:
            job: AlignmentPlan = plan(store, keep_confirmed)
        except EditorError as error:
            self.parts.show_error(str(error))
            return None
        worker = self.worker = Worker(lambda progress, cancelled: run(job, progress, cancelled))
        worker.succeeded.connect(lambda results: self._apply_alignment(store, results))
        worker.failed.connect(self._alignment_failed)
        if show_progress:
            dialog = QProgressDialog(
                "Aligning the transcript to the audio…", "Cancel", 0, 1000, self.parts.parent
            )
            dialog.setMinimumDuration(0)
            worker.progressed.connect(lambda f: dialog.setValue(round(f * 1000)))
            dialog.canceled.connect(lambda: setattr(worker, "cancelled", True))
            worker.finished.connect(dialog.reset)
        worker.start()
        return worker

    def _alignment_failed(self, message: str) -> None:
        if message:  # empty when the run was cancelled
            self.parts.show_error(message)

    def _apply_alignment(
        self, aligned: ProjectStore, results: dict[int, tuple[int, int, float]]
    ) -> None:
        # The times belong to the project that was aligned: after closing it (or opening
        # another, whose turn ids could be the same numbers) they are dropped, never applied.
        if self.model.store is not aligned:
            self.parts.message(
                f"The alignment of {aligned.path.name} was not applied: the project was closed",
                10_000,
            )
            return
        changes: Changes | None = self.runner.run(
            lambda s: ops.apply_alignment(s, results), snapshot=BEFORE_ALIGN
        )
        if changes is None:
            return
        low = sum(1 for _s, _e, c in results.values() if c < 0.3)
        note = f"; {low} with low confidence (orange times)" if low else ""
        self.parts.message(f"Aligned {changes.count} turns{note}", 10_000)

    # -- the waveform --------------------------------------------------------------------------

    def load_waveform(self, media: Path | None) -> None:
        store = self.model.store
        self.refresh_turns()
        if store is None or media is None:
            self.waveform.set_peaks(None)
            return
        cached = load_cached(store)
        if cached is not None:
            self.waveform.set_peaks(cached)
            return
        previous = self.waveform_worker
        if previous is not None and previous.isRunning():  # never drop a running QThread
            previous.cancelled = True
            previous.wait(10_000)
        worker = self.waveform_worker = Worker(
            lambda progress, cancelled: compute_peaks(media, progress=progress, cancelled=cancelled)
        )
        worker.progressed.connect(self.waveform.show_progress)
        worker.succeeded.connect(lambda peaks: self._waveform_ready(store, peaks))
        worker.start()

    def _waveform_ready(self, drawn_for: ProjectStore, peaks: np.ndarray) -> None:
        if self.model.store is not drawn_for:
            return  # another project is open now: these peaks are of its predecessor's media
        save_cached(drawn_for, peaks)
        self.waveform.set_peaks(peaks)

    def stop_workers(self) -> None:
        for worker in (self.worker, self.waveform_worker):
            if worker is not None and worker.isRunning():
                worker.cancelled = True
                worker.wait(10_000)

    def refresh_turns(self) -> None:
        model = self.model
        colors = {s.id: s.color or "#888888" for s in model.speakers()}
        self.waveform.set_turns(model.turns(), colors)
