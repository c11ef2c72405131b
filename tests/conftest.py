"""Shared fixtures. GUI tests run offscreen; nothing touches the user's real settings."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Fuzzing: a quick profile for every run, a long one for the nightly job (HYPOTHESIS_PROFILE=nightly
# runs over 100,000 generated inputs across the importers). No example database: runs are pure.
for _name, _examples in (("ci", 300), ("nightly", 8000), ("dev", 50)):
    settings.register_profile(
        _name,
        max_examples=_examples,
        deadline=None,
        database=None,
        print_blob=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# Offscreen, on a 1920x1080 virtual screen (the plugin's default is 800x600, smaller than the
# window's minimum size, which would make geometry tests measure the screen instead).
_SCREEN = os.path.join(tempfile.gettempdir(), "transcript-editor-offscreen.json")
with open(_SCREEN, "w", encoding="utf-8") as _config:
    json.dump(
        {
            "screens": [
                {
                    "name": "Test",
                    "x": 0,
                    "y": 0,
                    "width": 1920,
                    "height": 1080,
                    "logicalDpi": 96,
                    "logicalBaseDpi": 96,
                    "dpr": 1,
                }
            ]
        },
        _config,
    )
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_SCREEN}"
os.environ.setdefault("TRANSCRIPT_EDITOR_AUDIO", "dummy")
# Settings, recent files and the demo project go to a throwaway home, never the user's.
_HOME = tempfile.mkdtemp(prefix="transcript-editor-tests-")
for _name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[_name] = os.path.join(_HOME, _name.lower())

DATA = Path(__file__).parent / "data"
RESOURCES = Path(__file__).parent.parent / "resources"
EPISODE_TRANSCRIPT = DATA / "episode-transcript.txt"
SAMPLE10_TRANSCRIPT = DATA / "sample10-transcript.txt"
SAMPLE10_MP3 = RESOURCES / "demo" / "sample10.mp3"
SAMPLE10_OGG = RESOURCES / "demo" / "sample10.ogg"
SAMPLE10_TRUTH = DATA / "sample10-truth.json"


# How long a test waits for something it needs (a window, a worker, a file, a process): long
# enough that only a hung run fails, never a slow or loaded machine. Tests wait for the event,
# not for a fixed time, so a quick machine still runs them quickly.
PATIENCE_S = 60
PATIENCE_MS = PATIENCE_S * 1000
QT_WAITS = ("waitActive", "waitExposed", "waitSignal", "waitSignals", "waitUntil", "waitCallback")


def _patient_qt_waits() -> None:
    """pytest-qt gives up after 5 s unless told otherwise, which a busy machine can miss: a wait
    that names no timeout of its own gets ``PATIENCE_MS`` (tests/test_waits.py checks it)."""
    from pytestqt.qtbot import QtBot

    for name in QT_WAITS:
        defaults = getattr(QtBot, name).__kwdefaults__
        if defaults is not None and "timeout" in defaults:
            defaults["timeout"] = PATIENCE_MS


_patient_qt_waits()

# pytest-timeout's 10 minutes a test (pyproject.toml) are far beyond any ordinary test; the long
# reliability runs take several minutes on a loaded machine (the crash harness over 10), so a
# test marked slow gets an hour before it counts as hung.
SLOW_TIMEOUT_S = 3600


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.get_closest_marker("slow") and not item.get_closest_marker("timeout"):
            item.add_marker(pytest.mark.timeout(SLOW_TIMEOUT_S))


def in_ci() -> bool:
    """In CI a missing libVLC is a failure; on a laptop it is a skip."""
    return bool(os.environ.get("CI"))


def require_tool(name: str) -> str:
    """The path of a command-line tool a test needs: skip without it, but fail in CI, which
    installs every one (scripts/bootstrap.sh)."""
    path = shutil.which(name)
    if path is None:
        if in_ci():
            pytest.fail(f"{name} is missing: scripts/bootstrap.sh installs it")
        pytest.skip(f"{name} is not installed")
    return path


@pytest.fixture
def data_dir() -> Path:
    return DATA


@pytest.fixture
def project_path(tmp_path: Path) -> Path:
    """A project made from the full episode transcript (50 turns, 2 speakers)."""
    from editor.core.formats import read_transcript
    from editor.core.project.create import create_project

    path = tmp_path / "episode.tep"
    create_project(path, title="Episode", transcript=read_transcript(EPISODE_TRANSCRIPT))
    return path


@pytest.fixture
def store(project_path: Path) -> Iterator[object]:
    from editor.core.project.store import ProjectStore

    with ProjectStore.open(project_path) as opened:
        yield opened


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    from tests.reliability.figures import summary_lines

    lines = summary_lines()
    if lines:
        terminalreporter.section("reliability figures")
        for line in lines:
            terminalreporter.write_line(line)
