"""A unit of work: every write to turns and speakers goes through one of these.

The session runs inside one transaction. It remembers the state of each row the first time it
is touched and its state at the end, which becomes the returned ``Changes``; so every operation
gets its undo for free, and the store can never be changed without the GUI hearing of it.
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from typing import TYPE_CHECKING

from editor.core.changes import Changes, RowStates
from editor.core.model import Speaker, Turn
from editor.core.project import rows

if TYPE_CHECKING:
    from editor.core.project.store import ProjectStore

# Okabe–Ito: distinguishable for the common forms of colour blindness.
SPEAKER_PALETTE = (
    "#0072B2",
    "#D55E00",
    "#009E73",
    "#CC79A7",
    "#E69F00",
    "#56B4E9",
    "#F0E442",
    "#000000",
)


class EditSession:
    """Collects before/after states of the rows an operation writes."""

    def __init__(self, store: ProjectStore, label: str) -> None:
        self.store = store
        self.label = label
        self.count = 0
        self._conn: sqlite3.Connection = store.db.conn
        self._turns_before: dict[int, Turn | None] = {}
        self._turns_after: dict[int, Turn | None] = {}
        self._speakers_before: dict[int, Speaker | None] = {}
        self._speakers_after: dict[int, Speaker | None] = {}

    # -- turns ---------------------------------------------------------------------------------

    def put_turn(self, turn: Turn, previous: Turn | None = None) -> Turn:
        """Write ``turn`` by id: update it in place, or insert it again after an undo.

        ``previous`` is its current state when the caller has it at hand (saves a read).
        """
        if previous is not None:
            self._turns_before.setdefault(turn.id, previous)
        self._remember_turn(turn.id)
        row = rows.turn_to_row(turn)
        stored = self._turns_after.get(turn.id, self._turns_before[turn.id])
        if stored is not None:
            # Only the columns that change: a column set to its own value still rewrites its
            # index's page (the position and speaker indexes), a third of an edit's writes.
            old = rows.turn_to_row(stored)
            changed = [column for column, value in row.items() if value != old[column]]
            if changed:
                assignments = ", ".join(f"{column} = :{column}" for column in changed)
                self._conn.execute(f"UPDATE turns SET {assignments} WHERE id = :id", row)
            self._turns_after[turn.id] = turn
            return turn
        self._conn.execute(  # not in the file: inserted again (the undo of a delete)
            f"INSERT INTO turns ({rows.TURN_COLUMNS}) VALUES "
            "(:id, :position, :speaker_id, :text, :start_ms, :end_ms, :reviewed, :words, "
            ":timing, :confidence) "
            "ON CONFLICT(id) DO UPDATE SET position = excluded.position, "
            "speaker_id = excluded.speaker_id, text = excluded.text, "
            "start_ms = excluded.start_ms, end_ms = excluded.end_ms, "
            "reviewed = excluded.reviewed, words = excluded.words, "
            "timing = excluded.timing, confidence = excluded.confidence",
            row,
        )
        self._turns_after[turn.id] = turn
        return turn

    def insert_turn(self, turn: Turn) -> Turn:
        """Insert ``turn`` under a new id (its own ``id`` is ignored) and return it with the id."""
        row = rows.turn_to_row(turn)
        del row["id"]
        cursor = self._conn.execute(
            "INSERT INTO turns (position, speaker_id, text, start_ms, end_ms, reviewed, words, "
            "timing, confidence) VALUES (:position, :speaker_id, :text, :start_ms, :end_ms, "
            ":reviewed, :words, :timing, :confidence)",
            row,
        )
        assert cursor.lastrowid is not None
        stored = replace(turn, id=cursor.lastrowid)
        self._turns_before.setdefault(stored.id, None)
        self._turns_after[stored.id] = stored
        return stored

    def delete_turn(self, turn_id: int, previous: Turn | None = None) -> None:
        if previous is not None:
            self._turns_before.setdefault(turn_id, previous)
        self._remember_turn(turn_id)
        self._conn.execute("DELETE FROM turns WHERE id = ?", (turn_id,))
        self._turns_after[turn_id] = None

    # -- speakers ------------------------------------------------------------------------------

    def put_speaker(self, speaker: Speaker) -> Speaker:
        self._remember_speaker(speaker.id)
        self._conn.execute(
            "INSERT INTO speakers (id, name, color) VALUES (:id, :name, :color) "
            "ON CONFLICT(id) DO UPDATE SET name = excluded.name, color = excluded.color",
            rows.speaker_to_row(speaker),
        )
        self._speakers_after[speaker.id] = speaker
        return speaker

    def speaker_named(self, name: str) -> Speaker:
        """The speaker called ``name``, created (with the next palette colour) if new."""
        existing = self.store.speaker_by_name(name)
        if existing is not None:
            return existing
        used = self._conn.execute("SELECT count(*) FROM speakers").fetchone()[0]
        color = SPEAKER_PALETTE[used % len(SPEAKER_PALETTE)]
        cursor = self._conn.execute(
            "INSERT INTO speakers (name, color) VALUES (?, ?)", (name, color)
        )
        assert cursor.lastrowid is not None
        speaker = Speaker(cursor.lastrowid, name, color)
        self._speakers_before.setdefault(speaker.id, None)
        self._speakers_after[speaker.id] = speaker
        return speaker

    def delete_speaker(self, speaker_id: int) -> None:
        self._remember_speaker(speaker_id)
        self._conn.execute("DELETE FROM speakers WHERE id = ?", (speaker_id,))
        self._speakers_after[speaker_id] = None

    # -- restoring -------------------------------------------------------------------------------

    def restore(self, snapshot: RowStates) -> None:
        """Write a snapshot back.

        Speakers are written first (turns refer to them) and removed last.
        """
        for speaker in snapshot.speakers.values():
            if speaker is not None:
                self.put_speaker(speaker)
        for turn_id, turn in snapshot.turns.items():
            if turn is None:
                self.delete_turn(turn_id)
        for turn in snapshot.turns.values():
            if turn is not None:
                self.put_turn(turn)
        for speaker_id, speaker in snapshot.speakers.items():
            if speaker is None:
                self.delete_speaker(speaker_id)

    # -- result --------------------------------------------------------------------------------

    def changes(self) -> Changes:
        """The rows whose state really differs, before and after."""
        turn_ids = [i for i in self._turns_after if self._turns_before[i] != self._turns_after[i]]
        speaker_ids = [
            i for i in self._speakers_after if self._speakers_before[i] != self._speakers_after[i]
        ]
        return Changes(
            self.label,
            before=RowStates(
                {i: self._turns_before[i] for i in turn_ids},
                {i: self._speakers_before[i] for i in speaker_ids},
            ),
            after=RowStates(
                {i: self._turns_after[i] for i in turn_ids},
                {i: self._speakers_after[i] for i in speaker_ids},
            ),
            count=self.count,
        )

    def remember_turns(self, current: dict[int, Turn | None]) -> None:
        """Record turns' present states the caller has just read (saves reading them again)."""
        for turn_id, turn in current.items():
            self._turns_before.setdefault(turn_id, turn)

    def _remember_turn(self, turn_id: int) -> None:
        if turn_id not in self._turns_before:
            self._turns_before[turn_id] = self.store.find_turn(turn_id)

    def _remember_speaker(self, speaker_id: int) -> None:
        if speaker_id not in self._speakers_before:
            self._speakers_before[speaker_id] = self.store.find_speaker(speaker_id)
