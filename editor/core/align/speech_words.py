"""Word times from the eSpeak NG aligner: each word's synthetic start, carried through the warp.

eSpeak reports where every word it spoke starts in its own audio (``speech.speak``); the warping
path maps synthetic frames to the recording's. A token of the turn's text (as
``editor.core.words`` splits it) starts where the first eSpeak word inside it starts, and ends
where the next token starts, pulled back to the end of speech before it. eSpeak's positions
count characters in the turn's text with its runs of spaces made single, so they are mapped back
to the text as typed first. A token eSpeak said nothing for (a lone dash) sits at the end of the
one before it.
"""

from __future__ import annotations

from collections.abc import Callable

from editor.core.model import Word
from editor.core.words import tokens

# synthetic sample index → milliseconds in the recording (from the start of the segment)
SampleToMs = Callable[[int], int]
# (start, end) → the end moved back to the last speech before it
TrimEnd = Callable[[int, int], int]


def cleaned_offsets(text: str) -> list[int]:
    """For each character of ``" ".join(text.split())``, its position in ``text``."""
    positions: list[int] = []
    for number, (start, end) in enumerate(tokens(text)):
        if number:
            positions.append(start - 1)  # the single space eSpeak read between two tokens
        positions.extend(range(start, end))
    return positions


def word_times(
    text: str,
    spoken: list[tuple[int, int, int]],  # eSpeak words: (char start, char end, sample)
    to_ms: SampleToMs,
    trim_end: TrimEnd,
    *,
    turn: tuple[int, int],  # the turn's aligned start and end (ms)
    confidence: float,
) -> tuple[Word, ...]:
    """Every token of ``text`` with a start and end inside ``turn`` and the turn's confidence."""
    spans = tokens(text)
    if not spans:
        return ()
    original = cleaned_offsets(text)
    first_sample: list[int | None] = [None] * len(spans)
    token = 0
    for char_start, _char_end, sample in spoken:
        if not 0 <= char_start < len(original):
            continue
        position = original[char_start]
        while token + 1 < len(spans) and position >= spans[token + 1][0]:
            token += 1
        if first_sample[token] is None:
            first_sample[token] = sample
    turn_start, turn_end = turn
    starts: list[int] = []
    for found in first_sample:
        previous = starts[-1] if starts else turn_start
        at = previous if found is None else to_ms(found)
        starts.append(min(max(at, previous, turn_start), turn_end))
    starts[0] = turn_start  # the turn's start was snapped to where speech begins
    ends = [
        min(trim_end(start, end), end) if end > start else start
        for start, end in zip(starts, [*starts[1:], turn_end], strict=True)
    ]
    return tuple(
        Word(text[a:b], start, max(start, end), confidence)
        for (a, b), start, end in zip(spans, starts, ends, strict=True)
    )
