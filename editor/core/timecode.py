"""Converting integer milliseconds to and from the time notations transcripts use."""

from __future__ import annotations

import math
import re

# Longer than any recording; a bigger time is a broken file, and SQLite could not store it all.
MAX_MS = 1000 * 3600 * 1000

_TIMECODE = re.compile(
    r"""^\s*
    (?:(?P<h>\d+):)?          # optional hours
    (?P<m>\d{1,2}):
    (?P<s>\d{1,2})
    (?:[.,](?P<frac>\d{1,3}))?  # optional fraction
    \s*$""",
    re.VERBOSE,
)


def format_hms(ms: int) -> str:
    """``HH:MM:SS`` (truncated to the second), as the plain transcript layout writes it."""
    seconds = max(0, ms) // 1000
    return f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def format_clock(ms: int) -> str:
    """``M:SS`` under an hour, ``H:MM:SS`` above: how people write podcast timestamps."""
    seconds = max(0, ms) // 1000
    hours, minutes, secs = seconds // 3600, seconds // 60 % 60, seconds % 60
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def format_precise(ms: int, separator: str = ".") -> str:
    """``HH:MM:SS.mmm`` (or ``,mmm`` for SRT)."""
    ms = max(0, ms)
    return f"{format_hms(ms)}{separator}{ms % 1000:03d}"


def parse_timecode(text: str) -> int | None:
    """Milliseconds for ``[H]H:MM:SS[.mmm]``, ``M:SS`` and friends; None when it is not one."""
    match = _TIMECODE.match(text)
    if match is None:
        return None
    hours = int(match["h"] or 0)
    minutes, seconds = int(match["m"]), int(match["s"])
    if seconds >= 60 or (match["h"] is not None and minutes >= 60):
        return None
    frac = match["frac"] or ""
    millis = int(frac.ljust(3, "0")) if frac else 0
    total = ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis
    return total if total <= MAX_MS else None


def seconds_to_ms(seconds: float) -> int:
    return round(seconds * 1000)


def seconds_from_file(seconds: float) -> int | None:
    """Milliseconds for a number of seconds read from a file; None unless it is a usable time."""
    if not math.isfinite(seconds) or seconds < 0 or seconds * 1000 > MAX_MS:
        return None
    return round(seconds * 1000)
