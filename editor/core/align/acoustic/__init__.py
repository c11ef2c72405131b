"""Acoustic forced alignment with PocketSphinx's US-English model, to the word.

Every turn's tokens (as ``editor.core.words`` splits them) become the words the model looks for
(``lexicon``); the runs of turns between anchors are aligned window by window (``windows``), and
each token gets back a start, an end and a confidence. A turn starts at its first word and ends at
its last; its confidence is the mean of its words'. Tokens with nothing to say take the time of
the word before them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from editor.core.align.acoustic.activity import loud_frames
from editor.core.align.acoustic.decoder import Sphinx
from editor.core.align.acoustic.lexicon import spoken_words
from editor.core.align.acoustic.windows import Timed, WindowAligner
from editor.core.align.features import features
from editor.core.align.result import AlignedTurn, Alignment, Anchor, segments
from editor.core.errors import EditorError
from editor.core.model import Word
from editor.core.words import tokens

NAME = "PocketSphinx (US English, acoustic)"
RECHECK_BELOW = 0.7  # a turn's mean word confidence under which the coarse span is tried
COVERAGE = 0.8  # share of a transcript's words the dictionary must know for English


def dictionary_coverage(sphinx: Sphinx, texts: Sequence[str]) -> float:
    """Share of the transcript's words (letters only) in the CMU dictionary."""
    found = total = 0
    for text in texts:
        for token in text.split():
            for word in spoken_words(token, sphinx.knows):
                if word.isalpha():
                    total += 1
                    found += sphinx.knows(word)
    return found / total if total else 1.0


@dataclass(frozen=True)
class _Token:
    turn: int
    text: str
    words: range  # positions in the segment's aligner words


def align_pcm(
    sphinx: Sphinx,
    pcm: np.ndarray,
    texts: Sequence[str],
    anchors: dict[int, Anchor],
    *,
    progress: Callable[[float], None],
    cancelled: Callable[[], bool],
) -> Alignment:
    """Times for every turn not in ``anchors``, from 16 kHz int16 samples."""
    result: list[AlignedTurn | None] = [None] * len(texts)
    report = Alignment(result, NAME)
    duration_ms = len(pcm) // 16
    runs = segments(len(texts), anchors, duration_ms)
    plan = [_spoken(sphinx, texts, indexes) for indexes, _, _ in runs]
    report.pronounced = sphinx.add_words(w for words, _ in plan for w in words)
    total = max(1, sum(len(words) for words, _ in plan))
    done = [0]

    def advance(count: int) -> None:
        done[0] += count
        progress(min(1.0, done[0] / total))

    aligner = WindowAligner(sphinx, pcm, loud_frames(pcm), cancelled, advance)
    for (indexes, start_ms, end_ms), (words, token_list) in zip(runs, plan, strict=True):
        span = (start_ms, min(end_ms, duration_ms))
        coarse = _Coarse(pcm, [texts[i] for i in indexes], indexes, span, token_list, cancelled)
        firsts = sorted(_first_words(token_list).values())
        timed = aligner.align(words, span, firsts, coarse.spans) if words else []
        if aligner.hint_cache:
            report.rechecked += _recheck(aligner, timed, aligner.hint_cache)
        turns = _turns(indexes, token_list, timed, start_ms)
        for index in indexes:
            result[index] = turns[index]
            report.words += len(turns[index].words)
    report.windows, report.retries = aligner.windows, aligner.retries
    report.failures = aligner.failures
    if aligner.rescued:
        report.notes.append(
            f"{aligner.rescued} stretches were re-anchored on the eSpeak NG aligner's turn times"
        )
    return report


def _recheck(aligner: WindowAligner, timed: list[Timed], spans: dict[int, tuple[int, int]]) -> int:
    """Turns the acoustic pass is unsure of, aligned again inside the coarse aligner's span
    for them; the placement whose words fit better is kept. How many turns moved."""
    firsts = sorted(spans)
    moved = 0
    for number, first in enumerate(firsts):
        stop = firsts[number + 1] if number + 1 < len(firsts) else len(timed)
        current = timed[first:stop]
        start, end = spans[first]
        if not current or _fit_quality(current) >= RECHECK_BELOW:
            continue
        if abs(current[0].start_ms - start) < 500:
            continue
        other = aligner.between(first, stop, max(0, start - 300), end + 300)
        if (
            _fit_quality(other) >= _fit_quality(current) - 0.05
            and _head(other) > _head(current) + 0.1
        ):
            timed[first:stop] = other
            moved += 1
    return moved


def _head(timed: list[Timed]) -> float:
    """Mean confidence of a turn's first five words (they place the turn)."""
    return sum(t.confidence for t in timed[:5]) / len(timed[:5])


def _fit_quality(timed: list[Timed]) -> float:
    """Mean confidence of a turn's words, its first five counting as much as all the rest."""
    return 0.5 * _head(timed) + 0.5 * sum(t.confidence for t in timed) / len(timed)


def _first_words(token_list: list[_Token]) -> dict[int, int]:
    """The first aligner word of every turn that has one, by turn."""
    first: dict[int, int] = {}
    for token in token_list:
        if token.words and token.turn not in first:
            first[token.turn] = token.words.start
    return first


@dataclass(frozen=True)
class _Coarse:
    """The eSpeak NG aligner's turn spans for one run of turns, worked out only if asked."""

    pcm: np.ndarray
    texts: list[str]
    indexes: list[int]
    span: tuple[int, int]
    token_list: list[_Token]
    cancelled: Callable[[], bool]

    def spans(self) -> dict[int, tuple[int, int]]:
        """Where the coarse aligner puts each turn, by the turn's first word; empty without
        eSpeak NG."""
        return _coarse_spans(self)


def _coarse_spans(job: _Coarse) -> dict[int, tuple[int, int]]:
    from editor.core.align.aligner import align_features  # noqa: PLC0415 - only on failure

    first_word = _first_words(job.token_list)
    start_ms, end_ms = job.span
    samples = job.pcm[start_ms * 16 : end_ms * 16].astype(np.float32) / 32768
    try:
        turns = align_features(features(samples), job.texts, {}, lambda _f: None, job.cancelled)
    except EditorError:
        return {}
    return {
        first_word[index]: (turn.start_ms + start_ms, turn.end_ms + start_ms)
        for index, turn in zip(job.indexes, turns, strict=True)
        if turn is not None and index in first_word
    }


def _spoken(
    sphinx: Sphinx, texts: Sequence[str], indexes: list[int]
) -> tuple[list[str], list[_Token]]:
    words: list[str] = []
    token_list: list[_Token] = []
    for index in indexes:
        text = texts[index]
        for a, b in tokens(text):
            spoken = spoken_words(text[a:b], sphinx.knows)
            token_list.append(_Token(index, text[a:b], range(len(words), len(words) + len(spoken))))
            words += spoken
    return words, token_list


def _turns(
    indexes: list[int], token_list: list[_Token], timed: list[Timed], start_ms: int
) -> dict[int, AlignedTurn]:
    by_turn: dict[int, list[Word]] = {index: [] for index in indexes}
    previous = Timed(start_ms, start_ms, 0.0)
    for token in token_list:
        mine = [timed[k] for k in token.words]
        if mine:
            start, end = mine[0].start_ms, max(mine[0].start_ms, mine[-1].end_ms)
            word = Word(token.text, start, end, min(t.confidence for t in mine))
            previous = mine[-1]
        else:  # nothing to say: it sits where the word before it ended
            word = Word(token.text, previous.end_ms, previous.end_ms, previous.confidence)
        by_turn[token.turn].append(word)
    result: dict[int, AlignedTurn] = {}
    last_end = start_ms
    for index in indexes:
        words = tuple(by_turn[index])
        if not words:
            result[index] = AlignedTurn(last_end, last_end, 0.0)
            continue
        first, last = words[0].start_ms, words[-1].end_ms
        start = last_end if first is None else first
        end = start if last is None else max(start, last)
        scores = [w.confidence or 0.0 for w in words]
        result[index] = AlignedTurn(start, end, round(sum(scores) / len(scores), 2), words)
        last_end = end
    return result


def choose_acoustic(texts: Sequence[str], required: bool) -> tuple[Sphinx | None, str]:
    """The model, if it is installed and (unless ``required``) the transcript looks English;
    else None and why not."""
    try:
        sphinx = Sphinx()
    except EditorError as error:
        if required:
            raise
        return None, str(error)
    coverage = dictionary_coverage(sphinx, texts)
    if coverage < COVERAGE and not required:
        return None, (
            f"only {coverage:.0%} of the words are in the English dictionary: "
            "not English, so the eSpeak NG aligner ran"
        )
    return sphinx, ""
