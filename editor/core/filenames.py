"""File names built from user text (clip titles, episode titles) that are safe on every system.

A title may contain anything: slashes that would climb out of the chosen folder, characters
Windows refuses, control characters, a reserved device name, or a thousand characters.
"""

from __future__ import annotations

import re
import unicodedata

# Windows refuses these as names, with any extension ("CON.mp3" too).
_RESERVED = {"CON", "PRN", "AUX", "NUL"} | {f"{p}{n}" for p in ("COM", "LPT") for n in range(10)}
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')


def safe_filename(title: str, fallback: str = "clip", limit: int = 80) -> str:
    """``title`` as one path component: no separators, nothing reserved, at most ``limit``."""
    text = unicodedata.normalize("NFC", title)
    text = "".join(" " if unicodedata.category(c) in ("Cf", "Zl", "Zp") else c for c in text)
    # A title cut short ends in "…": a name ending "any….mp3" reads badly, so it goes too.
    cleaned = re.sub(r"\s+", " ", _UNSAFE.sub(" ", text)).strip(" .…")
    cleaned = cleaned[:limit].rstrip(" .…")
    if not cleaned or cleaned.split(".")[0].upper() in _RESERVED:
        cleaned = f"{fallback} {cleaned}".strip() if cleaned else fallback
    return cleaned
