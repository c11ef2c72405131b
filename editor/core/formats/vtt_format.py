"""WebVTT: read by the W3C parsing algorithm (every voice, every cue kept), written for podcasts.

``webvtt_parser`` runs the spec's file parsing; this module turns its cues into transcript cues
(one per voice span, from ``cue_text``; a cue without a voice may open with a speaker label
such as ``SPEAKER_1:``) and says what the spec dropped, with the line: a cue
whose times cannot be read, or text standing alone after a blank line, is kept as an untimed turn
(with a warning), so no words are lost; comments, styles and stray blocks before the first cue
are not text. The writer puts ``<v Speaker>`` on every cue, escapes ``&`` and ``<``, writes
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
    sample,
)
from editor.core.formats.cue_text import (
    closed_words,
    escape_text,
    escape_voice,
    parse_payload,
    word_timed,
)
from editor.core.formats.grouping import carry_speakers, group
from editor.core.formats.labels import split_label
from editor.core.formats.webvtt_parser import ASCII_WHITESPACE, DroppedBlock, VttCue, parse
from editor.core.model import Transcript, Word
from editor.core.textfile import DecodedText
from editor.core.timecode import format_precise

NAME = "vtt"
LIMITS = captions.CaptionLimits(max_chars=65, max_lines=2)
_OUR_ID = re.compile(r"^(?P<turn>\d+)-(?P<part>\d+)$")
_BROKEN_TIMING = re.compile(r"^\W*\d+:\d\d\S*\s*\S{1,4}\s*\d+:\d\d")
_NOT_TEXT = re.compile(r"^(?:NOTE|STYLE|REGION|WEBVTT)(?:[ \t\n]|$)")


def sniff(text: str) -> bool:
    """``WEBVTT`` or a near miss (``WEBVTX``), so that the reader can explain what is wrong."""
    return sample(text, 64).lstrip("\ufeff").startswith("WEBVT")


def read(source: DecodedText, options: ImportOptions) -> Transcript:
    warnings = Warnings(source.path)
    cues = read_cues(source, warnings)
    if not cues:
        raise InputError(source.path, "no cues found (no 'start --> end' lines)")
    carry_speakers(cues)
    return Transcript(tuple(group(cues, options)), warnings.result(), source.encoding)


def read_cues(source: DecodedText, warnings: Warnings) -> list[Cue]:
    """Transcript cues in file order: the spec's cues, and the text of blocks it drops."""
    parsed = parse(source.text, source.path)
    items: list[VttCue | DroppedBlock] = [*parsed.cues, *parsed.dropped]
    items.sort(key=lambda item: item.line)
    cues: list[Cue] = []
    ids: list[str | None] = []
    for item in items:
        if isinstance(item, DroppedBlock):
            cues.extend(_dropped(item, warnings))
            ids.extend([None] * (len(cues) - len(ids)))
            continue
        start, end = item.start_ms, item.end_ms
        if end < start:
            warnings.add(item.line, "cue ends before it starts; end set to start", kind="reversed")
            end = start
        new = _cues_from_payload(item.text, item.line, start, end)
        if not new:
            warnings.add(item.line, "empty cue (no text); skipped", kind="empty cue")
        cues.extend(new)
        ids.extend([item.identifier or None] + [None] * (len(new) - 1))
    _apply_our_ids(cues, ids)
    return cues


def _dropped(block: DroppedBlock, warnings: Warnings) -> list[Cue]:
    """What the spec drops: kept as an untimed turn when it is words, else skipped; both said."""
    first, _, rest = block.text.partition("\n")
    if block.timing is None and _BROKEN_TIMING.match(first):  # '00:01.000 -> 00:02.000'
        block = DroppedBlock(block.line, rest, first, block.before_first_cue)
    if block.timing is not None:
        timing = block.timing.strip()
        kept = _untimed(block)
        if not kept:
            warnings.add(block.line, f"cue times {timing!r} cannot be read; empty cue skipped")
            return []
        warnings.add(
            block.line,
            f"cue times {timing!r} cannot be read (WebVTT times are [hh:]mm:ss.ttt); "
            "its text is kept as an untimed turn",
            kind="unreadable times",
        )
        return kept
    if not block.text.strip(ASCII_WHITESPACE) or (
        first.startswith("NOTE") and _NOT_TEXT.match(first)
    ):
        return []
    if block.before_first_cue or _NOT_TEXT.match(first):
        warnings.add(
            block.line,
            f"block {_shown(block.text)!r} is not a cue (no 'start --> end' line); skipped",
            kind="not a cue",
        )
        return []
    kept = _untimed(block)
    if kept:
        warnings.add(
            block.line,
            "text after a blank line, without a 'start --> end' line of its own, is not part "
            "of any cue in WebVTT; kept as an untimed turn",
            kind="text outside a cue",
        )
    return kept


def _shown(text: str) -> str:
    """How a warning quotes a block: its first line with something on it."""
    return next((line.strip() for line in text.split("\n") if line.strip()), "")[:40]


def _untimed(block: DroppedBlock) -> list[Cue]:
    """The block's text as one untimed turn of its own (its voice, if it names one)."""
    cues = _cues_from_payload(block.text, block.line, None, None)
    for cue in cues:
        cue.starts_turn = cue.ends_turn = True
    return cues


def _cues_from_payload(payload: str, line: int, start: int | None, end: int | None) -> list[Cue]:
    """One cue per voice span; several voices share the cue's time by text length."""
    fast = word_timed(payload)
    if fast is not None:  # the common word-level caption, read in one pass
        words = closed_words(fast.tokens, fast.starts, start, end)
        return [Cue(line, start, end, fast.text, fast.voice, words=words)]
    pieces = [p for p in parse_payload(payload) if p.text.strip()]
    if not pieces:
        return []
    first = pieces[0]
    if first.voice is None and not first.words:  # "SPEAKER_1: …", "S01: …" as Zoom writes
        name, rest = split_label(first.text)
        if name is not None:
            first.voice, first.text = name, rest
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
    return closed_words([w.text for w in words], [w.start_ms for w in words], start, end)


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
