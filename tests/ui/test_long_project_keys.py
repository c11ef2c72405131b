"""A 12,000-turn episode: End, then F2 opens the last turn's editor; the keys keep working."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from editor.core.project.create import create_project
from editor.ui.main_window import MainWindow
from tests.conftest import PATIENCE_MS
from tests.ui.test_editing import key


@pytest.fixture(scope="module")
def long_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from bench.generate import long_transcript

    path = tmp_path_factory.mktemp("long") / "long.tep"
    create_project(path, title="Long", transcript=long_transcript(12_000))
    return path


@pytest.mark.parametrize("when", ["at once", "after the layout"])
def test_end_then_f2_edits_the_last_turn_and_navigation_keeps_working(
    window: MainWindow, long_project: Path, qtbot: object, when: str
) -> None:
    assert window.open_project(long_project)
    qtbot.waitExposed(window, timeout=PATIENCE_MS)  # type: ignore[attr-defined]
    if when == "after the layout":  # the batched layout has reached the last turn by itself
        last_index = window.model.index(window.model.rowCount() - 1, 0)
        qtbot.waitUntil(  # type: ignore[attr-defined]
            lambda: window.view.visualRect(last_index).isValid(), timeout=PATIENCE_MS
        )
    window.view.setFocus()
    key(qtbot, code=Qt.Key.Key_End)
    last = window.model.rowCount() - 1
    assert window.view.current_row() == last
    key(qtbot, code=Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: window.view.open_text_editor() is not None, timeout=PATIENCE_MS)  # type: ignore[attr-defined]
    box = window.view.open_text_editor()
    assert box is not None and box.turn_id == window.model.turn(last).id
    assert window.view.viewport().rect().intersects(box.geometry())  # it is on screen
    key(qtbot, Qt.KeyboardModifier.ShiftModifier, code=Qt.Key.Key_Return)  # grows: a relayout
    qtbot.wait(100)  # type: ignore[attr-defined]  # let a delayed relayout run
    assert box.isVisible() and box.hasFocus()
    assert window.view.viewport().rect().intersects(box.geometry())
    key(qtbot, code=Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.view.open_text_editor() is None, timeout=PATIENCE_MS)  # type: ignore[attr-defined]
    key(qtbot, code=Qt.Key.Key_Up)
    assert window.view.current_row() == last - 1
    key(qtbot, code=Qt.Key.Key_Home)
    assert window.view.current_row() == 0
    key(qtbot, code=Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: window.view.open_text_editor() is not None, timeout=PATIENCE_MS)  # type: ignore[attr-defined]
