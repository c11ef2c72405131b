"""Pronunciations for words the CMU dictionary lacks: eSpeak NG's phonemes in CMU phones.

eSpeak NG (through its C library, already needed by the fallback aligner) spells any word in its
own ASCII phoneme names; each name maps onto one or two of the model's 39 phones. Without eSpeak
a plain letter-to-sound reading is used: rough, but the aligner only needs a plausible sequence.
"""

from __future__ import annotations

import ctypes
import re

from editor.core.errors import EditorError

_ESPEAK_TO_CMU: dict[str, tuple[str, ...]] = {
    # vowels (American English voice)
    "a": ("AE",),
    "aa": ("AE",),
    "a#": ("AH",),
    "A:": ("AA",),
    "A": ("AA",),
    "A@": ("AA", "R"),
    "A@r": ("AA", "R"),
    "aI": ("AY",),
    "aI@": ("AY", "ER"),
    "aI3": ("AY", "ER"),
    "aU": ("AW",),
    "aU@": ("AW", "ER"),
    "E": ("EH",),
    "E2": ("EH",),
    "E@": ("EH", "R"),
    "e@": ("EH", "R"),
    "eI": ("EY",),
    "I": ("IH",),
    "I2": ("IH",),
    "I#": ("IH",),
    "i": ("IY",),
    "i:": ("IY",),
    "i@": ("IH", "R"),
    "i@3": ("IH", "R"),
    "0": ("AA",),
    "O": ("AO",),
    "O:": ("AO",),
    "O@": ("AO", "R"),
    "o@": ("AO", "R"),
    "oU": ("OW",),
    "o": ("OW",),
    "OI": ("OY",),
    "U": ("UH",),
    "U@": ("UH", "R"),
    "u": ("UW",),
    "u:": ("UW",),
    "V": ("AH",),
    "@": ("AH",),
    "@2": ("AH",),
    "@5": ("AH",),
    "@-": ("AH",),
    "@L": ("AH", "L"),
    "3": ("ER",),
    "3:": ("ER",),
    "3:r": ("ER",),
    "@r": ("ER",),
    "y": ("UW",),
    "Y": ("UW",),
    "W": ("UW",),
    # consonants
    "p": ("P",),
    "b": ("B",),
    "t": ("T",),
    "t#": ("T",),
    "*": ("T",),
    "d": ("D",),
    "k": ("K",),
    "g": ("G",),
    "f": ("F",),
    "v": ("V",),
    "T": ("TH",),
    "D": ("DH",),
    "s": ("S",),
    "z": ("Z",),
    "S": ("SH",),
    "Z": ("ZH",),
    "tS": ("CH",),
    "dZ": ("JH",),
    "h": ("HH",),
    "x": ("HH",),
    "C": ("HH",),
    "m": ("M",),
    "m-": ("M",),
    "n": ("N",),
    "n-": ("N",),
    "N": ("NG",),
    "l": ("L",),
    "l-": ("L",),
    "r": ("R",),
    "r-": ("R",),
    "w": ("W",),
    "j": ("Y",),
}
_MARKS = re.compile(r"[',%=;:_!|]+$|^[',%=;_!|]+")

_LETTERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("tch", ("CH",)),
    ("sch", ("SH",)),
    ("th", ("TH",)),
    ("sh", ("SH",)),
    ("ch", ("CH",)),
    ("ph", ("F",)),
    ("ng", ("NG",)),
    ("ck", ("K",)),
    ("qu", ("K", "W")),
    ("wh", ("W",)),
    ("ee", ("IY",)),
    ("ea", ("IY",)),
    ("oo", ("UW",)),
    ("ou", ("AW",)),
    ("ow", ("OW",)),
    ("ai", ("EY",)),
    ("ay", ("EY",)),
    ("oi", ("OY",)),
    ("oy", ("OY",)),
    ("a", ("AE",)),
    ("b", ("B",)),
    ("c", ("K",)),
    ("d", ("D",)),
    ("e", ("EH",)),
    ("f", ("F",)),
    ("g", ("G",)),
    ("h", ("HH",)),
    ("i", ("IH",)),
    ("j", ("JH",)),
    ("k", ("K",)),
    ("l", ("L",)),
    ("m", ("M",)),
    ("n", ("N",)),
    ("o", ("AA",)),
    ("p", ("P",)),
    ("q", ("K",)),
    ("r", ("R",)),
    ("s", ("S",)),
    ("t", ("T",)),
    ("u", ("AH",)),
    ("v", ("V",)),
    ("w", ("W",)),
    ("x", ("K", "S")),
    ("y", ("IY",)),
    ("z", ("Z",)),
)


def espeak_phone(name: str) -> tuple[str, ...]:
    """CMU phones for one eSpeak phoneme name (stress marks ignored; unknown names: none)."""
    bare = _MARKS.sub("", name)
    if bare in _ESPEAK_TO_CMU:
        return _ESPEAK_TO_CMU[bare]
    simpler = bare.rstrip("0123456789#-")
    return _ESPEAK_TO_CMU.get(simpler, ())


def from_espeak(spelled: str) -> list[str]:
    """CMU phones for eSpeak's phonemes of a word, names separated by ``_`` or spaces."""
    phones: list[str] = []
    for name in re.split(r"[_\s]+", spelled):
        phones += espeak_phone(name)
    return phones


def letter_to_sound(word: str) -> list[str]:
    """A rough reading from the letters alone: the fallback when eSpeak NG is missing."""
    phones: list[str] = []
    text = "".join(c for c in word.lower() if c.isascii() and c.isalpha())
    index = 0
    while index < len(text):
        for letters, sounds in _LETTERS:
            if text.startswith(letters, index):
                silent = letters == "e" and index == len(text) - 1 and bool(phones)
                phones += () if silent else sounds  # a final e is silent
                index += len(letters)
                break
    return phones or ["AH"]


class EspeakPhonemes:
    """eSpeak NG's phonemes for single words through ``espeak_TextToPhonemes``."""

    def __init__(self, voice: str = "en-us") -> None:
        from editor.core.align.speech import _LOCK, espeak_library  # noqa: PLC0415

        self._lock = _LOCK
        with self._lock:
            lib = espeak_library()
            if lib.espeak_Initialize(2, 0, None, 0) <= 0:  # synchronous output
                raise EditorError("eSpeak NG could not start (is espeak-ng-data installed?)")
            lib.espeak_TextToPhonemes.restype = ctypes.c_char_p
            lib.espeak_TextToPhonemes.argtypes = [
                ctypes.POINTER(ctypes.c_void_p),
                ctypes.c_int,
                ctypes.c_int,
            ]
        self._lib = lib
        self._voice = voice.encode()

    def phones(self, word: str) -> list[str]:
        data = ctypes.create_string_buffer(word.encode("utf-8"))
        pointer = ctypes.c_void_p(ctypes.addressof(data))
        clauses: list[str] = []
        with self._lock:
            self._lib.espeak_SetVoiceByName(self._voice)
            while pointer.value:
                spelled = self._lib.espeak_TextToPhonemes(ctypes.byref(pointer), 1, ord("_") << 8)
                clauses.append((spelled or b"").decode("utf-8", "replace"))
        return from_espeak(" ".join(clauses))


def pronouncer() -> tuple[str, EspeakPhonemes | None]:
    """Which way unknown words are pronounced here: ("eSpeak NG", engine) or letters alone."""
    try:
        return "eSpeak NG", EspeakPhonemes()
    except (EditorError, OSError, AttributeError):
        return "letter-to-sound rules", None
