"""Operations on turn times and review state."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Final

from editor.core.changes import Changes
from editor.core.errors import EditError
from editor.core.model import CONFIRMED, Turn
from editor.core.project.store import ProjectStore
from editor.core.words import shifted


class _Keep:
    def __repr__(self) -> str:
        return "KEEP"


KEEP: Final = _Keep()  # "leave this value as it is" (None means "clear it")


def set_times(
    store: ProjectStore,
    turn_id: int,
    start_ms: int | _Keep | None = KEEP,
    end_ms: int | _Keep | None = KEEP,
) -> Changes:
    """Set (or clear, with None) a turn's start and/or end."""
    with store.edit("Set times") as session:
        turn = store.turn(turn_id)
        start = turn.start_ms if isinstance(start_ms, _Keep) else start_ms
        end = turn.end_ms if isinstance(end_ms, _Keep) else end_ms
        if start is not None and start < 0:
            raise EditError(f"a start time cannot be negative ({start} ms)")
        if start is not None and end is not None and end < start:
            raise EditError(f"turn {turn_id} would end ({end} ms) before it starts ({start} ms)")
        if (start, end) != (turn.start_ms, turn.end_ms) or not turn.is_confirmed:
            session.put_turn(replace(turn, start_ms=start, end_ms=end, timing=CONFIRMED), turn)
    return session.changes()


def shift_times(
    store: ProjectStore, delta_ms: int, turn_ids: Iterable[int] | None = None
) -> Changes:
    """Move the times (and word times) of the given turns, or of all, by ``delta_ms``.

    Times that would fall before zero stop at zero.
    """
    only = set(turn_ids) if turn_ids is not None else None
    with store.edit("Shift times") as session:
        for turn in store.turns():
            if (only is not None and turn.id not in only) or not _has_times(turn):
                continue
            session.put_turn(
                replace(
                    turn,
                    start_ms=_shift(turn.start_ms, delta_ms),
                    end_ms=_shift(turn.end_ms, delta_ms),
                    words=tuple(shifted(w, delta_ms) for w in turn.words),
                ),
                turn,
            )
            session.count += 1
    return session.changes()


def _has_times(turn: Turn) -> bool:
    return (
        turn.start_ms is not None
        or turn.end_ms is not None
        or any(w.start_ms is not None or w.end_ms is not None for w in turn.words)
    )


def _shift(value: int | None, delta: int) -> int | None:
    return None if value is None else max(0, value + delta)


def mark_reviewed(store: ProjectStore, turn_ids: Iterable[int], reviewed: bool = True) -> Changes:
    with store.edit("Mark reviewed" if reviewed else "Mark unreviewed") as session:
        for turn_id in turn_ids:
            turn = store.turn(turn_id)
            if turn.reviewed != reviewed:
                session.put_turn(replace(turn, reviewed=reviewed), turn)
                session.count += 1
    return session.changes()
