"""Timing in the window: stamping keys, estimates, alignment in a worker, the waveform."""

from __future__ import annotations

import shutil
import statistics
from pathlib import Path

from PySide6.QtCore import QPoint, Qt

from editor.core.formats import read_transcript
from editor.core.model import ALIGNED, CONFIRMED, ESTIMATED
from editor.core.project.create import create_project
from editor.core.waveform import load_cached
from editor.ui.main_window import MainWindow
from tests.conftest import PATIENCE_MS, SAMPLE10_MP3, SAMPLE10_TRANSCRIPT
from tests.core.test_alignment import _espeak  # noqa: F401 - skips without eSpeak NG
from tests.ui.fakes import FakePlayer


def open_untimed(window: MainWindow, tmp_path: Path, qtbot: object | None = None) -> MainWindow:
    media = tmp_path / "sample10.mp3"
    shutil.copy(SAMPLE10_MP3, media)
    path = tmp_path / "untimed.tep"
    create_project(path, media=media, transcript=read_transcript(SAMPLE10_TRANSCRIPT))
    assert window.open_project(path)
    if qtbot is not None:
        window.activateWindow()
        qtbot.waitExposed(window, timeout=PATIENCE_MS)  # type: ignore[attr-defined]
        qtbot.waitUntil(window.isActiveWindow, timeout=PATIENCE_MS)  # type: ignore[attr-defined]
    return window


def test_f9_stamps_the_start_and_moves_on(
    window: MainWindow, tmp_path: Path, fake_player: FakePlayer, qtbot: object
) -> None:
    open_untimed(window, tmp_path, qtbot)
    window.view.select_row(0)
    window.view.setFocus()
    window.player.seek(0)
    qtbot.keyClick(window.view, Qt.Key.Key_F9)  # type: ignore[attr-defined]
    window.player.seek(16_990)
    qtbot.keyClick(window.view, Qt.Key.Key_F9)  # type: ignore[attr-defined]
    first, second = window.model.turn(0), window.model.turn(1)
    assert (first.start_ms, first.end_ms, second.start_ms) == (0, 16_990, 16_990)
    assert second.timing == CONFIRMED and window.view.current_row() == 2
    window.view.select_row(1)
    qtbot.keyClick(window.view, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)  # type: ignore[attr-defined]
    assert window.model.turn(1).start_ms == 16_890
    window.edits.runner.stack.undo()
    assert window.model.turn(1).start_ms == 16_990


def test_estimates_are_shown_as_estimates(window: MainWindow, tmp_path: Path) -> None:
    open_untimed(window, tmp_path)
    window.player.seek(0)
    window.view.select_row(0)
    window.timing.stamp()
    window.action("estimate").trigger()
    timings = [window.model.turn(r).timing for r in range(10)]
    assert timings[0] == CONFIRMED and set(timings[1:]) == {ESTIMATED}
    window.view.select_row(3)
    window.action("confirm").trigger()
    assert window.model.turn(3).timing == CONFIRMED


def test_alignment_runs_in_a_worker_and_is_one_undo_step(
    window: MainWindow, tmp_path: Path, qtbot: object
) -> None:
    import json

    from tests.conftest import SAMPLE10_TRUTH

    open_untimed(window, tmp_path)
    worker = window.timing.align(show_progress=False)
    assert worker is not None
    # Polled, not a waitSignal begun after start(): a worker may finish before that connects.
    # Alignment is the longest worker: minutes on a slow machine are not a hang.
    qtbot.waitUntil(worker.isFinished, timeout=5 * PATIENCE_MS)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: window.model.turn(0).timing == ALIGNED, timeout=PATIENCE_MS)  # type: ignore[attr-defined]
    truth = json.loads(SAMPLE10_TRUTH.read_text())["turns"]
    errors = [
        abs((window.model.turn(r).start_ms or 0) / 1000 - truth[r]["start"]) for r in range(10)
    ]
    assert statistics.median(errors) < 0.3
    assert "Aligned 10 turns" in window.statusBar().currentMessage()
    window.edits.runner.stack.undo()
    assert all(window.model.turn(r).start_ms is None for r in range(10))


def test_waveform_is_computed_once_and_kept(
    window: MainWindow, demo_project: Path, qtbot: object
) -> None:
    window.open_project(demo_project)
    worker = window.timing.waveform_worker
    assert worker is not None
    qtbot.waitUntil(lambda: window.timing.waveform.peaks is not None, timeout=PATIENCE_MS)  # type: ignore[attr-defined]
    assert window.store is not None and load_cached(window.store) is not None
    peaks = window.timing.waveform.peaks
    assert peaks is not None and abs(len(peaks) - 16_888) < 170 and peaks.max() == 1.0
    window.timing.waveform_worker = None
    window.close_project()
    window.open_project(demo_project)
    assert window.timing.waveform_worker is None  # read from the project, not decoded again
    assert window.timing.waveform.peaks is not None


def test_waveform_click_seeks_and_drag_retimes(
    opened: MainWindow, fake_player: FakePlayer, qtbot: object
) -> None:
    view = opened.timing.waveform
    view.resize(1000, 80)
    opened.player.seek(40_000)
    x = round(view.x_of(45_000))
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=QPoint(x, 40))  # type: ignore[attr-defined]
    assert abs(fake_player.seeks[-1] - 45_000) < 100
    turn = opened.model.turn(4)  # starts at 42.5 s
    assert turn.start_ms is not None
    opened.player.seek(40_000)
    start_x = round(view.x_of(turn.start_ms))
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=QPoint(start_x, 40))  # type: ignore[attr-defined]
    qtbot.mouseMove(view, QPoint(start_x + 30, 40))  # type: ignore[attr-defined]
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=QPoint(start_x + 30, 40))  # type: ignore[attr-defined]
    moved = opened.model.turn(4).start_ms
    assert moved is not None and 500 < moved - turn.start_ms < 1500
    opened.edits.runner.stack.undo()
    assert opened.model.turn(4).start_ms == turn.start_ms
