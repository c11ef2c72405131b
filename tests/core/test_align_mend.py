"""Squeezed words found again between the sure words around them (``acoustic/mend.py``): a turn
placed too early over the end of the turn before it comes back, text missing from the audio
stays squeezed with no confidence."""

from __future__ import annotations

from typing import cast

from editor.core.align.acoustic.mend import mend
from editor.core.align.acoustic.windows import SQUEEZED_SCORE, Timed, WindowAligner

WORD_MS = 300


class _Model:
    """Stands in for the window aligner: a search finds the words at their true times, scoring
    well, when the span holds them (and from ``entry`` on only those it holds); words the audio
    lacks are never found."""

    def __init__(self, truth: list[int | None], turn_firsts: list[int]) -> None:
        self.truth, self.turn_firsts = truth, turn_firsts
        self.good_score = -3.5
        self.letters = [5] * len(truth)
        self.searches = 0

    def searched(self, index: int, stop: int, span: tuple[int, int], entry: int = 0) -> list[Timed]:
        self.searches += 1
        start_ms, end_ms = span
        found: list[Timed] = []
        for k in range(index + entry, stop):
            at = self.truth[k]
            if at is None or not start_ms <= at <= end_ms - WORD_MS:
                break
            found.append(Timed(at, at + WORD_MS - 20, 0.9, -2.0))
        rest = found[-1].end_ms if found else start_ms
        before = [Timed(start_ms, start_ms, 0.0) for _ in range(entry)]
        after = [Timed(rest, rest, 0.0) for _ in range(stop - index - entry - len(found))]
        return before + found + after


def _sure(start: int, count: int) -> list[Timed]:
    return [
        Timed(start + WORD_MS * k, start + WORD_MS * (k + 1) - 20, 0.9, -2.0) for k in range(count)
    ]


def test_a_turn_placed_over_the_end_of_the_one_before_comes_back() -> None:
    # Turn 0: ten words from 1 s; turn 1 truly starts at 4 s, with no gap.
    truth: list[int | None] = [1000 + WORD_MS * k for k in range(10)]
    truth += [4000 + WORD_MS * k for k in range(10)]
    timed = _sure(1000, 6)  # the last four words of turn 0 squeezed at 2.8 s
    timed += [Timed(2800, 2800, 0.0) for _ in range(4)]
    timed += [Timed(2800 + 400 * k, 3100 + 400 * k, 0.1, -6.0) for k in range(3)]  # stretched
    timed += _sure(4900, 7)
    model = _Model(truth, [0, 10])
    assert mend(cast(WindowAligner, model), timed, (0, 10_000)) > 0
    assert timed[10].start_ms == 4000 and timed[6].start_ms == truth[6]
    assert all(t.score > SQUEEZED_SCORE for t in timed)
    starts = [t.start_ms for t in timed]
    assert starts == sorted(starts)


def test_words_missing_from_the_audio_stay_squeezed() -> None:
    truth: list[int | None] = [1000 + WORD_MS * k for k in range(10)]
    truth += [None] * 5  # a sentence that was not said
    truth += [5000 + WORD_MS * k for k in range(10)]
    timed = _sure(1000, 10) + [Timed(4000, 4000, 0.0) for _ in range(5)] + _sure(5000, 10)
    before = list(timed)
    model = _Model(truth, [0, 10, 15])
    mend(cast(WindowAligner, model), timed, (0, 10_000))
    assert model.searches > 0 and timed == before


def test_a_turn_overlapping_the_words_before_it_is_searched_from_its_own_start() -> None:
    # The last two words of turn 0 cannot be found (said under turn 1's start): searching from
    # turn 0's words finds nothing, searching from turn 1's first word finds all of turn 1.
    truth: list[int | None] = [1000 + WORD_MS * k for k in range(8)] + [None, None]
    truth += [3500 + WORD_MS * k for k in range(10)]
    timed = _sure(1000, 8) + [Timed(3400, 3400, 0.0) for _ in range(2)]
    timed += [Timed(3400 + 20 * k, 3420 + 20 * k, 0.0) for k in range(5)]  # squeezed too
    timed += [Timed(4000 + 100 * k, 4100 + 100 * k, 0.1, -6.0) for k in range(2)]
    timed += _sure(5600, 3)
    mend(cast(WindowAligner, _Model(truth, [0, 10])), timed, (0, 10_000))
    assert timed[10].start_ms == 3500 and timed[8].confidence == 0.0
    assert [t.start_ms for t in timed] == sorted(t.start_ms for t in timed)


def test_words_given_the_time_they_take_or_around_two_turn_starts_stay() -> None:
    truth: list[int | None] = [1000 + WORD_MS * k for k in range(20)]
    spread = _sure(1000, 6) + [Timed(2800 + 180 * k, 2980 + 180 * k, 0.0) for k in range(4)]
    spread += [Timed(3520 + 400 * k, 3820 + 400 * k, 0.1, -6.0) for k in range(3)]
    spread += _sure(4900, 7)
    model = _Model(truth, [0, 10])
    assert mend(cast(WindowAligner, model), list(spread), (0, 10_000)) == 0  # 4 × 180 ms: said
    crushed = _sure(1000, 6) + [Timed(2800, 2800, 0.0) for _ in range(4)] + spread[10:]
    model = _Model(truth, [0, 8, 10])  # a turn of two words, then the answer
    assert mend(cast(WindowAligner, model), crushed, (0, 10_000)) == 0
    assert model.searches == 0
