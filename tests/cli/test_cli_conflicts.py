"""``conflicts``: list the conflict copies and their differences, take all from one; ``info``
names the copies and how the project is kept where it lies."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from editor.core import ops
from editor.core.model import TranscriptTurn
from editor.core.project import snapshots, storage
from editor.core.project.store import ProjectStore
from tests.cli.running import run


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    project = tmp_path / "episode.tep"
    with ProjectStore.create(project) as store:
        ops.insert_turns(store, [TranscriptTurn("Ann", f"Turn {i}.") for i in range(1, 5)])
    copy = tmp_path / "episode.sync-conflict-20261201-101500-ABCDEFG.tep"
    shutil.copy(project, copy)
    with ProjectStore.open(copy, snapshot=False) as store:
        turns = store.turns()
        ops.edit_text(store, turns[0].id, "Turn 1, corrected in the copy.")
        ops.delete_turns(store, [turns[3].id])
        ops.insert_turns(store, [TranscriptTurn("Bo", "New in the copy.")], turns[1].id)
    return project, copy


def test_lists_copies_and_differences(
    pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    project, copy = pair
    code, out, _ = run(capsys, "conflicts", project)
    assert code == 0
    assert f"{copy} (Syncthing): 3 difference(s)" in out
    assert "Turn 1: text “Turn 1.” → “Turn 1, corrected in the copy.”" in out
    code, out, _ = run(capsys, "conflicts", project, "--json")
    found = json.loads(out)
    assert [d["kind"] for d in found[0]["differences"]] == [
        "text",
        "only in the copy",
        "only in this project",
    ]
    code, out, _ = run(capsys, "info", project)
    assert f"conflicts: {copy.name} beside it" in out


def test_take_all_from_a_copy(pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    project, copy = pair
    copy_sha = hashlib.sha256(copy.read_bytes()).hexdigest()
    code, out, _ = run(capsys, "conflicts", project, "--take-all-from", copy)
    assert code == 0 and "took 3 change(s)" in out
    with ProjectStore.open(project, readonly=True) as store:
        texts = [t.text for t in store.turns()]
    assert texts == ["Turn 1, corrected in the copy.", "Turn 2.", "New in the copy.", "Turn 3."]
    assert any("conflict copy" in s.label for s in snapshots.list_snapshots(project))
    assert hashlib.sha256(copy.read_bytes()).hexdigest() == copy_sha
    code, out, _ = run(capsys, "conflicts", project)
    assert "no differences (it can be deleted)" in out
    code, out, _ = run(capsys, "conflicts", project, "--take-all-from", project)
    assert code == 2


def test_no_copies(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ProjectStore.create(tmp_path / "ep.tep").close()
    code, out, _ = run(capsys, "conflicts", tmp_path / "ep.tep")
    assert code == 0 and "no conflict copies" in out


def test_info_names_a_network_filesystem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    ProjectStore.create(tmp_path / "ep.tep").close()
    monkeypatch.setattr(storage, "filesystem_type", lambda _folder: "cifs")
    code, out, _ = run(capsys, "info", tmp_path / "ep.tep")
    assert code == 0
    assert "storage:   on a network filesystem (cifs): saved with a rollback journal" in out
    _, out, _ = run(capsys, "info", tmp_path / "ep.tep", "--json")
    assert json.loads(out)["storage"].startswith("on a network filesystem (cifs)")
