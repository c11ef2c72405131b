"""At the default window size every field and tab is wide enough to read (issue 17, point 8)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QTabBar

from editor.ui.main_window import MainWindow
from editor.ui.settings import Settings
from tests.conftest import PATIENCE_MS
from tests.ui.fakes import FakePlayer


def _default_window(tmp_path: Path, qtbot: object, project: Path) -> MainWindow:
    settings = Settings(QSettings(str(tmp_path / "fresh.ini"), QSettings.Format.IniFormat))
    window = MainWindow(FakePlayer(), settings)  # no saved geometry: the default size
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    window.show()
    assert window.open_project(project)
    qtbot.waitExposed(window, timeout=PATIENCE_MS)  # type: ignore[attr-defined]
    return window


def test_find_and_replace_fields_stay_wide_with_the_count_shown(
    tmp_path: Path, qtbot: object, demo_project: Path
) -> None:
    window = _default_window(tmp_path, qtbot, demo_project)
    bar = window.find_bar
    bar.open_bar(replace=True)
    bar.find_field.setText("people")
    bar.refresh()
    qtbot.waitUntil(lambda: "match" in bar.status.text(), timeout=PATIENCE_MS)  # type: ignore[attr-defined]
    wide = bar.fontMetrics().horizontalAdvance("M" * 18)
    assert bar.find_field.width() >= wide and bar.replacement.width() >= wide
    assert bar.status.text() == "6 matches"
    bar.find_field.setText("Hi, Al")
    bar.refresh()
    assert bar.status.text() == "1 match"


def test_side_panel_tabs_show_their_whole_names(
    tmp_path: Path, qtbot: object, demo_project: Path
) -> None:
    window = _default_window(tmp_path, qtbot, demo_project)
    bars = [b for b in window.findChildren(QTabBar) if b.isVisible() and b.count() >= 5]
    assert bars, "the side panels are tabbed together"
    for bar in bars:
        assert bar.elideMode() == Qt.TextElideMode.ElideNone  # narrower: scroll arrows instead
        for index in range(bar.count()):
            text = bar.tabText(index).replace("&", "")
            assert bar.tabRect(index).width() >= bar.fontMetrics().horizontalAdvance(text), text


def test_the_show_notes_title_field_gets_the_panels_width(
    tmp_path: Path, qtbot: object, demo_project: Path
) -> None:
    window = _default_window(tmp_path, qtbot, demo_project)
    window.notes_dock.raise_()
    panel = window.notes.notes_panel
    qtbot.waitUntil(panel.title.isVisible, timeout=PATIENCE_MS)  # type: ignore[attr-defined]
    assert panel.title.width() >= panel.width() * 0.6


def test_the_speakers_table_fills_its_panel(
    tmp_path: Path, qtbot: object, demo_project: Path
) -> None:
    window = _default_window(tmp_path, qtbot, demo_project)
    window.speakers_dock.raise_()
    table = window.speakers_panel.table
    qtbot.waitUntil(table.isVisible, timeout=PATIENCE_MS)  # type: ignore[attr-defined]
    header = table.horizontalHeader()

    def filled() -> bool:  # no empty band right of the columns, once the panel is laid out
        used = sum(header.sectionSize(c) for c in range(table.columnCount()))
        return used >= table.viewport().width() - 2

    qtbot.waitUntil(filled, timeout=PATIENCE_MS)  # type: ignore[attr-defined]
