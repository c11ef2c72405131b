"""File → Publish… in the window: a folder chosen (the dialog stubbed), the base URL asked, the
files written by a worker thread while the window stays live, then a summary of what was
written; refusals are told, and closing the project lets a publication finish."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer

from editor.core.model import Chapter, Clip
from editor.core.project.store import ProjectStore
from editor.ui import publishing
from editor.ui.main_window import MainWindow
from tests.conftest import PATIENCE_S
from tests.core.podcast_rules import validate_item
from tests.core.test_publish import ALL_FILES as FILES

BASE = "https://cdn.example.com/show/ep5"


@pytest.fixture
def summaries(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, tuple[str, ...]]]:
    shown: list[tuple[str, str, tuple[str, ...]]] = []
    monkeypatch.setattr(
        publishing,
        "show_warnings",
        lambda _parent, title, text, notes: shown.append((title, text, notes)),
    )
    return shown


@pytest.fixture
def refusals(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    told: list[str] = []
    monkeypatch.setattr(
        publishing.QMessageBox, "warning", lambda _parent, _title, text: told.append(text)
    )
    return told


@pytest.fixture
def episode(opened: MainWindow) -> MainWindow:
    store = opened.store
    assert store is not None
    for start, title in ((0, "Welcome"), (55_609, "Mandate"), (120_962, "Trust")):
        store.chapters.add(Chapter(0, start, title))
    store.clips.add(Clip(0, 55_609, 78_720, "Floored on the panel", "I was actually"))
    return opened


@pytest.fixture
def chosen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, list[str]]:
    """The folder the stubbed chooser answers, and the captions it was asked with."""
    out = tmp_path / "published"
    asked: list[str] = []

    def folder(_parent: Any, caption: str, _start: str) -> str:
        asked.append(caption)
        return str(out)

    monkeypatch.setattr(publishing.QFileDialog, "getExistingDirectory", folder)
    monkeypatch.setattr(
        publishing.QInputDialog, "getText", lambda *_args, **_kw: (f" {BASE} ", True)
    )
    return out, asked


def test_publish_from_the_menu_writes_every_file_and_shows_what_was_written(
    episode: MainWindow,
    chosen: tuple[Path, list[str]],
    qtbot: Any,
    summaries: list[tuple[str, str, tuple[str, ...]]],
    refusals: list[str],
) -> None:
    out, asked = chosen
    episode.action("publish").trigger()
    qtbot.waitUntil(lambda: bool(summaries))
    assert asked == ["Publish to Folder"] and refusals == []
    title, text, notes = summaries[0]
    assert title == "Published"
    assert text.splitlines()[0] == f"Published 11 files to {out}:"
    assert {p.name for p in out.iterdir()} == FILES
    assert all((out / name).stat().st_size > 0 for name in FILES)
    item = (out / "rss-item.xml").read_text(encoding="utf-8")
    assert validate_item(item, absolute_urls=True).errors == []
    assert f'url="{BASE}/transcript.vtt"' in item
    assert not any("names alone" in note for note in notes)
    assert episode.statusBar().currentMessage() == "Published 11 files to published."
    assert episode.settings.publish_base_url() == BASE  # offered next time


def test_the_work_is_handed_to_another_process_while_the_window_stays_live(
    episode: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    qtbot: Any,
    summaries: list[tuple[str, str, tuple[str, ...]]],
) -> None:
    window_ran = threading.Event()
    handed: list[tuple[int, Any]] = []

    def elsewhere(job: Any, *args: Any) -> Any:
        handed.append((threading.get_ident(), job))
        # the window's event loop must run while the work is away: a frozen one never sets it
        assert window_ran.wait(PATIENCE_S)
        return job(*args)

    monkeypatch.setattr(publishing, "run_elsewhere", elsewhere)
    worker = episode.publisher.publish_to(tmp_path / "out", BASE)
    assert worker is not None
    assert episode.publisher.publish_to(tmp_path / "again", BASE) is None  # one at a time
    assert "still being written" in episode.statusBar().currentMessage()
    QTimer.singleShot(0, window_ran.set)
    qtbot.waitUntil(lambda: bool(summaries))
    assert handed[0][0] != threading.get_ident()  # asked from the worker thread
    assert handed[0][1] is publishing.publish_project
    assert (tmp_path / "out" / "rss-item.xml").exists()


def test_the_turn_being_typed_is_published(
    episode: MainWindow, tmp_path: Path, qtbot: Any, summaries: list[Any]
) -> None:
    episode.view.select_row(0)
    episode.edit_current_text()
    editor = episode.view.open_text_editor()
    assert editor is not None
    editor.setPlainText("Typed just before publishing.")
    episode.publisher.publish_to(tmp_path / "out")
    qtbot.waitUntil(lambda: bool(summaries))
    assert "Typed just before publishing." in (tmp_path / "out" / "transcript.vtt").read_text()
    assert any("names alone" in note for note in summaries[0][2])


def test_a_project_under_an_exclusive_lock_is_read_first_then_written_in_the_worker(
    episode: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    qtbot: Any,
    summaries: list[Any],
) -> None:
    monkeypatch.setattr(ProjectStore, "uses_wal", property(lambda _self: False))
    monkeypatch.setattr(publishing, "publish_project", None)  # not this path
    assert episode.publisher.publish_to(tmp_path / "out", BASE) is not None
    qtbot.waitUntil(lambda: bool(summaries))
    assert {p.name for p in (tmp_path / "out").iterdir()} == FILES


def test_refusals_are_told_and_nothing_is_written(
    episode: MainWindow, tmp_path: Path, qtbot: Any, refusals: list[str], summaries: list[Any]
) -> None:
    assert episode.publisher.publish_to(tmp_path / "out", "http://cdn.example.com") is None
    assert "the podcast namespace requires https" in refusals[0]
    assert not (tmp_path / "out").exists()
    (tmp_path / "out" / "chapters.json").mkdir(parents=True)
    assert episode.publisher.publish_to(tmp_path / "out", BASE) is not None
    qtbot.waitUntil(lambda: len(refusals) == 2)
    assert "chapters.json: a folder has this name; nothing was written" in refusals[1]
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["chapters.json"]
    assert episode.statusBar().currentMessage() == "Nothing was published."
    assert summaries == []


def test_closing_the_project_lets_a_publication_finish(
    episode: MainWindow, tmp_path: Path, summaries: list[Any]
) -> None:
    assert episode.publisher.publish_to(tmp_path / "out", BASE) is not None
    episode.close_project()
    assert {p.name for p in (tmp_path / "out").iterdir()} == FILES
