"""Chapters: marks at turn starts, exported as Podcasting 2.0 JSON chapters (version 1.2.0)
and as the ``00:00:00 Title`` lines that Apple, Spotify and YouTube read in show notes."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from editor.core.errors import EditError
from editor.core.model import Chapter, Turn
from editor.core.timecode import format_hms
from editor.core.urls import is_web_url

JSON_CHAPTERS_VERSION = "1.2.0"


def chapter_at_turn(turn: Turn, title: str, url: str = "", img: str = "") -> Chapter:
    if turn.start_ms is None:
        raise EditError("this turn has no start time yet; time it before marking a chapter")
    if not title.strip():
        raise EditError("a chapter needs a title")
    return Chapter(0, turn.start_ms, title.strip(), url, img, True, turn.id)


def chapters_json(
    chapters: Sequence[Chapter], duration_ms: int | None = None, title: str = ""
) -> str:
    """Podcasting 2.0 JSON chapters, ascending by start; each ends where the next begins."""
    ordered = sorted(chapters, key=lambda c: (c.start_ms, c.id))
    items: list[dict[str, Any]] = []
    for index, chapter in enumerate(ordered):
        item: dict[str, Any] = {"startTime": chapter.start_ms / 1000, "title": chapter.title}
        if is_web_url(chapter.url):
            item["url"] = chapter.url.strip()
        if is_web_url(chapter.img):
            item["img"] = chapter.img.strip()
        if not chapter.toc:
            item["toc"] = False
        following = ordered[index + 1].start_ms if index + 1 < len(ordered) else duration_ms
        if following is not None and following > chapter.start_ms:
            item["endTime"] = following / 1000
        items.append(item)
    document: dict[str, Any] = {"version": JSON_CHAPTERS_VERSION, "chapters": items}
    if title:
        document["title"] = title
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def chapter_lines(chapters: Sequence[Chapter]) -> list[tuple[str, str]]:
    """(``HH:MM:SS``, title) lines for show notes: ascending, and the first at 00:00:00."""
    ordered = sorted((c for c in chapters if c.toc), key=lambda c: c.start_ms)
    lines = [(format_hms(c.start_ms), c.title) for c in ordered]
    if lines and ordered[0].start_ms >= 1000:
        lines.insert(0, ("00:00:00", "Introduction"))
    return lines
