"""Spell checking of turn text with the system's Hunspell dictionaries (through pyenchant).

Words are the pieces of the whitespace-separated tokens of ``editor.core.words`` with the
punctuation around them taken off (a hyphen or a slash divides a token into pieces; an
apostrophe inside a word stays). Numbers, words with digits, ALL-CAPS acronyms, URLs, e-mail
addresses and single letters are never checked. Words the project knows (its own dictionary,
speaker names, glossary terms and their variants) are accepted in any letter case, and so is
their possessive ("Kofi's").

Results are kept per text, and each word's verdict once asked, so painting the visible rows of
a long episode checks only what changed. Without libenchant or without a dictionary for the
language the checker is simply unavailable: ``problem`` says why, and nothing is underlined.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from platformdirs import user_config_dir

from editor.core.words import tokens

DEFAULT_LANGUAGE = "en_US"
SETTINGS_FOLDER = "transcript-editor"  # where the window's QSettings live (organisation name)
PROVIDERS = "hunspell,nuspell,aspell,myspell"  # the system's Hunspell dictionaries first
MAX_SUGGESTIONS = 5
_CACHE_LIMIT = 50_000

_PIECE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_DIGIT = re.compile(r"\d")
_URL = re.compile(r"[a-z][a-z0-9+.-]*://|www\.|@|\w\.(?:com|org|net|io|fm|ai|dev)\b", re.I)
_POSSESSIVE = re.compile(r"['’]s$", re.I)
_CONTRACTION = re.compile(r"([A-Za-z]{2,})'(?:ll|d|ve|re|s)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Misspelling:
    start: int
    end: int
    word: str


def checked_words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, word) for every word of ``text`` that is worth checking."""
    skipped = [span for span in tokens(text) if _URL.search(text, span[0], span[1])]
    found = []
    for match in _PIECE.finditer(text):  # a piece never crosses white space: same tokens
        word = match.group()
        if len(word) < 2 or word.isupper() or _DIGIT.search(word):
            continue
        start = match.start()
        if skipped and any(a <= start < b for a, b in skipped):
            continue
        found.append((start, match.end(), word))
    return found


def _pieces(phrase: str) -> list[str]:
    return [m.group() for m in _PIECE.finditer(phrase)]


class SpellChecker:
    """Checks words in one language; unavailable (``problem`` set) without a dictionary."""

    def __init__(self, language: str = DEFAULT_LANGUAGE) -> None:
        self.language = language
        self.problem: str | None = None
        self._dict: Any = None
        self._known: set[str] = set()
        self._ignored: set[str] = set()
        self._verdicts: dict[str, bool] = {}
        self._by_text: dict[str, tuple[Misspelling, ...]] = {}
        self._open()

    def _open(self) -> None:
        _enchant_in_app_folder()
        try:
            import enchant  # noqa: PLC0415 - loads libenchant: only when spelling is wanted
        except ImportError as error:
            self.problem = f"pyenchant or libenchant-2 is not installed ({error})"
            return
        try:
            broker = enchant.Broker()
            for tag in dict.fromkeys((self.language, self.language.split("_")[0])):
                broker.set_ordering(tag, PROVIDERS)
                if broker.dict_exists(tag):
                    self._dict = broker.request_dict(tag)
                    self.language = tag
                    return
        except (enchant.errors.Error, OSError, ValueError) as error:
            self.problem = f"cannot load a dictionary for {self.language} ({error})"
            return
        have = ", ".join(sorted(tag for tag, _ in broker.list_dicts())) or "none"
        self.problem = f"no dictionary for {self.language} (installed: {have})"

    @property
    def available(self) -> bool:
        return self._dict is not None

    @property
    def provider(self) -> str:
        return str(self._dict.provider.name) if self._dict is not None else ""

    # -- what the project knows ----------------------------------------------------------------

    def set_known(self, phrases: Iterable[str]) -> None:
        """Accept every word of ``phrases`` (dictionary words, speaker names, glossary terms)."""
        known = {piece.casefold() for phrase in phrases for piece in _pieces(phrase)}
        if known != self._known:
            self._known = known
            self._forget()

    def ignore(self, word: str) -> None:
        """Accept ``word`` until the checker is made again (not saved)."""
        self._ignored.add(word.casefold())
        self._forget()

    def _forget(self) -> None:
        self._verdicts.clear()
        self._by_text.clear()

    # -- checking ------------------------------------------------------------------------------

    def is_known(self, word: str) -> bool:
        """Whether ``word`` is spelt right (always, without a dictionary)."""
        verdict = self._verdicts.get(word)
        if verdict is None:
            folded = word.casefold()
            base = _POSSESSIVE.sub("", folded)
            verdict = (
                self._dict is None
                or bool({folded, base} & (self._known | self._ignored))
                or bool(self._dict.check(word.replace("’", "'")))
                or self._known_contraction(word)
            )
            if len(self._verdicts) > _CACHE_LIMIT:
                self._verdicts.clear()
            self._verdicts[word] = verdict
        return verdict

    def _known_contraction(self, word: str) -> bool:
        # Hunspell's en_US lacks many spoken contractions ("there'll", "that'd", "who've"):
        # a known word with a contraction ending is spelt right.
        found = _CONTRACTION.fullmatch(word.replace("’", "'"))
        return bool(found and self._dict is not None and self._dict.check(found.group(1)))

    def misspelled(self, text: str) -> tuple[Misspelling, ...]:
        """The misspelled words of ``text`` (kept, so asking again for the same text is free)."""
        if self._dict is None:
            return ()
        found = self._by_text.get(text)
        if found is None:
            found = tuple(
                Misspelling(a, b, word)
                for a, b, word in checked_words(text)
                if not self.is_known(word)
            )
            if len(self._by_text) > _CACHE_LIMIT:
                self._by_text.clear()
            self._by_text[text] = found
        return found

    def misspelling_at(self, text: str, offset: int) -> Misspelling | None:
        return next((m for m in self.misspelled(text) if m.start <= offset < m.end), None)

    def suggestions(self, word: str, limit: int = MAX_SUGGESTIONS) -> list[str]:
        """Up to ``limit`` corrections, the likeliest first."""
        if self._dict is None:
            return []
        apostrophe = "’" if "’" in word else None
        found: list[str] = []
        for suggestion in self._dict.suggest(word.replace("’", "'")):
            text = suggestion.replace("'", apostrophe) if apostrophe else suggestion
            if text != word and text not in found:
                found.append(text)
            if len(found) == limit:
                break
        return found


def _enchant_in_app_folder() -> None:
    # Enchant makes empty personal word lists in ~/.config/enchant when a dictionary is
    # opened; the app writes only to its own folders (the project dictionary lives in the
    # project), so Enchant's are put under the app's settings folder.
    os.environ.setdefault(
        "ENCHANT_CONFIG_DIR", str(Path(user_config_dir(SETTINGS_FOLDER)) / "enchant")
    )


def installed_languages() -> list[str]:
    """The languages Enchant has a dictionary for (none without pyenchant or libenchant)."""
    _enchant_in_app_folder()
    try:
        import enchant  # noqa: PLC0415 - loads libenchant: only when spelling is wanted

        return sorted({tag for tag, _provider in enchant.Broker().list_dicts()})
    except (ImportError, OSError):
        return []


def spelling_status(language: str = DEFAULT_LANGUAGE) -> tuple[bool, str]:
    """(available, description) for ``doctor``: which dictionary spelling would use."""
    checker = SpellChecker(language)
    if not checker.available:
        return False, str(checker.problem)
    return True, f"{checker.language} ({checker.provider})"
