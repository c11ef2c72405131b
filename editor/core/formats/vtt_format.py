"""WebVTT: our own block reader (every voice, every cue kept) and a podcast-ready writer.

webvtt-py reports only a cue's first voice and silently drops cues it cannot parse, so blocks are
read here: header, ``NOTE``/``STYLE``/``REGION`` blocks skipped, cue ids and settings accepted,
text after a blank line inside a cue joined back to it (with a warning). Voices come from
``cue_text``. The writer puts ``<v Speaker>`` on every cue, escapes ``&`` and ``<``, writes
``HH:MM:SS.mmm``, and ids cues ``turn-part`` so that reading our own file back keeps its turns.
"""

from __future__ import annotations

import re

from editor.core.errors import InputError
from editor.core.formats import captions
from editor.core.formats.base import (
    Cue,
    Exported,
    ExportOptions,
    ImportOptions,
    Warnings,
    parse_cue_time,
    sample,
)
from editor.core.formats.cue_text import escape_text, escape_voice, parse_payload
from editor.core.formats.grouping import carry_speakers, group
from editor.core.model import Transcript, Word
from editor.core.textfile import DecodedText
from editor.core.timecode import format_precise

NAME = "vtt"
LIMITS = captions.CaptionLimits(max_chars=65, max_lines=2)
_TIMING = re.compile(r"^\s*(?P<start>\S+)\s+-->\s+(?P<end>\S+)(?P<settings>.*)$")
_OUR_ID = re.compile(r"^(?P<turn>\d+)-(?P<part>\d+)$")
_SKIPPED_BLOCKS = ("NOTE", "STYLE", "REGION")


def sniff(text: str) -> bool:
    return sample(text, 64).lstrip("\ufeff").lstrip().startswith("WEBVTT")


def read(source: DecodedText, options: ImportOptions) -> Transcript:
    warnings = Warnings(source.path)
    cues = _read_cues(source, warnings)
    if not cues:
        raise InputError(source.path, "no cues found (no 'start --> end' lines)")
    carry_speakers(cues)
    return Transcript(tuple(group(cues, options)), warnings.result(), source.encoding)


def _blocks(text: str) -> list[tuple[int, list[str]]]:
    """(first line number, lines) for each blank-line separated block."""
    blocks: list[tuple[int, list[str]]] = []
    current: list[str] = []
    start = 1
    for number, line in enumerate(text.split("\n"), 1):
        if line.strip():
            if not current:
                start = number
            current.append(line)
        elif current:
            blocks.append((start, current))
            current = []
    if current:
        blocks.append((start, current))
    return blocks


def _read_cues(source: DecodedText, warnings: Warnings) -> list[Cue]:
    blocks = _blocks(source.text.lstrip("\ufeff"))
    if not blocks or not blocks[0][1][0].startswith("WEBVTT"):
        warnings.add(1, "no WEBVTT header; read as WebVTT anyway")
    else:
        blocks = blocks[1:]
    cues: list[Cue] = []
    ids: list[str | None] = []
    for first_line, lines in blocks:
        if lines[0].split(" ")[0].split("\t")[0] in _SKIPPED_BLOCKS:
            continue
        timing_at = next((i for i, line in enumerate(lines) if "-->" in line), None)
        if timing_at is None or timing_at > 1:
            _join_orphan(cues, lines, first_line, warnings)
            continue
        identifier = lines[0].strip() if timing_at == 1 else None
        number = first_line + timing_at
        start, end = _times(lines[timing_at], number, warnings)
        payload = "\n".join(lines[timing_at + 1 :])
        new = _cues_from_payload(payload, number, start, end)
        if not new:
            warnings.add(number, "empty cue (no text); skipped", kind="empty cue")
        cues.extend(new)
        ids.extend([identifier] + [None] * (len(new) - 1))
    _apply_our_ids(cues, ids)
    return cues


def _join_orphan(cues: list[Cue], lines: list[str], line: int, warnings: Warnings) -> None:
    text = " ".join(piece.text for piece in parse_payload("\n".join(lines))).strip()
    if not cues:
        warnings.add(line, "text before the first cue kept as an untimed turn")
        cues.append(Cue(line, None, None, text))
        return
    warnings.add(
        line,
        f"text after a blank line inside the cue at line {cues[-1].line} joined to that cue",
        kind="blank line inside a cue",
    )
    cues[-1].text = f"{cues[-1].text} {text}".strip()


def _times(line: str, number: int, warnings: Warnings) -> tuple[int | None, int | None]:
    match = _TIMING.match(line)
    start = parse_cue_time(match["start"]) if match else None
    end = parse_cue_time(match["end"]) if match else None
    if start is None or end is None:
        warnings.add(number, f"unreadable cue times {line.strip()!r}; the cue is kept untimed")
        return None, None
    assert match is not None
    if "," in match["start"] + match["end"]:
        warnings.add(number, "',' before milliseconds (SRT style); read anyway", kind="comma")
    if end[0] < start[0]:
        warnings.add(number, "cue ends before it starts; end set to start", kind="reversed cue")
        return start[0], start[0]
    return start[0], end[0]


def _cues_from_payload(payload: str, line: int, start: int | None, end: int | None) -> list[Cue]:
    """One cue per voice span; several voices share the cue's time by text length."""
    pieces = [p for p in parse_payload(payload) if p.text.strip()]
    if not pieces:
        return []
    for piece in pieces:
        piece.words = _close_word_times(piece.words, start, end)
    if len(pieces) == 1 or start is None or end is None:
        text = " ".join(p.text.strip() for p in pieces)
        return [Cue(line, start, end, text, pieces[0].voice, words=list(pieces[0].words))]
    total = sum(len(p.text) for p in pieces)
    result, position = [], float(start)
    for piece in pieces:
        piece_start = round(position)
        position += (end - start) * len(piece.text) / total
        result.append(
            Cue(line, piece_start, round(position), piece.text, piece.voice, words=piece.words)
        )
    return result


def _close_word_times(words: list[Word], start: int | None, end: int | None) -> list[Word]:
    """Inline timestamps give word starts: the first word starts with the cue, each ends at
    the next one's start, the last at the cue's end."""
    if not words:
        return words
    starts = [w.start_ms for w in words]
    if starts[0] is None:
        starts[0] = start
    closed = []
    for index, word in enumerate(words):
        following = next((s for s in starts[index + 1 :] if s is not None), end)
        closed.append(
            Word(word.text, starts[index], following if starts[index] is not None else None)
        )
    return closed


def _apply_our_ids(cues: list[Cue], ids: list[str | None]) -> None:
    """Cue ids like ``12-1`` (as this app writes them) mark where turns begin."""
    matches = [_OUR_ID.match(i) if i else None for i in ids]
    if cues and sum(1 for m in matches if m) >= 0.9 * len(cues):
        for cue, match in zip(cues, matches, strict=True):
            cue.starts_turn = cue.starts_turn or bool(match and match["part"] == "1")


def write(transcript: Transcript, options: ExportOptions) -> Exported:
    spans, untimed = captions.turn_spans(transcript.turns)
    limits = None if options.one_cue_per_turn else LIMITS
    blocks = ["WEBVTT"]
    for number, (turn, span) in enumerate(zip(transcript.turns, spans, strict=True), 1):
        voice = f"<v {escape_voice(turn.speaker)}>" if turn.speaker else ""
        for cue in captions.cut_turn(turn, span, number, limits):
            timing = f"{format_precise(cue.start_ms)} --> {format_precise(cue.end_ms)}"
            text = "\n".join(escape_text(line) for line in cue.lines)
            blocks.append(f"{cue.turn_number}-{cue.part}\n{timing}\n{voice}{text}")
    warnings = (captions.untimed_warning(options.destination, untimed),) if untimed else ()
    return Exported("\n\n".join(blocks) + "\n", warnings)
