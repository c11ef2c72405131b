"""Drafts: text typed into a turn's editor that has not been committed yet.

The window saves the open editor's text here about once a second while the user types, so a
crash, a killed process or a power cut costs at most the last second of typing. Committing a
different text to the turn clears its draft in the same transaction (a trigger, see the
schema); cancelling clears it too. Whatever is left when a project is opened was typed and
never committed: the window offers to restore it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from editor.core.project.store import ProjectStore


@dataclass(frozen=True, slots=True)
class Draft:
    turn_id: int
    number: int  # 1-based, as the editor shows turns
    speaker: str | None
    text: str  # what was typed
    base_text: str  # the turn's text when editing began
    current_text: str  # the turn's text now
    saved_at: str

    @property
    def turn_changed_since(self) -> bool:
        """The turn was changed by something else after this draft was begun."""
        return self.current_text != self.base_text


class Drafts:
    def __init__(self, store: ProjectStore) -> None:
        self._store = store

    def save(self, turn_id: int, text: str, base_text: str) -> None:
        """Keep ``text`` as the draft of ``turn_id`` (one small transaction, made durable).

        A draft being typed is never deferred: committing its turn's text clears it."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self._store.writing():
            self._store.db.conn.execute(
                "INSERT INTO drafts (turn_id, text, base_text, saved_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(turn_id) DO UPDATE SET text = excluded.text, "
                "saved_at = excluded.saved_at, deferred = 0",
                (turn_id, text, base_text, now),
            )

    def defer_all(self) -> None:
        """The user will decide later: keep every draft even if something else changes its
        turn's text, until the turn is edited again (or the turn is deleted)."""
        with self._store.writing():
            self._store.db.conn.execute("UPDATE drafts SET deferred = 1")

    def discard(self, turn_id: int) -> None:
        with self._store.writing():
            self._store.db.conn.execute("DELETE FROM drafts WHERE turn_id = ?", (turn_id,))

    def discard_all(self) -> None:
        with self._store.writing():
            self._store.db.conn.execute("DELETE FROM drafts")

    def saved_text(self, turn_id: int) -> str | None:
        found = self._store.query("SELECT text FROM drafts WHERE turn_id = ?", (turn_id,))
        return found[0]["text"] if found else None

    def pending(self) -> list[Draft]:
        """Drafts that differ from their turn's text, in transcript order."""
        found = self._store.query("""
            SELECT d.turn_id, d.text, d.base_text, d.saved_at, t.text AS current_text,
                   t.number, s.name AS speaker
            FROM drafts AS d
            JOIN (SELECT id, text, speaker_id, ROW_NUMBER() OVER (ORDER BY position) AS number
                  FROM turns) AS t ON t.id = d.turn_id
            LEFT JOIN speakers AS s ON s.id = t.speaker_id
            WHERE d.text IS NOT t.text
            ORDER BY t.number""")
        return [Draft(**row) for row in found]  # the columns are named as the fields
