"""Rescue a project someone changed outside the app into a clean copy.

The content (turns, speakers, episode, media link, glossary, clips, chapters, drafts, the
project's dictionary) is read from the old file, read-only, and written into a fresh project
made by this app's own migrations. Foreign triggers, views, tables and columns stay behind;
the old file is untouched.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from editor.core.errors import ProjectError
from editor.core.project import file as project_file
from editor.core.project.create import remove_quietly
from editor.core.project.schema import SCHEMA_VERSION
from editor.core.project.store import ProjectStore, upgraded_copy

# Rows that describe the file, not the episode: the fresh project's own values stay.
_OWN_META = ("schema_version", "app_version", "created_by")
_NOT_COPIED = ("_sqlite_migrations",)


@dataclass(frozen=True)
class RescueReport:
    rows: dict[str, int]  # copied, per table
    left_behind: list[str]  # what the old file had that the copy has not (schema_check's words)


def rescue(source: Path, target: Path) -> RescueReport:
    """Copy the content of ``source`` into a new clean project at ``target``."""
    if target.exists():
        raise ProjectError(target, "already exists; choose a new name for the rescued copy")
    project_file.check_is_project_file(source)
    version = project_file.read_schema_version(source)
    left_behind = project_file.foreign_schema(source, version)
    old = project_file.connect_readonly(source)
    if version < SCHEMA_VERSION:
        old = upgraded_copy(old)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.rescuing")
    try:
        with ProjectStore.create(temporary) as fresh:
            rows = _copy_content(old, fresh.db.conn, source)
        os.replace(temporary, target)
    except BaseException:
        remove_quietly(temporary)
        raise
    finally:
        old.close()
    return RescueReport(rows, left_behind)


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    quoted = '"' + table.replace('"', '""') + '"'
    return [row[1] for row in conn.execute(f"PRAGMA table_info({quoted})")]


def _copy_content(old: sqlite3.Connection, new: sqlite3.Connection, source: Path) -> dict[str, int]:
    tables = [
        row[0]
        for row in new.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid")
        if row[0] not in _NOT_COPIED and not row[0].startswith("sqlite_")
    ]
    copied: dict[str, int] = {}
    new.execute("PRAGMA foreign_keys = OFF")  # tables are filled one by one, checked at the end
    try:
        with new:
            for table in tables:
                copied[table] = _copy_table(old, new, table)
        problems = new.execute("PRAGMA foreign_key_check").fetchall()
    except sqlite3.DatabaseError as error:
        raise ProjectError(source, f"cannot be rescued: reading it failed ({error})") from error
    finally:
        new.execute("PRAGMA foreign_keys = ON")
    if problems:
        raise ProjectError(
            source, f"cannot be rescued whole: {len(problems)} rows refer to rows that are missing"
        )
    return copied


def _copy_table(old: sqlite3.Connection, new: sqlite3.Connection, table: str) -> int:
    """Copy the columns both sides have (the old side may be a view standing in for it)."""
    wanted = _columns(new, table)
    present = set(_columns(old, table))
    columns = [c for c in wanted if c in present]
    if not columns:
        return 0
    names = ", ".join(f'"{c}"' for c in columns)
    rows = old.execute(f'SELECT {names} FROM "{table}"').fetchall()
    if table == "meta":
        rows = [r for r in rows if r[0] not in _OWN_META]
        new.executemany(f"INSERT OR REPLACE INTO meta ({names}) VALUES (?, ?)", rows)
        return len(rows)
    new.execute(f'DELETE FROM "{table}"')  # the fresh project's defaults (episode row …)
    marks = ", ".join("?" for _ in columns)
    new.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', rows)
    return len(rows)
