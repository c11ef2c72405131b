"""Aligning a long run of words window by window, each window checked and retried on failure.

A cursor walks through the audio. Each window starts just before the cursor and holds about as
much audio as the next chunk of words takes to say (from the speaking rate measured so far),
ending in a pause; the text given is the chunk plus a few words of look-ahead, and the audio may
end after any of them. Only the words that ended well before the window's edge are kept; the rest
are aligned again, from the new cursor, in the next window. So a window cut short or long costs
nothing, and the search in every window is bounded.

A window whose words scored badly, or did not fit at all, is tried again with a wider search and
more room. If that fails too, the chunk may be missing from the recording: the words after it are
tried from the same cursor, and if they fit well the failed chunk is squeezed in before them
(with no confidence) and the cursor stays; otherwise the chunk keeps its best placement with low
confidence. Either way one bad stretch cannot push the rest of the transcript along.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from editor.core.align.acoustic.activity import next_loud, pause_near
from editor.core.align.acoustic.decoder import FRAME_MS, Piece, Sphinx
from editor.core.align.dtw import AlignmentCancelled

CHUNK = 40  # words a window is sized for
LOOKAHEAD = 12  # more words given, in case the window holds more than the chunk
GUARD_MS = 1200  # words ending closer than this to the window's end are aligned again
BACK_MS = 200  # a window starts this far before the cursor
SKIP_SILENCE_MS = 1500  # a quiet stretch this long before the next word is skipped
GOOD_SCORE, BAD_SCORE = -1.5, -6.0  # acoustic score per frame: confident, hopeless
TYPICAL_SCORE = -2.5  # of a window of clean speech, until this recording's is measured
FAILED_BELOW = 1.5  # a window scoring this much under the recording's typical is tried again
MISSING_WITHIN = 0.7  # the words after a failed chunk fit this close to typical: it is missing
SAMPLES_PER_MS = 16


@dataclass
class Timed:
    """An aligned word: absolute times and a confidence."""

    start_ms: int
    end_ms: int
    confidence: float


def confidence(score: float) -> float:
    return round(float(np.clip((score - BAD_SCORE) / (GOOD_SCORE - BAD_SCORE), 0.0, 1.0)), 2)


@dataclass(frozen=True)
class _Fit:
    start_ms: int  # of the window
    end_ms: int
    pieces: list[Piece]  # the words kept
    score: float  # their median score per frame

    def timed(self, failed: bool) -> list[Timed]:
        return [
            Timed(
                self.start_ms + p.first * FRAME_MS,
                self.start_ms + (p.last + 1) * FRAME_MS,
                min(confidence(p.score), 0.2) if failed else confidence(p.score),
            )
            for p in self.pieces
        ]


def _squeezed(start_ms: int, end_ms: int, count: int) -> list[Timed]:
    step = max(0, end_ms - start_ms) / max(1, count)
    return [
        Timed(int(start_ms + k * step), int(start_ms + (k + 1) * step), 0.0) for k in range(count)
    ]


class WindowAligner:
    """Aligns words to stretches of ``pcm`` (16 kHz int16 of the whole file; ``loud`` is its
    10 ms activity); ``progress`` is told how many words were done."""

    def __init__(
        self,
        sphinx: Sphinx,
        pcm: np.ndarray,
        loud: np.ndarray,
        cancelled: Callable[[], bool],
        progress: Callable[[int], None],
    ) -> None:
        self.sphinx, self.pcm, self.loud = sphinx, pcm, loud
        self.cancelled, self.progress = cancelled, progress
        self.ms_per_letter = 70.0  # updated from every good window
        self.scores: list[float] = []  # of good windows
        self.windows = self.retries = self.failures = 0

    @property
    def typical(self) -> float:
        return statistics.median(self.scores[-15:]) if self.scores else TYPICAL_SCORE

    def good(self, fit: _Fit | None) -> bool:
        threshold = float(np.clip(self.typical - FAILED_BELOW, -4.5, -3.5))
        return fit is not None and fit.score >= threshold

    def align(self, words: Sequence[str], start_ms: int, end_ms: int) -> list[Timed]:
        """Times for ``words``, all inside ``start_ms``–``end_ms``."""
        self.words, self.letters = words, [max(1, len(w)) + 1 for w in words]
        self.end_ms = end_ms
        result: list[Timed] = []
        cursor, index = start_ms, 0
        while index < len(words):
            if self.cancelled():
                raise AlignmentCancelled("the alignment was cancelled")
            if end_ms - cursor < 300:  # no audio left: the rest was not said
                result += _squeezed(cursor, end_ms, len(words) - index)
                self.progress(len(words) - index)
                break
            fit = self._fit(index, cursor)
            if fit is not None and self.good(fit):
                timed = fit.timed(failed=False)
                self._learn(fit, timed, index)
                cursor = max(cursor, timed[-1].end_ms)
            else:
                self.failures += 1
                timed, cursor = self._after_failure(fit, index, cursor)
            result += timed
            index += len(timed)
            self.progress(len(timed))
        return result

    def _after_failure(self, fit: _Fit | None, index: int, cursor: int) -> tuple[list[Timed], int]:
        """Times for a chunk that did not fit, and where the cursor goes after it."""
        count = len(fit.pieces) if fit is not None else min(CHUNK, len(self.words) - index)
        after = index + count
        if after < len(self.words):
            probe = self._try(after, cursor, wide=False)
            missing = (fit is None or fit.score < self.typical - 2 * MISSING_WITHIN) and (
                probe is not None and probe.score >= self.typical - MISSING_WITHIN
            )
            if probe is not None and missing:  # the chunk is not in the recording
                first = probe.start_ms + probe.pieces[0].first * FRAME_MS
                return _squeezed(cursor, max(cursor, first), count), cursor
        if fit is None:
            estimate = int(sum(self.letters[index:after]) * self.ms_per_letter)
            end = min(self.end_ms, cursor + estimate)
            return _squeezed(cursor, end, count), end
        timed = fit.timed(failed=True)
        return timed, max(cursor, timed[-1].end_ms)

    def _learn(self, fit: _Fit, timed: list[Timed], index: int) -> None:
        """The recording's typical score and speaking rate, from a good window."""
        if len(timed) < 5:
            return
        self.scores.append(fit.score)
        span = timed[-1].end_ms - timed[0].start_ms
        rate = span / sum(self.letters[index : index + len(timed)])
        self.ms_per_letter = float(np.clip(0.6 * self.ms_per_letter + 0.4 * rate, 35.0, 200.0))

    def _fit(self, index: int, cursor: int) -> _Fit | None:
        first = self._try(index, cursor, wide=False)
        if self.good(first):
            return first
        self.retries += 1
        second = self._try(index, cursor, wide=True)
        candidates = [f for f in (first, second) if f is not None]
        return max(candidates, key=lambda f: f.score, default=None)

    def _window(self, index: int, cursor: int, wide: bool) -> tuple[int, int]:
        estimate = sum(self.letters[index : index + CHUNK]) * self.ms_per_letter
        start = max(0, cursor - BACK_MS)
        speech = next_loud(self.loud, cursor // FRAME_MS) * FRAME_MS
        if speech - cursor > SKIP_SILENCE_MS:
            start = max(start, speech - 500)
        target = start + int(estimate * (1.6 if wide else 1.2)) + (5000 if wide else 2500)
        end = pause_near(self.loud, target // FRAME_MS, 300) * FRAME_MS
        if self.end_ms - end < 3000 or index + CHUNK >= len(self.words):
            end = max(end, min(self.end_ms, start + int(2.5 * estimate) + 20_000))
        return start, min(self.end_ms, end)

    def _try(self, index: int, cursor: int, wide: bool) -> _Fit | None:
        """Align the words from ``index`` in a window from near ``cursor``; None if none fit."""
        start, end = self._window(index, cursor, wide)
        text = self.words[index : index + CHUNK + LOOKAHEAD]
        self.windows += 1
        pieces = self.sphinx.align(
            self.pcm[start * SAMPLES_PER_MS : end * SAMPLES_PER_MS], text, wide
        )
        if pieces is None:
            return None
        if not (len(pieces) == len(text) and index + len(text) == len(self.words)):
            # The text went on past the audio: keep only words safely inside the window.
            limit = (end - start - GUARD_MS) // FRAME_MS
            kept = [p for p in pieces[: min(CHUNK, len(pieces) - 1)] if p.last < limit]
            pieces = kept or pieces[:1]
        return _Fit(start, end, pieces, statistics.median(p.score for p in pieces))
