"""Chapters: marks at turn starts, exported as Podcasting 2.0 JSON chapters (version 1.2.0)
and as the ``00:00:00 Title`` lines that Apple, Spotify and YouTube read in show notes.

Both start at 0 and agree with each other; two chapters may not start at the same time.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Sequence
from typing import Any

from editor.core.errors import EditError
from editor.core.formats.base import Exported
from editor.core.model import Chapter, Turn
from editor.core.timecode import format_clock, format_hms
from editor.core.urls import is_web_url

JSON_CHAPTERS_VERSION = "1.2.0"
SNAP_TO_START_MS = 1000  # a first chapter marked later than this is reported as moved


def chapter_at_turn(turn: Turn, title: str, url: str = "", img: str = "") -> Chapter:
    if turn.start_ms is None:
        raise EditError("this turn has no start time yet; time it before marking a chapter")
    if not title.strip():
        raise EditError("a chapter needs a title")
    return Chapter(0, turn.start_ms, title.strip(), url, img, True, turn.id)


def ordered_chapters(chapters: Sequence[Chapter]) -> list[Chapter]:
    """Ascending by start; ``EditError`` when two chapters start at the same time."""
    ordered = sorted(chapters, key=lambda c: (c.start_ms, c.id))
    for before, after in itertools.pairwise(ordered):
        if before.start_ms == after.start_ms:
            raise EditError(
                f"chapters {before.title!r} and {after.title!r} both start at "
                f"{format_clock(after.start_ms)}; move or remove one of them"
            )
    return ordered


def duplicate_start(chapters: Sequence[Chapter], chapter: Chapter) -> Chapter | None:
    """Another chapter (not ``chapter`` itself) that starts when ``chapter`` does."""
    return next(
        (c for c in chapters if c.start_ms == chapter.start_ms and c.id != chapter.id), None
    )


def chapters_json(
    chapters: Sequence[Chapter],
    duration_ms: int | None = None,
    title: str = "",
    podcast_name: str = "",
    author: str = "",
) -> Exported:
    """Podcasting 2.0 JSON chapters: ascending, the first at 0, and ``endTime`` on every chapter
    (each ends where the next begins, the last with the audio) or, without the audio's length,
    on none. The first chapter begins at 0 whenever it was marked (with a warning when that is a
    second or more later), as players and the show notes' chapter lines have it."""
    ordered = ordered_chapters(chapters)
    warnings: list[str] = []
    starts = [c.start_ms for c in ordered]
    if ordered:
        if starts[0] >= SNAP_TO_START_MS:
            warnings.append(first_chapter_warning(ordered[0]))
        starts[0] = 0
    ends: list[int] | None = None
    if duration_ms is not None and ordered and duration_ms > starts[-1]:
        ends = [*starts[1:], duration_ms]
    elif ordered and duration_ms is not None:
        warnings.append(
            f"chapters: the last chapter starts at {format_clock(starts[-1])}, after the end of "
            f"the audio ({format_clock(duration_ms)}); no chapter has an endTime"
        )
    items = [
        _item(chapter, start, ends[index] if ends else None)
        for index, (chapter, start) in enumerate(zip(ordered, starts, strict=True))
    ]
    document: dict[str, Any] = {"version": JSON_CHAPTERS_VERSION}
    for key, value in (("title", title), ("podcastName", podcast_name), ("author", author)):
        if value.strip():
            document[key] = value.strip()
    document["chapters"] = items
    return Exported(json.dumps(document, ensure_ascii=False, indent=2) + "\n", tuple(warnings))


def _item(chapter: Chapter, start_ms: int, end_ms: int | None) -> dict[str, Any]:
    item: dict[str, Any] = {"startTime": start_ms / 1000, "title": chapter.title}
    if is_web_url(chapter.url):
        item["url"] = chapter.url.strip()
    if is_web_url(chapter.img):
        item["img"] = chapter.img.strip()
    if not chapter.toc:
        item["toc"] = False
    if end_ms is not None:
        item["endTime"] = end_ms / 1000
    return item


def first_chapter_warning(chapter: Chapter) -> str:
    return (
        f"chapters: the first chapter, {chapter.title!r}, is marked at "
        f"{format_clock(chapter.start_ms)} and begins at 0:00 (players expect a chapter from the "
        "start); mark one at the first turn if what comes before needs a title of its own"
    )


def chapter_lines(chapters: Sequence[Chapter]) -> list[tuple[str, str]]:
    """(``HH:MM:SS``, title) lines for show notes: ascending, the first at 00:00:00 as in the
    chapters file (Apple, Spotify and YouTube need that)."""
    ordered = sorted((c for c in chapters if c.toc), key=lambda c: c.start_ms)
    return [(format_hms(c.start_ms) if i else "00:00:00", c.title) for i, c in enumerate(ordered)]
