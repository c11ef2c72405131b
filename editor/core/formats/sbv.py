"""YouTube SubViewer captions (``.sbv``): a ``0:00:01.000,0:00:04.000`` line, text, a blank line.

YouTube writes ``H:MM:SS.mmm`` start and end separated by a comma, no cue numbers and no
header. Speakers are the labels at the start of a cue (``>> ALICE: …``, ``Sarah: …``). A block
without a timing line keeps its text as an untimed cue, with a warning naming its line.
"""

from __future__ import annotations

import re

from editor.core.errors import InputError
from editor.core.formats.base import Cue, ImportOptions, Warnings, parse_cue_time, sample
from editor.core.formats.grouping import carry_speakers, group
from editor.core.formats.labels import split_label
from editor.core.model import Transcript
from editor.core.textfile import DecodedText

TIMING = re.compile(
    r"^\s*(\d+:\d{1,2}:\d{1,2}(?:\.\d{1,3})?)\s*,\s*(\d+:\d{1,2}:\d{1,2}(?:\.\d{1,3})?)\s*$"
)

_BROKEN_TIMING = re.compile(r"^\s*\d[\w:.]*:[\w:.]*\s*,\s*\d[\w:.]*:[\w:.]*\s*$")


def sniff(text: str) -> bool:
    for line in sample(text, 4096).lstrip("\ufeff").split("\n"):
        if line.strip():
            return TIMING.match(line) is not None
    return False


def read(source: DecodedText, options: ImportOptions) -> Transcript:
    warnings = Warnings(source.path)
    cues: list[Cue] = []
    lines = source.text.lstrip("\ufeff").split("\n")
    number = 0
    while number < len(lines):
        if not lines[number].strip():
            number += 1
            continue
        first = number
        block: list[str] = []
        while number < len(lines) and lines[number].strip():
            block.append(lines[number].strip())
            number += 1
        cue = _cue(block, first + 1, warnings)
        if cue is not None:
            cues.append(cue)
    if not any(c.start_ms is not None for c in cues):
        raise InputError(source.path, "no SBV timing lines ('0:00:01.000,0:00:04.000') found", 1)
    carry_speakers(cues)
    return Transcript(tuple(group(cues, options)), warnings.result(), source.encoding)


def _cue(block: list[str], line: int, warnings: Warnings) -> Cue | None:
    match = TIMING.match(block[0])
    start = parse_cue_time(match[1]) if match else None
    end = parse_cue_time(match[2]) if match else None
    if match is None or start is None or end is None:
        if _BROKEN_TIMING.match(block[0]) and len(block) > 1:
            warnings.add(line, f"timing line {block[0][:40]!r} cannot be read; text kept untimed")
            return Cue(line + 1, None, None, " ".join(block[1:]), starts_turn=True)
        warnings.add(line, f"no timing line before {block[0][:40]!r}; kept as untimed text")
        return Cue(line, None, None, " ".join(block), starts_turn=True)
    start_ms, end_ms = start[0], end[0]
    if end_ms < start_ms:
        warnings.add(line, "the cue ends before it starts; end set to start", kind="reversed")
        end_ms = start_ms
    text = " ".join(block[1:])
    if not text:
        warnings.add(line, "the cue has no text; skipped", kind="empty cue")
        return None
    speaker, rest = split_label(text)
    return Cue(line + 1, start_ms, end_ms, rest, speaker=speaker, starts_turn=speaker is not None)
