"""Opening the SQLite file safely: recognise it, refuse what we must not touch, set the pragmas.

Every check here reads only; nothing is written to a file until it is known to be a project of a
schema this app understands and the user may write to it.
"""

from __future__ import annotations

import functools
import os
import sqlite3
import stat
from pathlib import Path

from sqlite_utils import Database

from editor import APP_NAME
from editor.core.errors import ProjectError
from editor.core.project import schema_check
from editor.core.project.schema import APPLICATION_ID, SCHEMA_VERSION, migrations
from editor.core.project.storage import JournalMode

SQLITE_MAGIC = b"SQLite format 3\x00"
NOT_A_PROJECT = f"not a {APP_NAME} project"


def check_is_project_file(path: Path) -> None:
    """Raise ``ProjectError`` unless ``path`` is an existing file that starts like SQLite."""
    if not path.exists():
        raise ProjectError(path, "no such project file")
    if path.is_dir():
        raise ProjectError(path, "is a folder, not a project file")
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as error:
        raise ProjectError(path, f"cannot be read ({error.strerror})") from error
    if not header:
        raise ProjectError(path, f"is empty: {NOT_A_PROJECT}")
    if not header.startswith(SQLITE_MAGIC) or len(header) < 100:
        raise ProjectError(path, f"{NOT_A_PROJECT} (not an SQLite database)")


def read_schema_version(path: Path) -> int:
    """Open read-only, confirm the file is ours and healthy, and return its schema version."""
    try:
        conn = connect_readonly(path)
        try:
            version = _checked_version(path, conn)
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        raise ProjectError(path, f"is damaged or {NOT_A_PROJECT} ({error})") from error
    if version > SCHEMA_VERSION:
        raise ProjectError(
            path,
            f"was written by a newer version of {APP_NAME} (schema {version}; this version "
            f"reads up to {SCHEMA_VERSION}). Update {APP_NAME} to open it.",
        )
    return version


def _checked_version(path: Path, conn: sqlite3.Connection) -> int:
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    has_meta = "meta" in names
    # A wrong application id on a file with every table of ours is a project someone changed:
    # readable, refused for editing by the schema check. Without our tables it is not ours.
    if not has_meta or (app_id != APPLICATION_ID and not names >= CORE_TABLES):
        raise ProjectError(path, f"{NOT_A_PROJECT} (an SQLite database of another program)")
    check = conn.execute("PRAGMA quick_check").fetchone()[0]
    if check != "ok":
        raise ProjectError(path, f"is damaged ({check}); restore a backup or snapshot")
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    version = int(row[0]) if row and str(row[0]).isdigit() else 0
    # A view standing in for a table is not damage: it is refused for editing by the schema
    # check (schema_check), and can still be read.
    present = {
        r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")
    }
    missing = (_current_tables() if version == SCHEMA_VERSION else CORE_TABLES) - present
    if missing:
        raise ProjectError(
            path, f"is damaged: tables {', '.join(sorted(missing))} are missing; restore a snapshot"
        )
    return version


CORE_TABLES = frozenset({"meta", "speakers", "turns", "episode", "media"})


@functools.cache
def _current_tables() -> frozenset[str]:
    """The tables a project of the current schema has, from the migrations themselves."""
    db = Database(memory=True)
    migrations.apply(db)
    return frozenset(db.table_names())


def connect_readonly(path: Path) -> sqlite3.Connection:
    """A connection that cannot write, even on read-only media where WAL files cannot be made.

    Without a ``-wal`` file the database file is the whole project: read it as immutable, so
    looking at a file (perhaps not even a project) leaves no ``-wal``/``-shm`` beside it.
    """
    uri = path.resolve().as_uri()
    if not path.with_name(path.name + "-wal").exists():
        conn = sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True)
    else:
        try:
            conn = sqlite3.connect(f"{uri}?mode=ro", uri=True)
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError:
            conn = sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True)
    schema_check.harden(conn)
    return conn


class ProjectReadOnly(ProjectError):
    """The file or its folder cannot be written: it can still be opened read-only."""


class ForeignSchema(ProjectReadOnly):
    """The file carries triggers, views, tables or columns the app does not make."""

    def __init__(self, path: Path, problems: list[str]) -> None:
        more = f"; and {len(problems) - 8} more" if problems[8:] else ""
        listed = "; ".join(problems[:8]) + more
        super().__init__(
            path,
            f"was changed outside {APP_NAME}: it has {listed}. Such a file could change or delete "
            "text on its own, so it is not opened for editing. It can be opened read-only, or "
            "rescued into a clean copy (Rescue in the window, or "
            "'transcript-editor rescue IN.tep OUT.tep')",
        )
        self.problems = problems


def foreign_schema(path: Path, version: int) -> list[str]:
    """What in the file's schema the app does not make (read-only; [] for a clean project)."""
    conn = connect_readonly(path)
    try:
        return foreign_schema_of(conn, version)
    finally:
        conn.close()


def foreign_schema_of(conn: sqlite3.Connection, version: int) -> list[str]:
    """``foreign_schema`` on a connection already open to the file."""
    return [*_foreign_application_id(conn), *schema_check.foreign_objects(conn, version)]


def check_own_schema(path: Path, version: int) -> None:
    problems = foreign_schema(path, version)
    if problems:
        raise ForeignSchema(path, problems)


def _foreign_application_id(conn: sqlite3.Connection) -> list[str]:
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    return [] if app_id == APPLICATION_ID else [f"the application id {app_id:#x}"]


def check_writable(path: Path) -> None:
    """Refuse files the user marked read-only (even as root) and folders we cannot write into."""
    mode = path.stat().st_mode
    if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(path, os.W_OK):
        raise ProjectReadOnly(
            path, "is read-only; make it writable to edit it, or open it read-only"
        )
    folder = path.parent
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ProjectReadOnly(
            path, f"its folder {folder} is read-only; the project needs to write its journal there"
        )


def configure(conn: sqlite3.Connection, mode: JournalMode = JournalMode.WAL) -> None:
    """Pragmas for a writable project: WAL (or, on a network filesystem, a rollback journal
    under an exclusive lock), and a commit is on disk when it returns."""
    schema_check.harden(conn)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 5000")
    if mode is JournalMode.EXCLUSIVE_DELETE:
        # Exclusive first: a file left in WAL mode is then read without the shared-memory
        # index, and converted to a rollback journal without one ever being made.
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        conn.execute("PRAGMA journal_mode = DELETE")
    else:
        conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")


def explain_write_error(error: sqlite3.Error) -> str:
    """What a refused write means to the user, who needs to know the project is unharmed."""
    code = getattr(error, "sqlite_errorcode", None)
    kept = "the change was not saved, and the project is as it was before it"
    if code == sqlite3.SQLITE_FULL:
        return (
            f"the disk is full (or the project reached its size limit): {kept}. "
            "Free some space and try again"
        )
    if code is not None and code & 0xFF == sqlite3.SQLITE_READONLY:
        return f"can no longer be written (read-only disk or permissions): {kept}"
    if code is not None and code & 0xFF == sqlite3.SQLITE_IOERR:
        return f"the disk reported an error ({error}): {kept}"
    if code == sqlite3.SQLITE_BUSY:
        return f"another program is writing to it: {kept}. Try again in a moment"
    return f"{kept} ({error})"
