"""A write the disk refuses: a clear message, the project as it was, and work goes on after."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from editor.core import ops
from editor.core.errors import ProjectError
from editor.core.model import Clip
from editor.core.project.store import ProjectStore

BIG = "All work and no play. " * 4000  # ~88 kB: more pages than the limit leaves


def _integrity(store: ProjectStore) -> str:
    return str(store.db.execute("PRAGMA integrity_check").fetchone()[0])


def test_size_limit_refuses_the_edit_and_keeps_the_project(project_path: Path) -> None:
    with ProjectStore.open(project_path) as store:
        turn = store.turns()[3]
        pages = store.db.execute("PRAGMA page_count").fetchone()[0]
        store.db.execute(f"PRAGMA max_page_count = {pages}")
        with pytest.raises(ProjectError, match=r"disk is full.*was not saved") as info:
            ops.edit_text(store, turn.id, BIG)
        assert str(project_path) in str(info.value)
        assert store.turn(turn.id).text == turn.text
        assert _integrity(store) == "ok"
        with pytest.raises(ProjectError, match="disk is full"):
            store.clips.add(Clip(0, 0, 1000, title="Too long", note=BIG))
        assert store.clips.all() == []
        store.db.execute(f"PRAGMA max_page_count = {pages * 100}")
        ops.edit_text(store, turn.id, "Room again.")
    with ProjectStore.open(project_path, readonly=True) as reopened:
        assert reopened.turn(turn.id).text == "Room again."
        assert reopened.turn_count() == 50


# A real failing write: the file may not grow past its size (RLIMIT_FSIZE), as on a full disk.
FULL_DISK = """
import json, os, resource, signal, sys
from editor.core import ops
from editor.core.errors import ProjectError
from editor.core.project.store import ProjectStore
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
store = ProjectStore.open(sys.argv[1], snapshot=False)
turn = store.turns()[0]
store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
limit = os.path.getsize(sys.argv[1])
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))
refused = None
# Twice the file's size: more than the journal may hold, however large the project has grown.
text = sys.argv[2] * (2 * limit // len(sys.argv[2]) + 1)
try:
    ops.edit_text(store, turn.id, text)
except ProjectError as error:
    refused = str(error)
after = store.turn(turn.id).text
resource.setrlimit(resource.RLIMIT_FSIZE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
ops.edit_text(store, turn.id, "Saved once there was room.")
store.close()
print(json.dumps({"refused": refused, "before": turn.text, "after": after}))
"""


def test_a_write_failing_at_the_filesystem_is_refused_cleanly(project_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", FULL_DISK, str(project_path), BIG],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["refused"] is not None and "was not saved" in report["refused"]
    assert report["after"] == report["before"]
    with ProjectStore.open(project_path, readonly=True) as store:
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert store.turns()[0].text == "Saved once there was room."
