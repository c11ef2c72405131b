"""A turn's opening latched on the sound before a long pause, aligned again after the pause.

A short first word ("I", "So") can fit a scrap of sound at the end of the turn before as well as
anywhere, and the word after it may stretch over the pause's faint hiss (a hiss fits an "s"):
the search puts the turn's start there, seconds before its speech, and the words just after the
pause come early too. When a turn's first few words have a long quiet stretch of the audio after
them (in a gap or under a stretched word), longer than a speaker pauses within a turn, they and
the words after them are aligned again from the end of the quiet up to a sure word further on;
with no sure word to align up to, they are moved up against the rest, keeping their lengths (a
stretched one shortened). A speaker does not pause for seconds after "I am"; a search latching
on noise does.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import pairwise

import numpy as np

from editor.core.align.acoustic.activity import pauses
from editor.core.align.acoustic.windows import Timed

LEAD = 3  # a turn's first words this many, with quiet this long after them, are moved:
QUIET_MS = 3000  # longer than a speaker's pause within a turn (the harder audio has 2 s ones)
SLACK_MS = 300  # the speech after the quiet may start this much before its energy does
LONGEST_WORD_MS = 800  # a moved word stretched over the quiet keeps at most this length
SURE = 0.5  # the turn's opening is aligned again up to a word this confident
REACH = 20  # found within this many words after the quiet

# (first word, stop word, start ms, end ms) → the words aligned again between the two times
Realign = Callable[[int, int, int, int], list[Timed]]


def settle_edges(
    timed: list[Timed], firsts: Sequence[int], loud: np.ndarray, again: Realign | None = None
) -> int:
    """Turn openings (``firsts`` are the turns' first words in ``timed``; ``loud`` the audio's
    10 ms activity) moved after a long quiet stretch that follows them, aligned again by
    ``again`` where it can; how many words moved."""
    moved = 0
    for first, stop in pairwise([*firsts, len(timed)]):
        moved += _across_quiet(timed, first, stop, loud, again)
    return moved


def _across_quiet(
    timed: list[Timed], first: int, stop: int, loud: np.ndarray, again: Realign | None
) -> int:
    for k in range(min(first + LEAD, stop - 1), first, -1):
        quiet = _longest_quiet(loud, timed[first].start_ms, timed[k].start_ms)
        if quiet is None or timed[k].start_ms < quiet[1] - SLACK_MS:
            continue
        sure = next(
            (j for j in range(k + 3, min(stop, k + REACH)) if timed[j].confidence >= SURE), None
        )
        if again is not None and sure is not None:
            placed = again(first, sure, quiet[1] - 100, timed[sure].start_ms)
            if len(placed) == sure - first:
                timed[first:sure] = placed
                return sure - first
        end = timed[k].start_ms
        for j in range(k - 1, first - 1, -1):
            length = min(LONGEST_WORD_MS, timed[j].end_ms - timed[j].start_ms)
            timed[j].start_ms, timed[j].end_ms = max(quiet[1] - SLACK_MS, end - length), end
            end = timed[j].start_ms
        return k - first
    return 0


def _longest_quiet(loud: np.ndarray, start_ms: int, end_ms: int) -> tuple[int, int] | None:
    """The longest quiet stretch of at least ``QUIET_MS`` between two times, as (start, end)
    ms, or None."""
    found = pauses(loud, start_ms, end_ms, QUIET_MS)
    return max(found, key=lambda p: p[1] - p[0], default=None)
