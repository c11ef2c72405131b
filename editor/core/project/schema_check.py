"""Is this file's schema the one the app makes? A project file must not be able to act on its own.

A ``.tep`` is an SQLite database, and a database can carry triggers that run on every edit and
views that stand in for tables. Before a project is opened for writing its schema is compared
with the one the migrations make for its version: the tables with their columns, the indexes,
the triggers and views with their SQL. Anything else is named, and the project is only read.
"""

from __future__ import annotations

import functools
import re
import sqlite3
from dataclasses import dataclass

from sqlite_utils import Database

from editor.core.project.schema import MIGRATION_NAMES, migrations

# SQLite's own bookkeeping; sqlite_stat* appear after ANALYZE, which changes nothing we read.
_INTERNAL = re.compile(r"^sqlite_(sequence|stat\d|autoindex_.*)$")


@dataclass(frozen=True)
class SchemaObject:
    kind: str  # table, index, trigger, view
    name: str
    shape: str  # what must match: columns for tables, normalised SQL for the rest


def describe(conn: sqlite3.Connection) -> dict[tuple[str, str], SchemaObject]:
    """Every object of the schema, keyed by (kind, name)."""
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    found: dict[tuple[str, str], SchemaObject] = {}
    for kind, name, table, sql in rows:
        if _INTERNAL.match(name):
            continue
        if kind == "table":
            shape = _table_shape(conn, name)
        elif kind == "index":
            shape = f"on {table}: " + _index_shape(conn, name)
        else:
            shape = _normalised(sql or "")
        found[(kind, name)] = SchemaObject(kind, name, shape)
    return found


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _table_shape(conn: sqlite3.Connection, table: str) -> str:
    # Columns by name, type, NOT NULL, default and key: what sqlite-utils' transforms keep,
    # whatever whitespace the CREATE statement ended up with.
    columns = conn.execute(f"PRAGMA table_xinfo({_quoted(table)})").fetchall()
    keys = conn.execute(f"PRAGMA foreign_key_list({_quoted(table)})").fetchall()
    described = [f"{c[1]} {c[2].upper()} nn={c[3]} df={c[4]} pk={c[5]}" for c in columns]
    described += sorted(f"fk {k[3]}->{k[2]}.{k[4]} del={k[6]}" for k in keys)
    return "; ".join(described)


def _index_shape(conn: sqlite3.Connection, index: str) -> str:
    columns = conn.execute(f"PRAGMA index_info({_quoted(index)})").fetchall()
    return ", ".join(str(c[2]) for c in columns)


def _normalised(sql: str) -> str:
    return " ".join(sql.split()).rstrip(";").lower()


@functools.cache
def expected(version: int) -> dict[tuple[str, str], SchemaObject]:
    """The schema the migrations make at ``version`` (the number of migrations applied)."""
    db = Database(memory=True)
    if version < len(MIGRATION_NAMES):
        migrations.apply(db, stop_before=MIGRATION_NAMES[version])
    else:
        migrations.apply(db)
    return describe(db.conn)


def foreign_objects(conn: sqlite3.Connection, version: int) -> list[str]:
    """What differs from the app's own schema, in words ("a trigger 'x' on turns"); [] if none."""
    want, have = expected(version), describe(conn)
    problems = []
    for key, found in sorted(have.items()):
        wanted = want.get(key)
        if wanted is None:
            stand_in = found.kind == "view" and ("table", found.name) in want
            what = "a view in place of the table" if stand_in else f"an added {found.kind}"
            problems.append(f"{what} '{found.name}'")
        elif wanted.shape != found.shape:
            problems.append(f"an altered {found.kind} '{found.name}'")
    for key, wanted in sorted(want.items()):
        if key not in have and (wanted.kind != "table" or ("view", wanted.name) not in have):
            problems.append(f"a missing {wanted.kind} '{wanted.name}'")
    return problems


def harden(conn: sqlite3.Connection) -> None:
    """Take away what a schema could do on its own: untrusted functions in triggers and views,
    and (where this Python can set it) writes to the schema itself."""
    conn.execute("PRAGMA trusted_schema = OFF")
    setconfig = getattr(conn, "setconfig", None)  # Python 3.12+
    defensive = getattr(sqlite3, "SQLITE_DBCONFIG_DEFENSIVE", None)
    if setconfig is not None and defensive is not None:
        setconfig(defensive, True)
