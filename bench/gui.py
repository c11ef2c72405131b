"""Opening and scrolling a long episode in the real window (offscreen).

Prints: time to open a 12,000-turn project to an interactive window (after Qt is imported),
resident memory, and frames painted per second while scrolling the turn list.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def memory_mb() -> tuple[float, float]:
    """(resident now, peak resident) of this process, from /proc (Linux)."""
    fields = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines())
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def make_project_elsewhere(folder: Path, turns: int) -> Path:
    """Generate the project in a child process, so its making is not in our memory figures."""
    code = (
        "import sys; from bench.generate import project_file as p; p(sys.argv[1], int(sys.argv[2]))"
    )
    subprocess.run([sys.executable, "-c", code, str(folder), str(turns)], check=True)
    return folder / f"bench-{turns}.tep"


def main(turns: int = 12_000) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from editor.ui.main_window import MainWindow
    from editor.ui.settings import Settings
    from tests.ui.fakes import FakePlayer

    folder = Path(tempfile.mkdtemp(prefix="bench-gui-"))
    project = make_project_elsewhere(folder, turns)
    settings = Settings(QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat))
    started = time.perf_counter()
    window = MainWindow(FakePlayer(), settings)
    window.resize(1280, 800)
    window.open_project(project)
    window.show()
    app.processEvents()
    window.view.viewport().repaint()
    opened = (time.perf_counter() - started) * 1000
    print(f"[{turns} turns] open to an interactive window: {opened:.0f} ms")
    now, peak = memory_mb()
    print(f"[{turns} turns] memory with it open: {now:.0f} MB resident, {peak:.0f} MB peak")
    follow_step(window, turns)
    word_follow_step(window, turns)
    edit_in_window(window, turns)
    bar = window.view.verticalScrollBar()
    frames, began = 0, time.perf_counter()
    while time.perf_counter() - began < 2.0:
        bar.setValue(bar.value() + 300 if bar.value() < bar.maximum() - 300 else 0)
        window.view.viewport().repaint()
        frames += 1
    rate = frames / (time.perf_counter() - began)
    print(f"[{turns} turns] scroll paint: {rate:.0f} frames/s")
    window.close()


def follow_step(window: Any, turns: int) -> None:
    """Playback moving from turn to turn: the window's whole step, lookup to scrolled view."""
    from PySide6.QtWidgets import QApplication

    model = window.model
    rows = range(0, model.rowCount(), max(1, model.rowCount() // 300))
    positions = [model.turn(r).start_ms + 10 for r in rows if model.turn(r).start_ms is not None]
    timings = []
    for position in positions:
        started = time.perf_counter()
        window.follow.on_position(position)
        QApplication.processEvents()
        timings.append((time.perf_counter() - started) * 1000)
    same = []
    for position in positions[:100]:  # the common tick: still inside the same turn
        window.follow.on_position(position)
        started = time.perf_counter()
        window.follow.on_position(position + 5)
        same.append((time.perf_counter() - started) * 1000)
    print(
        f"[{turns} turns] follow step to a new turn (lookup, select, scroll, paint): "
        f"median {statistics.median(timings):.2f} ms, max {max(timings):.2f} ms; "
        f"within a turn {statistics.median(same) * 1000:.0f} µs"
    )


def word_follow_step(window: Any, turns: int) -> None:
    """The word under the playhead: a tick every 40 ms through 300 stretches of two seconds."""
    model, words = window.model, window.words
    starts = [model.turn(r).start_ms or 0 for r in range(0, model.rowCount(), turns // 300 or 1)]
    ticks = []
    for start in starts:
        for step in range(0, 2000, 40):
            began = time.perf_counter()
            words.on_position(start + step)
            ticks.append((time.perf_counter() - began) * 1000)
    print(
        f"[{turns} turns] word under the playhead (lookup, repaint of its row if it changed): "
        f"median {statistics.median(ticks) * 1000:.0f} µs, max {max(ticks):.2f} ms"
    )


def edit_in_window(window: Any, turns: int) -> None:
    """An edit committed from the editor: saved with its history step, applied to the model."""
    model = window.model
    timings = []
    for number in range(200):
        turn = model.turn((number * 53) % model.rowCount())
        started = time.perf_counter()
        window.edits.commit_text(turn.id, f"{turn.text} w{number}")
        timings.append((time.perf_counter() - started) * 1000)
    p99 = sorted(timings)[round(len(timings) * 0.99) - 1]
    print(
        f"[{turns} turns] edit from the window (save with its history step, model): "
        f"p50 {statistics.median(timings):.2f} ms, p99 {p99:.2f} ms"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 12_000)
