"""Crash safety: a real process editing a project is SIGKILLed again and again, in every phase.

After every kill the project must pass ``PRAGMA integrity_check`` and hold exactly the edits the
process had reported as saved (plus, at most, the one it was committing when it died), as
replayed into a reference project. Kills are aimed at start-up, at each step of opening (check,
lock, connect, snapshot, migrate) and at editing by what the worker reports, so each phase is
covered on a fast machine and a loaded one alike (``crash_harness`` says how). At the end the
project must open in the window. ``RELIABILITY_KILLS`` sets the number of kills (200 by
default); the seed makes the choice of phases and moments repeatable.
"""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path
from typing import Any

import pytest

from tests.reliability.crash_harness import PHASES, run_harness
from tests.reliability.figures import count

KILLS = int(os.environ.get("RELIABILITY_KILLS", "200"))
SEED = int(os.environ.get("RELIABILITY_SEED", "20261128"))


@pytest.mark.slow
def test_sigkill_in_every_phase_never_loses_an_acknowledged_edit(
    tmp_path: Path, qtbot: Any
) -> None:
    started = time.monotonic()
    outcome = run_harness(tmp_path, KILLS, SEED, {})
    elapsed = time.monotonic() - started
    assert outcome.lost_at_kill is None, f"saved edits missing after kill {outcome.lost_at_kill}"
    count("crash harness: SIGKILLs survived", outcome.kills)
    count("crash harness: acknowledged edits checked", outcome.acknowledged)
    count("crash harness: acknowledged edits lost", 0)
    count("crash harness: in-flight edits found committed", outcome.in_flight)
    for phase in PHASES:
        count(f"crash harness: kills landed in {phase}", outcome.landed[phase])
    print(
        f"{outcome.kills} kills, {outcome.acknowledged} acknowledged edits, {elapsed:.0f} s; "
        f"aimed {dict(outcome.aimed)}, landed {dict(outcome.landed)}"
    )
    assert all(outcome.landed[phase] > 0 for phase in PHASES), outcome.landed
    assert outcome.acknowledged > outcome.kills  # the editing kills landed among many edits
    project = tmp_path / "episode.tep"
    _opens_in_the_window(project, qtbot, outcome.turns)
    with sqlite3.connect(project) as conn:  # the file is healthy for writing too
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"


@pytest.mark.slow
def test_the_harness_catches_a_process_that_acknowledges_too_early(tmp_path: Path) -> None:
    outcome = run_harness(tmp_path, 30, SEED, {"KILL_WORKER_ACK_EARLY": "1"})
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
