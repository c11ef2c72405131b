"""Adding reviewed chapter suggestions: all of them in one step, through the session with the
record kind ``chapters`` (``SUGGESTED_RECORDS``), so one undo takes them all back.

Existing chapters are never overwritten unless asked: ``existing="refuse"`` (the default)
refuses when there are any, ``"replace"`` removes them first, ``"keep"`` adds the suggestions
beside them and leaves out a suggestion that starts when a kept chapter does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from editor.core.chapter_suggest import Suggestion
from editor.core.errors import EditError
from editor.core.model import Chapter
from editor.core.project.record_history import RecordKind
from editor.core.project.store import ProjectStore

Existing = Literal["refuse", "replace", "keep"]
SUGGESTED_LABEL = "Suggested chapters"
SUGGESTED_RECORDS: RecordKind = "chapters"


@dataclass(frozen=True, slots=True)
class Added:
    chapters: tuple[Chapter, ...]  # the new chapters, by start
    removed: int  # existing chapters replaced
    skipped: tuple[Suggestion, ...]  # left out: a kept chapter starts at the same time


def add_suggested_chapters(
    store: ProjectStore, suggestions: Sequence[Suggestion], existing: Existing = "refuse"
) -> Added:
    """Make the suggestions chapters (their titles as given); ``EditError`` if refused."""
    if not suggestions:
        raise EditError("no chapters to add")
    for suggestion in suggestions:
        if not suggestion.title.strip():
            raise EditError(f"the chapter at turn {suggestion.turn_number} needs a title")
    current = store.chapters.all()
    if current and existing == "refuse":
        raise EditError(
            f"the project already has {len(current)} chapter(s); replace them or keep them "
            "beside the suggestions"
        )
    removed = 0
    if existing == "replace" and current:
        store.chapters.remove(*(c.id for c in current))
        removed, current = len(current), []
    taken = {c.start_ms for c in current}
    added: list[Chapter] = []
    skipped: list[Suggestion] = []
    for suggestion in sorted(suggestions, key=lambda s: s.start_ms):
        if suggestion.start_ms in taken:
            skipped.append(suggestion)
            continue
        taken.add(suggestion.start_ms)
        chapter = Chapter(
            0, suggestion.start_ms, suggestion.title.strip(), turn_id=suggestion.turn_id
        )
        added.append(store.chapters.add(chapter))
    return Added(tuple(added), removed, tuple(skipped))
