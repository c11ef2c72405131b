"""Ctrl++ and Ctrl+- keep the turn at the top of the list where it was (issue 17, point 8)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint

from editor.core.project.create import create_project
from editor.ui.main_window import MainWindow


def _top_row(window: MainWindow) -> int:
    return window.view.indexAt(QPoint(4, 4)).row()


def test_zooming_in_and_out_keeps_the_top_turn(window: MainWindow, tmp_path: Path) -> None:
    from bench.generate import long_transcript

    project = tmp_path / "two-hundred.tep"
    create_project(project, title="Long", transcript=long_transcript(200))
    assert window.open_project(project)
    view = window.view
    view.ensure_laid_out(120)
    view.scrollTo(window.model.index(120, 0), view.ScrollHint.PositionAtTop)
    assert _top_row(window) == 120
    size = view.font().pointSizeF()
    window.zoom(1)
    window.zoom(1)
    assert view.font().pointSizeF() == size + 2
    assert _top_row(window) == 120
    window.zoom(-1)
    assert _top_row(window) == 120
    window.zoom(0)
    assert _top_row(window) == 120
