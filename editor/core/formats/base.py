"""What every format module shares: options, the export result, cues and warnings.

A *cue* is one timed piece of text as caption formats and recognisers produce it; ``grouping``
turns cues into speaker turns. Warnings are full sentences that name the file and line, say what
was found and what was done about it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from editor.core.model import Word
from editor.core.timecode import MAX_MS, parse_timecode

DEFAULT_PAUSE_MS = 2000


@dataclass(frozen=True)
class ImportOptions:
    """``one_turn_per_cue`` keeps caption cues as they are instead of joining them into turns;
    a silence of ``pause_ms`` or more between cues of one speaker starts a new turn, and so does
    the first sentence end after ``max_turn_chars`` characters, when that is set."""

    one_turn_per_cue: bool = False
    pause_ms: int = DEFAULT_PAUSE_MS
    max_turn_chars: int | None = None


@dataclass(frozen=True)
class ExportOptions:
    """``with_times`` adds times to formats where they are optional (txt, md, html, docx);
    ``one_cue_per_turn`` writes SRT/VTT with a cue per turn instead of caption-sized cues."""

    with_times: bool = False
    one_cue_per_turn: bool = False
    title: str = ""
    author: str = ""  # documents that carry one (DOCX core properties)
    destination: str = "<stdout>"  # named in warnings


@dataclass(frozen=True)
class Exported:
    """An export: text (or bytes, for DOCX) plus what the user should know about it."""

    content: str | bytes
    warnings: tuple[str, ...] = ()

    def as_bytes(self) -> bytes:
        return self.content if isinstance(self.content, bytes) else self.content.encode("utf-8")


@dataclass
class Cue:
    """One timed piece of text read from a caption-style file."""

    line: int
    start_ms: int | None
    end_ms: int | None
    text: str
    speaker: str | None = None
    starts_turn: bool = False  # explicit evidence that a new turn begins here
    ends_turn: bool = False  # explicit evidence that the turn ends after this cue
    words: list[Word] = field(default_factory=list)


class Warnings:
    """Collects import/export warnings for one file; after ``per_kind`` of one kind, it counts."""

    def __init__(self, path: str, per_kind: int = 10) -> None:
        self.path = path
        self.per_kind = per_kind
        self._items: list[str] = []
        self._counts: dict[str, int] = {}

    def add(self, line: int | None, message: str, kind: str | None = None) -> None:
        key = kind or message
        self._counts[key] = self._counts.get(key, 0) + 1
        if self._counts[key] <= self.per_kind:
            where = f"{self.path}:{line}" if line is not None else self.path
            self._items.append(f"{where}: {message}")

    def result(self) -> tuple[str, ...]:
        extra = [
            f"{self.path}: {count - self.per_kind} more like '{kind}'"
            for kind, count in self._counts.items()
            if count > self.per_kind
        ]
        return (*self._items, *extra)

    def __len__(self) -> int:
        return sum(self._counts.values())


_CUE_TIME = re.compile(r"^(?:(\d+):)?(\d{1,2}):(\d{1,2})(?:[.,:](\d+))?$")


def parse_cue_time(text: str) -> tuple[int, bool] | None:
    """Milliseconds for an SRT/VTT time; the flag is True when a short fraction was ambiguous.

    Accepts ``,`` or ``.`` (or ``:``) before the fraction, one-digit hours and missing hours.
    A one- or two-digit fraction is read as a decimal (",5" is 500 ms) and flagged.
    """
    match = _CUE_TIME.match(text.strip())
    if match is None:
        return None
    hours, minutes, seconds, fraction = match.groups()
    if int(seconds) > 59 or (hours is not None and int(minutes) > 59):
        return None
    fraction = fraction or ""
    millis = int(fraction[:3].ljust(3, "0")) if fraction else 0
    total = ((int(hours or 0) * 60 + int(minutes)) * 60 + int(seconds)) * 1000 + millis
    if total > MAX_MS:
        return None
    return total, 0 < len(fraction) < 3


def parse_clock(text: str) -> int | None:
    """``M:SS``, ``H:MM:SS`` (and with fractions), as used by text layouts."""
    return parse_timecode(text)


def sample(text: str, limit: int = 64 * 1024) -> str:
    """The start of a file, enough for sniffing without reading a 12,000-cue file twice."""
    return text[:limit]
