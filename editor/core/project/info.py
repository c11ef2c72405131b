"""A summary of a project: what ``transcript-editor info`` prints and the status bar shows."""

from __future__ import annotations

from typing import Any

from editor.core.project.conflicts import find_copies
from editor.core.project.store import ProjectStore
from editor.core.words import word_count


def project_info(store: ProjectStore) -> dict[str, Any]:
    turns = store.turns()
    counts = store.speaker_turn_counts()
    link = store.media_link()
    media_path = store.media_path() if link else None
    last_end = max((t.end_ms or t.start_ms or 0 for t in turns), default=0)
    media_duration = link.duration_ms if link else None
    return {
        "path": str(store.path),
        "title": store.episode().title,
        "turns": len(turns),
        "speakers": [{"name": s.name, "turns": counts.get(s.id, 0)} for s in store.speakers()],
        "words": sum(word_count(t.text) for t in turns),
        "timed_turns": sum(1 for t in turns if t.start_ms is not None),
        "reviewed_turns": sum(1 for t in turns if t.reviewed),
        "media": {
            "path": link.relative_path or link.absolute_path if link else None,
            "found": media_path is not None,
            "resolved_path": str(media_path) if media_path else None,
        },
        "duration_ms": media_duration if media_duration is not None else (last_end or None),
        "uncommitted_drafts": len(store.drafts.pending()),
        "schema_version": store.schema_version,
        "foreign_schema": store.foreign_schema,
        "storage": store.storage_note,
        "conflict_copies": [
            c.path.name for c in find_copies(store.path, store.meta().get("created_at"))
        ],
        "app_version": store.meta().get("app_version"),
    }
