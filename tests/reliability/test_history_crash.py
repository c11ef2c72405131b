"""The history survives a crash: a process killed while editing leaves a history that undoes
every step it made, back to the project as it was, and none that it did not make."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from editor.core.formats import read_transcript
from editor.core.project.create import create_project
from editor.core.session import ProjectSession
from tests.conftest import EPISODE_TRANSCRIPT, PATIENCE_S

ACKNOWLEDGED = 25
WORKER = """
import sys
from editor.core import ops
from editor.core.session import ProjectSession
session = ProjectSession.open(sys.argv[1], snapshot=False)
ids = [t.id for t in session.store.turns()]
number = 0
while True:
    number += 1
    turn_id = ids[number % len(ids)]
    session.run(lambda s: ops.edit_text(s, turn_id, f"edit {number}"))
    print(f"saved {number}", flush=True)
"""


def test_a_killed_process_leaves_a_history_that_undoes_every_step(tmp_path: Path) -> None:
    project = tmp_path / "crash.tep"
    create_project(project, transcript=read_transcript(EPISODE_TRANSCRIPT))
    with ProjectSession.open(project, snapshot=False) as session:
        original = [t.text for t in session.store.turns()]
    environment = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])}
    worker = subprocess.Popen(
        [sys.executable, "-c", WORKER, str(project)],
        stdout=subprocess.PIPE,
        text=True,
        env=environment,
    )
    assert worker.stdout is not None
    deadline = time.monotonic() + PATIENCE_S
    line = ""
    while line != f"saved {ACKNOWLEDGED}" and time.monotonic() < deadline:
        line = worker.stdout.readline().strip()
        assert line or worker.poll() is None, "the worker stopped before it was killed"
    worker.send_signal(signal.SIGKILL)  # in the middle of its next edits
    worker.wait(timeout=PATIENCE_S)
    assert line == f"saved {ACKNOWLEDGED}"

    with ProjectSession.open(project, snapshot=False) as session:
        steps = session.history.steps()
        assert len(steps) >= ACKNOWLEDGED and not any(s.undone for s in steps)
        texts = [t.text for t in session.store.turns()]
        assert sum(text.startswith("edit ") for text in texts) >= min(ACKNOWLEDGED, len(texts))
        while session.undo() is not None:
            pass
        assert [t.text for t in session.store.turns()] == original
