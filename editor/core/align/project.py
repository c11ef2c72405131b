"""Aligning a project's turns: what to align, what stays fixed, as plain data.

``plan`` reads the project (on the caller's thread); ``run`` does the work and may run on
another thread, since it touches no database; the results go back through
``ops.apply_alignment`` as one undoable step.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from editor.core.align.aligner import align_file
from editor.core.align.result import Anchor
from editor.core.errors import EditorError
from editor.core.project.store import ProjectStore


@dataclass(frozen=True)
class AlignmentPlan:
    media: Path
    turn_ids: list[int]
    texts: list[str]
    anchors: dict[int, Anchor]  # by position in ``texts``


def plan(store: ProjectStore, keep_confirmed: bool = True) -> AlignmentPlan:
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
    return AlignmentPlan(media, [t.id for t in turns], [t.text for t in turns], anchors)


def run(
    plan: AlignmentPlan,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> dict[int, tuple[int, int, float]]:
    aligned = align_file(plan.media, plan.texts, plan.anchors, progress, cancelled)
    return {
        turn_id: (result.start_ms, result.end_ms, result.confidence)
        for turn_id, result in zip(plan.turn_ids, aligned, strict=True)
        if result is not None
    }
