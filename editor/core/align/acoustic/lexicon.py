"""What the acoustic model is asked to find for each transcript token.

The stored words stay the transcript's own tokens ("1990,", "Mm-hmm.", "KPMG's"); the aligner sees
their spoken form: lower case, punctuation gone, numbers written out ("nineteen ninety"), symbols
read ("%" → "percent"), hyphenated and joined-up forms split when the whole is unknown. A token
with nothing to say (a dash, an ellipsis) gets no aligner words and takes its time from its
neighbours.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

_ONES = (
    *("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
    *("eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen"),
    *("eighteen", "nineteen"),
)
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_SCALES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"), (1000, "thousand"))
_ORDINAL = {
    "one": "first",
    "two": "second",
    "three": "third",
    "five": "fifth",
    "eight": "eighth",
    "nine": "ninth",
    "twelve": "twelfth",
}
_SYMBOLS = {"%": "percent", "&": "and", "+": "plus", "@": "at", "=": "equals", "#": "number"}
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})
_PART = re.compile(r"\d+(?:[.,]\d+)*(?:st|nd|rd|th|s)?|[^\W\d_]+(?:'[^\W\d_]*)*|[%&+@=#]")
_NUMBER = re.compile(r"(\d+(?:[.,]\d+)*)(st|nd|rd|th|s)?")


def _below_thousand(n: int) -> list[str]:
    words: list[str] = []
    if n >= 100:
        words += [_ONES[n // 100], "hundred"]
        n %= 100
    if n >= 20:
        words.append(_TENS[n // 10])
        n %= 10
        if n:
            words.append(_ONES[n])
    elif n or not words:
        words.append(_ONES[n])
    return words


def cardinal(n: int) -> list[str]:
    """``n`` in words: 1234 → one thousand two hundred thirty four."""
    if n < 1000:
        return _below_thousand(n)
    words: list[str] = []
    for value, name in _SCALES:
        if n >= value:
            words += [*cardinal(n // value), name]
            n %= value
    return words + (_below_thousand(n) if n else [])


def _year(n: int) -> list[str]:
    """1990 → nineteen ninety, 1905 → nineteen oh five, 2024 → twenty twenty four."""
    high, low = divmod(n, 100)
    if low == 0:
        return [*_below_thousand(high), "hundred"]
    tail = _below_thousand(low) if low >= 10 else ["oh", _ONES[low]]
    return [*_below_thousand(high), *tail]


def _ordinal(words: list[str]) -> list[str]:
    last = words[-1]
    if last in _ORDINAL:
        spoken = _ORDINAL[last]
    elif last.endswith("y"):
        spoken = last[:-1] + "ieth"
    else:
        spoken = last + "th"
    return [*words[:-1], spoken]


def number_words(text: str) -> list[str]:
    """A number as spoken: integers, years, decimals, ordinals ("3rd") and decades ("90s")."""
    match = _NUMBER.fullmatch(text)
    if match is None:
        return []
    digits, suffix = match.groups()
    if "." in digits and digits.count(".") == 1 and "," not in digits:
        whole, fraction = digits.split(".")
        return [*cardinal(int(whole)), "point", *(_ONES[int(d)] for d in fraction)]
    value = int(digits.replace(",", "").replace(".", ""))
    if "," not in digits and len(digits) == 4 and 1100 <= value <= 2099 and suffix in (None, "s"):
        words = _year(value) if not 2000 <= value <= 2009 else cardinal(value)
    elif len(digits) > 1 and digits.startswith("0"):
        words = [_ONES[int(d)] for d in digits]  # a code or a phone number: digit by digit
    else:
        words = cardinal(value)
    if suffix == "s":
        last = words[-1]
        words[-1] = last[:-1] + "ies" if last.endswith("y") else last + "s"
    elif suffix:
        words = _ordinal(words)
    return words


def plain(text: str) -> str:
    """Lower case, with accents removed and apostrophes unified (the dictionary is ASCII)."""
    folded = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES).casefold())
    return "".join(c for c in folded if not unicodedata.combining(c))


def spoken_words(token: str, known: Callable[[str], bool]) -> list[str]:
    """The words the aligner looks for in one transcript token (maybe none)."""
    text = plain(token)
    whole = text.strip("'\".,;:!?()[]{}<>«»„“”…-–—*_/\\")
    if whole and known(whole):
        return [whole]
    result: list[str] = []
    for part in _PART.findall(text):
        if part in _SYMBOLS:
            result.append(_SYMBOLS[part])
        elif part[0].isdigit():
            result += number_words(part)
        elif word := part.strip("'"):
            if not known(word) and word.endswith("'s") and known(word[:-2]) and known("'s"):
                result += [word[:-2], "'s"]
            else:
                result.append(word)
    if text.startswith("$") and result:
        result.append("dollars")
    return result
