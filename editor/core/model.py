"""The transcript domain as plain, immutable dataclasses.

Times are integer milliseconds everywhere; formats convert at the edge. Stored objects carry the
id the project file gave them; ``TranscriptTurn`` is the id-less form that importers produce and
exporters consume, naming its speaker instead of pointing at one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum, StrEnum


@dataclass(frozen=True, slots=True)
class Word:
    """One recognised word with its timing and the recogniser's confidence (0–1), when known."""

    text: str
    start_ms: int | None = None
    end_ms: int | None = None
    confidence: float | None = None


@dataclass(frozen=True, slots=True)
class Speaker:
    id: int
    name: str
    color: str | None = None


class TimingSource(StrEnum):
    """Where a turn's times came from; never unknown (a project file's NULL is CONFIRMED)."""

    CONFIRMED = "confirmed"  # a person set them or a timed file gave them (or none yet)
    ALIGNED = "aligned"  # the automatic alignment placed them (see ``Turn.confidence``)
    ESTIMATED = "estimated"  # spread over the gap between timed turns, by text length


# The members by their short names.
CONFIRMED, ALIGNED, ESTIMATED = TimingSource.CONFIRMED, TimingSource.ALIGNED, TimingSource.ESTIMATED


@dataclass(frozen=True, slots=True)
class Turn:
    """One speaker turn as stored.

    ``position`` is an opaque sort key (see ``ordering``) that never needs renumbering.
    """

    id: int
    position: str
    speaker_id: int | None
    text: str
    start_ms: int | None = None
    end_ms: int | None = None
    reviewed: bool = False
    words: tuple[Word, ...] = ()
    timing: TimingSource = TimingSource.CONFIRMED
    confidence: float | None = None  # of an automatic alignment, 0–1

    @property
    def is_timed(self) -> bool:
        return self.start_ms is not None

    @property
    def is_confirmed(self) -> bool:
        """Times a person set or a timed file gave: kept fixed when aligning."""
        return self.start_ms is not None and self.timing is TimingSource.CONFIRMED


@dataclass(frozen=True, slots=True)
class TranscriptTurn:
    """A turn at the format edge: what an importer reads and an exporter writes."""

    speaker: str | None
    text: str
    start_ms: int | None = None
    end_ms: int | None = None
    words: tuple[Word, ...] = ()
    reviewed: bool = False


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    role: str = ""  # "host", "guest", …
    url: str = ""
    bio: str = ""


@dataclass(frozen=True, slots=True)
class Link:
    title: str
    url: str


@dataclass(frozen=True, slots=True)
class PageBlock:
    """One piece of an episode page's description, in the order the page published it.

    ``paragraph``: ``text``; ``heading``: a line such as "Related concepts:" (``text``);
    ``topics``: bullets (``items``, as published) under an optional ``text`` heading; ``links``:
    the URLs (``items``) of a group of link lines under an optional ``text`` heading.
    """

    kind: str
    text: str = ""
    items: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PublishedPage:
    """The description as the episode page published it: show notes follow it until edited."""

    title: str
    blocks: tuple[PageBlock, ...] = ()


@dataclass(frozen=True, slots=True)
class EpisodeMeta:
    """What show notes are made from; ``page`` is the published page they were imported from."""

    title: str = ""
    show: str = ""
    season: int | None = None
    number: int | None = None
    summary: str = ""
    topics: tuple[str, ...] = ()
    people: tuple[Person, ...] = ()
    links: tuple[Link, ...] = ()
    page: PublishedPage | None = None


class CaseRule(Enum):
    """How strictly a glossary term's letter case is enforced."""

    EXACT = "exact"
    IGNORE = "ignore"


@dataclass(frozen=True, slots=True)
class GlossaryTerm:
    id: int
    term: str  # canonical form including its mark, e.g. "Human Debt™"
    variants: tuple[str, ...] = ()
    case_rule: CaseRule = CaseRule.EXACT
    note: str = ""


@dataclass(frozen=True, slots=True)
class Clip:
    id: int
    start_ms: int
    end_ms: int
    title: str = ""
    quote: str = ""
    tags: tuple[str, ...] = ()
    note: str = ""
    speaker: str = ""
    in_notes: bool = True  # quoted in the show notes

    @property
    def duration_ms(self) -> int:
        return self.end_ms - self.start_ms


@dataclass(frozen=True, slots=True)
class Chapter:
    id: int
    start_ms: int
    title: str
    url: str = ""
    img: str = ""
    toc: bool = True
    turn_id: int | None = None


@dataclass(frozen=True, slots=True)
class MediaLink:
    """Where the episode's audio was, and how to recognise it after a move."""

    relative_path: str | None
    absolute_path: str
    size: int
    head_sha256: str  # hash of the first MiB
    duration_ms: int | None = None


@dataclass(frozen=True, slots=True)
class Transcript:
    """A whole transcript at the format edge, plus what the reader noticed on the way."""

    turns: tuple[TranscriptTurn, ...]
    warnings: tuple[str, ...] = field(default=())
    encoding: str = "utf-8"
