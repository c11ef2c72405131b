"""Every item of File → Export, triggered from the menu as a person would, writes its file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QAction

from editor.core.formats import export_choices
from editor.core.model import Chapter, Clip
from editor.core.project.project_exports import PROJECT_EXPORTS
from editor.ui import file_commands
from editor.ui.main_window import MainWindow


def _export_actions(window: MainWindow) -> list[QAction]:
    file_menu = next(
        a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "File"
    )
    export = next(a.menu() for a in file_menu.actions() if a.text().replace("&", "") == "Export")
    return [a for a in export.actions() if not a.isSeparator()]


def test_every_export_menu_item_asks_for_a_file_and_writes_it(
    opened: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert opened.store is not None
    turn = opened.store.turns()[1]
    opened.store.clips.add(Clip(0, 2_000, 17_000, title="A clip", quote=turn.text[:60]))
    for start, title in ((0, "Welcome"), (55_609, "Mandate"), (120_962, "Trust")):
        opened.store.chapters.add(Chapter(0, start, title))  # YouTube needs three
    asked: list[tuple[str, str, str]] = []
    failures: list[str] = []

    def save_dialog(_parent: Any, caption: str, suggested: str, filter_: str) -> tuple[str, str]:
        asked.append((caption, suggested, filter_))
        return str(tmp_path / Path(suggested).name), filter_

    monkeypatch.setattr(file_commands.QFileDialog, "getSaveFileName", save_dialog)
    monkeypatch.setattr(file_commands, "_fail", lambda _w, _t, error: failures.append(str(error)))
    monkeypatch.setattr(file_commands, "show_warnings", lambda *_args: None)
    actions = _export_actions(opened)
    assert len(actions) == len(export_choices()) + len(PROJECT_EXPORTS)
    for action in actions:
        before = set(tmp_path.iterdir())
        action.trigger()
        written = set(tmp_path.iterdir()) - before
        assert not failures, (action.text(), failures)
        assert len(written) == 1, (action.text(), asked[-1:])
        (path,) = written
        assert path.stat().st_size > 0, action.text()
    suggested = [Path(s).name for _, s, _ in asked]
    assert len(set(suggested)) == len(suggested), suggested  # no export proposes another's name
    assert "demo-shownotes-html.html" in suggested and "demo-chapters.json" in suggested
    assert (tmp_path / "demo-youtube.txt").read_text(encoding="utf-8").startswith("00:00 Welcome")
