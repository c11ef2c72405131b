"""Snapshots: whole-project copies taken with SQLite's backup API, kept in rotation.

One is taken when a project is opened for writing and one before every bulk step (replace all,
fix all, alignment, replacing the transcript), so a step that went wrong is one restore away even
after the undo history is gone. They live in the user's data folder, one folder per project, not
beside the project, so a podcast folder does not fill with copies.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from platformdirs import user_data_path

from editor import APP_NAME
from editor.core.errors import ProjectError

# How many of each kind are kept: opening often must not push out the copy before a bulk step.
KEEP_OPENED = 4
KEEP_BEFORE_STEP = 6
OPENED = "Opened"


@dataclass(frozen=True)
class SnapshotInfo:
    path: Path
    taken_at: datetime
    reason: str
    turns: int

    @property
    def label(self) -> str:
        local = self.taken_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        return f"{local} — {self.reason} ({self.turns} turns)"


def snapshot_folder(project: Path) -> Path:
    """``…/snapshots/episode-1a2b3c4d``: the stem to be readable, a hash to be unique."""
    digest = hashlib.sha256(str(project.resolve()).encode()).hexdigest()[:8]
    return user_data_path(APP_NAME, appauthor=False) / "snapshots" / f"{project.stem}-{digest}"


def take(conn: sqlite3.Connection, project: Path, reason: str, folder: Path | None = None) -> Path:
    """Copy the database behind ``conn`` into the snapshot folder and rotate old copies."""
    folder = folder or snapshot_folder(project)
    now = datetime.now(UTC)
    slug = re.sub(r"[^a-z0-9]+", "-", reason.lower()).strip("-") or "snapshot"
    target = folder / f"{now:%Y%m%dT%H%M%S%fZ}-{slug}.tep"
    partial = target.with_suffix(".partial")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        copy = sqlite3.connect(partial)
        try:
            conn.backup(copy)
            with copy:
                copy.execute("PRAGMA journal_mode = DELETE")
                for key, value in (("snapshot_reason", reason), ("snapshot_of", str(project))):
                    copy.execute(
                        "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value)
                    )
        finally:
            copy.close()
        partial.replace(target)
    except (sqlite3.Error, OSError) as error:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise ProjectError(project, f"could not take a snapshot in {folder} ({error})") from error
    _rotate(folder)
    return target


def list_snapshots(project: Path, folder: Path | None = None) -> list[SnapshotInfo]:
    """The project's snapshots, newest first; unreadable files are skipped."""
    folder = folder or snapshot_folder(project)
    found = []
    for path in sorted(folder.glob("*.tep"), reverse=True):
        info = _read_info(path)
        if info is not None:
            found.append(info)
    return found


def restore_into(conn: sqlite3.Connection, snapshot: Path) -> None:
    """Overwrite the database behind ``conn`` with ``snapshot`` (one step, all or nothing)."""
    source = sqlite3.connect(f"{snapshot.resolve().as_uri()}?mode=ro", uri=True)
    try:
        source.backup(conn)
    finally:
        source.close()
    with conn:
        conn.execute("DELETE FROM meta WHERE key IN ('snapshot_reason', 'snapshot_of')")


def _read_info(path: Path) -> SnapshotInfo | None:
    try:
        taken_at = datetime.strptime(path.name[:21], "%Y%m%dT%H%M%S%f").replace(tzinfo=UTC)
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'snapshot_reason'").fetchone()
            turns = conn.execute("SELECT count(*) FROM turns").fetchone()[0]
        finally:
            conn.close()
    except (ValueError, sqlite3.Error):
        return None
    return SnapshotInfo(path, taken_at, row[0] if row else "Snapshot", int(turns))


def _rotate(folder: Path) -> None:
    newest_first = sorted(folder.glob("*.tep"), reverse=True)
    opened = [p for p in newest_first if p.stem.endswith(f"-{OPENED.lower()}")]
    steps = [p for p in newest_first if p not in opened]
    for path in opened[KEEP_OPENED:] + steps[KEEP_BEFORE_STEP:]:
        path.unlink(missing_ok=True)
