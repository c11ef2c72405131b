"""SubRip (.srt): tolerant reading anchored on timing lines, caption-profile writing.

Reading survives what real files do: BOM, CRLF, ``.`` or ``,`` milliseconds, missing or wrong
numbers, missing blank lines, blank lines inside a cue, reversed or overlapping times (flagged).
``Name: `` labels set the speaker; when only some cues carry one, each label starts a turn.
Writing follows the Podcasting 2.0 caption profile (2 lines of 32 characters, ``Name: `` at each
turn start) and is composed with the ``srt`` library.
"""

from __future__ import annotations

import itertools
import re
from datetime import timedelta

import srt

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
from editor.core.formats.grouping import SENTENCE_END, carry_speakers, group
from editor.core.formats.labels import split_label
from editor.core.model import Transcript
from editor.core.textfile import DecodedText

NAME = "srt"
LIMITS = captions.CaptionLimits(max_chars=32, max_lines=2)
TIMING = re.compile(r"^\s*(?P<start>[\d:.,]+)\s*-{1,2}>\s*(?P<end>[\d:.,]+)(?P<rest>.*)$")
_TAG = re.compile(r"</?(?:b|i|u|font)\b[^>]*>|\{\\[^}]*\}", re.IGNORECASE)
LABELS_MARK_TURNS_BELOW = 0.9  # share of labelled cues under which a label means "new turn"


def sniff(text: str) -> bool:
    head = sample(text).lstrip("\ufeff").lstrip()
    if head.startswith("WEBVTT"):
        return False
    return any(TIMING.match(line) for line in head.split("\n")[:40])


def read(source: DecodedText, options: ImportOptions) -> Transcript:
    warnings = Warnings(source.path)
    cues = read_cues(source, warnings)
    _label_cues(cues)
    carry_speakers(cues)
    return Transcript(tuple(group(cues, options)), warnings.result(), source.encoding)


def read_cues(source: DecodedText, warnings: Warnings) -> list[Cue]:
    lines = source.text.split("\n")
    timing_rows = [i for i, line in enumerate(lines) if "-" in line and TIMING.match(line)]
    if not timing_rows:
        raise InputError(source.path, "no subtitle cues found (no 'start --> end' lines)", 1)
    cues: list[Cue] = []
    _keep_leading_text(lines[: timing_rows[0]], warnings, cues)
    previous_end: int | None = None
    for k, row in enumerate(timing_rows):
        stop = timing_rows[k + 1] if k + 1 < len(timing_rows) else len(lines)
        body = lines[row + 1 : stop]
        if k + 1 < len(timing_rows) and body and body[-1].strip().isdigit():
            body = body[:-1]  # the next cue's number
        body, orphan = _split_numbered(body, row + 2)
        text = _text(body)
        start, end = _times(lines[row], row + 1, warnings)
        if start is not None and previous_end is not None and start < previous_end:
            warnings.add(
                row + 1,
                f"cue overlaps the previous one by {previous_end - start} ms; kept as it is",
                kind="overlapping cue",
            )
        if not text:
            warnings.add(row + 1, "empty cue (no text); skipped", kind="empty cue")
        previous_end = end if end is not None else previous_end
        cues.append(Cue(row + 1, start, end, text))
        if orphan is not None:
            line, number, rest = orphan
            warnings.add(
                line,
                f"cue {number} has no 'start --> end' line; its text is kept as an untimed turn",
                kind="cue without times",
            )
            cues.append(Cue(line, None, None, _text(rest), starts_turn=True, ends_turn=True))
    return [cue for cue in cues if cue.text]


def _text(lines: list[str]) -> str:
    return " ".join(_TAG.sub("", part).strip() for part in lines if part.strip())


def _split_numbered(
    body: list[str], first_line: int
) -> tuple[list[str], tuple[int, str, list[str]] | None]:
    """A number alone after a blank line, with text under it, is a cue whose times are missing:
    (the body before it, (its line, number, its text)), else (body, None)."""
    for i in range(1, len(body) - 1):
        if not body[i - 1].strip() and body[i].strip().isdigit() and body[i + 1].strip():
            return body[: i - 1], (first_line + i, body[i].strip(), body[i + 1 :])
    return body, None


def _keep_leading_text(head: list[str], warnings: Warnings, cues: list[Cue]) -> None:
    text_rows = [i for i, line in enumerate(head) if line.strip() and not line.strip().isdigit()]
    if text_rows:
        warnings.add(text_rows[0] + 1, "text before the first cue kept as an untimed turn")
        cues.append(Cue(text_rows[0] + 1, None, None, " ".join(head[i].strip() for i in text_rows)))


def _times(line: str, number: int, warnings: Warnings) -> tuple[int | None, int | None]:
    match = TIMING.match(line)
    assert match is not None
    start, end = parse_cue_time(match["start"]), parse_cue_time(match["end"])
    if start is None or end is None:
        warnings.add(number, f"unreadable cue times {line.strip()!r}; the cue is kept untimed")
        return None, None
    if start[1] or end[1]:
        warnings.add(
            number,
            "a time has fewer than 3 fraction digits; read as a decimal fraction (',5' = 500 ms)",
            kind="short fraction",
        )
    if end[0] < start[0]:
        warnings.add(
            number, "cue ends before it starts; its end was set to its start", kind="reversed cue"
        )
        return start[0], start[0]
    return start[0], end[0]


def _label_cues(cues: list[Cue]) -> None:
    """Take ``Name: `` labels off the text and decide which of them begin a turn.

    When only some cues are labelled, every label begins a turn (this is how the app writes
    SRT). When (nearly) all are, labels just name the speaker: a repeated label begins a turn
    only after a finished sentence followed by a gap, so a speaker's run-on cues stay together.
    """
    labelled = 0
    for cue in cues:
        name, rest = split_label(cue.text)
        if name is not None:
            cue.speaker, cue.text = name, rest
            labelled += 1
    if labelled and labelled < LABELS_MARK_TURNS_BELOW * len(cues):
        for cue in cues:
            cue.starts_turn = cue.speaker is not None
        return
    for previous, cue in itertools.pairwise(cues):
        gap = (
            cue.start_ms - previous.end_ms
            if cue.start_ms is not None and previous.end_ms is not None
            else 0
        )
        cue.starts_turn = gap > 0 and bool(SENTENCE_END.search(previous.text))


def write(transcript: Transcript, options: ExportOptions) -> Exported:
    spans, untimed = captions.turn_spans(transcript.turns)
    limits = None if options.one_cue_per_turn else LIMITS
    subtitles: list[srt.Subtitle] = []
    for number, (turn, span) in enumerate(zip(transcript.turns, spans, strict=True), 1):
        prefix = f"{turn.speaker}: " if turn.speaker else ""
        for cue in captions.cut_turn(turn, span, number, limits, prefix):
            subtitles.append(
                srt.Subtitle(
                    index=len(subtitles) + 1,
                    start=timedelta(milliseconds=cue.start_ms),
                    end=timedelta(milliseconds=cue.end_ms),
                    content="\n".join(line.replace("-->", "->") for line in cue.lines),
                )
            )
    warnings = (captions.untimed_warning(options.destination, untimed),) if untimed else ()
    return Exported(srt.compose(subtitles, reindex=False, strict=True), warnings)
