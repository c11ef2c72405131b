"""Keeping word timings attached to a turn's text as the text is edited.

Words and text drift apart (recognisers emit " Hello," where the text says "Hello,"; editors fix
words). Words are matched to the text's tokens by a diff on normalised spellings; matched words keep
their times, edited tokens become untimed words.
"""

from __future__ import annotations

import re
from dataclasses import replace
from difflib import SequenceMatcher

from editor.core.model import Word

_TOKEN = re.compile(r"\S+")
_NON_WORD = re.compile(r"[^\w']+")


def tokens(text: str) -> list[tuple[int, int]]:
    """Character spans of the whitespace-separated tokens of ``text``."""
    return [(m.start(), m.end()) for m in _TOKEN.finditer(text)]


def shifted(word: Word, delta_ms: int) -> Word:
    """``word`` moved by ``delta_ms``; a time that would fall before zero stops at zero."""
    start = None if word.start_ms is None else max(0, word.start_ms + delta_ms)
    end = None if word.end_ms is None else max(0, word.end_ms + delta_ms)
    return replace(word, start_ms=start, end_ms=end)


def word_count(text: str) -> int:
    return len(_TOKEN.findall(text))


def _normal(token: str) -> str:
    return _NON_WORD.sub("", token.casefold())


def align(words: tuple[Word, ...], text: str) -> list[int | None]:
    """For each word, the index of the text token it matches, or None."""
    spans = tokens(text)
    token_keys = [_normal(text[a:b]) for a, b in spans]
    word_keys = [_normal(w.text) for w in words]
    if word_keys == token_keys:  # the common edit: case, punctuation, a replaced spelling
        return list(range(len(words)))
    matched: list[int | None] = [None] * len(words)
    matcher = SequenceMatcher(a=word_keys, b=token_keys, autojunk=False)
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            matched[block.a + k] = block.b + k
    return matched


def reconcile(words: tuple[Word, ...], text: str) -> tuple[Word, ...]:
    """Words for ``text``: one per token, keeping the timing of tokens that did not change."""
    if not words:
        return ()
    spans = tokens(text)
    timed: dict[int, Word] = {}
    for word, token_index in zip(words, align(words, text), strict=True):
        if token_index is not None:
            timed[token_index] = word
    result = []
    for index, (a, b) in enumerate(spans):
        token = text[a:b]
        old = timed.get(index)
        if old is None:
            result.append(Word(token))
        elif old.text == token:
            result.append(old)  # unchanged: share the frozen word rather than copy it
        else:
            result.append(Word(token, old.start_ms, old.end_ms, old.confidence))
    return tuple(result)


def split_words(
    words: tuple[Word, ...], text: str, offset: int
) -> tuple[tuple[Word, ...], tuple[Word, ...]]:
    """Divide ``words`` between text[:offset] and text[offset:] by the token each one matches."""
    if not words:
        return (), ()
    spans = tokens(text)
    head: list[Word] = []
    tail: list[Word] = []
    for word, token_index in zip(words, align(words, text), strict=True):
        if token_index is None:
            (tail if tail else head).append(word)
        elif spans[token_index][0] < offset:
            head.append(word)
        else:
            tail.append(word)
    return tuple(head), tuple(tail)


def first_start(words: tuple[Word, ...]) -> int | None:
    return next((w.start_ms for w in words if w.start_ms is not None), None)


def last_end(words: tuple[Word, ...]) -> int | None:
    return next((w.end_ms for w in reversed(words) if w.end_ms is not None), None)
