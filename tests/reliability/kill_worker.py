"""The process the crash harness kills: opens a project and edits it until it is killed.

``python -m tests.reliability.kill_worker PROJECT SEED FIRST_STEP`` prints, line by line, where
it is, so the harness can aim each kill at a phase whatever the machine's speed:

- ``begin PHASE`` / ``end PHASE MS`` around each step of opening (``check``, ``lock``,
  ``connect``, ``snapshot``, ``migrate``), MS being how long the step took;
- ``open`` once the project is open, then ``saved N`` after edit N has returned, which is the
  moment the window would consider it saved.

``KILL_WORKER_SLOW=PHASE`` (or ``all``) plays that step of opening in slow motion: every Python
line the core executes in it waits a millisecond. The calls and their order stay exactly the
same; only the step lasts long enough for a kill to land at a random point inside it, even on a
fast machine.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from contextlib import contextmanager
from types import FrameType
from typing import Any

from editor.core.project import file as project_file
from editor.core.project.lock import ProjectLock
from editor.core.project.store import ProjectStore
from tests.reliability.edit_script import apply_step

OPENING_PHASES = ("check", "lock", "connect", "snapshot", "migrate")
SLOW_LINE_S = 0.001
_TRACED_PARTS = (os.sep + "editor" + os.sep, os.sep + "sqlite_utils" + os.sep)


def _say(line: str) -> None:
    print(line, flush=True)


def _slow_line(frame: FrameType, event: str, _arg: object) -> Any:
    if event == "line":
        time.sleep(SLOW_LINE_S)
    return _slow_line


def _slow_calls(frame: FrameType, _event: str, _arg: object) -> Any:
    # Only the project's own code and sqlite-utils; the standard library runs at full speed.
    filename = frame.f_code.co_filename
    return _slow_line if any(part in filename for part in _TRACED_PARTS) else None


@contextmanager
def _phase(name: str, slow: str) -> Any:
    _say(f"begin {name}")
    started = time.perf_counter()
    if slow in (name, "all"):
        sys.settrace(_slow_calls)
    try:
        yield
    finally:
        sys.settrace(None)
    _say(f"end {name} {(time.perf_counter() - started) * 1000:.1f}")


def _announce(owner: Any, attribute: str, phase: str, slow: str, *, bound: bool = False) -> None:
    """Wrap ``owner.attribute`` so that calling it is announced as ``phase``."""
    original: Callable[..., Any] = getattr(owner, attribute)
    target = getattr(original, "__func__", original) if bound else original

    def announced(*args: Any, **kwargs: Any) -> Any:
        with _phase(phase, slow):
            return target(*args, **kwargs)

    setattr(owner, attribute, classmethod(announced) if bound else announced)


def _instrument(slow: str) -> None:
    _announce(project_file, "read_schema_version", "check", slow)
    _announce(ProjectLock, "acquire", "lock", slow)
    _announce(ProjectStore, "_connect", "connect", slow, bound=True)
    _announce(ProjectStore, "_snapshot_on_open", "snapshot", slow)
    _announce(ProjectStore, "_migrate", "migrate", slow)


def main(project: str, seed: int, first: int) -> None:
    # The harness's own canary: acknowledging before the edit is made must be caught.
    early = os.environ.get("KILL_WORKER_ACK_EARLY") == "1"
    _instrument(os.environ.get("KILL_WORKER_SLOW", ""))
    store = ProjectStore.open(project)
    _say("open")
    step = first
    while True:
        if early:
            _say(f"saved {step}")
        apply_step(store, seed, step)
        if not early:
            _say(f"saved {step}")
        step += 1


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
