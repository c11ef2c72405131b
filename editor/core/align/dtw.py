"""Dynamic time warping between the recording and the synthetic speech, coarse to fine.

The first pass compares every coarse frame with every other; each finer pass only looks within a
few frames of the path projected from the pass before, so the work grows linearly with the
episode. Each row is computed with whole-array NumPy operations: a horizontal run of steps is a
running minimum over ``A[k] - S[k]`` plus the cumulative cost ``S`` of the row.

The recording may begin and end with material the text does not cover (a music intro, an outro):
those frames are skipped at a fixed cost per frame instead of being forced onto the first or
last word. Frames of silence in either signal match anything cheaply, so pauses may fall inside
turns as well as between them.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from editor.core.errors import Cancelled, EditorError

Progress = Callable[[float], None]
FULL_PASS_MAX = 4000  # frames per side in the first (unbanded) pass
ACCURATE_FACTOR = 32  # 320 ms frames: the coarsest pass that aligns reliably
WIDE_RADIUS_FRAMES = 6000  # a minute of 10 ms frames: how far the 320 ms pass may stray
RADIUS = 30  # frames either side of the projected path in finer passes
EDGE = 0.35  # skipping audio before the first word or after the last costs this × a bad match


class AlignmentCancelled(Cancelled):
    """The user stopped the alignment; nothing was changed."""


@dataclass(frozen=True)
class Signal:
    """Frame features and a speech mask at one resolution."""

    frames: np.ndarray
    speech: np.ndarray

    @property
    def norms(self) -> np.ndarray:
        """Squared length of every frame vector (for distances by dot products)."""
        return np.einsum("ij,ij->i", self.frames, self.frames)

    def pooled(self, factor: int) -> Signal:
        """Frames ``factor`` times longer. Long frames keep the means of their four quarters
        side by side, so the order of sounds inside them still counts."""
        if factor == 1:
            return self
        parts = 4 if factor >= 16 else 1
        count = math.ceil(len(self.speech) / factor)
        pad = count * factor - len(self.speech)
        frames = np.pad(self.frames, ((0, pad), (0, 0)), mode="edge")
        speech = np.pad(self.speech.astype(np.float32), (0, pad), mode="edge")
        pooled = frames.reshape(count, parts, factor // parts, -1).mean(axis=2)
        return Signal(
            pooled.reshape(count, -1) / np.sqrt(parts),
            speech.reshape(count, factor).mean(axis=1) >= 0.5,
        )


@dataclass
class _Rows:
    """The band of each row and the accumulated cost over it."""

    lo: np.ndarray
    hi: np.ndarray
    cost: list[np.ndarray]


class _Pair:
    """The two signals of one pass, with what every row's costs need worked out once."""

    def __init__(self, real: Signal, synth: Signal, skip: float) -> None:
        dims = real.frames.shape[1]
        self.real, self.synth, self.skip = real, synth, skip
        self.real_norms = real.norms / dims
        self.synth_norms = synth.norms / dims
        self.synth_scaled = synth.frames * (2 / dims)
        # A silent synthetic frame matches anything at a bad match's cost at most; silence
        # against silence is nearly free. (Silent recording frames: inner pauses.)
        self.ceiling_speech = np.where(synth.speech, np.inf, skip)
        self.ceiling_silent = np.where(synth.speech, skip, 0.2 * skip)

    def costs(self, i: int, lo: int, hi: int) -> np.ndarray:
        squared = (
            self.synth_norms[lo : hi + 1]
            + self.real_norms[i]
            - self.synth_scaled[lo : hi + 1] @ self.real.frames[i]
        )
        cost = np.sqrt(np.maximum(squared, 0.0))
        ceiling = self.ceiling_speech if self.real.speech[i] else self.ceiling_silent
        return np.minimum(cost, ceiling[lo : hi + 1])


def _run(pair: _Pair, lo: np.ndarray, hi: np.ndarray, cancelled: Callable[[], bool]) -> _Rows:
    rows = _Rows(lo, hi, [])
    previous = np.full(1, np.inf)
    for i in range(len(lo)):
        if i % 256 == 0 and cancelled():
            raise AlignmentCancelled("the alignment was cancelled")
        first, last = int(lo[i]), int(hi[i])
        cost = pair.costs(i, first, last)
        up = np.full(last - first + 1, np.inf)
        diagonal = np.full(last - first + 1, np.inf)
        if i > 0:
            p_first, p_last = int(lo[i - 1]), int(hi[i - 1])
            a, b = max(first, p_first), min(last, p_last)
            if a <= b:
                up[a - first : b - first + 1] = previous[a - p_first : b - p_first + 1]
            a, b = max(first, p_first + 1), min(last, p_last + 1)
            if a <= b:
                diagonal[a - first : b - first + 1] = previous[a - 1 - p_first : b - p_first]
        best = cost + np.minimum(up, diagonal)
        if first == 0:
            best[0] = min(best[0], i * EDGE * pair.skip + cost[0])  # the text may start here
        running = np.cumsum(cost)
        accumulated = running + np.minimum.accumulate(best - running)
        rows.cost.append(accumulated.astype(np.float32))
        previous = accumulated
    return rows


def _backtrack(rows: _Rows, columns: int, skip: float) -> np.ndarray:
    """Follow the cheapest predecessors back from the best place to end the text."""
    count = len(rows.lo)
    ends = [
        (float(rows.cost[i][columns - 1 - rows.lo[i]]) + (count - 1 - i) * EDGE * skip, i)
        for i in range(count)
        if rows.hi[i] == columns - 1
    ]
    if not ends:
        raise EditorError("the audio and the text could not be aligned")
    i, j = min(ends)[1], columns - 1
    path = [(i, j)]
    while True:
        options = []
        if j - 1 >= rows.lo[i]:
            options.append((rows.cost[i][j - 1 - rows.lo[i]], i, j - 1))
        if i > 0:
            for column in (j, j - 1):
                if rows.lo[i - 1] <= column <= rows.hi[i - 1]:
                    options.append((rows.cost[i - 1][column - rows.lo[i - 1]], i - 1, column))
        if not options:
            break
        best = min(options)
        # At the first synthetic frame the path may also have started right here.
        if j == 0 and i * EDGE * skip <= float(best[0]) * (1 + 1e-6):
            break
        _, i, j = best
        path.append((i, j))
    return np.array(path[::-1])


def _band(
    path: np.ndarray, factor: int, radius: int, rows: int, columns: int
) -> tuple[np.ndarray, np.ndarray]:
    """Rows and columns a finer pass may visit: the coarse path, widened by ``radius``."""
    lo = np.full(rows, columns, dtype=np.int64)
    hi = np.full(rows, -1, dtype=np.int64)
    for i, j in path:
        for r in range(i * factor, min(rows, (i + 1) * factor)):
            lo[r] = min(lo[r], j * factor - radius)
            hi[r] = max(hi[r], (j + 1) * factor - 1 + radius)
    covered = hi >= 0
    lo[~covered] = np.interp(np.flatnonzero(~covered), np.flatnonzero(covered), lo[covered])
    hi[~covered] = np.interp(np.flatnonzero(~covered), np.flatnonzero(covered), hi[covered])
    lo = np.clip(np.minimum.accumulate(lo[::-1])[::-1], 0, columns - 1)
    hi = np.clip(np.maximum.accumulate(hi), 0, columns - 1)
    return lo, hi


def _passes(longest: int, finest: int) -> list[tuple[int, int]]:
    """(pooling factor, band radius in frames) of each pass, coarsest first.

    Frames of 320 ms are the coarsest that still align reliably, so that pass looks within a
    minute either way of the rough path; only longer episodes need a rougher pass before it.
    """
    passes = []
    factor = ACCURATE_FACTOR
    while longest / factor > FULL_PASS_MAX:
        factor *= 4
    while factor > ACCURATE_FACTOR:
        passes.append((factor, max(RADIUS, WIDE_RADIUS_FRAMES // factor)))
        factor //= 4
    passes.append((ACCURATE_FACTOR, max(RADIUS, WIDE_RADIUS_FRAMES // ACCURATE_FACTOR)))
    factor = ACCURATE_FACTOR // 4
    while factor > finest:
        passes.append((factor, RADIUS))
        factor //= 4
    passes.append((finest, RADIUS))
    return passes


def warp(
    real: Signal,
    synth: Signal,
    *,
    cancelled: Callable[[], bool] = lambda: False,
    progress: Progress | None = None,
    finest: int = 2,
) -> np.ndarray:
    """The warping path as (real frame, synthetic frame) pairs, at ``finest`` × the input
    resolution (frames of 20 ms for 10 ms input)."""
    passes = _passes(max(len(real.speech), len(synth.speech)), finest)
    path: np.ndarray | None = None
    previous_factor = passes[0][0]
    for step, (factor, radius) in enumerate(passes):
        r, s = real.pooled(factor), synth.pooled(factor)
        skip = _skip_cost(r, s)  # per pass: distances shrink as frames get longer
        if path is None:
            lo = np.zeros(len(r.speech), dtype=np.int64)
            hi = np.full(len(r.speech), len(s.speech) - 1, dtype=np.int64)
        else:
            lo, hi = _band(path, previous_factor // factor, radius, len(r.speech), len(s.speech))
        rows = _run(_Pair(r, s, skip), lo, hi, cancelled)
        path = _backtrack(rows, len(s.speech), skip)
        previous_factor = factor
        if progress is not None:
            progress((step + 1) / len(passes))
    assert path is not None
    return path


def _skip_cost(real: Signal, synth: Signal) -> float:
    """What skipping a frame costs: a little above what a typical good match costs."""
    rng = np.random.default_rng(0)
    i = rng.integers(0, len(real.speech), 2000)
    j = (i * (len(synth.speech) - 1) // max(1, len(real.speech) - 1)).clip(0)
    diff = real.frames[i] - synth.frames[j]
    typical = np.sqrt((diff * diff).sum(axis=1) / real.frames.shape[1])
    return float(np.percentile(typical, 40))
