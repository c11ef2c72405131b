"""Timed text layouts where a header line opens each turn.

- Otter: ``Speaker 1  0:08  `` (name, two spaces, time) or ``**Ali** 0:00`` (a bold name, as
  Markdown copies of Otter exports have it), text below, footer ``Transcribed by
  https://otter.ai`` dropped with a warning;
- bracketed: ``[00:01:23] Name: text`` (name optional: the previous speaker goes on);
- Rev style: ``Name (00:01:23):`` or ``**Name (01:23):**``, text below or on the same line.

They carry start times only; the end of a turn is left open.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from editor.core.errors import InputError
from editor.core.formats.base import ImportOptions, Warnings, sample
from editor.core.model import Transcript, TranscriptTurn
from editor.core.textfile import DecodedText
from editor.core.timecode import parse_timecode

_TIME = r"\d+(?::\d\d){1,2}(?:[.,]\d+)?"
OTTER = re.compile(
    rf"^(?:\*\*(?P<bold>[^*\n]+?)\*\*[ \t]+|(?P<name>\S[^\n]*?) {{2,}})(?P<time>{_TIME})\s*$"
)
OTTER_FOOTER = re.compile(r"^\s*Transcribed by https?://otter\.ai", re.IGNORECASE)
BRACKETED = re.compile(
    rf"^\s*\[(?P<time>{_TIME})\]\s*(?:(?P<name>[^:\[\]\n]{{1,60}}?):(?:\s+|$))?(?P<text>.*)$"
)
REV = re.compile(
    rf"^\s*(?:\*\*)?(?P<name>[^()\n*]{{1,60}}?)\s*\((?P<time>{_TIME})\):(?:\*\*)?\s*(?P<text>.*)$"
)


@dataclass
class _Turn:
    speaker: str | None
    start_ms: int | None
    lines: list[str] = field(default_factory=list)


def _count(pattern: re.Pattern[str], text: str) -> int:
    return sum(1 for line in sample(text).split("\n")[:300] if pattern.match(line))


def sniff_otter(text: str) -> bool:
    return _count(OTTER, text) >= 1 and bool(OTTER.match(text.lstrip().split("\n", 1)[0]))


def sniff_bracketed(text: str) -> bool:
    return _count(BRACKETED, text) >= 2 or bool(BRACKETED.match(text.lstrip().split("\n", 1)[0]))


def sniff_rev(text: str) -> bool:
    return _count(REV, text) >= 1 and bool(REV.match(text.lstrip().split("\n", 1)[0]))


def read_otter(source: DecodedText, _options: ImportOptions) -> Transcript:
    return read_with(source, OTTER, "Otter ('Name  0:08')", footer=OTTER_FOOTER)


def read_bracketed(source: DecodedText, _options: ImportOptions) -> Transcript:
    return read_with(source, BRACKETED, "'[00:01:23] Name: text'")


def read_rev(source: DecodedText, _options: ImportOptions) -> Transcript:
    return read_with(source, REV, "'Name (00:01:23):'")


def read_with(
    source: DecodedText,
    header: re.Pattern[str],
    layout: str,
    footer: re.Pattern[str] | None = None,
) -> Transcript:
    """Turns opened by ``header`` lines (groups ``time``, ``name`` or ``bold``, ``text``)."""
    warnings = Warnings(source.path)
    turns: list[_Turn] = []
    preamble_line: int | None = None
    for number, line in enumerate(source.text.split("\n"), 1):
        if footer is not None and footer.match(line):
            warnings.add(number, f"footer {line.strip()!r} dropped")
            continue
        match = header.match(line)
        time_ms = parse_timecode(match["time"]) if match else None
        if match is not None and time_ms is not None:
            name = match.groupdict().get("name") or match.groupdict().get("bold")
            speaker = " ".join(name.split()) if name else (turns[-1].speaker if turns else None)
            turns.append(_Turn(speaker, time_ms))
            inline = match.groupdict().get("text")
            if inline and inline.strip():
                turns[-1].lines.append(inline)
        elif turns:
            turns[-1].lines.append(line)
        elif line.strip():
            preamble_line = preamble_line or number
            turns.append(_Turn(None, None, [line]))
    if not any(t.start_ms is not None for t in turns):
        raise InputError(source.path, f"no {layout} header lines found", 1)
    if preamble_line is not None:
        warnings.add(preamble_line, "text before the first header kept as a turn with no speaker")
    result = tuple(
        TranscriptTurn(t.speaker, _paragraphs(t.lines), start_ms=t.start_ms) for t in turns
    )
    return Transcript(result, warnings.result(), source.encoding)


def _paragraphs(lines: list[str]) -> str:
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        if line.strip():
            current.append(line.strip())
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return "\n\n".join(paragraphs)
