"""Crash safety: a real process editing a project is SIGKILLed at random moments, again and again.

After every kill the project must pass ``PRAGMA integrity_check`` and hold exactly the edits the
process had reported as saved (plus, at most, the one it was committing when it died), as
replayed into a reference project. At the end the project must open in the window.
``RELIABILITY_KILLS`` sets the number of kills (200 by default); the seed makes a run repeatable.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from editor.core.project.create import create_project
from editor.core.project.store import ProjectStore
from tests.conftest import EPISODE_TRANSCRIPT
from tests.reliability.edit_script import apply_step, fingerprint
from tests.reliability.figures import count

REPO = Path(__file__).resolve().parents[2]
KILLS = int(os.environ.get("RELIABILITY_KILLS", "200"))
SEED = int(os.environ.get("RELIABILITY_SEED", "20261128"))


class Worker:
    """One run of ``kill_worker``; a thread collects its ``saved N`` lines as they come."""

    def __init__(self, project: Path, first: int, env: dict[str, str]) -> None:
        self.acknowledged = first - 1
        self.opened = False
        module = "tests.reliability.kill_worker"
        self.process = subprocess.Popen(
            [sys.executable, "-m", module, str(project), str(SEED), str(first)],
            cwd=REPO,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            if line.startswith("saved "):
                self.acknowledged = int(line.split()[1])
            elif line.strip() == "open":
                self.opened = True

    def kill(self) -> str:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()
        self._reader.join()  # every line printed before the kill is an acknowledged save
        assert self.process.stderr is not None
        errors = self.process.stderr.read()
        self.process.stderr.close()
        return errors


class Reference:
    """The same steps applied without crashes: what the project must look like after step N."""

    def __init__(self, path: Path) -> None:
        create_project(path, title="Episode", transcript=_transcript())
        self.store = ProjectStore.open(path, snapshot=False)
        self.store.db.execute("PRAGMA synchronous = OFF")  # speed; this copy is never killed
        self.step = 0

    def advance_to(self, step: int) -> dict[str, Any]:
        while self.step < step:
            self.step += 1
            apply_step(self.store, SEED, self.step)
        return fingerprint(self.store)


def _transcript() -> Any:
    from editor.core.formats import read_transcript

    return read_transcript(EPISODE_TRANSCRIPT)


def _reopen(project: Path) -> tuple[str, dict[str, Any]]:
    """Open as the command line does (read-only, after a crash): integrity and content."""
    with ProjectStore.open(project, readonly=True) as store:
        integrity = str(store.db.execute("PRAGMA integrity_check").fetchone()[0])
        return integrity, fingerprint(store)


@dataclass
class Outcome:
    kills: int = 0
    acknowledged: int = 0
    lost_at_kill: int | None = None  # the first kill after which saved edits were missing
    in_flight: int = 0
    before_open: int = 0
    turns: int = 0


def run_harness(tmp_path: Path, kills: int, env_extra: dict[str, str] | None = None) -> Outcome:
    project = tmp_path / "episode.tep"
    create_project(project, title="Episode", transcript=_transcript())
    reference = Reference(tmp_path / "reference.tep")
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"), "PYTHONPATH": str(REPO)}
    env.update(env_extra or {})
    rng = random.Random(SEED)
    outcome, next_step = Outcome(), 1
    for kill in range(kills):
        worker = Worker(project, next_step, env)
        time.sleep(rng.uniform(0.3, 0.8))  # ~0.4 s is start-up: some kills land while opening
        errors = worker.kill()
        assert "Traceback" not in errors, errors
        outcome.kills += 1
        outcome.before_open += not worker.opened
        done = worker.acknowledged
        outcome.acknowledged += done - (next_step - 1)
        integrity, found = _reopen(project)
        assert integrity == "ok", f"kill {kill}: integrity_check says {integrity}"
        outcome.turns = len(found["turns"])
        if found == reference.advance_to(done):
            next_step = done + 1
        elif found == reference.advance_to(done + 1):
            next_step = done + 2  # committed, but killed before it could say so
            outcome.in_flight += 1
        else:
            outcome.lost_at_kill = kill
            break
    return outcome


def test_sigkill_at_random_moments_never_loses_an_acknowledged_edit(
    tmp_path: Path, qtbot: Any
) -> None:
    started = time.monotonic()
    outcome = run_harness(tmp_path, KILLS)
    elapsed = time.monotonic() - started
    assert outcome.lost_at_kill is None, f"saved edits missing after kill {outcome.lost_at_kill}"
    count("crash harness: SIGKILLs survived", outcome.kills)
    count("crash harness: acknowledged edits checked", outcome.acknowledged)
    count("crash harness: acknowledged edits lost", 0)
    count("crash harness: kills while opening", outcome.before_open)
    count("crash harness: in-flight edits found committed", outcome.in_flight)
    print(f"{outcome.kills} kills, {outcome.acknowledged} acknowledged edits, {elapsed:.0f} s")
    assert outcome.acknowledged > outcome.kills  # the kills landed among edits, not only start-up
    assert outcome.before_open > 0  # … and some while opening (lock, snapshot)
    project = tmp_path / "episode.tep"
    _opens_in_the_window(project, qtbot, outcome.turns)
    with sqlite3.connect(project) as conn:  # the file is healthy for writing too
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"


def test_the_harness_catches_a_process_that_acknowledges_too_early(tmp_path: Path) -> None:
    outcome = run_harness(tmp_path, 30, {"KILL_WORKER_ACK_EARLY": "1"})
    assert outcome.lost_at_kill is not None


def _opens_in_the_window(project: Path, qtbot: Any, turns: int) -> None:
    from PySide6.QtCore import QSettings

    from editor.ui.main_window import MainWindow
    from editor.ui.settings import Settings
    from tests.ui.fakes import FakePlayer

    settings = Settings(QSettings(str(project.with_suffix(".ini")), QSettings.Format.IniFormat))
    window = MainWindow(FakePlayer(), settings)
    qtbot.addWidget(window)
    assert window.open_project(project)
    assert window.store is not None and not window.store.readonly
    assert window.model.rowCount() == turns
    window.close_project()
