"""Estimating times for turns that have none, from the timed turns around them and text length.

Used where a format needs times the transcript does not have (captions), and to show estimated
positions for untimed turns. Known times are never changed; estimates only fill the gaps.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

# Conversational English runs at about 15 characters a second (≈ 170 words a minute).
CHARS_PER_SECOND = 15.0
MIN_TURN_MS = 500


@dataclass(frozen=True, slots=True)
class Span:
    start_ms: int
    end_ms: int
    estimated: bool


def _speaking_ms(text: str) -> int:
    return max(MIN_TURN_MS, round(len(text) / CHARS_PER_SECOND * 1000))


def estimate_spans(
    texts: Sequence[str],
    starts: Sequence[int | None],
    ends: Sequence[int | None],
) -> list[Span]:
    """A start and end for every turn; ``estimated`` marks those not fully given."""
    count = len(texts)
    result: list[Span | None] = [None] * count
    index = 0
    while index < count:
        if starts[index] is not None:
            start = starts[index]
            assert start is not None
            end = ends[index]
            if end is None or end < start:
                # Speaking time, but never past the next turn's start.
                end = start + _speaking_ms(texts[index])
                following = _next_start(starts, index + 1)
                if following is not None and start < following < end:
                    end = following
                result[index] = Span(start, end, estimated=True)
            else:
                result[index] = Span(start, end, estimated=False)
            index += 1
            continue
        run_end = index
        while run_end < count and starts[run_end] is None:
            run_end += 1
        _fill_run(texts, starts, ends, result, index, run_end)
        index = run_end
    return [span for span in result if span is not None]


def _next_start(starts: Sequence[int | None], index: int) -> int | None:
    return next((s for s in starts[index:] if s is not None), None)


def _fill_run(  # noqa: PLR0917 - private helper of estimate_spans
    texts: Sequence[str],
    starts: Sequence[int | None],
    ends: Sequence[int | None],
    result: list[Span | None],
    first: int,
    stop: int,
) -> None:
    """Spread the untimed turns first..stop-1 over the gap between their timed neighbours."""
    lengths = [_speaking_ms(texts[i]) for i in range(first, stop)]
    if first > 0:
        previous = result[first - 1]
        assert previous is not None
        gap_start = previous.end_ms
    else:
        gap_start = 0
    gap_end = starts[stop] if stop < len(starts) else None
    natural = sum(lengths)
    if gap_end is None or gap_end <= gap_start:
        scale = 1.0 if gap_end is None else 0.0
    else:
        scale = (gap_end - gap_start) / natural
    position = float(gap_start)
    for offset, length in enumerate(lengths):
        start = round(position)
        position += length * scale
        end = max(start, round(position))
        given_end = ends[first + offset]
        if given_end is not None and given_end >= start:
            end = given_end
        result[first + offset] = Span(start, end, estimated=True)
