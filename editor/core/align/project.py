"""Aligning a project's turns: what to align, what stays fixed, as plain data.

``plan`` reads the project (on the caller's thread); ``run`` does the work and may run on
another thread, since it touches no database; the results go back through
``ops.apply_alignment`` as one undoable step (turn times, and word times when the aligner gave
them).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from editor.core.align.aligner import AUTO, align_media
from editor.core.align.result import AlignedTurn, Alignment, Anchor
from editor.core.errors import EditorError
from editor.core.model import Word
from editor.core.project.store import ProjectStore

LOW_CONFIDENCE = 0.3  # turns under this are listed for checking


@dataclass(frozen=True)
class AlignmentPlan:
    media: Path
    turn_ids: list[int]
    texts: list[str]
    anchors: dict[int, Anchor]  # by position in ``texts``
    method: str = AUTO


@dataclass(frozen=True)
class AlignmentResult(Mapping[int, tuple[int, int, float]]):
    """(start, end, confidence) by turn id, as the window and ``apply_alignment`` read it, with
    each turn's word timings and what ran beside it."""

    turns: dict[int, AlignedTurn]
    report: Alignment = field(default_factory=Alignment)

    def __getitem__(self, turn_id: int) -> tuple[int, int, float]:
        turn = self.turns[turn_id]
        return turn.start_ms, turn.end_ms, turn.confidence

    def __iter__(self) -> Iterator[int]:
        return iter(self.turns)

    def __len__(self) -> int:
        return len(self.turns)

    def words(self, turn_id: int) -> tuple[Word, ...]:
        return self.turns[turn_id].words

    @property
    def word_count(self) -> int:
        return sum(len(t.words) for t in self.turns.values())

    def low_confidence(self) -> list[int]:
        """Turn ids whose alignment is doubtful, in order."""
        return [i for i, t in self.turns.items() if t.confidence < LOW_CONFIDENCE]


def plan(store: ProjectStore, keep_confirmed: bool = True, method: str = AUTO) -> AlignmentPlan:
    media = store.media_path()
    if media is None:
        raise EditorError(f"{store.path}: the project's media file cannot be found")
    turns = store.turns()
    if not turns:
        raise EditorError(f"{store.path}: there are no turns to align")
    anchors = {
        index: Anchor(t.start_ms or 0, t.end_ms if t.end_ms is not None else t.start_ms or 0)
        for index, t in enumerate(turns)
        if keep_confirmed and t.is_confirmed
    }
    return AlignmentPlan(media, [t.id for t in turns], [t.text for t in turns], anchors, method)


def run(
    plan: AlignmentPlan,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> AlignmentResult:
    report = align_media(
        plan.media, plan.texts, plan.anchors, progress, cancelled, method=plan.method
    )
    turns = {
        turn_id: result
        for turn_id, result in zip(plan.turn_ids, report.turns, strict=True)
        if result is not None
    }
    return AlignmentResult(turns, report)
