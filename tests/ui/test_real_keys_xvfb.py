"""The editing flow as a user does it: the real app on an X server (Xvfb), keys sent from
outside by xdotool, and the project file read by another connection after each step."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from editor.core.project.create import create_project
from editor.core.project.store import ProjectStore
from editor.demo import demo_transcript
from tests.conftest import PATIENCE_S, SAMPLE10_MP3, require_tool

NEW_TEXT = "Typed through xdotool."


@pytest.fixture
def display() -> Iterator[str]:
    xvfb = require_tool("Xvfb")
    require_tool("xdotool")
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(write_fd), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()
    assert number, "Xvfb did not report its display"
    yield f":{number}"
    server.terminate()
    server.wait(timeout=PATIENCE_S)


def _texts(project: Path) -> list[str]:
    with sqlite3.connect(project) as conn:
        return [row[0] for row in conn.execute("SELECT text FROM turns ORDER BY position")]


def _until(condition: Callable[[], bool]) -> bool:
    """Whether ``condition`` comes true; polled until it does, or the run is taken as hung."""
    deadline = time.monotonic() + PATIENCE_S
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def _app_env(display: str, tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "DISPLAY": display,
        "QT_QPA_PLATFORM": "xcb",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "TRANSCRIPT_EDITOR_AUDIO": "dummy",
    }


@contextmanager
def _running(project: Path, env: dict[str, str]) -> Iterator[subprocess.Popen[str]]:
    """The app on ``project``; killed on the way out if the test did not quit it."""
    app = subprocess.Popen(
        [sys.executable, "-m", "editor", str(project)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        yield app
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()


def _xdotool(env: dict[str, str], *args: str) -> str:
    return subprocess.run(
        ["xdotool", *args], env=env, capture_output=True, text=True, timeout=PATIENCE_S, check=True
    ).stdout.strip()


def _focus_window(env: dict[str, str], name: str) -> None:
    """Wait for the window called ``name`` to be shown, and give it the keyboard. Keys sent after
    this reach it: X delivers them to the focused window in order, behind the focus event."""
    window = _xdotool(env, "search", "--sync", "--onlyvisible", "--name", name).splitlines()[0]
    _xdotool(env, "windowfocus", "--sync", window)
    assert _until(lambda: _xdotool(env, "getwindowfocus") == window)


def _demo_project(tmp_path: Path, name: str) -> Path:
    media = tmp_path / "sample10.mp3"
    shutil.copy(SAMPLE10_MP3, media)
    project = tmp_path / f"{name}.tep"
    create_project(project, media=media, transcript=demo_transcript())
    return project


def test_f2_edit_and_undo_with_real_key_events(display: str, tmp_path: Path) -> None:
    project = _demo_project(tmp_path, "xdotool demo")
    original = _texts(project)
    env = _app_env(display, tmp_path)
    with _running(project, env) as app:
        _focus_window(env, "xdotool demo")
        _xdotool(env, "key", "--delay", "80", "Down", "Down", "F2", "ctrl+a")
        _xdotool(env, "type", "--delay", "20", NEW_TEXT)
        _xdotool(env, "key", "Return")
        assert _until(lambda: _texts(project)[2] == NEW_TEXT), _texts(project)[2]
        assert _texts(project)[:2] == original[:2] and _texts(project)[3:] == original[3:]
        _xdotool(env, "key", "ctrl+z")
        assert _until(lambda: _texts(project) == original)
        _xdotool(env, "key", "ctrl+shift+z")
        assert _until(lambda: _texts(project)[2] == NEW_TEXT)
        _xdotool(env, "key", "ctrl+q")
        assert app.wait(timeout=PATIENCE_S) == 0
    assert _texts(project)[2] == NEW_TEXT
    # the app ended by itself with the project closed: its lock is free at once
    ProjectStore.open(project).close()


def _drafts(project: Path) -> list[str]:
    with sqlite3.connect(project) as conn:
        return [row[0] for row in conn.execute("SELECT text FROM drafts")]


def test_typing_survives_a_killed_app_and_is_restored_on_the_next_start(
    display: str, tmp_path: Path
) -> None:
    """Type without committing, SIGKILL the app, start it again, accept the offer to restore."""
    project = _demo_project(tmp_path, "crash demo")
    original = _texts(project)
    expected = original[2] + " Typed just before the crash."
    env = _app_env(display, tmp_path)
    with _running(project, env) as app:
        _focus_window(env, "crash demo")
        _xdotool(env, "key", "--delay", "80", "Down", "Down", "F2", "ctrl+End")
        _xdotool(env, "type", "--delay", "20", " Typed just before the crash.")
        assert _until(lambda: _drafts(project) == [expected]), _drafts(project)
        app.kill()  # SIGKILL: no chance to commit anything on the way out
        app.wait()
    assert _texts(project) == original  # never committed …
    with sqlite3.connect(project) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    with _running(project, env) as app:
        _focus_window(env, "Restore Typed Text")
        _xdotool(env, "key", "Return")  # Restore is the default button
        assert _until(lambda: _texts(project)[2] == expected), _texts(project)[2]
        assert _texts(project)[:2] == original[:2] and _texts(project)[3:] == original[3:]
        assert _drafts(project) == []
        _focus_window(env, "crash demo")
        _xdotool(env, "key", "ctrl+z")  # the restore is one undoable step
        assert _until(lambda: _texts(project) == original)
        _xdotool(env, "key", "ctrl+q")
        assert app.wait(timeout=PATIENCE_S) == 0
