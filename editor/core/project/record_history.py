"""Undo for the side records: clips, chapters, the glossary, the project's dictionary, the
episode's metadata and the media link.

These tables are small (one row to a few hundred), so a step remembers the whole table before
and after, and undo puts the earlier state back with the same ids. That is simpler and safer
than an inverse per operation, and it covers batch steps (an imported glossary, several clips
deleted at once) as one. Rows that point at turns are checked on restore: a turn deleted since
leaves a chapter without its turn and drops a glossary "ignore here".

A state also carries the ``meta`` entries that belong to its kind (the glossary's mark rule, the
episode's published page). ``matches`` tells whether the file still holds a state, ignoring what
deleting a turn changes by itself (a chapter's turn, an "ignore here"): undo refuses otherwise.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

from editor.core.errors import EditError
from editor.core.project.rows import EPISODE_PAGE_KEY
from editor.core.project.store import ProjectStore

RecordKind = Literal["clips", "chapters", "glossary", "dictionary", "episode", "media"]
RECORD_KINDS: tuple[RecordKind, ...] = (
    "clips",
    "chapters",
    "glossary",
    "dictionary",
    "episode",
    "media",
)
T = TypeVar("T")

_TABLES: dict[RecordKind, str] = {
    "clips": "clips",
    "chapters": "chapters",
    "glossary": "glossary_terms",
    "dictionary": "dictionary_words",
    "episode": "episode",
    "media": "media",
}
_META_KEYS: dict[RecordKind, tuple[str, ...]] = {
    "glossary": ("mark_rule",),
    "dictionary": ("language",),  # the spelling language goes with the project's words
    "episode": (EPISODE_PAGE_KEY,),
}
# What the database changes by itself when a turn is deleted (ON DELETE SET NULL / CASCADE).
_FOLLOWS_TURNS: dict[RecordKind, str] = {"chapters": "turn_id"}


@dataclass(frozen=True, slots=True)
class RecordState:
    kind: RecordKind
    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]
    ignores: tuple[tuple[int, str], ...] = ()  # glossary only: (turn id, found text)
    meta: tuple[tuple[str, str | None], ...] = ()  # the kind's entries in ``meta``

    @property
    def mark_rule(self) -> str | None:
        return dict(self.meta).get("mark_rule")

    def comparable(self) -> tuple[object, ...]:
        """The state without what deleting a turn changes on its own."""
        rows = self.rows
        column = _FOLLOWS_TURNS.get(self.kind)
        if column is not None and column in self.columns:
            at = self.columns.index(column)
            rows = tuple((*r[:at], *r[at + 1 :]) for r in rows)
        return self.columns, rows, self.meta


@dataclass(frozen=True, slots=True)
class RecordChange:
    label: str
    before: RecordState
    after: RecordState

    @property
    def is_empty(self) -> bool:
        return self.before == self.after


def capture(store: ProjectStore, kind: RecordKind) -> RecordState:
    conn = store.db.conn
    cursor = conn.execute(f"SELECT * FROM {_TABLES[kind]} ORDER BY id")
    columns = tuple(d[0] for d in cursor.description)
    rows = tuple(tuple(r) for r in cursor.fetchall())
    meta = tuple(
        (key, found[0] if found else None)
        for key in _META_KEYS.get(kind, ())
        for found in [conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()]
    )
    if kind != "glossary":
        return RecordState(kind, columns, rows, meta=meta)
    ignores = conn.execute(
        "SELECT turn_id, found FROM glossary_ignores ORDER BY turn_id, found"
    ).fetchall()
    return RecordState(kind, columns, rows, tuple((r[0], r[1]) for r in ignores), meta)


def record_step(
    store: ProjectStore, kind: RecordKind, label: str, action: Callable[[], T]
) -> tuple[T, RecordChange]:
    """Run ``action`` (writes to one kind of record) as one transaction; return its result and
    the change, for undo."""
    before = capture(store, kind)
    with store.writing():
        result = action()
    return result, RecordChange(label, before, capture(store, kind))


def matches(store: ProjectStore, expected: RecordState) -> bool:
    """True when the file still holds ``expected`` (see ``RecordState.comparable``)."""
    return capture(store, expected.kind).comparable() == expected.comparable()


NAMES: dict[RecordKind, str] = {
    "clips": "the clips",
    "chapters": "the chapters",
    "glossary": "the glossary",
    "dictionary": "the project's dictionary",
    "episode": "the episode's details",
    "media": "the media link",
}


def check_unchanged(store: ProjectStore, expected: RecordState, label: str) -> None:
    """Refuse (``EditError``) to undo or redo ``label`` when the records moved on since."""
    if not matches(store, expected):
        raise EditError(f"cannot undo or redo {label!r}: {NAMES[expected.kind]} have changed since")


def restore(store: ProjectStore, state: RecordState) -> None:
    """Put the table back as it was in ``state``, ids included, in one transaction."""
    table = _TABLES[state.kind]
    conn = store.db.conn
    turn_ids = {r[0] for r in conn.execute("SELECT id FROM turns")}
    rows = state.rows
    column = _FOLLOWS_TURNS.get(state.kind)
    if column is not None:
        at = state.columns.index(column)
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
        for key, value in state.meta:
            if value is None:
                conn.execute("DELETE FROM meta WHERE key = ?", (key,))
            else:
                conn.execute(
                    "INSERT INTO meta (key, value) VALUES (?, ?) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    (key, value),
                )
