"""Undo for the side records: clips, chapters, the glossary and the project's dictionary.

These tables are small (tens to a few hundred rows), so a step remembers the whole table before
and after, and undo puts the earlier state back with the same ids. That is simpler and safer
than an inverse per operation, and it covers batch steps (an imported glossary, several clips
deleted at once) as one. Rows that point at turns are checked on restore: a turn deleted since
leaves a chapter without its turn and drops a glossary "ignore here".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

from editor.core.project.store import ProjectStore

RecordKind = Literal["clips", "chapters", "glossary", "dictionary"]
T = TypeVar("T")

_TABLES: dict[RecordKind, str] = {
    "clips": "clips",
    "chapters": "chapters",
    "glossary": "glossary_terms",
    "dictionary": "dictionary_words",
}


@dataclass(frozen=True, slots=True)
class RecordState:
    kind: RecordKind
    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]
    ignores: tuple[tuple[int, str], ...] = ()  # glossary only: (turn id, found text)
    mark_rule: str | None = None  # glossary only


@dataclass(frozen=True, slots=True)
class RecordChange:
    label: str
    before: RecordState
    after: RecordState

    @property
    def is_empty(self) -> bool:
        return self.before == self.after


def capture(store: ProjectStore, kind: RecordKind) -> RecordState:
    cursor = store.db.conn.execute(f"SELECT * FROM {_TABLES[kind]} ORDER BY id")
    columns = tuple(d[0] for d in cursor.description)
    rows = tuple(tuple(r) for r in cursor.fetchall())
    if kind != "glossary":
        return RecordState(kind, columns, rows)
    ignores = store.db.conn.execute(
        "SELECT turn_id, found FROM glossary_ignores ORDER BY turn_id, found"
    ).fetchall()
    return RecordState(
        kind, columns, rows, tuple((r[0], r[1]) for r in ignores), store.glossary.mark_rule()
    )


def record_step(
    store: ProjectStore, kind: RecordKind, label: str, action: Callable[[], T]
) -> tuple[T, RecordChange]:
    """Run ``action`` (writes to one kind of record) as one transaction; return its result and
    the change, for undo."""
    before = capture(store, kind)
    with store.writing():
        result = action()
    return result, RecordChange(label, before, capture(store, kind))


def restore(store: ProjectStore, state: RecordState) -> None:
    """Put the table back as it was in ``state``, ids included, in one transaction."""
    table = _TABLES[state.kind]
    conn = store.db.conn
    turn_ids = {r[0] for r in conn.execute("SELECT id FROM turns")}
    rows = state.rows
    if state.kind == "chapters":
        at = state.columns.index("turn_id")
        rows = tuple(
            r if r[at] is None or r[at] in turn_ids else (*r[:at], None, *r[at + 1 :]) for r in rows
        )
    with store.writing():
        conn.execute(f"DELETE FROM {table}")
        if rows:
            names = ", ".join(state.columns)
            marks = ", ".join("?" * len(state.columns))
            conn.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)
        if state.kind == "glossary":
            conn.execute("DELETE FROM glossary_ignores")
            conn.executemany(
                "INSERT INTO glossary_ignores (turn_id, found) VALUES (?, ?)",
                [i for i in state.ignores if i[0] in turn_ids],
            )
            if state.mark_rule is not None:
                store.glossary.set_mark_rule(state.mark_rule)
