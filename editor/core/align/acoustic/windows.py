"""Aligning a long run of words window by window, each window checked and retried on failure.

A cursor walks through the audio. Each window starts a little before the cursor and holds about
as much audio as the next chunk of words takes to say (from the speaking rate measured so far),
ending in a pause. The text given is the chunk plus many words of look-ahead, so the audio always
ends first, and the grammar lets it end after any word; it also starts with the last few words
already aligned, any of which may be where the window begins. Only words that ended well before
the window's edge are kept, and only up to where the fit goes bad; the rest is aligned again from
the new cursor. So every search is bounded, and a window cut short or long costs nothing.

A window whose words scored badly, or did not fit, is tried again with a wider search and more
room. If that fails too, the coarse aligner (eSpeak NG warping, computed once, only then) says
where the next turns start: if the next turn fits well there, the words before it are aligned
only between the cursor and it, so the bad stretch stays inside those two points. Otherwise the
chunk keeps its best placement with low confidence. Missing speech (a paragraph not in the audio)
is squeezed in at the cursor with no confidence.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from editor.core.align.acoustic.activity import next_loud, pause_near
from editor.core.align.acoustic.decoder import FRAME_MS, Piece, Sphinx
from editor.core.align.dtw import AlignmentCancelled

CHUNK = 40  # words a window is sized for (it keeps all that end well inside it)
LOOKAHEAD = 40  # more words given than the window holds, so the audio ends first
BACKLOG = 6  # words already aligned that a window may start with
GUARD_MS = 1200  # words ending closer than this to the window's end are aligned again
BACK_MS = 600  # a window starts this far before the cursor
REWIND_MS = 3000  # a rescuing turn may start this far before the cursor
HINT_BACK_MS = 2500  # and this far before where the coarse aligner puts a turn
SKIP_SILENCE_MS = 1500  # a quiet stretch this long before the next word is skipped
GOOD_SCORE, BAD_SCORE = -1.5, -6.0  # acoustic score per frame: confident, hopeless
TYPICAL_SCORE = -2.5  # of a window of clean speech, until this recording's is measured
FAILED_BELOW = 1.5  # a window scoring this much under the recording's typical is tried again
RESCUE_TURNS = 3  # next turns tried where a chunk failed
RESCUE_WITHIN = 0.8  # how close to typical a rescuing turn must score
MIN_PREFIX = 3  # good words a window must keep before a bad stretch to stop there
SAMPLES_PER_MS = 16
ONE_SEARCH_MS = 30_000  # a stretch up to this long is first tried in one search
SQUEEZED_SCORE = -10.0  # the score of a word not found in the audio, only squeezed in

# (word index, cursor) → where the coarse aligner puts the next turns, by their first words
Hints = Callable[[int, int], dict[int, tuple[int, int]]]


@dataclass
class Timed:
    """An aligned word: absolute times and a confidence."""

    start_ms: int
    end_ms: int
    confidence: float
    score: float = SQUEEZED_SCORE  # the model's, per frame (log density)


def confidence(score: float) -> float:
    return round(float(np.clip((score - BAD_SCORE) / (GOOD_SCORE - BAD_SCORE), 0.0, 1.0)), 2)


@dataclass(frozen=True)
class _Fit:
    start_ms: int  # of the window
    pieces: list[Piece]  # the words kept, from the word asked for on
    score: float  # their median score per frame

    def timed(self, failed: bool) -> list[Timed]:
        return [
            Timed(
                self.start_ms + p.first * FRAME_MS,
                self.start_ms + (p.last + 1) * FRAME_MS,
                min(confidence(p.score), 0.2) if failed else confidence(p.score),
                p.score,
            )
            for p in self.pieces
        ]

    @property
    def first_ms(self) -> int:
        return self.start_ms + self.pieces[0].first * FRAME_MS


def _no_hints(_index: int, _cursor: int) -> dict[int, tuple[int, int]]:
    return {}


def _no_progress(_count: int) -> None:
    pass


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
        self.windows = self.retries = self.failures = self.rescued = 0
        self.words: Sequence[str] = ()
        self.letters: list[int] = []
        self.start_ms = self.end_ms = 0
        self._hints: Hints = _no_hints
        self.turn_firsts: list[int] = []

    @property
    def typical(self) -> float:
        return statistics.median(self.scores[-15:]) if self.scores else TYPICAL_SCORE

    @property
    def good_score(self) -> float:
        """The median score per frame a window's words must reach to count as good."""
        return float(np.clip(self.typical - FAILED_BELOW, -4.5, -3.5))

    def good(self, fit: _Fit | None) -> bool:
        return fit is not None and fit.score >= self.good_score

    def align(
        self,
        words: Sequence[str],
        span: tuple[int, int],
        turn_firsts: Sequence[int] = (),
        hints: Hints | None = None,
    ) -> list[Timed]:
        """Times for ``words``, all inside ``span`` (ms); ``turn_firsts`` are the words that
        begin turns."""
        start_ms, end_ms = span
        self.words, self.letters = words, [max(1, len(w)) + 1 for w in words]
        self.start_ms, self.end_ms = start_ms, end_ms
        self._hints = hints or _no_hints
        self.turn_firsts = sorted(turn_firsts)
        result: list[Timed] = []
        cursor, index = start_ms, 0
        while index < len(words):
            if self.cancelled():
                raise AlignmentCancelled("the alignment was cancelled")
            if end_ms - cursor < 300:  # no audio left: the rest was not said
                timed = _squeezed(cursor, end_ms, len(words) - index)
            else:
                fit = self._fit(index, cursor)
                if fit is not None and self.good(fit):
                    timed = fit.timed(failed=False)
                    self._learn(fit, timed, index)
                else:
                    self.failures += 1
                    timed = self._after_failure(fit, index, cursor, result)
            taken_back = index - len(result)  # words re-timed by a rescue
            index += len(timed) - taken_back
            for word in timed:  # in order, never overlapping the word before
                if result:
                    word.start_ms = max(word.start_ms, result[-1].end_ms)
                word.end_ms = max(word.end_ms, word.start_ms)
                result.append(word)
            cursor = result[-1].end_ms if taken_back else max(cursor, timed[-1].end_ms)
            self.progress(len(timed) - taken_back)
        return result

    def _after_failure(
        self, fit: _Fit | None, index: int, cursor: int, result: list[Timed]
    ) -> list[Timed]:
        """Times for words that did not fit: up to the next turn that fits where the coarse
        aligner puts it, or the failed placement itself, at low confidence. A rescue may take
        back the last words of ``result`` (it then returns times from the first of them)."""
        rescue = self._rescue(index, cursor, result)
        if rescue is not None:
            self.rescued += 1
            return rescue
        if fit is None:
            count = min(CHUNK, len(self.words) - index)
            estimate = int(sum(self.letters[index : index + count]) * self.ms_per_letter)
            return _squeezed(cursor, min(self.end_ms, cursor + estimate), count)
        return fit.timed(failed=True)

    def _rescue(self, index: int, cursor: int, result: list[Timed]) -> list[Timed] | None:
        """Where one of the next turns fits well, here (the words before it are not in the
        recording) or where the coarse aligner puts it: the words before it go between. If it
        starts a little before the cursor, the words placed since then are taken back."""
        later = [k for k in self.turn_firsts if k > index][:RESCUE_TURNS]
        if not later:
            return None
        hints = self._hints(index, cursor)
        floor = max(self.start_ms, cursor - REWIND_MS)
        starts = [(k, floor) for k in later]
        starts += [(k, hints[k][0] - HINT_BACK_MS) for k in later if k in hints]
        for turn_first, start in starts:
            probe = self._try(turn_first, max(start, floor), wide=False)
            if probe is None or probe.score < self.typical - RESCUE_WITHIN:
                continue
            first = probe.first_ms
            if first < floor or (result and first < result[0].start_ms):
                continue
            while result and result[-1].end_ms > first - 50:
                result.pop()
            back_to = result[-1].end_ms if result else self.start_ms
            return self.between(len(result), turn_first, back_to, first)
        return None

    def between(self, index: int, stop: int, start_ms: int, end_ms: int) -> list[Timed]:
        """Words ``index``–``stop`` aligned only between two times: all of them if they fit,
        else as many as fit well from the start, the rest squeezed in at the end."""
        text = self.words[index:stop]
        pcm = self.pcm[start_ms * SAMPLES_PER_MS : end_ms * SAMPLES_PER_MS]
        # First a search that may end after any word: when every word fits, that is all it
        # takes. When not, one that must reach the last word (it often finds no path then),
        # else the open search's good beginning is kept.
        found = self.sphinx.align(pcm, text, wide=True, open_end=True)
        if found is None or len(found[1]) < len(text):
            forced = self.sphinx.align(pcm, text, wide=True, open_end=False)
            if forced is not None and len(forced[1]) == len(text):
                found = forced
        if found is None:
            return _squeezed(start_ms, end_ms, len(text))
        if len(found[1]) == len(text):
            fit = _Fit(start_ms, found[1], statistics.median(p.score for p in found[1]))
            return fit.timed(failed=not self.good(fit))
        pieces = found[1][: self._good_prefix(found[1])]
        bad = min(-4.0, self.typical - 2.0)
        while pieces and pieces[-1].score < bad:
            pieces.pop()
        fit = _Fit(start_ms, pieces, 0.0)
        timed = fit.timed(failed=False) if pieces else []
        rest = timed[-1].end_ms if timed else start_ms
        return timed + _squeezed(rest, max(rest, end_ms), len(text) - len(timed))

    def searched(self, index: int, stop: int, span: tuple[int, int], entry: int = 0) -> list[Timed]:
        """Words ``index``–``stop`` in ``span`` (ms) in one wide search that begins at word
        ``index + entry`` and may end after any word: every word it found, however it scored,
        those before the entry squeezed in at the start and those after its end at the end."""
        start_ms, end_ms = span
        text = self.words[index + entry : stop]
        pcm = self.pcm[start_ms * SAMPLES_PER_MS : end_ms * SAMPLES_PER_MS]
        found = self.sphinx.align(pcm, text, wide=True, open_end=True)
        if found is None:
            return _squeezed(start_ms, end_ms, stop - index)
        timed = _Fit(start_ms, found[1], 0.0).timed(failed=False)
        rest = timed[-1].end_ms
        return (
            _squeezed(start_ms, timed[0].start_ms, entry)
            + timed
            + _squeezed(rest, max(rest, end_ms), len(text) - len(timed))
        )

    def inside(self, index: int, stop: int, start_ms: int, end_ms: int) -> list[Timed]:
        """Words ``index``–``stop`` aligned window by window between two times, by a fresh
        aligner that knows this recording's rate and scores (and nothing of its failures)."""
        if stop <= index:
            return []
        if end_ms - start_ms <= ONE_SEARCH_MS:
            fitted = self.between(index, stop, start_ms, end_ms)
            median = statistics.median(t.score for t in fitted)
            if all(t.score > SQUEEZED_SCORE for t in fitted) and self.good(_Fit(0, [], median)):
                return fitted
        child = WindowAligner(self.sphinx, self.pcm, self.loud, self.cancelled, _no_progress)
        child.ms_per_letter, child.scores = self.ms_per_letter, list(self.scores)
        timed = child.align(self.words[index:stop], (start_ms, end_ms))
        self.windows += child.windows
        self.retries += child.retries
        return timed

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
        backlog = min(BACKLOG, index)
        text = self.words[index - backlog : index + CHUNK + LOOKAHEAD]
        self.windows += 1
        found = self.sphinx.align(
            self.pcm[start * SAMPLES_PER_MS : end * SAMPLES_PER_MS],
            text,
            wide,
            skippable=backlog,
        )
        if found is None:
            return None
        first, pieces = found
        pieces = pieces[max(0, backlog - first) :]  # from the word asked for
        if not pieces or first > backlog:
            return None  # the window began after the word asked for
        ends_text = len(pieces) == len(text) - backlog and index + len(pieces) == len(self.words)
        if not ends_text:
            # The text went on past the audio: keep only words safely inside the window.
            limit = (end - start - GUARD_MS) // FRAME_MS
            kept = [p for p in pieces[: len(pieces) - 1] if p.last < limit]
            pieces = kept or pieces[:1]
        pieces = pieces[: self._good_prefix(pieces)]
        return _Fit(start, pieces, statistics.median(p.score for p in pieces))

    def _good_prefix(self, pieces: list[Piece]) -> int:
        """How many words to keep: up to where the fit goes bad (three words in a row scoring
        far under typical), when at least ``MIN_PREFIX`` good words come before; the rest is
        aligned again from there, so a wrong path in one window does not carry on."""
        bad = min(-4.0, self.typical - 2.0)
        scores = np.array([p.score for p in pieces])
        if len(scores) < 3:
            return len(pieces)
        smoothed = np.convolve(scores, np.ones(3) / 3, mode="valid")
        below = np.flatnonzero(smoothed < bad)
        if len(below) == 0 or below[0] < MIN_PREFIX:
            return len(pieces)
        return int(below[0])
