"""File → Publish… in the real window (offscreen): how long the window's thread is held.

Publishes a generated project while a 10 ms timer ticks in the window's event loop and prints
how long ``publish_to`` held the thread, how long the publication took, and the gaps between
ticks (median and longest: a window that stutters shows long gaps). Run on its own:
``python -m bench.publish_window 12000``.
"""

from __future__ import annotations

import itertools
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(turns: int = 12_000) -> None:
    from PySide6.QtCore import QEventLoop, QSettings, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from bench.generate import project_file
    from editor.ui import publishing
    from editor.ui.main_window import MainWindow
    from editor.ui.settings import Settings
    from tests.ui.fakes import FakePlayer

    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory(prefix="bench-publish-window-") as folder:
        project = project_file(folder, turns)
        settings = Settings(QSettings(str(Path(folder) / "s.ini"), QSettings.Format.IniFormat))
        window = MainWindow(FakePlayer(), settings)
        window.show()
        assert window.open_project(project)
        loop = QEventLoop()
        finished: list[float] = []

        def done(*_args: object) -> None:
            finished.append(time.perf_counter())
            loop.quit()

        publishing.show_warnings = done  # type: ignore[assignment]  # no box to close
        ticks: list[float] = []
        timer = QTimer()
        timer.setTimerType(Qt.TimerType.PreciseTimer)
        timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
        timer.start(10)
        started = time.perf_counter()
        window.publisher.publish_to(Path(folder) / "out", "https://cdn.example.com/ep")
        returned = time.perf_counter()
        loop.exec()
        timer.stop()
        marks = [started, *ticks, finished[0]]
        gaps = [(b - a) * 1000 for a, b in itertools.pairwise(marks)]
        tag = f"[{turns} turns]"
        print(
            f"{tag} window publish: the window's thread held {(returned - started) * 1000:.0f} ms"
        )
        print(f"{tag} window publish: done after {(finished[0] - started) * 1000:.0f} ms")
        print(
            f"{tag} window publish, gaps between 10 ms ticks meanwhile: median "
            f"{statistics.median(gaps):.0f} ms, longest {max(gaps):.0f} ms"
        )
        window.close()
    del app


if __name__ == "__main__":  # the publication's process is spawned: it must not run this again
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 12_000)
