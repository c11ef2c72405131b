"""The acoustic aligner's robustness: stretches where it and the eSpeak NG aligner disagree are
placed again and decided by the acoustic score, and long badly matching words count as bad."""

from __future__ import annotations

import json
import statistics
from pathlib import Path
from typing import cast

import numpy as np
import pytest

from editor.core.align.acoustic.decoder import UNDERFLOW_SCORE, _per_frame
from editor.core.align.acoustic.recheck import DOUBTFUL, recheck
from editor.core.align.acoustic.windows import Timed, WindowAligner
from editor.core.align.aligner import ACOUSTIC, align_media

HARD = Path(__file__).parent.parent / "data" / "hard" / "hard12.ogg"
WORDS = 10  # words a turn, in the constructed runs below


class _Model:
    """Stands in for the window aligner: words spread evenly over the stretch they are given,
    scoring ``good`` when their turn starts where it truly does and ``bad`` elsewhere."""

    def __init__(self, truth: list[int], good: float = -2.0, bad: float = -7.0) -> None:
        self.truth, self.good, self.bad = truth, good, bad
        self.letters = [4] * (WORDS * len(truth))

    def _spread(self, index: int, stop: int, start_ms: int, end_ms: int) -> list[Timed]:
        step = (end_ms - start_ms) // (stop - index)
        right = index % WORDS != 0 or abs(start_ms - self.truth[index // WORDS]) < 500
        score = self.good if right and stop - index <= WORDS else self.bad
        return [
            Timed(start_ms + k * step, start_ms + (k + 1) * step, 0.9, score)
            for k in range(stop - index)
        ]

    between = inside = _spread


def _placed(starts: list[int], scores: list[float]) -> list[Timed]:
    return [
        Timed(start + 300 * k, start + 300 * k + 250, 0.8, score)
        for start, score in zip(starts, scores, strict=True)
        for k in range(WORDS)
    ]


def _run(model: _Model, timed: list[Timed], coarse: list[int]) -> int:
    firsts = [k * WORDS for k in range(len(coarse))]
    starts = dict(zip(firsts, coarse, strict=True))
    return recheck(cast(WindowAligner, model), timed, firsts, starts, (0, 40_000))


def _turn_starts(timed: list[Timed]) -> list[int]:
    return [timed[k].start_ms for k in range(0, len(timed), WORDS)]


def test_a_turn_placed_too_early_moves_where_the_coarse_start_fits_better() -> None:
    truth = [1000, 12_000, 20_000]
    timed = _placed([1000, 5500, 20_000], [-2.0, -7.0, -2.0])
    after = list(timed[2 * WORDS :])
    assert _run(_Model(truth), timed, [1100, 12_100, 20_050]) >= 1
    assert abs(_turn_starts(timed)[1] - 12_000) < 500
    assert timed[2 * WORDS :] == after  # the trusted turn after the stretch did not move
    starts = [t.start_ms for t in timed]
    assert starts == sorted(starts)


def test_a_wrong_coarse_start_loses_to_the_acoustic_placement() -> None:
    truth = [1000, 5500, 20_000]  # the windows were right; the coarse aligner is seconds off
    timed = _placed([1000, 5500, 20_000], [-2.0, -2.0, -2.0])
    before = [(t.start_ms, t.confidence) for t in timed]
    assert _run(_Model(truth), timed, [1100, 9000, 20_050]) == 0
    assert [(t.start_ms, t.confidence) for t in timed] == before


def test_a_coarse_start_outside_the_stretch_costs_no_second_search() -> None:
    # The coarse aligner puts the middle turn a minute away, past the turn after it: there is
    # nothing to anchor, and aligning the same words in the same audio again is not tried.
    class Counting(_Model):
        def __init__(self, truth: list[int]) -> None:
            super().__init__(truth)
            self.calls: list[str] = []

        def between(self, index: int, stop: int, start_ms: int, end_ms: int) -> list[Timed]:
            self.calls.append("between")
            return self._spread(index, stop, start_ms, end_ms)

        def inside(self, index: int, stop: int, start_ms: int, end_ms: int) -> list[Timed]:
            self.calls.append("inside")
            return self._spread(index, stop, start_ms, end_ms)

    model = Counting([1000, 5500, 20_000])
    timed = _placed([1000, 5500, 20_000], [-2.0, -2.0, -2.0])
    assert _run(model, timed, [1100, 60_000, 20_050]) == 0
    assert model.calls == ["between"]  # the whole stretch once: nothing to anchor, no repeat


def test_a_turn_nobody_can_place_gets_low_confidence() -> None:
    model = _Model([1000, 5500, 20_000], good=-4.0, bad=-4.0)  # both placements fit as badly
    timed = _placed([1000, 5500, 20_000], [-4.0, -4.0, -4.0])
    _run(model, timed, [1100, 12_100, 20_050])
    assert all(t.confidence <= DOUBTFUL for t in timed[WORDS : 2 * WORDS])
    assert all(t.confidence == 0.8 for t in timed[2 * WORDS :])


def test_a_long_word_matching_too_badly_for_a_float_scores_badly() -> None:
    # Seven seconds of music taken for one word: its density underflows to 0.
    assert _per_frame(0.0, 700) == UNDERFLOW_SCORE
    assert _per_frame(np.exp(-200.0), 100) == pytest.approx(-2.0)


@pytest.mark.slow  # a minute or two of decoding
def test_harder_audio_has_no_turn_far_off_with_the_acoustic_aligner() -> None:
    """Music intro, overlaps, long pauses, words missing from the speech (hard12)."""
    data = json.loads(HARD.with_suffix(".json").read_text())["turns"]
    result = align_media(HARD, [t["text"] for t in data], method=ACOUSTIC)
    errors = [
        abs(a.start_ms / 1000 - t["start"]) for a, t in zip(result.turns, data, strict=True) if a
    ]
    assert statistics.median(errors) < 0.1 and float(np.percentile(errors, 90)) < 0.5
    assert max(errors) < 1.0
