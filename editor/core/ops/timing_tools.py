"""Timing operations beyond setting times: stamping, nudging, estimating, alignment results."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Protocol, runtime_checkable

from editor.core.changes import Changes
from editor.core.errors import EditError
from editor.core.model import ALIGNED, CONFIRMED, ESTIMATED, Turn, Word
from editor.core.project.store import ProjectStore
from editor.core.time_estimates import estimate_spans
from editor.core.words import reconcile

NUDGE_MS = 100


def stamp_start(store: ProjectStore, turn_id: int, position_ms: int) -> Changes:
    """The turn starts at the playhead (confirmed); the turn before ends there unless a person
    set its end."""
    if position_ms < 0:
        raise EditError(f"a start time cannot be negative ({position_ms} ms)")
    with store.edit("Stamp start") as session:
        turn = store.turn(turn_id)
        end = turn.end_ms if turn.end_ms is not None and turn.end_ms > position_ms else None
        session.put_turn(replace(turn, start_ms=position_ms, end_ms=end, timing=CONFIRMED), turn)
        previous = store.previous_turn(turn)
        if previous is not None and _end_may_follow(previous, position_ms):
            session.put_turn(replace(previous, end_ms=position_ms), previous)
    return session.changes()


def _end_may_follow(turn: Turn, position_ms: int) -> bool:
    """Whether the turn's end may move to the next turn's new start."""
    unset_or_guessed = turn.end_ms is None or not turn.is_confirmed
    return unset_or_guessed and (turn.start_ms is None or turn.start_ms <= position_ms)


def nudge(store: ProjectStore, turn_id: int, edge: str, delta_ms: int) -> Changes:
    """Move a turn's start or end by ``delta_ms`` (and confirm it)."""
    with store.edit("Nudge start" if edge == "start" else "Nudge end") as session:
        turn = store.turn(turn_id)
        value = turn.start_ms if edge == "start" else turn.end_ms
        if value is None:
            raise EditError(f"turn {turn_id} has no {edge} time to nudge")
        value = max(0, value + delta_ms)
        start = value if edge == "start" else turn.start_ms
        end = value if edge == "end" else turn.end_ms
        if start is not None and end is not None and end < start:
            raise EditError("a turn cannot end before it starts")
        session.put_turn(replace(turn, start_ms=start, end_ms=end, timing=CONFIRMED), turn)
    return session.changes()


def estimate_missing_times(store: ProjectStore) -> Changes:
    """Give untimed turns times estimated from their timed neighbours and text length."""
    turns = store.turns()
    spans = estimate_spans(
        [t.text for t in turns], [t.start_ms for t in turns], [t.end_ms for t in turns]
    )
    with store.edit("Estimate missing times") as session:
        for turn, span in zip(turns, spans, strict=True):
            if turn.start_ms is None:
                session.put_turn(
                    replace(turn, start_ms=span.start_ms, end_ms=span.end_ms, timing=ESTIMATED),
                    turn,
                )
                session.count += 1
    return session.changes()


def confirm_times(store: ProjectStore, turn_ids: list[int]) -> Changes:
    """Accept estimated or aligned times as right (they become anchors for alignment)."""
    with store.edit("Confirm times") as session:
        for turn_id in turn_ids:
            turn = store.turn(turn_id)
            if turn.start_ms is not None and not turn.is_confirmed:
                session.put_turn(replace(turn, timing=CONFIRMED), turn)
                session.count += 1
    return session.changes()


@runtime_checkable
class WithWords(Protocol):
    """Alignment results that also carry word timings (``align.project.AlignmentResult``)."""

    def words(self, turn_id: int) -> tuple[Word, ...]: ...


def apply_alignment(store: ProjectStore, results: Mapping[int, tuple[int, int, float]]) -> Changes:
    """Write aligned (start, end, confidence) for the given turns, and their word timings when
    the results have them, as one step. Words are matched to the turn's current text, so a
    word edited meanwhile is left untimed rather than given another word's time."""
    timed_words = results if isinstance(results, WithWords) else None
    with store.edit("Align to audio") as session:
        for turn_id, (start, end, confidence) in results.items():
            turn = store.turn(turn_id)
            words = turn.words
            if timed_words is not None and (aligned := timed_words.words(turn_id)):
                words = reconcile(aligned, turn.text)
            session.put_turn(
                replace(
                    turn,
                    start_ms=start,
                    end_ms=max(start, end),
                    timing=ALIGNED,
                    confidence=confidence,
                    words=words,
                ),
                turn,
            )
            session.count += 1
    return session.changes()
