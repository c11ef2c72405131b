"""Finding glossary terms in text: canonical uses, style issues, known variants, mis-hearings.

Terms are prepared once into hash indexes, so checking a turn is a tokenisation plus a few dict
lookups per word. Fuzzy matching (rapidfuzz) only runs where an index points at a candidate:
a multi-word term needs one of its words present exactly (an *anchor*: "Human" in "Human
Death"), and a single-word term a capitalised word of similar length ("KPNG" for "KPMG"). That
keeps ordinary words ("human", "debt", "that") from ever being flagged on their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from rapidfuzz import fuzz

from editor.core.glossary.wordlists import FUNCTION_WORDS, STOPWORDS
from editor.core.model import CaseRule, GlossaryTerm

MARKS = "™®℠"
SUSPECT_MIN_SCORE = 80.0
WORD_MIN_SCORE = 60.0
_WORD = re.compile(r"\w+(?:['’]\w+)*")
# Letters that recognisers confuse in spelled-out acronyms ("KPNG" for "KPMG").
_CONFUSABLE = [set("MN"), set("BDPTVEGCZ"), set("FS"), set("IY"), set("AJK"), set("QU")]


class Kind(Enum):
    CANONICAL = "canonical"
    STYLE = "style"
    VARIANT = "variant"
    SUSPECT = "suspect"


@dataclass(frozen=True, slots=True)
class Hit:
    """One occurrence in a text; ``missing_mark_only`` lets the first-mention rule relax it."""

    start: int
    end: int
    found: str
    term: GlossaryTerm
    kind: Kind
    score: float
    missing_mark_only: bool = False

    @property
    def suggestion(self) -> str:
        return self.term.term


@dataclass(frozen=True)
class Prepared:
    term: GlossaryTerm
    surface: str  # the canonical form without its mark
    mark: str
    words: tuple[str, ...]


def split_mark(term: str) -> tuple[str, str]:
    stripped = term.rstrip()
    mark = ""
    while stripped and stripped[-1] in MARKS:
        mark = stripped[-1] + mark
        stripped = stripped[:-1].rstrip()
    return stripped, mark


def words_of(text: str) -> tuple[str, ...]:
    return tuple(word.lower() for word in _WORD.findall(text))


class _Tokens:
    """The words of a text: found at C speed; character offsets worked out only on a match."""

    __slots__ = ("_spans", "originals", "text", "words")

    def __init__(self, text: str) -> None:
        self.text = text
        self.originals: list[str] = _WORD.findall(text)
        lowered: list[str] = _WORD.findall(text.lower())
        if len(lowered) != len(self.originals):  # a letter whose lower case is two characters
            lowered = [word.lower() for word in self.originals]
        self.words = lowered
        self._spans: list[tuple[int, int]] | None = None

    def span(self, index: int) -> tuple[int, int]:
        if self._spans is None:
            self._spans = [m.span() for m in _WORD.finditer(self.text)]
        return self._spans[index]


class GlossaryMatcher:
    def __init__(self, terms: list[GlossaryTerm]) -> None:
        self.terms = terms
        self._exact: dict[tuple[str, ...], Prepared] = {}
        self._variants: dict[tuple[str, ...], Prepared] = {}
        self._joined: dict[str, Prepared] = {}
        self._anchors: dict[str, list[tuple[Prepared, int]]] = {}
        self._singles: dict[int, list[Prepared]] = {}
        self.max_words = 1
        for term in terms:
            self._prepare(term)
        self._single_cache: dict[str, tuple[Prepared, float] | None] = {}
        self._window_cache: dict[tuple[tuple[str, ...], int], float | None] = {}
        # Words that can start an exact, variant or run-together match: most words cannot, and
        # are passed over with one set lookup.
        self._starts = {key[0] for key in (*self._exact, *self._variants)}
        self._starts.update(
            joined[:n]
            for joined, p in self._joined.items()
            if len(p.words) == 1
            for n in range(1, len(joined))
        )
        self._interesting = self._starts | set(self._anchors)
        # Capitalised words of these lengths may be mis-heard single-word terms ("KPNG").
        self._lengths = {
            len(w) + d
            for n in self._singles.values()
            for p in n
            for w in p.words
            for d in (-1, 0, 1)
        }
        self._second_anchors = {
            word for word, places in self._anchors.items() if any(pos == 1 for _, pos in places)
        }
        # Fuzzy windows to try, per anchor word: those starting at it ("Human Death", and one
        # word more or less), and those whose second word it is ("Hugh man Debt").
        self._windows_here: dict[str, tuple[tuple[Prepared, int], ...]] = {}
        self._windows_before: dict[str, tuple[tuple[Prepared, int], ...]] = {}
        for word, places in self._anchors.items():
            here = tuple(
                (term, size)
                for term, position in places
                if position == 0
                for size in (len(term.words), len(term.words) + 1, len(term.words) - 1)
            )
            before = tuple((term, len(term.words)) for term, position in places if position == 1)
            if here:
                self._windows_here[word] = here
            if before:
                self._windows_before[word] = before

    def _prepare(self, term: GlossaryTerm) -> None:
        surface, mark = split_mark(term.term)
        words = words_of(surface)
        if not words:
            return
        prepared = Prepared(term, surface, mark, words)
        self._exact[words] = prepared
        self._joined.setdefault("".join(words), prepared)
        for variant in term.variants:
            variant_words = words_of(variant)
            if variant_words and variant_words != words:
                self._variants[variant_words] = prepared
                self.max_words = max(self.max_words, len(variant_words))
        self.max_words = max(self.max_words, len(words) + 1)
        if len(words) > 1:
            for position, word in enumerate(words):
                if word not in STOPWORDS and len(word) > 2:
                    self._anchors.setdefault(word, []).append((prepared, position))
        else:
            self._singles.setdefault(len(words[0]), []).append(prepared)
            if len(words[0]) >= 6:  # "People Not Tech" for "PeopleNotTech"
                self.max_words = max(self.max_words, 4)

    # -- checking ------------------------------------------------------------------------------

    def check(self, text: str) -> list[Hit]:
        """Every term occurrence in ``text``, left to right, without overlaps."""
        if not self._exact:
            return []
        tokens = _Tokens(text)
        words, originals = tokens.words, tokens.originals
        hits: list[Hit] = []
        index, count = 0, len(words)
        interesting, second, lengths = self._interesting, self._second_anchors, self._lengths
        while index < count:
            word = words[index]
            if (
                word not in interesting
                and (len(word) not in lengths or not originals[index][0].isupper())
                and (index + 1 >= count or words[index + 1] not in second)
            ):
                index += 1  # the common case: an ordinary word, settled with two set lookups
                continue
            hit, used = self._at(tokens, index)
            if hit is not None:
                hits.append(hit)
                index += used
            else:
                index += 1
        return hits

    def _at(self, tokens: _Tokens, i: int) -> tuple[Hit | None, int]:
        words, text = tokens.words, tokens.text
        if words[i] in self._starts:
            for size in range(min(self.max_words, len(words) - i), 0, -1):
                key = tuple(words[i : i + size])
                exact, variant = self._exact.get(key), self._variants.get(key)
                joined = self._joined.get("".join(key)) if size > 1 else None
                if joined is not None and len(joined.words) != 1:
                    joined = None
                if exact is None and variant is None and joined is None:
                    continue
                start, end = tokens.span(i)[0], tokens.span(i + size - 1)[1]
                if exact is not None:
                    return self._classify(text, start, end, exact), size
                end = _with_mark(text, end)
                matched = variant or joined
                assert matched is not None
                kind = Kind.VARIANT if variant is not None else Kind.STYLE
                return Hit(start, end, text[start:end], matched.term, kind, 100.0), size
        suspect, used = self._suspect(tokens, i)
        return (suspect, used) if suspect else (None, 1)

    def _classify(self, text: str, start: int, end: int, term: Prepared) -> Hit:
        mark_end = _with_mark(text, end)
        found_mark = text[end:mark_end].strip()
        surface = text[start:end]
        if term.term.case_rule == CaseRule.IGNORE:
            case_ok = surface.casefold() == term.surface.casefold()
        else:
            case_ok = surface == term.surface
        found = text[start:mark_end]
        if case_ok and found_mark == term.mark:
            return Hit(start, mark_end, found, term.term, Kind.CANONICAL, 100.0)
        missing_only = case_ok and not found_mark and bool(term.mark)
        return Hit(start, mark_end, found, term.term, Kind.STYLE, 100.0, missing_only)

    def _suspect(self, tokens: _Tokens, i: int) -> tuple[Hit | None, int]:
        best: tuple[float, int, Prepared] | None = None  # score, window size, term
        words = tokens.words
        # Only windows that start here, so hits cannot overlap.
        candidates = self._windows_here.get(words[i], ())
        if i + 1 < len(words) and words[i + 1] in self._windows_before:
            candidates = candidates + self._windows_before[words[i + 1]]
        for term, size in candidates:
            score = self._window_score(words, i, size, term)
            if score is not None and (best is None or score > best[0]):
                best = (score, size, term)
        if best is not None:
            start, end = tokens.span(i)[0], _with_mark(tokens.text, tokens.span(i + best[1] - 1)[1])
            found = tokens.text[start:end]
            return Hit(start, end, found, best[2].term, Kind.SUSPECT, round(best[0], 1)), best[1]
        return self._single(tokens, i), 1

    def _window_score(
        self, words: list[str], first: int, size: int, term: Prepared
    ) -> float | None:
        if size < 1 or first + size > len(words):
            return None
        window = tuple(words[first : first + size])
        key = (window, term.term.id)
        if key not in self._window_cache:
            self._window_cache[key] = _window_score(window, term.words)
        return self._window_cache[key]

    def _single(self, tokens: _Tokens, i: int) -> Hit | None:
        surface = tokens.originals[i]
        if len(surface) < 3 or not surface[0].isupper():
            return None
        if surface not in self._single_cache:
            self._single_cache[surface] = self._closest_single(surface)
        match = self._single_cache[surface]
        if match is None:
            return None
        start, end = tokens.span(i)
        end = _with_mark(tokens.text, end)
        return Hit(start, end, tokens.text[start:end], match[0].term, Kind.SUSPECT, match[1])

    def _closest_single(self, surface: str) -> tuple[Prepared, float] | None:
        word = surface.lower()
        best: tuple[Prepared, float] | None = None
        for length in (len(word) - 1, len(word), len(word) + 1):
            for term in self._singles.get(length, ()):
                score = _single_score(surface, word, term)
                if score is not None and (best is None or score > best[1]):
                    best = (term, score)
        return best


def _window_score(window: tuple[str, ...], words: tuple[str, ...]) -> float | None:
    """How likely ``window`` is a mis-hearing of the term's ``words`` (None: not at all)."""
    if window == words:
        return None
    heard, meant = " ".join(window), " ".join(words)
    if abs(len(heard) - len(meant)) > len(meant) // 2:
        return None
    score = fuzz.ratio(heard, meant)
    if score < SUSPECT_MIN_SCORE:
        return None
    if len(window) == len(words) and not all(
        _close_word(a, b) for a, b in zip(window, words, strict=True)
    ):
        return None
    return score


def _close_word(heard: str, meant: str) -> bool:
    """Could ``heard`` be a mis-hearing of ``meant``: similar, same first sound, a content word."""
    if heard == meant:
        return True
    if heard in FUNCTION_WORDS or fuzz.ratio(heard, meant) < WORD_MIN_SCORE:
        return False
    return heard[0] == meant[0] or _confusable(heard[0].upper(), meant[0].upper())


def _single_score(surface: str, word: str, term: Prepared) -> float | None:
    target = term.words[0]
    if word == target:
        return None
    if len(target) <= 5:
        # Short words and acronyms: one confusable letter apart, both written in capitals.
        if surface.isupper() and term.surface.isupper() and len(word) == len(target):
            differing = [(a, b) for a, b in zip(surface, term.surface, strict=True) if a != b]
            if len(differing) == 1 and _confusable(*differing[0]):
                return 85.0
        return None
    score = fuzz.ratio(word, target)
    return round(score, 1) if score >= 85 and word[0] == target[0] else None


@lru_cache(maxsize=1024)
def _confusable(a: str, b: str) -> bool:
    return any(a in group and b in group for group in _CONFUSABLE)


def _with_mark(text: str, end: int) -> int:
    """Extend a match over a mark that directly follows it ("Human Debt™")."""
    while end < len(text) and text[end] in MARKS:
        end += 1
    return end
