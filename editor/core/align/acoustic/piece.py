"""Aligning one stretch of turns to its own stretch of audio, to the word.

Every turn's tokens (as ``editor.core.words`` splits them) become the words the model looks for
(``lexicon``); they are aligned window by window (``windows``), with the eSpeak NG aligner as a
second opinion where windows fail (``coarse``), words crushed at a speaker change aligned again
(``mend``), unsure words at a turn's edge moved across a long pause to the rest of it
(``settle``), and each token gets back a start, an end and a
confidence. A turn starts at its first word and ends at its last; its confidence is the mean of
its words'. Tokens with nothing to say take the time of the word before them.

The stretch sees only its own samples (``pcm`` and ``loud`` begin at ``start_ms``), so it gives
the same result in this process or in a worker.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from editor.core.align.acoustic.coarse import Coarse
from editor.core.align.acoustic.decoder import Sphinx
from editor.core.align.acoustic.lexicon import spoken_words
from editor.core.align.acoustic.mend import mend
from editor.core.align.acoustic.settle import settle_edges
from editor.core.align.acoustic.windows import Timed, WindowAligner
from editor.core.align.result import AlignedTurn
from editor.core.model import Word
from editor.core.words import tokens


@dataclass(frozen=True)
class Token:
    turn: int
    text: str
    words: range  # positions in the stretch's aligner words


@dataclass
class PieceResult:
    """The stretch's turns by transcript position, and what it took."""

    turns: dict[int, AlignedTurn] = field(default_factory=dict)
    windows: int = 0
    retries: int = 0
    failures: int = 0
    rescued: int = 0
    rechecked: int = 0
    mended: int = 0


def spoken(
    knows: Callable[[str], bool], texts: Mapping[int, str], indexes: Sequence[int]
) -> tuple[list[str], list[Token]]:
    """The aligner words of the turns ``indexes`` of ``texts``, and each token's share."""
    words: list[str] = []
    token_list: list[Token] = []
    for index in indexes:
        text = texts[index]
        for a, b in tokens(text):
            said = spoken_words(text[a:b], knows)
            token_list.append(Token(index, text[a:b], range(len(words), len(words) + len(said))))
            words += said
    return words, token_list


def first_words(token_list: list[Token]) -> dict[int, int]:
    """The first aligner word of every turn that has one, by turn."""
    first: dict[int, int] = {}
    for token in token_list:
        if token.words and token.turn not in first:
            first[token.turn] = token.words.start
    return first


def align_piece(
    sphinx: Sphinx,
    pcm: np.ndarray,
    loud: np.ndarray,
    texts: dict[int, str],
    *,
    start_ms: int,
    cancelled: Callable[[], bool],
    advance: Callable[[int], None],
    before: np.ndarray | None = None,
) -> PieceResult:
    """Times for the turns ``texts`` (by transcript position, in order) in ``pcm`` (16 kHz
    int16 from ``start_ms``; ``loud`` its 10 ms activity); ``advance`` counts aligned words.
    ``before`` is the audio just before the stretch, heard first as the decoders would have."""
    sphinx.fresh()
    if before is not None:
        sphinx.warm(before)
    indexes = sorted(texts)
    words, token_list = spoken(sphinx.knows, texts, indexes)
    aligner = WindowAligner(sphinx, pcm, loud, cancelled, advance)
    span = (0, len(pcm) // 16)
    firsts_by_turn = first_words(token_list)
    with_words = [i for i in indexes if i in firsts_by_turn]
    firsts = [firsts_by_turn[i] for i in with_words]
    coarse = Coarse(pcm, [texts[i] for i in with_words], firsts, span, cancelled)
    timed = aligner.align(words, span, firsts, coarse.near) if words else []
    result = PieceResult()
    if coarse.spans:
        result.rechecked = coarse.recheck(aligner, timed)
    result.mended = mend(aligner, timed, span)
    settle_edges(timed, firsts, loud, aligner.between)
    result.turns = {i: _moved(t, start_ms) for i, t in _turns(indexes, token_list, timed).items()}
    result.windows, result.retries = aligner.windows, aligner.retries
    result.failures, result.rescued = aligner.failures, aligner.rescued
    return result


def _moved(turn: AlignedTurn, by_ms: int) -> AlignedTurn:
    words = tuple(
        Word(
            w.text,
            None if w.start_ms is None else w.start_ms + by_ms,
            None if w.end_ms is None else w.end_ms + by_ms,
            w.confidence,
        )
        for w in turn.words
    )
    return AlignedTurn(turn.start_ms + by_ms, turn.end_ms + by_ms, turn.confidence, words)


def _turns(
    indexes: list[int], token_list: list[Token], timed: list[Timed]
) -> dict[int, AlignedTurn]:
    by_turn: dict[int, list[Word]] = {index: [] for index in indexes}
    previous = Timed(0, 0, 0.0)
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
    last_end = 0
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
