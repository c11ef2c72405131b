"""Starting the GUI: the composition root that builds settings, player and window.

Qt is imported here and below only, so the command line's batch commands start fast.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

from editor import APP_ID, APP_NAME, __version__
from editor.core.errors import EditorError
from editor.core.project.store import ProjectStore

SCREENSHOT_SIZE = (1280, 800)


def run(
    project: str | None = None,
    demo: bool = False,
    player: str | None = None,
    screenshot: str | None = None,
) -> int:
    from PySide6.QtCore import QCoreApplication  # noqa: PLC0415 - keep the CLI light
    from PySide6.QtGui import QIcon  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    from editor.demo import ensure_demo_project  # noqa: PLC0415
    from editor.media import BackendUnavailable, create_player  # noqa: PLC0415
    from editor.resources import resource  # noqa: PLC0415
    from editor.ui.main_window import MainWindow  # noqa: PLC0415
    from editor.ui.settings import Settings  # noqa: PLC0415

    QCoreApplication.setOrganizationName("transcript-editor")
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setDesktopFileName(APP_ID)
    icon = resource("icons", "transcript-editor.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    path = Path(ensure_demo_project()) if demo else Path(project) if project else None
    if screenshot is not None and path is not None:
        _check_project(path)  # a screenshot run reports a bad project on stderr, not a dialog
    settings = Settings()
    try:
        backend = create_player(player or settings.player_backend())
    except BackendUnavailable as error:
        raise EditorError(f"cannot use the {player} player: {error}") from error
    window = MainWindow(backend, settings)
    if path is not None:
        window.open_project(path)
    if screenshot is not None:
        return _screenshot(window, Path(screenshot))
    window.show()
    code = app.exec()
    if window.store is not None:  # the loop ended without the window closing (app.quit())
        window.close()  # its closeEvent saves, closes the project and releases the player
    _leave(code)
    return code  # not reached


def _leave(code: int) -> None:
    """End the process once the window has closed, without the interpreter's teardown.

    By now everything is saved: closing the window committed the open editor, closed the
    project (its lock released) and released the player. What is left is destroying Qt's
    objects as Python exits, which hung for a minute in about one of 25 journey runs (no Python
    frame on any stack; the accessibility bridge is suspected, not proven), leaving an invisible
    process behind. So the streams are flushed and the process ends here.
    """
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe: nothing more to say
            stream.flush()
    os._exit(code)


def _check_project(path: Path) -> None:
    ProjectStore.open(path, readonly=True).close()


def _screenshot(window: object, out: Path) -> int:
    """Render the window at a typical size with the playhead inside the third turn."""
    from PySide6.QtCore import QEventLoop, QTimer  # noqa: PLC0415

    from editor.ui.main_window import MainWindow  # noqa: PLC0415

    assert isinstance(window, MainWindow)
    window.resize(*SCREENSHOT_SIZE)
    window.show()
    if window.model.rowCount() > 2 and window.player.has_media:
        start = window.model.turn(2).start_ms
        if start is not None:
            window.player.seek(start + 1500)
            window.view.select_row(2)
    worker = window.timing.waveform_worker
    if worker is not None:
        worker.wait(15_000)  # the waveform, read in the background
    loop = QEventLoop()
    QTimer.singleShot(500, loop.quit)
    loop.exec()
    if not window.grab().save(str(out)):
        window.close()
        raise EditorError(f"{out}: cannot write the screenshot")
    window.close()
    return 0
