"""Dropping files, importing with warnings, exporting, remembered settings, the screenshot."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QImage

from editor.ui import file_commands
from editor.ui.main_window import MainWindow
from editor.ui.settings import Settings
from tests.conftest import EPISODE_TRANSCRIPT, SAMPLE10_MP3
from tests.formats.conftest import CORPUS
from tests.ui.fakes import FakePlayer


@pytest.fixture
def shown_warnings(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, ...]]:
    seen: list[tuple[str, ...]] = []
    monkeypatch.setattr(
        file_commands, "show_warnings", lambda _w, _t, _s, warnings: seen.append(warnings)
    )
    return seen


def _drop(window: MainWindow, path: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)


def test_dropping_a_transcript_starts_a_project_beside_it(
    window: MainWindow, tmp_path: Path, shown_warnings: list[tuple[str, ...]]
) -> None:
    transcript = tmp_path / "episode.txt"
    shutil.copy(EPISODE_TRANSCRIPT, transcript)
    _drop(window, transcript)
    assert window.store is not None
    assert window.store.path == tmp_path / "episode.tep"
    assert window.model.rowCount() == 50
    assert shown_warnings == []


def test_dropping_media_then_a_project(
    window: MainWindow, demo_project: Path, tmp_path: Path, fake_player: FakePlayer
) -> None:
    media = tmp_path / "other.mp3"
    shutil.copy(SAMPLE10_MP3, media)
    _drop(window, media)
    assert window.store is not None and window.store.path.name == "other.tep"
    assert fake_player.loaded == media.resolve() or fake_player.loaded == media
    _drop(window, demo_project)
    assert window.store.path == demo_project
    assert window.model.rowCount() == 10


def test_import_appends_and_shows_the_files_warnings(
    opened: MainWindow, shown_warnings: list[tuple[str, ...]]
) -> None:
    file_commands.take_transcript(opened, CORPUS / "otter.txt", replace=False)
    assert opened.model.rowCount() == 13
    assert len(shown_warnings) == 1 and "footer" in shown_warnings[0][0]
    file_commands.take_transcript(opened, CORPUS / "voices.vtt", replace=True)
    assert opened.model.rowCount() == 4


def test_a_bad_transcript_is_refused_with_a_message(
    opened: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    messages: list[str] = []
    monkeypatch.setattr(file_commands, "_fail", lambda _w, _t, error: messages.append(str(error)))
    empty = tmp_path / "empty.srt"
    empty.write_bytes(b"")
    file_commands.take_transcript(opened, empty, replace=False)
    assert messages == [f"{empty}: the file is empty"]
    assert opened.model.rowCount() == 10


def test_export_writes_the_file(opened: MainWindow, tmp_path: Path) -> None:
    out = tmp_path / "demo.vtt"
    file_commands.export_to(opened, "vtt", out)
    assert out.read_text(encoding="utf-8").startswith("WEBVTT")
    assert out.read_text(encoding="utf-8").count("<v ") > 10


def test_open_failure_keeps_the_current_project(
    opened: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    bogus = tmp_path / "bogus.tep"
    bogus.write_text("not a project", encoding="utf-8")
    assert not opened.open_project(bogus)
    assert "not a Transcript Editor project" in shown[0]
    assert opened.model.rowCount() == 10


def test_geometry_recent_files_and_rate_are_remembered(
    qtbot: object, demo_project: Path, settings: Settings
) -> None:
    first = MainWindow(FakePlayer(), settings)
    qtbot.addWidget(first)  # type: ignore[attr-defined]
    first.open_project(demo_project)
    first.resize(1000, 700)
    first.show()
    size = (first.width(), first.height())
    first.splitter.setSizes([200, 300])
    sizes = first.splitter.sizes()
    first.player.set_rate(1.3)
    first.close()
    second = MainWindow(FakePlayer(), settings)
    qtbot.addWidget(second)  # type: ignore[attr-defined]
    assert (second.width(), second.height()) == size
    second.show()
    assert second.splitter.sizes() == sizes
    assert settings.recent_files()[0] == str(demo_project.resolve())
    second.open_project(demo_project)
    assert second.player.rate() == 1.3
    second.close()


def test_screenshot_command_renders_the_demo(tmp_path: Path) -> None:
    out = tmp_path / "window.png"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    result = subprocess.run(
        [sys.executable, "-m", "editor", "--demo", "--screenshot", str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 800)


def test_screenshot_of_a_bad_project_exits_2(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.tep"
    bogus.write_text("nope", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "editor", str(bogus), "--screenshot", str(tmp_path / "x.png")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 2
    assert "not a Transcript Editor project" in result.stderr


def test_the_import_dialog_offers_every_extension_an_importer_reads() -> None:
    from editor.core.formats import get_format, import_formats
    from editor.ui.dialogs import TRANSCRIPT_FILTER

    for name in import_formats():
        for extension in get_format(name).extensions:
            assert f"*{extension}" in TRANSCRIPT_FILTER, (name, extension)
