"""Undo and redo of any operation, from the ``Changes`` it returned.

Both refuse to run when the rows no longer look the way the operation left them (or found them),
so a history that got out of step with the file can never overwrite newer work.
"""

from __future__ import annotations

from editor.core.changes import Changes, RowStates
from editor.core.errors import EditError
from editor.core.project.store import ProjectStore


def undo(store: ProjectStore, changes: Changes) -> Changes:
    """Put back the state before ``changes``."""
    return _restore(store, expected=changes.after, target=changes.before, label=changes.label)


def redo(store: ProjectStore, changes: Changes) -> Changes:
    """Make ``changes`` again after an undo."""
    return _restore(store, expected=changes.before, target=changes.after, label=changes.label)


def _restore(store: ProjectStore, expected: RowStates, target: RowStates, label: str) -> Changes:
    with store.edit(label) as session:
        current = {turn_id: store.find_turn(turn_id) for turn_id in expected.turns}
        for turn_id, turn in expected.turns.items():
            if current[turn_id] != turn:
                raise EditError(f"cannot undo or redo {label!r}: turn {turn_id} has changed since")
        session.remember_turns(current)  # read once: the check and the undo record share it
        for speaker_id, speaker in expected.speakers.items():
            if store.find_speaker(speaker_id) != speaker:
                raise EditError(
                    f"cannot undo or redo {label!r}: speaker {speaker_id} has changed since"
                )
        session.restore(target)
    return session.changes()
