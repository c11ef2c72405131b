"""Words for comparing topics with turns: content words, stemmed, weighted by how rare they are.

A light suffix stemmer (no dictionary) makes "mandates", "mandated" and "mandate" one stem;
stems that share a long beginning ("neurodiverse", "neurodivergent") or are spelt almost alike
(rapidfuzz, for speech-to-text slips) count as a weaker match. Stop words and the fillers of
speech ("yeah", "gonna") never count. Each stem's weight is its inverse document frequency over
the turns, so a word every turn says tells nothing about where a topic starts.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
STOP_WORDS = frozenset(
    """a about above across after again against all almost along already also although always
    am among an and another any anybody anyone anything anyway anyways anywhere are around as
    at away back be became because become been before being below between beyond both but by
    came can cannot could did do does doing done down during each either else enough even ever
    every everybody everyone everything far few for from further get gets getting go goes going
    gone got had has have having he her here hers herself him himself his how however i if in
    into is it its itself just keep kind know let lets like ll made make makes many may maybe me
    mean might mine more most much must my myself need needs never no nor not now of off often
    oh ok okay on once one only onto or other others otherwise our ours ourselves out over own
    per perhaps please put quite rather re really right said same saw say saying says see seem
    seems sense she should since so some somebody someone something sometimes somewhere still
    such sure take than that the their theirs them themselves then there therefore these they
    thing things think this those though through thus to together too toward towards two under
    until up upon us ve very via want wanted wants was way we well went were what whatever when
    whenever where whether which while who whoever whole whom whose why will with within without
    would yeah yes yet you your yours yourself yourselves gonna wanna um uh hmm mm actually
    basically literally sort lot lots s t d m don didn doesn isn wasn aren weren won wouldn
    couldn shouldn hasn haven hadn can't i'm it's that's there's we're they're you're i've
    we've they've you've i'll we'll you'll they'll i'd we'd you'd they'd let's""".split()  # noqa: SIM905
)
# Longest first; a stem keeps at least three letters.
_INFLECTIONS = ("ies", "ied", "ings", "ing", "edly", "ed", "ly", "es", "s")
_DERIVATIONS = (
    "izations", "isations", "ization", "isation", "fulness", "iveness", "ousness", "ational",
    "ements", "ations", "ically", "ments", "ement", "ation", "ities", "ively", "ously",
    "ional", "ment", "ness", "ship", "ance", "ence", "able", "ible", "ion", "ity", "ive",
    "ous", "ful", "ize", "ise", "er", "al", "ic",
)  # fmt: skip
_MIN_STEM = 3
PREFIX_MATCH = 0.8  # stems sharing a long beginning
FUZZY_MATCH = 0.7  # stems spelt almost alike
_MIN_PREFIX = 6
_FUZZY_RATIO = 88


def stem(word: str) -> str:
    """A light stem of a lowercase word: "mandates" and "mandated" both give "mandat",
    "organisations" and "organization" both "organ"."""
    word = word.replace("’", "'")
    word = re.sub(r"'s$|s'$|'$", "", word).replace("'", "")
    word = _strip(word, _INFLECTIONS, keep_ss=True)
    for _ in range(2):  # "leadership" → "leader" → "lead"
        # a derivation leaves four letters: "basal" is not "based", nor "postal" "posted"
        shorter = _strip(word, _DERIVATIONS, least=_MIN_STEM + 1)
        if shorter == word:
            break
        word = shorter
    # "mandate" as "mandat", "society" as "societ"; "employ" stays
    if len(word) > _MIN_STEM and (word[-1] == "e" or (word[-1] == "y" and word[-2] not in "aeiou")):
        word = word[:-1]
    return word


def _strip(
    word: str, suffixes: tuple[str, ...], *, keep_ss: bool = False, least: int = _MIN_STEM
) -> str:
    for suffix in suffixes:
        if word.endswith(suffix) and len(word) - len(suffix) >= least:
            if keep_ss and suffix == "s" and word[-2] in "sui":
                return word  # "bypass", "status", "analysis"
            return word[: -len(suffix)]
    return word


@dataclass(frozen=True, slots=True)
class Token:
    """A content word of a text: its stem, and the word as the text writes it."""

    stem: str
    surface: str


def content_words(text: str) -> list[Token]:
    """The text's words that carry meaning, in order (hyphenated words count as their parts)."""
    found: list[Token] = []
    for match in _WORD.finditer(text.replace("-", " ")):
        surface = match.group()
        lower = surface.lower().replace("’", "'")
        if lower in STOP_WORDS or lower.split("'")[0] in STOP_WORDS or lower.isdigit():
            continue
        if len(lower) < 2:
            continue
        found.append(Token(stem(lower), surface))
    return found


def similarity(a: str, b: str) -> float:
    """How well two stems match: 1 alike, ``PREFIX_MATCH`` for a long shared beginning,
    ``FUZZY_MATCH`` for an almost equal spelling, else 0."""
    if a == b:
        return 1.0
    shorter = min(len(a), len(b))
    common = len(_common_prefix(a, b))
    if common >= _MIN_PREFIX and common >= 0.8 * shorter:
        return PREFIX_MATCH
    if shorter >= _MIN_PREFIX and fuzz.ratio(a, b) >= _FUZZY_RATIO:
        return FUZZY_MATCH
    return 0.0


def _common_prefix(a: str, b: str) -> str:
    for index, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            return a[:index]
    return a[: min(len(a), len(b))]


class Vocabulary:
    """The stems of a list of texts (the turns), with how many texts hold each."""

    def __init__(self, texts: Sequence[Iterable[Token]]) -> None:
        self.stems: list[set[str]] = [{t.stem for t in tokens} for tokens in texts]
        self.frequency: dict[str, int] = {}
        for stems in self.stems:
            for s in stems:
                self.frequency[s] = self.frequency.get(s, 0) + 1
        self._matches: dict[str, dict[str, float]] = {}
        self._prefixes: dict[str, list[str]] | None = None
        self._long_stems: list[str] | None = None

    def idf(self, stem_: str) -> float:
        """Inverse document frequency: rare stems weigh more (an unseen one weighs most)."""
        count = len(self.stems)
        return math.log((count + 1) / (self.frequency.get(stem_, 0) + 0.5))

    def matches(self, stem_: str) -> dict[str, float]:
        """The vocabulary's stems that match ``stem_``, with how well (see ``similarity``)."""
        found = self._matches.get(stem_)
        if found is None:
            found = {stem_: 1.0} if stem_ in self.frequency else {}
            if len(stem_) >= _MIN_PREFIX:
                for other in self._by_prefix().get(stem_[:_MIN_PREFIX], ()):
                    found.setdefault(other, similarity(stem_, other))
                long = self._long()
                for other, _, _ in process.extract(
                    stem_, long, scorer=fuzz.ratio, score_cutoff=_FUZZY_RATIO, limit=None
                ):
                    found.setdefault(other, similarity(stem_, other))
            found = {other: score for other, score in found.items() if score}
            self._matches[stem_] = found
        return found

    def _by_prefix(self) -> dict[str, list[str]]:
        if self._prefixes is None:
            self._prefixes = {}
            for other in self.frequency:
                if len(other) >= _MIN_PREFIX:
                    self._prefixes.setdefault(other[:_MIN_PREFIX], []).append(other)
        return self._prefixes

    def _long(self) -> list[str]:
        if self._long_stems is None:
            self._long_stems = [s for s in self.frequency if len(s) >= _MIN_PREFIX]
        return self._long_stems
