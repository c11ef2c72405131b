"""The process the crash harness kills: opens a project and edits it until it is killed.

``python -m tests.reliability.kill_worker PROJECT SEED FIRST_STEP`` prints ``saved N`` after
edit N has returned, which is the moment the window would consider it saved.
"""

from __future__ import annotations

import os
import sys

from editor.core.project.store import ProjectStore
from tests.reliability.edit_script import apply_step


def main(project: str, seed: int, first: int) -> None:
    # The harness's own canary: acknowledging before the edit is made must be caught.
    early = os.environ.get("KILL_WORKER_ACK_EARLY") == "1"
    store = ProjectStore.open(project)
    print("open", flush=True)
    step = first
    while True:
        if early:
            print(f"saved {step}", flush=True)
        apply_step(store, seed, step)
        if not early:
            print(f"saved {step}", flush=True)
        step += 1


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
