"""Reading a published episode page (as text): title, summary, topics, links, people, transcript.

The layout is the one podcast hosts publish (see ``tests/data/episode-page.txt``): the title on
the first line, description paragraphs, "•" topic bullets, "Name → url" (or "Name — url") link
lines, a "Creators and Guests" section of role / name / bio lines, a "What is <show>?" section,
and then the transcript in the plain "Speaker:" layout. Link names that carry ™ or ® are
glossary terms; every linked name is offered to the glossary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlparse

from editor.core.errors import InputError
from editor.core.formats import plain
from editor.core.glossary.csv_io import TermDraft
from editor.core.glossary.matcher import MARKS
from editor.core.model import EpisodeMeta, Link, Person, Transcript
from editor.core.textfile import DecodedText

_BULLET = re.compile(r"^\s*[•\-*·▪◦]\s+(?P<text>\S.*)$")
_LINK = re.compile(r"^\s*(?P<title>[^\n]{1,80}?)\s*(?:→|—|–|->|:)\s*(?P<url>https?://\S+)\s*$")
_BARE_URL = re.compile(r"^\s*(?P<url>https?://\S+)\s*$")
_ROLES = {
    "host": "host",
    "co-host": "host",
    "cohost": "host",
    "guest": "guest",
    "producer": "producer",
    "editor": "editor",
}
_SHOW = re.compile(r"^What is (?P<show>.+)\?\s*$")
_CREDITS = re.compile(r"^(creators and guests|credits|hosts? and guests?)\s*$", re.IGNORECASE)


@dataclass
class EpisodePage:
    meta: EpisodeMeta
    glossary: list[TermDraft] = field(default_factory=list)
    transcript: Transcript | None = None
    warnings: tuple[str, ...] = ()


def read_episode_page(source: DecodedText) -> EpisodePage:
    lines = source.text.split("\n")
    header, transcript = _split_transcript(source, lines)
    if not any(line.strip() for line in header):
        raise InputError(source.path, "no episode description before the transcript")
    title = next(line.strip() for line in header if line.strip())
    summary: list[str] = []
    topics: list[str] = []
    links: dict[str, Link] = {}
    people: list[Person] = []
    show = ""
    section = "description"
    index = header.index(next(line for line in header if line.strip())) + 1
    while index < len(header):
        line = header[index].strip()
        index += 1
        if not line:
            continue
        if _CREDITS.match(line):
            section = "credits"
            continue
        if match := _SHOW.match(line):
            show, section = match["show"].strip(), "show"
            continue
        if match := _BULLET.match(line):
            if section == "description":
                topics.append(match["text"].strip())
            continue
        if match := _LINK.match(line):
            _add_link(links, match["title"].strip(), match["url"])
            continue
        if match := _BARE_URL.match(line):
            _add_link(links, "", match["url"])
            continue
        if section == "credits" and line.lower() in _ROLES and index < len(header):
            name = header[index].strip()
            bio = header[index + 1].strip() if index + 1 < len(header) else ""
            people.append(Person(name, _ROLES[line.lower()], bio=bio))
            index += 2
            continue
        if section == "description" and not line.endswith(":"):
            summary.append(line)
    people += _speakers_not_credited(people, transcript)
    meta = EpisodeMeta(
        title=title,
        show=show,
        summary="\n\n".join(summary),
        topics=tuple(topics),
        people=tuple(people),
        links=tuple(links.values()),
    )
    terms = [TermDraft(link.title, note=link.url) for link in links.values() if not _is_host(link)]
    warnings = transcript.warnings if transcript else ()
    return EpisodePage(meta, terms, transcript, warnings)


def _split_transcript(source: DecodedText, lines: list[str]) -> tuple[list[str], Transcript | None]:
    """The page before its transcript, and the transcript (plain "Speaker:" layout), if any."""
    candidates = plain.speaker_lines(lines)
    if not candidates:
        return lines, None
    first = min(candidates)
    part = DecodedText("\n".join(lines[first:]), source.encoding, source.path)
    return lines[:first], plain.read(part)


def _add_link(links: dict[str, Link], title: str, url: str) -> None:
    title = title or urlparse(url).netloc.removeprefix("www.")
    if title.casefold() not in links:
        links[title.casefold()] = Link(title, url)


def _speakers_not_credited(people: list[Person], transcript: Transcript | None) -> list[Person]:
    """Speakers of the transcript the credits do not name: guests, unless said otherwise."""
    if transcript is None:
        return []
    credited = {p.name.casefold() for p in people}
    seen: list[Person] = []
    for turn in transcript.turns:
        name = turn.speaker
        if name and name.casefold() not in credited:
            credited.add(name.casefold())
            seen.append(Person(name, "guest"))
    return seen


def _is_host(link: Link) -> bool:
    """A link named after its own address (a bare URL) is no glossary term."""
    return "." in link.title and " " not in link.title and link.title in link.url


def has_mark(term: str) -> bool:
    return any(mark in term for mark in MARKS)
