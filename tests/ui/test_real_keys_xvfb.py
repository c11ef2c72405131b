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
from pathlib import Path

import pytest

from editor.core.project.create import create_project
from editor.demo import demo_transcript
from tests.conftest import SAMPLE10_MP3, require_tool

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
    server.wait(timeout=10)


def _texts(project: Path) -> list[str]:
    with sqlite3.connect(project) as conn:
        return [row[0] for row in conn.execute("SELECT text FROM turns ORDER BY position")]


def _until(condition: Callable[[], bool], timeout: float = 15.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def test_f2_edit_and_undo_with_real_key_events(display: str, tmp_path: Path) -> None:
    media = tmp_path / "sample10.mp3"
    shutil.copy(SAMPLE10_MP3, media)
    project = tmp_path / "xdotool demo.tep"
    create_project(project, media=media, transcript=demo_transcript())
    original = _texts(project)
    env = {
        **os.environ,
        "DISPLAY": display,
        "QT_QPA_PLATFORM": "xcb",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "TRANSCRIPT_EDITOR_AUDIO": "dummy",
    }
    app = subprocess.Popen(
        [sys.executable, "-m", "editor", str(project)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )

    def xdotool(*args: str) -> str:
        return subprocess.run(
            ["xdotool", *args], env=env, capture_output=True, text=True, timeout=30, check=True
        ).stdout.strip()

    try:
        window = xdotool("search", "--sync", "--onlyvisible", "--name", "xdotool demo")
        window_id = window.splitlines()[0]
        xdotool("windowfocus", "--sync", window_id)
        time.sleep(0.5)
        xdotool("key", "--delay", "80", "Down", "Down", "F2", "ctrl+a")
        xdotool("type", "--delay", "20", NEW_TEXT)
        xdotool("key", "Return")
        assert _until(lambda: _texts(project)[2] == NEW_TEXT), _texts(project)[2]
        assert _texts(project)[:2] == original[:2] and _texts(project)[3:] == original[3:]
        xdotool("key", "ctrl+z")
        assert _until(lambda: _texts(project) == original)
        xdotool("key", "ctrl+shift+z")
        assert _until(lambda: _texts(project)[2] == NEW_TEXT)
        xdotool("key", "ctrl+q")
        assert app.wait(timeout=20) == 0
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
    assert _texts(project)[2] == NEW_TEXT
