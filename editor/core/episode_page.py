"""Reading a published episode page (as text): title, summary, topics, links, people, transcript.

The layout is the one podcast hosts publish (see ``tests/data/episode-page.txt``): the title on
the first line, description paragraphs, "•" topic bullets, "Name → url" (or "Name — url") link
lines, a "Creators and Guests" section of role / name / bio lines, a "What is <show>?" section,
and then the transcript in the plain "Speaker:" layout. Link names that carry ™ or ® are
glossary terms; every linked name is offered to the glossary.

The description is also kept as the page published it (``PublishedPage``): paragraphs, headings
such as "The discussion explores:" or "Related concepts:", bullets and link groups in their
order, so show notes give the page back until the producer edits it. A "Hosted by A, …, and
Dr B, …" sentence makes both hosts (named as the page names them, title included), and a
transcript speaker matches a credit without its title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlparse

from editor.core.errors import InputError
from editor.core.formats import plain
from editor.core.formats.labels import looks_like_name
from editor.core.glossary.csv_io import NewTerm
from editor.core.glossary.matcher import MARKS
from editor.core.model import EpisodeMeta, Link, PageBlock, Person, PublishedPage, Transcript
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
_HOSTED_BY = re.compile(r"\b[Hh]osted by (?P<rest>.+)$")
_TITLE = re.compile(r"^(?:(?:Dr|Prof|Mr|Mrs|Ms|Mx)\.?|Doctor|Professor)\s+", re.IGNORECASE)
_CREDITS = re.compile(r"^(creators and guests|credits|hosts? and guests?)\s*$", re.IGNORECASE)


@dataclass
class EpisodePage:
    meta: EpisodeMeta
    glossary: list[NewTerm] = field(default_factory=list)
    transcript: Transcript | None = None
    warnings: tuple[str, ...] = ()


def read_episode_page(source: DecodedText) -> EpisodePage:
    lines = source.text.split("\n")
    header, transcript = _split_transcript(source, lines)
    if not any(line.strip() for line in header):
        raise InputError(source.path, "no episode description before the transcript")
    title = next(line.strip() for line in header if line.strip())
    page = _Description()
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
        in_description = section == "description"
        if match := _BULLET.match(line):
            if in_description:
                page.add("topics", match["text"].strip())
            continue
        if (match := _LINK.match(line)) or (match := _BARE_URL.match(line)):
            title_text = match.groupdict().get("title") or ""
            url = _add_link(links, title_text.strip(), match["url"])
            if in_description:
                page.add("links", url)
            continue
        if section == "credits" and line.lower() in _ROLES and index < len(header):
            name = header[index].strip()
            bio = header[index + 1].strip() if index + 1 < len(header) else ""
            people.append(Person(name, _ROLES[line.lower()], bio=bio))
            index += 2
            continue
        if in_description:
            page.text(line)
    people += _hosts_named(header, people)
    people += _speakers_not_credited(people, transcript)
    meta = EpisodeMeta(
        title=title,
        show=show,
        summary="\n\n".join(page.summary),
        topics=tuple(page.topics),
        people=tuple(people),
        links=tuple(links.values()),
        page=PublishedPage(title, page.finish()),
    )
    terms = [NewTerm(link.title, note=link.url) for link in links.values() if not _is_host(link)]
    warnings = transcript.warnings if transcript else ()
    return EpisodePage(meta, terms, transcript, warnings)


class _Description:
    """The description's paragraphs, headings, bullets and link groups, in published order."""

    def __init__(self) -> None:
        self.blocks: list[PageBlock] = []
        self.summary: list[str] = []
        self.topics: list[str] = []
        self._heading: str | None = None

    def text(self, line: str) -> None:
        """A line of prose; one ending in ':' heads what follows it."""
        self._flush()
        if line.endswith(":"):
            self._heading = line
        else:
            self.summary.append(line)
            self.blocks.append(PageBlock("paragraph", line))

    def add(self, kind: str, item: str) -> None:
        """A bullet (``topics``) or a link's URL (``links``), joining the group it continues."""
        if kind == "topics":
            self.topics.append(item)
        last = self.blocks[-1] if self.blocks else None
        if self._heading is None and last is not None and last.kind == kind:
            self.blocks[-1] = PageBlock(kind, last.text, (*last.items, item))
        else:
            self.blocks.append(PageBlock(kind, self._heading or "", (item,)))
            self._heading = None

    def finish(self) -> tuple[PageBlock, ...]:
        self._flush()
        return tuple(self.blocks)

    def _flush(self) -> None:
        if self._heading is not None:
            self.blocks.append(PageBlock("heading", self._heading))
            self._heading = None


def _hosts_named(header: list[str], people: list[Person]) -> list[Person]:
    """Hosts a "Hosted by A, who…, and Dr B, …" sentence names that the credits do not."""
    found: list[Person] = []
    known = {_plain_name(p.name) for p in people}
    for line in header:
        match = _HOSTED_BY.search(line)
        if match is None:
            continue
        rest = match["rest"]
        parts = rest.split(", and ") if ", and " in rest else rest.split(" and ")
        for part in parts:
            pieces = [p.strip() for p in part.split(",")]
            name = pieces[0].rstrip(".;")
            if not (0 < len(name.split()) <= 5 and looks_like_name(name)):
                continue
            if _plain_name(name) not in known:
                known.add(_plain_name(name))
                bio = pieces[1] if len(pieces) > 1 else ""
                found.append(Person(name, "host", bio=bio))
    return found


def _plain_name(name: str) -> str:
    """A name without its title, for matching "Dr Alessandria Polizzi" to a speaker."""
    return _TITLE.sub("", name).casefold().strip()


def _split_transcript(source: DecodedText, lines: list[str]) -> tuple[list[str], Transcript | None]:
    """The page before its transcript, and the transcript (plain "Speaker:" layout), if any."""
    candidates = plain.speaker_lines(lines)
    if not candidates:
        return lines, None
    first = min(candidates)
    part = DecodedText("\n".join(lines[first:]), source.encoding, source.path)
    return lines[:first], plain.read(part)


def _add_link(links: dict[str, Link], title: str, url: str) -> str:
    """Keep the first link of each name; the URL the project keeps for it."""
    title = title or urlparse(url).netloc.removeprefix("www.")
    if title.casefold() not in links:
        links[title.casefold()] = Link(title, url)
    return links[title.casefold()].url


def _speakers_not_credited(people: list[Person], transcript: Transcript | None) -> list[Person]:
    """Speakers of the transcript the credits do not name: guests, unless said otherwise."""
    if transcript is None:
        return []
    credited = {_plain_name(p.name) for p in people}
    seen: list[Person] = []
    for turn in transcript.turns:
        name = turn.speaker
        if name and _plain_name(name) not in credited:
            credited.add(_plain_name(name))
            seen.append(Person(name, "guest"))
    return seen


def _is_host(link: Link) -> bool:
    """A link named after its own address (a bare URL) is no glossary term."""
    return "." in link.title and " " not in link.title and link.title in link.url


def has_mark(term: str) -> bool:
    return any(mark in term for mark in MARKS)
