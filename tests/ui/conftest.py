"""GUI fixtures: a demo project with real times and media, and a window on a fake player."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QSettings

from editor.core.project.create import create_project
from editor.demo import demo_transcript
from editor.ui.main_window import MainWindow
from editor.ui.settings import Settings
from tests.conftest import PATIENCE_MS, SAMPLE10_MP3, SAMPLE10_TRUTH
from tests.ui.bare import Parts, bare_parts
from tests.ui.fakes import FakePlayer


@pytest.fixture
def truth() -> list[dict[str, float]]:
    return json.loads(SAMPLE10_TRUTH.read_text(encoding="utf-8"))["turns"]


@pytest.fixture
def demo_project(tmp_path: Path) -> Path:
    media = tmp_path / "sample10.mp3"
    shutil.copy(SAMPLE10_MP3, media)
    path = tmp_path / "demo.tep"
    create_project(path, title="Demo", media=media, transcript=demo_transcript())
    return path


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def fake_player() -> FakePlayer:
    return FakePlayer()


@pytest.fixture
def window(qtbot: object, fake_player: FakePlayer, settings: Settings) -> Iterator[MainWindow]:
    main = MainWindow(fake_player, settings)
    qtbot.addWidget(main)  # type: ignore[attr-defined]
    main.resize(1000, 700)
    main.show()
    yield main
    main.close_project()


@pytest.fixture
def opened(window: MainWindow, demo_project: Path, qtbot: object) -> MainWindow:
    assert window.open_project(demo_project)
    qtbot.waitExposed(window, timeout=PATIENCE_MS)  # type: ignore[attr-defined]
    return window


@pytest.fixture
def bare(qtbot: object) -> Iterator[Parts]:
    """The window's parts without the window (``tests.ui.bare``)."""
    parts = bare_parts()
    yield parts
    # Deleted while the parts are still referenced here, as the window's are by the window.
    shiboken6.delete(parts.parts.parent)
