"""``<podcast:soundbite>`` tags for the RSS item, and what a producer should know about them.

The tag's title may hold 128 characters: a longer one is cut at the last word boundary that
fits (a single longer word is cut at 128), and the export says so. The namespace recommends 15 to
120 seconds for a soundbite, and a soundbite must lie inside the audio: clips outside either are
exported as they are, with a warning naming the clip.
"""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

from editor.core.formats.base import Exported
from editor.core.formats.documents import without_control_chars
from editor.core.model import Clip
from editor.core.timecode import format_clock

TITLE_MAX = 128
RECOMMENDED_MS = (15_000, 120_000)


def cut_title(title: str, limit: int = TITLE_MAX) -> str:
    """``title`` if it fits, else its longest run of whole words that does (no cut word)."""
    if len(title) <= limit:
        return title
    head = title[: limit + 1]
    boundary = max(head.rfind(space) for space in " \t\n")
    cut = head[:boundary] if boundary > 0 else title[:limit]
    return cut.rstrip(" \t\n,;:–—-") or title[:limit]


def soundbite_tags(clips: Sequence[Clip], duration_ms: int | None = None) -> Exported:
    """One tag per clip; warnings for cut titles, unusual lengths and clips past the audio."""
    lines: list[str] = []
    warnings: list[str] = []
    for number, clip in enumerate(clips, 1):
        name = f"soundbite {number} ({format_clock(clip.start_ms)})"
        clean = without_control_chars(clip.title)
        title = cut_title(clean)
        if title != clean:
            warnings.append(
                f"{name}: the title has {len(clean)} characters, more than the {TITLE_MAX} the "
                f"tag allows; cut after a whole word to {len(title)}: {title!r}"
            )
        shortest, longest = RECOMMENDED_MS
        if not shortest <= clip.duration_ms <= longest:
            warnings.append(
                f"{name}: lasts {clip.duration_ms / 1000:.1f} s; soundbites are recommended to "
                f"last {shortest // 1000}–{longest // 1000} s"
            )
        if duration_ms is not None and clip.end_ms > duration_ms:
            warnings.append(
                f"{name}: ends at {format_clock(clip.end_ms)}, after the end of the audio "
                f"({format_clock(duration_ms)})"
            )
        lines.append(
            f'<podcast:soundbite startTime="{clip.start_ms / 1000:.3f}" '
            f'duration="{clip.duration_ms / 1000:.3f}">{escape(title)}</podcast:soundbite>'
        )
    return Exported("\n".join(lines) + ("\n" if lines else ""), tuple(warnings))
