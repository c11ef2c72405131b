"""Snapshots: taken on opening and before every bulk step, rotated, and restorable."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from editor.core import ops
from editor.core.errors import ProjectError
from editor.core.ops.bulk import BEFORE_REPLACE_ALL, bulk_step
from editor.core.project import snapshots
from editor.core.project.store import ProjectStore
from editor.core.search import SearchQuery


@pytest.fixture(autouse=True)
def _own_snapshot_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


def test_opening_takes_a_snapshot_outside_the_project_folder(project_path: Path) -> None:
    with ProjectStore.open(project_path) as store:
        assert store.snapshot_problem is None
    found = snapshots.list_snapshots(project_path)
    assert [s.reason for s in found] == ["Opened"]
    assert found[0].turns == 50
    assert found[0].path.parent == snapshots.snapshot_folder(project_path)
    assert found[0].path.is_relative_to(Path(os.environ["XDG_DATA_HOME"]))
    assert not list(project_path.parent.glob("*.tep.*"))  # nothing left beside the project


def test_bulk_step_snapshot_holds_the_state_before_it(project_path: Path) -> None:
    with ProjectStore.open(project_path) as store:
        before = [t.text for t in store.turns()]
        query = SearchQuery("the")
        changes = bulk_step(store, BEFORE_REPLACE_ALL, lambda s: ops.replace_all(s, query, "THE"))
        assert changes.count > 5
        newest = snapshots.list_snapshots(project_path)[0]
        assert newest.reason == BEFORE_REPLACE_ALL
        with ProjectStore.open(newest.path, readonly=True) as copy:
            assert [t.text for t in copy.turns()] == before


def test_restore_brings_back_the_snapshot_and_keeps_the_current_state_as_one(
    project_path: Path,
) -> None:
    with ProjectStore.open(project_path) as store:
        original = [t.text for t in store.turns()]
        bulk_step(store, BEFORE_REPLACE_ALL, lambda s: ops.replace_all(s, SearchQuery("a"), "@"))
        replaced = [t.text for t in store.turns()]
        target = snapshots.list_snapshots(project_path)[0]
        store.restore_snapshot(target.path)
        assert [t.text for t in store.turns()] == original
        assert "snapshot_reason" not in store.meta()
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        ops.edit_text(store, store.turns()[0].id, "Edited after the restore.")
        newest = snapshots.list_snapshots(project_path)[0]
        assert newest.reason == "Before restoring a snapshot"
        with ProjectStore.open(newest.path, readonly=True) as copy:
            assert [t.text for t in copy.turns()] == replaced
    with ProjectStore.open(project_path, readonly=True) as reopened:
        assert reopened.turns()[0].text == "Edited after the restore."


def test_rotation_keeps_a_few_of_each_kind(project_path: Path) -> None:
    for _ in range(snapshots.KEEP_OPENED + 3):
        ProjectStore.open(project_path).close()
    with ProjectStore.open(project_path) as store:
        for n in range(snapshots.KEEP_BEFORE_STEP + 2):
            store.snapshot(f"Step {n}")
    reasons = [s.reason for s in snapshots.list_snapshots(project_path)]
    assert reasons.count("Opened") == snapshots.KEEP_OPENED
    steps = [r for r in reasons if r.startswith("Step")]
    assert steps == [f"Step {n}" for n in range(7, 1, -1)]


def test_a_failing_snapshot_refuses_the_bulk_step_and_changes_nothing(
    project_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with ProjectStore.open(project_path) as store:
        before = [t.text for t in store.turns()]
        blocker = snapshots.snapshot_folder(project_path)
        monkeypatch.setattr(snapshots, "snapshot_folder", lambda _p: blocker / "file" / "x")
        blocker.mkdir(parents=True, exist_ok=True)
        (blocker / "file").write_text("a file where a folder should be")
        with pytest.raises(ProjectError, match="could not take a snapshot"):
            bulk_step(
                store, BEFORE_REPLACE_ALL, lambda s: ops.replace_all(s, SearchQuery("a"), "@")
            )
        assert [t.text for t in store.turns()] == before


def test_a_failing_snapshot_on_open_is_reported_not_fatal(
    project_path: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "file").write_text("")
    monkeypatch.setattr(snapshots, "snapshot_folder", lambda _p: tmp_path / "file" / "x")
    with ProjectStore.open(project_path) as store:
        assert store.snapshot_problem is not None and "could not take a snapshot" in str(
            store.snapshot_problem
        )
        assert store.turn_count() == 50


def test_command_line_replace_takes_a_snapshot(project_path: Path, tmp_path: Path) -> None:
    env_home = tmp_path / "data"
    result = subprocess.run(
        [sys.executable, "-m", "editor", "replace", str(project_path), "the", "THE"],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "XDG_DATA_HOME": str(env_home)},
    )
    assert result.returncode == 0, result.stderr
    reasons = [s.reason for s in snapshots.list_snapshots(project_path)]
    assert reasons[0] == BEFORE_REPLACE_ALL


def test_a_moved_project_still_sees_its_snapshots_but_a_copy_does_not_see_the_original(
    project_path: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "copy" / project_path.name
    copy.parent.mkdir()
    with ProjectStore.open(project_path) as store:
        bulk_step(store, BEFORE_REPLACE_ALL, lambda s: ops.replace_all(s, SearchQuery("a"), "A"))
        store.save_copy(copy)
    # The original still exists: its snapshots are not offered to the copy.
    assert snapshots.list_snapshots(copy) == []

    moved = tmp_path / "moved" / project_path.name
    moved.parent.mkdir()
    project_path.rename(moved)
    found = snapshots.list_snapshots(moved)
    assert [s.reason for s in found] == [BEFORE_REPLACE_ALL, "Opened"]
    assert all(s.moved and s.origin == str(project_path) for s in found)
    assert f"from {project_path}" in found[0].label
    ProjectStore.open(moved).close()  # opening takes its own snapshot, filed by the new path
    found = snapshots.list_snapshots(moved)
    assert not found[0].moved and len(found) == 3
    with ProjectStore.open(moved) as store:
        store.restore_snapshot(found[-1].path)
        assert store.turn_count() == 50
