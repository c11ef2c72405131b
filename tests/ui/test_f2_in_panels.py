"""F2 edits what has the focus: a clip's cell in the Clips panel, the turn in the turn list."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from editor.core.model import Clip
from editor.ui.main_window import MainWindow
from tests.conftest import PATIENCE_MS
from tests.ui.test_editing import key, on_disk, type_text


def test_f2_in_the_clips_panel_edits_the_clip_not_the_transcript(
    opened: MainWindow, demo_project: Path, qtbot: object
) -> None:
    assert opened.store is not None
    opened.store.clips.add(Clip(0, 2_000, 17_000, title="Old title"))
    opened.notes.reload()
    original = on_disk(demo_project)
    opened.view.select_row(2)
    opened.clips_dock.raise_()
    table = opened.notes.clips_panel.table
    title_column = next(
        c for c in range(table.columnCount()) if table.horizontalHeaderItem(c).text() == "Title"
    )
    table.setFocus()
    table.setCurrentCell(0, title_column)
    key(qtbot, code=Qt.Key.Key_F2)
    assert opened.view.open_text_editor() is None
    field = QApplication.focusWidget()
    assert isinstance(field, QLineEdit) and table.isAncestorOf(field)
    field.selectAll()
    type_text(qtbot, "New title")
    key(qtbot, code=Qt.Key.Key_Return)  # the table commits on its next event loop round
    store = opened.store
    titled = ["New title"]
    qtbot.waitUntil(lambda: [c.title for c in store.clips.all()] == titled, timeout=PATIENCE_MS)  # type: ignore[attr-defined]
    assert on_disk(demo_project) == original  # the transcript is untouched


def test_f2_in_the_turn_list_still_edits_the_turn(opened: MainWindow, qtbot: object) -> None:
    opened.view.select_row(1)
    opened.view.setFocus()
    key(qtbot, code=Qt.Key.Key_F2)
    assert opened.view.open_text_editor() is not None
