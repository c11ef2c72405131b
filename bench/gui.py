"""Opening and scrolling a long episode in the real window (offscreen).

Prints: time to open a 12,000-turn project to an interactive window (after Qt is imported),
resident memory, and frames painted per second while scrolling the turn list.
"""

from __future__ import annotations

import os
import resource
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def make_project(folder: Path, turns: int) -> Path:
    from bench.generate import long_transcript
    from editor.core.project.create import create_project

    path = folder / f"bench-{turns}.tep"
    if not path.exists():
        create_project(path, transcript=long_transcript(turns))
    return path


def main(turns: int = 12_000) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from editor.ui.main_window import MainWindow
    from editor.ui.settings import Settings
    from tests.ui.fakes import FakePlayer

    folder = Path(tempfile.mkdtemp(prefix="bench-gui-"))
    project = make_project(folder, turns)
    settings = Settings(QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat))
    started = time.perf_counter()
    window = MainWindow(FakePlayer(), settings)
    window.resize(1280, 800)
    window.open_project(project)
    window.show()
    app.processEvents()
    window.view.viewport().repaint()
    opened = (time.perf_counter() - started) * 1000
    print(f"open {turns} turns to interactive window: {opened:.0f} ms")
    print(f"peak RSS: {rss_mb():.0f} MB")
    bar = window.view.verticalScrollBar()
    frames, began = 0, time.perf_counter()
    while time.perf_counter() - began < 2.0:
        bar.setValue(bar.value() + 300 if bar.value() < bar.maximum() - 300 else 0)
        window.view.viewport().repaint()
        frames += 1
    print(f"scroll paint: {frames / (time.perf_counter() - began):.0f} frames/s")
    window.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 12_000)
