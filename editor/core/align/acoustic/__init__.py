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
from editor.core.align.acoustic.coarse import Coarse
from editor.core.align.acoustic.decoder import Sphinx
from editor.core.align.acoustic.lexicon import spoken_words
from editor.core.align.acoustic.windows import Timed, WindowAligner
from editor.core.align.result import AlignedTurn, Alignment, Anchor, segments
from editor.core.errors import EditorError
from editor.core.model import Word
from editor.core.words import tokens

NAME = "PocketSphinx (US English, acoustic)"
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
        first_words = _first_words(token_list)
        with_words = [i for i in indexes if i in first_words]
        firsts = [first_words[i] for i in with_words]
        coarse = Coarse(pcm, [texts[i] for i in with_words], firsts, span, cancelled)
        timed = aligner.align(words, span, firsts, coarse.near) if words else []
        if coarse.spans:
            report.rechecked += coarse.recheck(aligner, timed)
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


def _first_words(token_list: list[_Token]) -> dict[int, int]:
    """The first aligner word of every turn that has one, by turn."""
    first: dict[int, int] = {}
    for token in token_list:
        if token.words and token.turn not in first:
            first[token.turn] = token.words.start
    return first


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
