"""``Change``: the one description of what a step did, to rows and to records alike.

Every write through a ``ProjectSession`` comes back as one ``Change``: the turns and speakers it
touched (``Changes``, before and after), the side records it touched (``RecordChange`` per
kind), who started it (``origin``: the window, the command line …) and whether it was done,
undone or redone. Listeners filter on ``touches`` and ``origin``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from editor.core.changes import Changes, RowStates
from editor.core.model import Speaker, Turn
from editor.core.project.record_history import RecordChange, RecordKind

Action = Literal["do", "undo", "redo"]
# What a change can touch: rows, or one kind of record.
TURNS, SPEAKERS = "turns", "speakers"
WINDOW, COMMAND_LINE = "window", "command line"


@dataclass(frozen=True)
class Change:
    """One step's effect. ``rows`` is always the direction applied (an undo's is inverted)."""

    label: str
    rows: Changes = field(default_factory=lambda: Changes(""))
    records: tuple[RecordChange, ...] = ()
    origin: str = WINDOW
    action: Action = "do"
    step_id: int | None = None  # its place in the project's history, once recorded

    @property
    def count(self) -> int:
        return self.rows.count

    @property
    def is_empty(self) -> bool:
        return self.rows.is_empty and all(r.is_empty for r in self.records)

    @property
    def touched(self) -> frozenset[str]:
        """``"turns"``, ``"speakers"`` and the record kinds (``"clips"`` …) this step changed."""
        found: set[str] = {r.before.kind for r in self.records if not r.is_empty}
        if self.rows.after.turns:
            found.add(TURNS)
        if self.rows.after.speakers:
            found.add(SPEAKERS)
        return frozenset(found)

    def touches(self, *what: str) -> bool:
        return not what or bool(self.touched.intersection(what))

    def record(self, kind: RecordKind) -> RecordChange | None:
        return next((r for r in self.records if r.before.kind == kind and not r.is_empty), None)

    @property
    def shown_label(self) -> str:
        """The label as a history lists it: with its tally when it made several changes."""
        return f"{self.label} ({self.count})" if self.count > 1 else self.label


def combine(label: str, steps: Sequence[Changes], count: int = 0) -> Changes:
    """Several row changes applied in order, as one: each row's first before, last after."""
    turns_before: dict[int, Turn | None] = {}
    turns_after: dict[int, Turn | None] = {}
    speakers_before: dict[int, Speaker | None] = {}
    speakers_after: dict[int, Speaker | None] = {}
    for step in steps:
        for turn_id, turn in step.before.turns.items():
            turns_before.setdefault(turn_id, turn)
        turns_after.update(step.after.turns)
        for speaker_id, speaker in step.before.speakers.items():
            speakers_before.setdefault(speaker_id, speaker)
        speakers_after.update(step.after.speakers)
    turn_ids = [i for i in turns_after if turns_before[i] != turns_after[i]]
    speaker_ids = [i for i in speakers_after if speakers_before[i] != speakers_after[i]]
    return Changes(
        label,
        RowStates(
            {i: turns_before[i] for i in turn_ids}, {i: speakers_before[i] for i in speaker_ids}
        ),
        RowStates(
            {i: turns_after[i] for i in turn_ids}, {i: speakers_after[i] for i in speaker_ids}
        ),
        count,
    )


def combine_records(label: str, steps: Iterable[RecordChange]) -> tuple[RecordChange, ...]:
    """Record changes applied in order, as one per kind: its first before, last after."""
    first: dict[RecordKind, RecordChange] = {}
    last: dict[RecordKind, RecordChange] = {}
    for step in steps:
        first.setdefault(step.before.kind, step)
        last[step.before.kind] = step
    combined = (RecordChange(label, first[k].before, last[k].after) for k in first)
    return tuple(c for c in combined if not c.is_empty)
