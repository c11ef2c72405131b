"""Clips for promotion: their times from turns or a span of text, and their export forms.

Clip edges go where speech starts and stops, never on the dead air around it: a clip of whole
turns runs from the first word's start to the last word's end when the turns have word timings
(from the turns' own start and end otherwise); a clip of a span inside a turn from the first
selected word's start to the last one's end, an edited word without times being bounded by the
timed words beside it. Only a turn with no word timings at all places the span in proportion to
its position in the text.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from editor.core.errors import EditError
from editor.core.formats.documents import escape_markdown
from editor.core.glossary.csv_io import spreadsheet_safe
from editor.core.model import Clip, Turn
from editor.core.soundbites import TITLE_MAX, soundbite_tags
from editor.core.timecode import format_clock
from editor.core.word_map import WordMap

SOUNDBITE_TITLE_MAX = TITLE_MAX
NUDGE_MS = 100
AUDITION_MS = 2000  # how much of a clip's edge to play when checking it


def clip_from_turns(turns: Sequence[Turn], speaker: str, title: str = "") -> Clip:
    """A clip covering whole consecutive turns, from the first word spoken to the last."""
    if not turns:
        raise EditError("select the turns to clip")
    start = WordMap.of(turns[0]).first_start()
    end = WordMap.of(turns[-1]).last_end()
    start = turns[0].start_ms if start is None else start
    end = turns[-1].end_ms if end is None else end
    if start is None or end is None or end <= start:
        raise EditError("the selected turns have no times yet; time them first")
    quote = " ".join(t.text for t in turns)
    return Clip(0, start, end, title or default_title(quote), quote, speaker=speaker)


def clip_from_span(turn: Turn, start: int, end: int, speaker: str, title: str = "") -> Clip:
    """A clip of the characters ``start``–``end`` of one turn's text."""
    if not 0 <= start < end <= len(turn.text) or not turn.text[start:end].strip():
        raise EditError("select the words to clip inside the turn")
    quote = turn.text[start:end].strip()
    start_ms, end_ms = _span_times(turn, start, end)
    return Clip(0, start_ms, end_ms, title or default_title(quote), quote, speaker=speaker)


def _span_times(turn: Turn, start: int, end: int) -> tuple[int, int]:
    words = WordMap.of(turn)
    if words.is_timed:
        span = words.speech_span(start, end)
        if span is not None:
            return span
    if turn.start_ms is None or turn.end_ms is None:
        raise EditError("this turn has no times yet; time it first")
    length = max(1, len(turn.text))
    duration = turn.end_ms - turn.start_ms
    first = turn.start_ms + round(duration * start / length)
    last = turn.start_ms + round(duration * end / length)
    return first, max(last, first + 1)


def default_title(quote: str, words: int = 8) -> str:
    """The title a clip gets when none is given: the quote's first words."""
    parts = quote.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def nudge(clip: Clip, edge: str, delta_ms: int) -> Clip:
    """Move the clip's start or end by ``delta_ms`` (keeping it at least 100 ms long)."""
    if edge == "start":
        return replace(clip, start_ms=max(0, min(clip.start_ms + delta_ms, clip.end_ms - 100)))
    return replace(clip, end_ms=max(clip.start_ms + 100, clip.end_ms + delta_ms))


# -- export ------------------------------------------------------------------------------------


def clips_csv(clips: Sequence[Clip]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["start", "end", "duration", "title", "quote", "speaker", "tags", "note"])
    for clip in clips:
        writer.writerow(
            [
                f"{clip.start_ms / 1000:.3f}",
                f"{clip.end_ms / 1000:.3f}",
                f"{clip.duration_ms / 1000:.3f}",
            ]
            + [
                spreadsheet_safe(cell)
                for cell in (clip.title, clip.quote, clip.speaker, ", ".join(clip.tags), clip.note)
            ]
        )
    return out.getvalue()


def clips_markdown(clips: Sequence[Clip]) -> str:
    lines = []
    for clip in clips:
        speaker = f" — {escape_markdown(clip.speaker)}" if clip.speaker else ""
        quote = escape_markdown(clip.quote.replace('"', "\u201d"))
        lines.append(
            f'- {format_clock(clip.start_ms)}–{format_clock(clip.end_ms)} "{quote}"{speaker}'
        )
    return "\n".join(lines) + ("\n" if lines else "")


def clip_record(clip: Clip) -> dict[str, Any]:
    """A clip as JSON writes it: times in seconds."""
    return {
        "start": clip.start_ms / 1000,
        "end": clip.end_ms / 1000,
        "title": clip.title,
        "quote": clip.quote,
        "speaker": clip.speaker,
        "tags": list(clip.tags),
        "note": clip.note,
    }


def clips_json(clips: Sequence[Clip]) -> str:
    data = [clip_record(c) for c in clips]
    return json.dumps({"clips": data}, ensure_ascii=False, indent=2) + "\n"


def soundbites(clips: Sequence[Clip]) -> str:
    """``<podcast:soundbite>`` lines for the RSS item (see ``soundbites.soundbite_tags``)."""
    return str(soundbite_tags(clips).content)
