"""What every aligner returns, and how anchors divide the work.

Turns whose times a person confirmed are anchors: the turns between two anchors are aligned only
to the audio between them, whichever aligner runs.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from editor.core.model import Word


@dataclass(frozen=True)
class AlignedTurn:
    start_ms: int
    end_ms: int
    confidence: float
    words: tuple[Word, ...] = ()  # the turn's tokens with times, when the aligner gives them


@dataclass
class Alignment:
    """A whole run: every turn's result (None for anchors) and what ran."""

    turns: list[AlignedTurn | None] = field(default_factory=list)
    aligner: str = ""
    words: int = 0  # transcript tokens that got times
    pronounced: int = 0  # words the dictionary lacked, given pronunciations
    windows: int = 0  # acoustic: windows decoded, retried, and given up on
    retries: int = 0
    failures: int = 0
    rechecked: int = 0  # turns moved to the coarse aligner's span, where they fit better
    mended: int = 0  # words squeezed in, then found between the sure words around them
    notes: list[str] = field(default_factory=list)  # why this aligner, what went wrong


@dataclass(frozen=True)
class Anchor:
    start_ms: int
    end_ms: int


def segments(
    count: int, anchors: dict[int, Anchor], duration_ms: int
) -> list[tuple[list[int], int, int]]:
    """Runs of turns between anchors, each with the stretch of audio it must fit in."""
    result: list[tuple[list[int], int, int]] = []
    current: list[int] = []
    start = 0
    for index in range(count + 1):
        anchor = anchors.get(index)
        if index == count or anchor is not None:
            end = anchor.start_ms if anchor is not None else duration_ms
            if current:
                result.append((current, start, max(end, start + 1)))
            current = []
            if anchor is not None:
                start = max(start, anchor.end_ms)
        else:
            current.append(index)
    return result
