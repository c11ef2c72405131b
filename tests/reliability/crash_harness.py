"""The crash harness: start a worker that edits a project, kill it in a chosen phase, check.

Kills are aimed by what the worker reports (``kill_worker`` prints a line as it enters and
leaves each step of opening, and after every saved edit), not by the clock, so every run covers
each phase whatever the machine's speed:

- ``startup``: the interpreter starting and importing, before the project is touched;
- ``check``, ``lock``, ``connect``, ``snapshot``, ``migrate``: the steps of opening, each played
  in slow motion by the worker so that a kill lands at a random point inside it. ``migrate``
  runs for real: before such a kill the project is set back to the previous schema version
  (its last migration undone, content untouched), so the worker upgrades it on open;
- ``editing``: after a random number of saved edits, at a random point of the next one.

Where a kill landed is read from the worker's last lines, not assumed; a phase a kill missed is
aimed at again, so coverage is guaranteed, and the landings per phase are reported.
"""

from __future__ import annotations

import itertools
import os
import random
import signal
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from editor.core.project.create import create_project
from editor.core.project.schema import MIGRATION_NAMES, SCHEMA_VERSION
from editor.core.project.store import ProjectStore
from tests.conftest import EPISODE_TRANSCRIPT
from tests.reliability.edit_script import apply_step, fingerprint
from tests.reliability.kill_worker import OPENING_PHASES

REPO = Path(__file__).resolve().parents[2]
PHASES = ("startup", *OPENING_PHASES, "editing")
HUNG_S = 120.0  # only a hung worker takes this long to reach a phase
MAX_MISSES = 25  # a phase missed this often in a row means the aiming itself is broken


class Worker:
    """One run of ``kill_worker``; a thread collects its lines, with when each arrived."""

    def __init__(self, project: Path, seed: int, first: int, env: dict[str, str]) -> None:
        self.first = first
        args = (project, seed, first)
        self.lines: list[tuple[float, str]] = []
        self._changed = threading.Condition()
        self.started = time.monotonic()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.reliability.kill_worker", *map(str, args)],
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
            with self._changed:
                self.lines.append((time.monotonic(), line.strip()))
                self._changed.notify_all()
        with self._changed:
            self.lines.append((time.monotonic(), "exit"))
            self._changed.notify_all()

    def wait_for(self, wanted: str, count: int = 1) -> float:
        """Block until ``count`` lines starting with ``wanted`` arrived; when the last did."""
        with self._changed:
            deadline = time.monotonic() + HUNG_S
            while True:
                seen = [at for at, line in self.lines if line.startswith(wanted)]
                if len(seen) >= count:
                    return seen[count - 1]
                if self.lines and self.lines[-1][1] == "exit":
                    raise AssertionError(f"worker exited before {wanted!r}: {self._stderr()}")
                if time.monotonic() > deadline:
                    raise AssertionError(f"worker hung before {wanted!r}: {self.lines[-5:]}")
                self._changed.wait(1.0)

    def _stderr(self) -> str:
        assert self.process.stderr is not None
        return self.process.stderr.read()

    def kill(self) -> str:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()
        self._reader.join()  # every line printed before the kill is in self.lines now
        errors = self._stderr()
        assert self.process.stderr is not None
        self.process.stderr.close()
        return errors

    @property
    def acknowledged(self) -> int:
        saved = [int(line.split()[1]) for _, line in self.lines if line.startswith("saved ")]
        return saved[-1] if saved else self.first - 1

    def landed(self) -> str:
        """The phase the worker was in when it died, from the last thing it said."""
        said = [line for _, line in self.lines if line != "exit"]
        if "open" in said:
            return "editing"
        begun = [line.split()[1] for line in said if line.startswith("begin ")]
        ended = [line.split()[1] for line in said if line.startswith("end ")]
        if not begun:
            return "startup"
        if len(begun) > len(ended):
            return begun[-1]
        return "editing" if ended[-1] == "migrate" else _next_step(ended[-1])

    def durations(self) -> dict[str, float]:
        """Seconds each completed step of opening took, as the worker measured it."""
        ends = (line.split() for _, line in self.lines if line.startswith("end "))
        return {parts[1]: float(parts[2]) / 1000 for parts in ends}

    def edit_seconds(self) -> list[float]:
        times = [at for at, line in self.lines if line.startswith("saved ")]
        return [b - a for a, b in itertools.pairwise(times)]


def _next_step(phase: str) -> str:
    # Between two steps of opening counts as the step about to start. A current project skips
    # migrate, so the gap after snapshot is the way into editing.
    following = OPENING_PHASES.index(phase) + 1
    step = OPENING_PHASES[following] if following < len(OPENING_PHASES) else "editing"
    return "editing" if step == "migrate" else step


class Reference:
    """The same steps applied without crashes: what the project must look like after step N."""

    def __init__(self, path: Path, seed: int) -> None:
        create_project(path, title="Episode", transcript=transcript())
        self.store = ProjectStore.open(path, snapshot=False)
        self.store.db.execute("PRAGMA synchronous = OFF")  # speed; this copy is never killed
        self.seed = seed
        self.step = 0

    def advance_to(self, step: int) -> dict[str, Any]:
        while self.step < step:
            self.step += 1
            apply_step(self.store, self.seed, self.step)
        return fingerprint(self.store)


def transcript() -> Any:
    from editor.core.formats import read_transcript

    return read_transcript(EPISODE_TRANSCRIPT)


def set_back_one_schema_version(project: Path) -> None:
    """Undo the last migration (the history kept in the project), as a project of the previous
    version would be.

    The history is empty in the harness (its workers call the operations directly), so no
    content is lost, and the worker's open runs the real migration again.
    """
    assert MIGRATION_NAMES[-1] == "m008_history", "update this for the newest migration"
    if not schema_state(project)[0]:
        return  # still at the previous version: a kill landed before its upgrade finished
    with sqlite3.connect(project) as conn:
        assert conn.execute("SELECT count(*) FROM history").fetchone()[0] == 0
        conn.execute("DROP TABLE history")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm008_history'")
        version = str(SCHEMA_VERSION - 1)
        conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (version,))
    conn.close()


def schema_state(project: Path) -> tuple[bool, bool, str]:
    """(migration recorded, history table present, schema_version): all old or all new."""
    with sqlite3.connect(project) as conn:
        recorded = conn.execute(
            "SELECT count(*) FROM _sqlite_migrations WHERE name = 'm008_history'"
        ).fetchone()[0]
        table = conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'history'"
        ).fetchone()[0]
        version = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    conn.close()
    return bool(recorded), bool(table), str(version[0])


def reopen(project: Path) -> tuple[str, dict[str, Any]]:
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
    turns: int = 0
    aimed: Counter[str] = field(default_factory=Counter)
    landed: Counter[str] = field(default_factory=Counter)


class Aim:
    """What the next kill aims at, and how long each phase is expected to last (seconds)."""

    def __init__(self, rng: random.Random, kills: int) -> None:
        self.rng = rng
        # Every phase first, in a random order; then half editing, half the rest.
        first = list(PHASES)
        rng.shuffle(first)
        rest = [
            "editing" if rng.random() < 0.5 else rng.choice(PHASES[:-1])
            for _ in range(max(0, kills - len(first)))
        ]
        self.queue = first + rest
        self.expected: dict[str, list[float]] = {phase: [] for phase in PHASES}
        self.misses: Counter[str] = Counter()

    def measure(self, worker: Worker, slowed: str) -> None:
        """Learn how long phases take: start-up and editing at full speed, a step of opening
        only from a worker that played it in slow motion (as the aimed kills do)."""
        begun = [at for at, line in worker.lines if line == "begin check"]
        if begun:
            self.expected["startup"].append(begun[0] - worker.started)
        for phase, seconds in worker.durations().items():
            if slowed in (phase, "all"):
                self.expected[phase].append(seconds)
        if slowed not in OPENING_PHASES:
            self.expected["editing"].extend(worker.edit_seconds())

    def next(self) -> str:
        return self.queue.pop(0)

    def delay(self, phase: str) -> float:
        """A random moment inside the phase, narrowed each time the phase was just missed."""
        seen = self.expected[phase]
        typical = statistics.median(seen) if seen else 0.0
        return self.rng.uniform(0.0, 0.9 * typical) / (2 ** self.misses[phase])

    def learn(self, worker: Worker, aimed: str, landed: str) -> None:
        self.measure(worker, slowed=aimed)
        if landed == aimed:
            self.misses[aimed] = 0
            return
        self.misses[aimed] += 1
        assert self.misses[aimed] < MAX_MISSES, f"{MAX_MISSES} kills aimed at {aimed} missed it"
        self.queue.insert(0, aimed)  # aim at it again until a kill lands there


def run_harness(tmp_path: Path, kills: int, seed: int, env_extra: dict[str, str]) -> Outcome:
    project = tmp_path / "episode.tep"
    create_project(project, title="Episode", transcript=transcript())
    reference = Reference(tmp_path / "reference.tep", seed)
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"), "PYTHONPATH": str(REPO)}
    harness = _Harness(project, seed, {**env, **env_extra}, random.Random(seed), kills)
    harness.calibrate(tmp_path / "calibration.tep")
    outcome, next_step = Outcome(), 1
    for kill in range(kills):
        phase = harness.aim.next()
        outcome.aimed[phase] += 1
        worker = harness.start_and_reach(phase, next_step)
        errors = worker.kill()
        assert "Traceback" not in errors, errors
        landed = worker.landed()
        harness.aim.learn(worker, phase, landed)
        outcome.kills += 1
        outcome.landed[landed] += 1
        done = worker.acknowledged
        outcome.acknowledged += done - (next_step - 1)
        integrity, found = reopen(project)
        assert integrity == "ok", f"kill {kill} ({landed}): integrity_check says {integrity}"
        # The migration is one transaction; the version in meta may lag it (set after, and
        # set again by the next open), never lead it.
        recorded, table, version = schema_state(project)
        assert recorded == table, f"kill {kill} ({landed}): migration half applied"
        assert recorded or version != str(SCHEMA_VERSION), f"kill {kill}: version ahead"
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


class _Harness:
    def __init__(
        self, project: Path, seed: int, env: dict[str, str], rng: random.Random, kills: int
    ) -> None:
        self.project, self.seed, self.env, self.rng = project, seed, env, rng
        self.aim = Aim(rng, kills)

    def calibrate(self, copy: Path) -> None:
        """Open a copy of the project with every step in slow motion, to learn the times."""
        with sqlite3.connect(self.project) as source, sqlite3.connect(copy) as target:
            source.backup(target)
        source.close()
        target.close()
        set_back_one_schema_version(copy)
        worker = Worker(copy, self.seed, 1, {**self.env, "KILL_WORKER_SLOW": "all"})
        worker.wait_for("saved ", 3)
        worker.kill()
        self.aim.measure(worker, slowed="all")
        # Start-up and editing at full speed are learnt from a plain worker.
        worker = Worker(copy, self.seed, 1, self.env)
        worker.wait_for("saved ", 5)
        worker.kill()
        self.aim.measure(worker, slowed="")

    def start_and_reach(self, phase: str, first: int) -> Worker:
        """Start a worker and return it at a random moment of ``phase``, not yet killed."""
        if phase == "migrate":
            set_back_one_schema_version(self.project)
        slow = {"KILL_WORKER_SLOW": phase} if phase in OPENING_PHASES else {}
        worker = Worker(self.project, self.seed, first, {**self.env, **slow})
        if phase == "editing":
            worker.wait_for("open")
            # Mostly soon after opening, sometimes deep into a long session.
            saves = (
                self.rng.randint(0, 30) if self.rng.random() < 0.7 else self.rng.randint(30, 600)
            )
            if saves:
                worker.wait_for("saved ", saves)
        elif phase != "startup":
            worker.wait_for(f"begin {phase}")
        time.sleep(self.aim.delay(phase))
        return worker
