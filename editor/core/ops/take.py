"""Taking chosen differences from a conflict copy into the open project, as one operation.

Everything chosen is written in one transaction and returned as one ``Changes``, so the window
undoes it with a single Ctrl+Z and the command line's snapshot (``BEFORE_TAKE``) covers it after.
Speakers are matched by name (ids differ between copies); a name the project lacks is added.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from editor.core.changes import Changes
from editor.core.errors import EditError
from editor.core.model import Turn
from editor.core.ordering import key_between
from editor.core.project.conflicts import Difference, Kind
from editor.core.project.edit_session import EditSession
from editor.core.project.store import ProjectStore

BEFORE_TAKE = "Before taking changes from a conflict copy"


def take_from_copy(
    store: ProjectStore, chosen: Sequence[Difference], label: str = "Take changes from copy"
) -> Changes:
    """Make the project like the copy in each chosen difference; one undoable step."""
    with store.edit(label) as session:
        for difference in chosen:  # removals first: they may free an id or a place
            if difference.kind is Kind.ONLY_HERE:
                assert difference.here is not None
                current = _unchanged(store, difference.here)
                session.delete_turn(current.id, current)
        for difference in chosen:
            if difference.kind is Kind.ONLY_IN_COPY:
                _add(store, session, difference)
            elif difference.kind is not Kind.ONLY_HERE:
                _update(store, session, difference)
        session.count = len(chosen)
    return session.changes()


def _unchanged(store: ProjectStore, seen: Turn) -> Turn:
    """The turn as it is now; refuse if it was removed since the comparison was made."""
    current = store.find_turn(seen.id)
    if current is None:
        raise EditError(f"turn {seen.id} was removed since the comparison; compare again")
    return current


def _speaker_id(session: EditSession, name: str | None) -> int | None:
    return session.speaker_named(name).id if name else None


def _update(store: ProjectStore, session: EditSession, difference: Difference) -> None:
    copy = difference.copy
    assert copy is not None and difference.here is not None
    current = _unchanged(store, difference.here)
    kind = difference.kind
    if kind is Kind.TEXT:
        new = replace(current, text=copy.text, words=copy.words)
    elif kind is Kind.SPEAKER:
        new = replace(current, speaker_id=_speaker_id(session, difference.copy_speaker))
    elif kind is Kind.TIMES:
        new = replace(
            current,
            start_ms=copy.start_ms,
            end_ms=copy.end_ms,
            timing=copy.timing,
            confidence=copy.confidence,
            words=copy.words if current.text == copy.text else current.words,
        )
    else:
        new = replace(current, reviewed=copy.reviewed)
    session.put_turn(new, current)


def _add(store: ProjectStore, session: EditSession, difference: Difference) -> None:
    """Insert the copy's turn at its place; under its own id when the project has none such."""
    copy = difference.copy
    assert copy is not None
    turn = replace(
        copy,
        position=_free_position(store, copy.position),
        speaker_id=_speaker_id(session, difference.copy_speaker),
    )
    if store.find_turn(copy.id) is None:
        session.put_turn(turn)
    else:
        session.insert_turn(turn)


def _free_position(store: ProjectStore, wanted: str) -> str:
    """``wanted`` if no turn has it, else a key just after it (before the next turn)."""
    conn = store.db.conn
    if conn.execute("SELECT 1 FROM turns WHERE position = ?", (wanted,)).fetchone() is None:
        return wanted
    following = conn.execute("SELECT min(position) FROM turns WHERE position > ?", (wanted,))
    return key_between(wanted, following.fetchone()[0])
