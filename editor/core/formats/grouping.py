"""Joining caption cues into readable speaker turns.

Recognisers and podcast hosts cut speech into many short cues. Consecutive cues of one speaker
become one turn; a new turn starts at a speaker change, at explicit evidence in the file (a label
that marks turn starts, a paragraph break) or at a long silence, and, only when asked for
(``max_turn_chars``), at the first sentence end once a turn has grown that long. Cues without a
speaker inherit the previous one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from editor.core.formats.base import Cue, ImportOptions
from editor.core.model import TranscriptTurn, Word

SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*$")


def carry_speakers(cues: Sequence[Cue]) -> None:
    """Give cues without a speaker the previous cue's speaker."""
    current: str | None = None
    for cue in cues:
        if cue.speaker is None:
            cue.speaker = current
        else:
            current = cue.speaker


def group(cues: Sequence[Cue], options: ImportOptions) -> list[TranscriptTurn]:
    """Turns from cues (whose speakers are already carried forward)."""
    if options.one_turn_per_cue:
        return [_turn([cue]) for cue in cues]
    turns: list[TranscriptTurn] = []
    current: list[Cue] = []
    for cue in cues:
        if current and _starts_new_turn(current, cue, options):
            turns.append(_turn(current))
            current = []
        current.append(cue)
    if current:
        turns.append(_turn(current))
    return turns


def _starts_new_turn(current: list[Cue], cue: Cue, options: ImportOptions) -> bool:
    last = current[-1]
    if cue.speaker != last.speaker or cue.starts_turn or last.ends_turn:
        return True
    if (
        last.end_ms is not None
        and cue.start_ms is not None
        and cue.start_ms - last.end_ms >= options.pause_ms
    ):
        return True
    if options.max_turn_chars is None:
        return False
    length = sum(len(c.text) + 1 for c in current)
    return length >= options.max_turn_chars and bool(SENTENCE_END.search(last.text))


def _turn(cues: list[Cue]) -> TranscriptTurn:
    text = " ".join(c.text.strip() for c in cues if c.text.strip())
    starts = [c.start_ms for c in cues if c.start_ms is not None]
    ends = [c.end_ms for c in cues if c.end_ms is not None]
    words: list[Word] = [w for c in cues for w in c.words]
    return TranscriptTurn(
        speaker=cues[0].speaker,
        text=text,
        start_ms=min(starts) if starts else None,
        end_ms=max(ends) if ends else None,
        words=tuple(words),
    )
