"""Recognising speaker labels in text: ``Name: …``, ``[SPEAKER_00]: …``, ``(speaker 0) …``.

Generic labels (``Speaker 1``, ``SPEAKER_1``, ``S01``) also count in brackets without a colon,
``[SPEAKER_00] …``, as recognisers write them.

Prose has colons too ("at 10:30", "Note: …"), so a label must look like a name: capitalised words
or a generic label, a few words long, nothing a sentence would contain.
"""

from __future__ import annotations

import re

MAX_NAME_CHARS = 40
_NAME_PARTICLES = frozenset(
    {
        "de",
        "da",
        "di",
        "del",
        "der",
        "van",
        "von",
        "le",
        "la",
        "du",
        "bin",
        "al",
        "y",
        "of",
        "and",
        "&",
    }
)
# "Speaker 1", "SPEAKER_00", "spk_0", "Unknown Speaker", and the numbered "S01" / "S1".
_GENERIC_LABEL = re.compile(
    r"^(?:(?:speaker|spk|speaker_|unknown speaker)\s*[\w?]*|S_?\d{1,3})$", re.IGNORECASE
)
# Words that open a sentence with a colon far more often than they name anyone.
_NOT_NAMES = frozenset(
    {
        "note",
        "warning",
        "update",
        "edit",
        "source",
        "tip",
        "example",
        "caution",
        "important",
        "disclaimer",
        "transcript",
        "summary",
        "chapter",
        "sponsor",
        "ad",
        "music",
        # words that open a spoken sentence: "So: we start…", "Well: that depends"
        "so",
        "well",
        "yes",
        "no",
        "okay",
        "ok",
        "now",
        "but",
        "and",
        "or",
        "then",
        "first",
        "second",
        "finally",
        "also",
        "look",
        "listen",
        "remember",
        "anyway",
        "actually",
        "honestly",
        "reminder",
        "quote",
        "question",
    }
)
_FORBIDDEN_IN_NAME = re.compile(r"[,;?!\"“”:\d]")
_SENTENCE_PUNCTUATION = re.compile(r"[,;?!\"“”]")
_INLINE_LABEL = re.compile(
    r"^\s*(?:>>\s*)?(?:\[(?P<bracketed>[^\]\n]{1,40})\]|(?P<plain>[^:\n]{1,40})):\s+(?P<rest>\S.*)$",
    re.DOTALL,
)
_BRACKETED_GENERIC = re.compile(r"^\s*\[(?P<name>[^\]\n]{1,40})\]\s+(?P<rest>\S.*)$", re.DOTALL)
_DIARIZE_LABEL = re.compile(r"^\s*\((?P<name>speaker\s*[\w?]+)\)\s*(?P<rest>.*)$", re.I | re.DOTALL)


def plausible_name(name: str) -> bool:
    """Short, free of sentence punctuation: may be a name if the context agrees."""
    words = name.split()
    if _GENERIC_LABEL.match(name):
        return True
    return 0 < len(words) <= 6 and len(name) <= 60 and not _SENTENCE_PUNCTUATION.search(name)


def looks_like_name(name: str) -> bool:
    """Capitalised words ("Duena Blomstrom", "Dr. Polizzi") or a label like "Speaker 1"."""
    if _GENERIC_LABEL.match(name):
        return True
    words = name.split()
    return bool(words) and all(
        word[0].isupper() or word.lower() in _NAME_PARTICLES for word in words
    )


def split_label(text: str) -> tuple[str | None, str]:
    """``("Name", "rest")`` when ``text`` opens with a speaker label, else ``(None, text)``."""
    match = _INLINE_LABEL.match(text)
    if match is not None:
        name = " ".join((match["bracketed"] or match["plain"]).split())
        bracketed = match["bracketed"] is not None
        if name and (bracketed or _inline_name_ok(name)):
            return name, match["rest"]
    match = _BRACKETED_GENERIC.match(text)
    if match is not None and _GENERIC_LABEL.match(match["name"].strip()):
        return " ".join(match["name"].split()), match["rest"]
    match = _DIARIZE_LABEL.match(text)
    if match is not None:
        return " ".join(match["name"].split()).capitalize(), match["rest"]
    return None, text


def _inline_name_ok(name: str) -> bool:
    if _GENERIC_LABEL.match(name):
        return True
    return (
        len(name) <= MAX_NAME_CHARS
        and name.lower() not in _NOT_NAMES
        and len(name.split()) <= 4
        and not _FORBIDDEN_IN_NAME.search(name)
        and looks_like_name(name)
    )
