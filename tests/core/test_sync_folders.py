"""Sync folders: recognised by their markers, and the project file alone holds every saved edit
after a checkpoint or closing (what a sync tool copies)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from editor.core import ops
from editor.core.model import TranscriptTurn
from editor.core.project.store import ProjectStore
from editor.core.project.sync_folders import sync_folder


@pytest.mark.parametrize(
    ("marker", "tool"),
    [
        (".dropbox", "Dropbox"),
        (".dropbox.cache/", "Dropbox"),
        (".stfolder/", "Syncthing"),
        (".sync/", "Resilio Sync"),
        (".sync_4f2a9c.db", "Nextcloud or ownCloud"),
        ("._sync_4f2a9c.db", "Nextcloud or ownCloud"),
        (".nextcloudsync.log", "Nextcloud"),
        (".owncloudsync.log", "ownCloud"),
        (".849C9593-D756-4E56-8D6E-42412F2A707B", "OneDrive"),
        (".tmp.drivedownload/", "Google Drive"),
    ],
)
def test_sync_roots_by_marker(tmp_path: Path, marker: str, tool: str) -> None:
    root = tmp_path / "synced"
    (root / "shows" / "s1").mkdir(parents=True)
    if marker.endswith("/"):
        (root / marker).mkdir()
    else:
        (root / marker).write_text("", encoding="utf-8")
    found = sync_folder(root / "shows" / "s1" / "ep.tep")
    assert found is not None and (found.tool, found.root) == (tool, root)


@pytest.mark.parametrize(
    ("folder", "tool"),
    [
        ("Dropbox", "Dropbox"),
        ("Dropbox (Studio)", "Dropbox"),
        ("OneDrive - Contoso", "OneDrive"),
        ("OneDrive-Personal", "OneDrive"),
        ("GoogleDrive-ann@example.com", "Google Drive"),
        ("My Drive", "Google Drive"),
        ("com~apple~CloudDocs", "iCloud Drive"),
    ],
)
def test_sync_roots_by_name(tmp_path: Path, folder: str, tool: str) -> None:
    (tmp_path / folder / "show").mkdir(parents=True)
    found = sync_folder(tmp_path / folder / "show" / "ep.tep")
    assert found is not None and found.tool == tool


def test_an_ordinary_folder_is_not_synced(tmp_path: Path) -> None:
    assert sync_folder(tmp_path / "ep.tep") is None


def _copy_alone(project: Path, target: Path) -> Path:
    """What a sync tool copies: the project file without its -wal."""
    shutil.copyfile(project, target)
    return target


def _texts(path: Path) -> list[str]:
    with ProjectStore.open(path, readonly=True) as store:
        return [t.text for t in store.turns()]


@pytest.fixture
def synced(tmp_path: Path) -> Path:
    (tmp_path / "Sync" / ".stfolder").mkdir(parents=True)
    return tmp_path / "Sync" / "ep.tep"


def test_checkpoint_puts_every_saved_edit_in_the_file(synced: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    with ProjectStore.create(synced) as store:
        assert store.sync_folder is not None and store.sync_folder.tool == "Syncthing"
        assert store.storage_note is not None and "Syncthing folder" in store.storage_note
        ops.insert_turns(store, [TranscriptTurn("Ann", "Saved before the sync ran.")])
        # Without a checkpoint the edit is only in the -wal: a copy of the file lacks it.
        assert _texts(_copy_alone(synced, elsewhere / "before.tep")) == []
        assert store.checkpoint()
        assert synced.with_name("ep.tep-wal").stat().st_size == 0  # TRUNCATE: emptied
        assert _texts(_copy_alone(synced, elsewhere / "idle.tep")) == ["Saved before the sync ran."]
        ops.edit_text(store, store.turns()[0].id, "Edited just before closing.")
    assert not synced.with_name("ep.tep-wal").exists()
    assert _texts(_copy_alone(synced, elsewhere / "closed.tep")) == ["Edited just before closing."]
