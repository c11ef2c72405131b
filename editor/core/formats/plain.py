"""The show's own plain layout: a ``Speaker Name:`` line, a blank line, the paragraph(s).

Optionally the speaker line starts with a time, ``[HH:MM:SS] Speaker Name:``, which is how the
exporter writes timed turns. A line only counts as a speaker line when it stands alone between
paragraph breaks and looks like a name (see ``labels``): prose that happens to end
with a colon stays prose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from editor.core.errors import InputError
from editor.core.formats.base import ImportOptions
from editor.core.formats.labels import looks_like_name, plausible_name
from editor.core.model import Transcript, TranscriptTurn
from editor.core.textfile import DecodedText
from editor.core.timecode import format_hms, parse_timecode

NAME = "txt"
UNKNOWN_SPEAKER = "Unknown Speaker"

_SPEAKER_LINE = re.compile(r"^(?:\[(?P<time>[\d:.,]+)\]\s*)?(?P<name>[^:\[\]]{1,60}):$")


@dataclass
class _Block:
    name: str | None
    time_ms: int | None
    line: int
    lines: list[str] = field(default_factory=list)


def read(source: DecodedText, _options: ImportOptions | None = None) -> Transcript:
    """Parse the layout; raise ``InputError`` (with file and line) when it is not this layout."""
    lines = source.text.split("\n")
    candidates = speaker_lines(lines)
    if not candidates:
        raise InputError(
            source.path,
            "no speaker lines found: expected 'Speaker Name:' on a line of its own, "
            "then a blank line, then what they said",
        )
    blocks: list[_Block] = [_Block(None, None, 1)]
    for index, line in enumerate(lines):
        if index in candidates:
            name, time_ms = candidates[index]
            blocks.append(_Block(name, time_ms, index + 1))
        else:
            blocks[-1].lines.append(line)
    warnings: list[str] = []
    turns: list[TranscriptTurn] = []
    for block in blocks:
        text = _paragraphs(block.lines)
        if block.name is None:
            if text:
                first = next(i for i, line in enumerate(lines) if line.strip()) + 1
                warnings.append(
                    f"{source.path}:{first}: text before the first speaker line kept as a turn "
                    "with no speaker"
                )
                turns.append(TranscriptTurn(None, text))
            continue
        if not text:
            warnings.append(f"{source.path}:{block.line}: {block.name!r} has no text; kept empty")
        turns.append(TranscriptTurn(block.name, text, start_ms=block.time_ms))
    return Transcript(tuple(turns), tuple(warnings), source.encoding)


def write(transcript: Transcript, with_times: bool = False) -> str:
    """The layout back out; ``with_times`` prefixes timed turns with ``[HH:MM:SS]``."""
    parts = []
    for turn in transcript.turns:
        header = f"{turn.speaker or UNKNOWN_SPEAKER}:"
        if with_times and turn.start_ms is not None:
            header = f"[{format_hms(turn.start_ms)}] {header}"
        parts.append(f"{header}\n\n{turn.text}\n")
    return "\n".join(parts)


def sniff(text: str) -> bool:
    """Does ``text`` look like this layout?"""
    return bool(speaker_lines(text.split("\n")[:400]))


def speaker_lines(lines: list[str]) -> dict[int, tuple[str, int | None]]:
    """Line index → (speaker name, start time) for every line that is a speaker line."""
    found: dict[int, tuple[str, int | None]] = {}
    for index, raw in enumerate(lines):
        line = raw.strip()
        match = _SPEAKER_LINE.match(line)
        if match is None or (index > 0 and lines[index - 1].strip()):
            continue
        name = " ".join(match["name"].split())
        time_ms = parse_timecode(match["time"]) if match["time"] else None
        if match["time"] and time_ms is None:
            continue
        if plausible_name(name):
            found[index] = (name, time_ms)
    # A name that is not name-shaped still counts when it introduces more than one turn.
    counts: dict[str, int] = {}
    for name, _ in found.values():
        counts[name] = counts.get(name, 0) + 1
    return {i: v for i, v in found.items() if looks_like_name(v[0]) or counts[v[0]] > 1}


def _paragraphs(lines: list[str]) -> str:
    """Join lines, keeping single line breaks and collapsing blank runs to one blank line."""
    out: list[str] = []
    blank = False
    for line in lines:
        stripped = line.strip()
        if not stripped:
            blank = bool(out)
            continue
        if blank:
            out.append("")
            blank = False
        out.append(stripped)
    return "\n".join(out)
