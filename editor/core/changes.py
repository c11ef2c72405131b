"""What an operation changed, with the before and after state needed to undo and redo it.

Every operation returns a ``Changes``. A snapshot maps the id of each touched row to its state,
``None`` meaning "does not exist". Undo writes ``before`` back; redo writes ``after``. Because
rows keep their ids and sort keys, both stay valid while the undo history is linear.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from editor.core.model import Speaker, Turn

_EMPTY: Mapping[int, object] = MappingProxyType({})


@dataclass(frozen=True)
class RowStates:
    """Turn and speaker rows as they were (or are) around one step, by id; None: no such row.
    (Not a snapshot file: those are ``project.snapshots``.)"""

    turns: Mapping[int, Turn | None] = field(default_factory=dict)
    speakers: Mapping[int, Speaker | None] = field(default_factory=dict)

    def is_empty(self) -> bool:
        return not self.turns and not self.speakers


@dataclass(frozen=True)
class Changes:
    """The result of one operation: a label for the undo stack and the touched rows."""

    label: str
    before: RowStates = field(default_factory=RowStates)
    after: RowStates = field(default_factory=RowStates)
    count: int = 0  # operation-specific tally, e.g. replacements made

    @property
    def is_empty(self) -> bool:
        return self.after.is_empty()

    @property
    def turns_inserted(self) -> list[int]:
        return [i for i, t in self.after.turns.items() if t is not None and self._was_absent(i)]

    @property
    def turns_deleted(self) -> list[int]:
        return [i for i, t in self.after.turns.items() if t is None]

    @property
    def turns_updated(self) -> list[int]:
        return [
            i
            for i, t in self.after.turns.items()
            if t is not None and self.before.turns.get(i) is not None
        ]

    @property
    def speakers_changed(self) -> bool:
        return bool(self.after.speakers)

    @property
    def structure_changed(self) -> bool:
        """True when turns were added, removed or reordered, not only edited in place."""
        if self.turns_inserted or self.turns_deleted:
            return True
        for turn_id in self.turns_updated:
            old, new = self.before.turns[turn_id], self.after.turns[turn_id]
            if old is not None and new is not None and old.position != new.position:
                return True
        return False

    def turn_fields_changed(self, *names: str) -> bool:
        """True when turns came or went, or an updated turn differs in one of ``names``: lets
        a view skip recounting totals after an edit of text alone."""
        if self.turns_inserted or self.turns_deleted:
            return True
        for turn_id in self.turns_updated:
            old, new = self.before.turns[turn_id], self.after.turns[turn_id]
            if any(getattr(old, name) != getattr(new, name) for name in names):
                return True
        return False

    def _was_absent(self, turn_id: int) -> bool:
        return self.before.turns.get(turn_id) is None

    def inverted(self) -> Changes:
        """The changes an undo makes: ``after`` becomes ``before``."""
        return Changes(f"Undo {self.label}", self.after, self.before, self.count)
