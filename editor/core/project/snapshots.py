"""Snapshots: whole-project copies taken with SQLite's backup API, kept in rotation.

One is taken when a project is opened for writing and one before every bulk step (replace all,
fix all, alignment, replacing the transcript), so a step that went wrong is one restore away even
after the undo history is gone. They live in the user's data folder, one folder per project, not
beside the project, so a podcast folder does not fill with copies.
"""

from __future__ import annotations

import contextlib
import glob
import hashlib
import re
import sqlite3
from dataclasses import dataclass, replace
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
    origin: str = ""  # the project's path when the snapshot was taken
    moved: bool = False  # taken when the project lived at ``origin``, somewhere else

    @property
    def label(self) -> str:
        local = self.taken_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        where = f", from {self.origin}" if self.moved else ""
        return f"{local} — {self.reason} ({self.turns} turns{where})"


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
    try:
        folder.mkdir(parents=True, exist_ok=True)
        meta = {"snapshot_reason": reason, "snapshot_of": str(project)}
        write_backup(conn, target, target.with_suffix(".partial"), meta)
    except (sqlite3.Error, OSError) as error:
        raise ProjectError(project, f"could not take a snapshot in {folder} ({error})") from error
    _rotate(folder)
    return target


def write_backup(
    conn: sqlite3.Connection, target: Path, temporary: Path, meta: dict[str, str] | None = None
) -> None:
    """SQLite's online backup of ``conn`` as one self-contained file (no WAL) at ``target``.

    Written under ``temporary`` and renamed, so ``target`` is whole or absent; ``meta`` rows are
    set in the copy. On failure ``temporary`` is removed and the error raised.
    """
    try:
        copy = sqlite3.connect(temporary)
        try:
            conn.backup(copy)
            with copy:
                copy.execute("PRAGMA journal_mode = DELETE")
                for key, value in (meta or {}).items():
                    copy.execute(
                        "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value)
                    )
        finally:
            copy.close()
        temporary.replace(target)
    except (sqlite3.Error, OSError):
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        raise


def list_snapshots(project: Path, folder: Path | None = None) -> list[SnapshotInfo]:
    """The project's snapshots, newest first; unreadable files are skipped.

    Snapshots are filed by the project's path, so a project that was moved or renamed would lose
    sight of them. Folders of the same name whose project is no longer where it was are
    included too (marked ``moved``); a folder whose project still exists belongs to another
    project, such as a copy, and is left out.
    """
    own = folder or snapshot_folder(project)
    found = _read_folder(own)
    if folder is None and own.parent.is_dir():
        for other in own.parent.glob(f"{glob.escape(project.stem)}-*"):
            if other == own or not other.is_dir():
                continue
            infos = _read_folder(other)
            if infos and infos[0].origin and not Path(infos[0].origin).exists():
                found += [replace(info, moved=True) for info in infos]
    return sorted(found, key=lambda info: info.taken_at, reverse=True)


def _read_folder(folder: Path) -> list[SnapshotInfo]:
    infos = (_read_info(path) for path in sorted(folder.glob("*.tep"), reverse=True))
    return [info for info in infos if info is not None]


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
            meta = dict(
                conn.execute(
                    "SELECT key, value FROM meta WHERE key IN ('snapshot_reason', 'snapshot_of')"
                ).fetchall()
            )
            turns = conn.execute("SELECT count(*) FROM turns").fetchone()[0]
        finally:
            conn.close()
    except (ValueError, sqlite3.Error):
        return None
    reason = meta.get("snapshot_reason", "Snapshot")
    return SnapshotInfo(path, taken_at, reason, int(turns), meta.get("snapshot_of", ""))


def _rotate(folder: Path) -> None:
    newest_first = sorted(folder.glob("*.tep"), reverse=True)
    opened = [p for p in newest_first if p.stem.endswith(f"-{OPENED.lower()}")]
    steps = [p for p in newest_first if p not in opened]
    for path in opened[KEEP_OPENED:] + steps[KEEP_BEFORE_STEP:]:
        path.unlink(missing_ok=True)
