"""Cutting turns into caption cues for SRT and WebVTT, and giving each cue its times.

Lines are filled word by word up to the line limit (a word longer than a line is cut), cues hold
up to ``max_lines`` lines. Times come from word timings where every word has them, else are
spread over the turn by text length; the first cue starts at the turn's start and the last ends
at its end, so reading the cues back gives the turn's own times.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from editor.core.model import TranscriptTurn
from editor.core.time_estimates import Span, estimate_spans
from editor.core.words import align


@dataclass(frozen=True)
class CaptionLimits:
    max_chars: int
    max_lines: int


@dataclass(frozen=True)
class CaptionCue:
    start_ms: int
    end_ms: int
    lines: tuple[str, ...]
    turn_number: int  # 1-based, as the editor shows turns
    part: int  # 1-based within the turn


def turn_spans(turns: Sequence[TranscriptTurn]) -> tuple[list[Span], list[int]]:
    """A span for every turn, and the 1-based numbers of turns whose times were estimated."""
    spans = estimate_spans(
        [t.text for t in turns], [t.start_ms for t in turns], [t.end_ms for t in turns]
    )
    untimed = [i + 1 for i, t in enumerate(turns) if t.start_ms is None]
    return spans, untimed


def untimed_warning(path: str, untimed: list[int]) -> str:
    shown = ", ".join(map(str, untimed[:20])) + (" …" if len(untimed) > 20 else "")
    return (
        f"{path}: {len(untimed)} turn(s) had no times; their times were estimated from text "
        f"length: {shown}"
    )


def cut_turn(
    turn: TranscriptTurn,
    span: Span,
    number: int,
    limits: CaptionLimits | None,
    prefix: str = "",
) -> list[CaptionCue]:
    """The cues for one turn; ``limits=None`` gives one cue holding the whole turn."""
    tokens = turn.text.split()
    if not tokens:
        return [CaptionCue(span.start_ms, span.end_ms, (prefix.rstrip(),), number, 1)]
    if limits is None:
        return [CaptionCue(span.start_ms, span.end_ms, (prefix + " ".join(tokens),), number, 1)]
    pieces = [piece for token in tokens for piece in _cut_long(token, limits.max_chars)]
    cues_tokens = _fill(pieces, limits, prefix)
    times = _cue_starts(turn, span, tokens, pieces, cues_tokens)
    cues = []
    for part, (token_lines, start) in enumerate(zip(cues_tokens, times, strict=True), 1):
        end = times[part] if part < len(times) else span.end_ms
        lines = tuple(" ".join(line) for line in token_lines)
        if part == 1 and prefix:
            lines = (prefix + lines[0], *lines[1:])
        cues.append(CaptionCue(start, max(start, end), lines, number, part))
    return cues


def _fill(pieces: list[str], limits: CaptionLimits, prefix: str) -> list[list[list[str]]]:
    """Pieces → cues → lines → pieces, within the limits (the prefix counts on the first line)."""
    cues: list[list[list[str]]] = []
    lines: list[list[str]] = []
    line: list[str] = []
    used = len(prefix)
    for piece in pieces:
        need = len(piece) + (1 if line else 0)
        if used + need > limits.max_chars and (line or used):
            lines.append(line)
            line, used, need = [], 0, len(piece)
            if len(lines) == limits.max_lines:
                cues.append(lines)
                lines = []
        line.append(piece)
        used += need
    lines.append(line)
    cues.append(lines)
    return cues


def _cut_long(token: str, width: int) -> list[str]:
    if len(token) <= width:
        return [token]
    return [token[i : i + width] for i in range(0, len(token), width)]


def _cue_starts(
    turn: TranscriptTurn,
    span: Span,
    tokens: list[str],
    pieces: list[str],
    cues: list[list[list[str]]],
) -> list[int]:
    """Start time of each cue: from word timings when every token has one, else by length."""
    first_piece_of_cue: list[int] = []
    count = 0
    for cue in cues:
        first_piece_of_cue.append(count)
        count += sum(len(line) for line in cue)
    token_starts = _token_starts(turn, tokens) if len(pieces) == len(tokens) else None
    char_offsets = [0]
    for piece in pieces:
        char_offsets.append(char_offsets[-1] + len(piece) + 1)
    duration = span.end_ms - span.start_ms
    starts = [span.start_ms]
    for first in first_piece_of_cue[1:]:
        if token_starts is not None:
            start = token_starts[first]
        else:
            start = span.start_ms + round(duration * char_offsets[first] / char_offsets[-1])
        starts.append(min(max(start, starts[-1]), span.end_ms))
    return starts


def _token_starts(turn: TranscriptTurn, tokens: list[str]) -> list[int] | None:
    if not turn.words:
        return None
    if len(turn.words) == len(tokens) and all(
        w.text == t for w, t in zip(turn.words, tokens, strict=True)
    ):
        if any(w.start_ms is None for w in turn.words):
            return None
        return [w.start_ms for w in turn.words if w.start_ms is not None]
    matched = align(turn.words, " ".join(tokens))
    starts: list[int | None] = [None] * len(tokens)
    for word, index in zip(turn.words, matched, strict=True):
        if index is not None and word.start_ms is not None:
            starts[index] = word.start_ms
    if any(s is None for s in starts):
        return None
    return [s for s in starts if s is not None]
