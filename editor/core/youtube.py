"""YouTube chapters: the ``00:00 Title`` lines of a video description, kept to YouTube's rules.

YouTube turns a description's timestamps into chapters only when the first is at 00:00, there
are at least three, each lasts at least 10 seconds and they ascend. The lines are written in
whole seconds (``MM:SS``, ``H:MM:SS`` from an hour on), so the rules are checked on the
seconds as written. A list that breaks a rule is fixed in the block and every fix is reported:
chapters out of order are sorted, a first chapter marked a second or more after the start is
moved to 00:00 (earlier than that it already reads 00:00), and a chapter shorter than 10 s is
merged into the one before it (the first into the next, which then starts at 00:00). Silent
chapters (``toc`` off) stay out, as they stay out of the show notes. Fewer than three chapters
left is an error naming the project: YouTube would show none.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from editor.core.errors import EditorError
from editor.core.formats.base import Exported
from editor.core.formats.documents import without_control_chars
from editor.core.model import Chapter
from editor.core.timecode import format_clock

MIN_CHAPTERS = 3
MIN_SECONDS = 10


@dataclass(frozen=True)
class _Line:
    second: int
    title: str


def youtube_timestamp(second: int) -> str:
    """``MM:SS`` under an hour (``00:00``, ``04:05``), ``H:MM:SS`` from an hour on."""
    hours, minutes, seconds = second // 3600, second // 60 % 60, second % 60
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes:02d}:{seconds:02d}"


def youtube_chapters(
    chapters: Sequence[Chapter], duration_ms: int | None, project: str
) -> Exported:
    """The description block for ``chapters`` (one line each), with a warning per fix.

    ``duration_ms`` is the audio's length, to check the last chapter's; ``project`` names the
    project in the error raised when fewer than three chapters remain."""
    shown = [c for c in chapters if c.toc]
    warnings: list[str] = []
    if any(a.start_ms > b.start_ms for a, b in itertools.pairwise(shown)):
        warnings.append("YouTube chapters: the chapters were not in time order; sorted by start")
    shown.sort(key=lambda c: c.start_ms)
    lines = [_Line(c.start_ms // 1000, _clean_title(c.title)) for c in shown]
    if lines and lines[0].second > 0:
        warnings.append(
            f"YouTube chapters: the first chapter, {lines[0].title!r}, starts at "
            f"{format_clock(shown[0].start_ms)}; moved to 00:00 (YouTube needs a chapter from "
            "the start)"
        )
        lines[0] = _Line(0, lines[0].title)
    end = duration_ms // 1000 if duration_ms is not None else None
    lines = _merge_short(lines, end, warnings)
    if end is None and lines:
        warnings.append(
            "YouTube chapters: the audio's length is unknown (no media linked), so the last "
            f"chapter, {lines[-1].title!r}, could not be checked for YouTube's {MIN_SECONDS} s"
        )
    if len(lines) < MIN_CHAPTERS:
        raise EditorError(_too_few(project, len(chapters), len(shown), len(lines)))
    text = "".join(f"{youtube_timestamp(line.second)} {line.title}\n" for line in lines)
    return Exported(text, tuple(warnings))


def _clean_title(title: str) -> str:
    """One line: YouTube reads a chapter per line, so a line break would cut the title."""
    return " ".join(without_control_chars(title).split())


def _merge_short(lines: list[_Line], end: int | None, warnings: list[str]) -> list[_Line]:
    """Merge every chapter shorter than ``MIN_SECONDS`` into its neighbour, reporting each."""
    merged = list(lines)
    index = 0
    while index < len(merged):
        following = merged[index + 1].second if index + 1 < len(merged) else end
        if following is None or following - merged[index].second >= MIN_SECONDS:
            index += 1
            continue
        short = merged.pop(index)
        length = following - short.second
        if index == 0 and merged:
            neighbour = merged[0].title
            merged[0] = _Line(0, neighbour)
            where = f"merged into the next, {neighbour!r}, which now starts at 00:00"
        elif index > 0:
            where = f"merged into the one before, {merged[index - 1].title!r}"
        else:
            where = "left out"
        warnings.append(
            f"YouTube chapters: {short.title!r} at {youtube_timestamp(short.second)} lasts "
            f"{max(0, length)} s, under YouTube's {MIN_SECONDS} s; {where}"
        )
    return merged


def _too_few(project: str, marked: int, shown: int, left: int) -> str:
    silent = f" ({marked - shown} silent)" if marked != shown else ""
    fixed = f", {left} once those under {MIN_SECONDS} s are merged" if left != shown else ""
    return (
        f"{project}: YouTube shows chapters only when there are at least {MIN_CHAPTERS} of "
        f"{MIN_SECONDS} s or more; this project has {marked} chapter(s){silent}{fixed}. "
        "Mark more chapters (Ctrl+Shift+K, or 'chapter add')"
    )
