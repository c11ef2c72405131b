"""Words crushed in with no time of their own, aligned again between the sure words around them.

Where a window failed, the aligner may have found the next turn's words too early, stretched over
the end of the turn before (an answer with no gap, or one that overlaps it), and squeezed that
turn's last words in before them in less time than they take to say; or a wrong path ran on
through a whole turn and squeezed its rest in at the next turn. Either way the stretch between the
last sure words before the crushed ones and the next sure words after them holds all the words
in between, so they are aligned again there in one search: from the first of them, and from the
first word of the turn that begins among them (its start may overlap the words before it). The
new placement is kept only when it leaves fewer words squeezed, the words it found fit as well as
a good window's, and all of them score better; so text truly missing from the audio (which fits
nowhere) stays squeezed, with no confidence.

Only one speaker change at a time is mended: a stretch holding two turn starts (an interjection
under the end of the turn before, then an answer) is left as the windows placed it, since one
search in order cannot place an overlapped word and the turn after it both. Nor are squeezed
words that got as much time as they take to say: one or two words under an overlapping answer
are placed well enough already, and the answer after them is where it starts.
"""

from __future__ import annotations

import statistics

from editor.core.align.acoustic.recheck import FASTEST_MS_PER_LETTER, score
from editor.core.align.acoustic.windows import SQUEEZED_SCORE, Timed, WindowAligner

SURE = 0.5  # three words in a row this confident bound a stretch
REACH = 150  # words looked through either side of the squeezed ones for a sure word
LONGEST_MS = 60_000  # of audio aligned again in one search


def _squeezed(word: Timed) -> bool:
    return word.score == SQUEEZED_SCORE and word.confidence == 0


def mend(aligner: WindowAligner, timed: list[Timed], span: tuple[int, int]) -> int:
    """Runs of squeezed words placed again where that fits well (in ``timed``); how many
    words got new times."""
    mended, k = 0, 0
    while k < len(timed):
        if not _squeezed(timed[k]):
            k += 1
            continue
        end = k
        while end < len(timed) and _squeezed(timed[end]):
            end += 1
        first, stop = _bounds(timed, k)
        start_ms = timed[first - 1].end_ms if first else span[0]
        end_ms = timed[stop].start_ms if stop < len(timed) else span[1]
        turns = sum(1 for t in aligner.turn_firsts if first < t < stop)
        if (
            _crushed(aligner, timed, k, end)
            and turns <= 1
            and 300 <= end_ms - start_ms <= LONGEST_MS
        ):
            placed = _placed(aligner, first, stop, (start_ms, end_ms))
            if _better(aligner, placed, timed[first:stop]):
                timed[first:stop] = _ordered(placed, start_ms)
                mended += stop - first
        k = max(stop, k + 1)
    return mended


def _placed(aligner: WindowAligner, first: int, stop: int, span: tuple[int, int]) -> list[Timed]:
    """The words searched for from the first; and, when a turn begins among them, from that
    turn's first word too (the words before it, overlapped by its start, squeezed in): the
    placement that scores better."""
    options = [aligner.searched(first, stop, span)]
    later = [k for k in aligner.turn_firsts if first < k < stop]
    if later:
        options.append(aligner.searched(first, stop, span, entry=later[0] - first))
    return max(options, key=score)


def _crushed(aligner: WindowAligner, timed: list[Timed], k: int, end: int) -> bool:
    """Whether the squeezed words ``k``–``end`` have less time than they take to say."""
    needs = sum(aligner.letters[k:end]) * FASTEST_MS_PER_LETTER
    return timed[end - 1].end_ms - timed[k].start_ms < needs


def _bounds(timed: list[Timed], k: int) -> tuple[int, int]:
    """The words around the squeezed run at ``k`` back to a sure word and on to sure ones."""
    first = k
    while first > 0 and k - first < REACH and not _sure_until(timed, first):
        first -= 1
    stop = k
    while stop < len(timed) and stop - k < REACH and not _sure_from(timed, stop):
        stop += 1
    return first, stop


def _sure_from(timed: list[Timed], index: int) -> bool:
    return all(t.confidence >= SURE for t in timed[index : index + 3])


def _sure_until(timed: list[Timed], index: int) -> bool:
    return all(t.confidence >= SURE for t in timed[max(0, index - 3) : index])


def _better(aligner: WindowAligner, placed: list[Timed], current: list[Timed]) -> bool:
    """Whether the new placement squeezes fewer words, the words it found fit as well as a
    good window's, and all of them together score better."""
    found = [t.score for t in placed if not _squeezed(t)]
    if not found or len(placed) - len(found) >= sum(1 for t in current if _squeezed(t)):
        return False
    return statistics.median(found) >= aligner.good_score and score(placed) > score(current)


def _ordered(placed: list[Timed], start_ms: int) -> list[Timed]:
    result, previous = [], start_ms
    for word in placed:
        start = max(word.start_ms, previous)
        result.append(Timed(start, max(start, word.end_ms), word.confidence, word.score))
        previous = result[-1].end_ms
    return result
