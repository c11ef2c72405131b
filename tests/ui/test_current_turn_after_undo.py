"""The current-turn bar follows the turn times: undoing an alignment leaves no turn marked."""

from __future__ import annotations

from pathlib import Path

from editor.core import ops
from editor.ui.main_window import MainWindow


def test_undoing_the_times_unmarks_the_current_turn(window: MainWindow, project_path: Path) -> None:
    assert window.open_project(project_path)  # 50 turns without times
    window.follow.on_position(30_000)
    assert window.model.current_row() is None
    assert window.edits.run(ops.estimate_missing_times) is not None  # as an alignment would
    window.follow.on_position(30_000)
    marked = window.model.current_row()
    assert marked is not None
    window.edits.runner.stack.undo()
    assert window.model.current_row() is None  # no turn has a time any more
    window.edits.runner.stack.redo()
    assert window.model.current_row() == marked  # the same playhead, the same turn again
