"""One writer per project: the lock names its holder, dies with it, and never writes the file."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from editor.core import ops
from editor.core.project.lock import ProjectLocked, lock_path_for
from editor.core.project.store import ProjectStore
from tests.conftest import PATIENCE_S

# Holds the project until the test kills it (or its stdin closes), however long the test takes.
HOLD = """
import sys
from editor.core.project.store import ProjectStore
store = ProjectStore.open(sys.argv[1], snapshot=False)
print("open", flush=True)
sys.stdin.read()
"""


def _hold_in_another_process(path: Path) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "open"
    return process


def test_second_writer_is_refused_with_the_holder_named(project_path: Path) -> None:
    before = project_path.read_bytes()
    holder = _hold_in_another_process(project_path)
    try:
        with pytest.raises(ProjectLocked) as info:
            ProjectStore.open(project_path)
        assert info.value.holder is not None
        assert info.value.holder.pid == holder.pid
        assert f"process {holder.pid}" in str(info.value)
        assert str(project_path) in str(info.value)
        # Reading is still allowed, and nothing was written.
        with ProjectStore.open(project_path, readonly=True) as reader:
            assert reader.turn_count() == 50
        assert project_path.read_bytes() == before
    finally:
        holder.kill()
        holder.wait()


def test_lock_of_a_killed_process_is_stale_and_taken_over(project_path: Path) -> None:
    holder = _hold_in_another_process(project_path)
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    lock = lock_path_for(project_path)
    assert json.loads(lock.read_text())["pid"] == holder.pid  # left behind by the crash
    with ProjectStore.open(project_path) as store:
        ops.edit_text(store, store.turns()[0].id, "Taken over.")
        assert json.loads(lock.read_text())["pid"] == os.getpid()
    assert not lock.exists()


def test_lock_recorded_by_another_host_is_respected_until_broken(project_path: Path) -> None:
    lock = lock_path_for(project_path)
    record = {
        "pid": 4242,
        "host": "studio-mac",
        "user": "ann",
        "since": "2026-11-27T09:00:00+00:00",
    }
    lock.write_text(json.dumps(record))
    with pytest.raises(ProjectLocked, match="ann on studio-mac"):
        ProjectStore.open(project_path)
    with ProjectStore.open(project_path, break_foreign_lock=True) as store:
        assert store.turn_count() == 50


def test_a_half_written_lock_file_does_not_block(project_path: Path) -> None:
    lock_path_for(project_path).write_text('{"pid": 12')
    with ProjectStore.open(project_path) as store:
        assert store.turn_count() == 50


def test_the_same_process_cannot_open_a_project_twice_for_writing(project_path: Path) -> None:
    with ProjectStore.open(project_path), pytest.raises(ProjectLocked):
        ProjectStore.open(project_path)


def test_command_line_exits_2_on_a_locked_project(project_path: Path, tmp_path: Path) -> None:
    holder = _hold_in_another_process(project_path)
    try:
        # Refused at once, not waiting for the lock: the holder never lets go by itself, so a
        # command that waited would run into the timeout.
        result = subprocess.run(
            [sys.executable, "-m", "editor", "replace", str(project_path), "Debt", "Credit"],
            capture_output=True,
            text=True,
            check=False,
            timeout=PATIENCE_S,
        )
        assert result.returncode == 2
        assert "already open" in result.stderr and f"process {holder.pid}" in result.stderr
    finally:
        holder.kill()
        holder.wait()
