"""The ``<item>`` of an episode for a podcast feed, with its Podcasting 2.0 tags.

A fragment to paste into the feed's ``<channel>``: ``<title>``, ``<description>`` (the show
notes' HTML in CDATA; a ``]]>`` inside it is split across two sections, so no text can end the
section early), one ``<podcast:transcript>`` per transcript file (``rel="captions"`` on the timed
caption formats), ``<podcast:chapters>``, the ``<podcast:soundbite>`` tags as the soundbites export
writes them, and a ``<podcast:person>`` for each host and guest. The podcast namespace is
declared on the item itself, so the fragment parses on its own and in any feed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from editor.core.formats.documents import without_control_chars
from editor.core.model import Person
from editor.core.soundbites import TITLE_MAX, cut_title
from editor.core.urls import is_web_url

PODCAST_NAMESPACE = "https://podcastindex.org/namespace/1.0"
CHAPTERS_TYPE = "application/json+chapters"
PERSON_ROLES = ("host", "guest")


@dataclass(frozen=True)
class TranscriptLink:
    url: str
    mime_type: str
    captions: bool  # timed captions (VTT, SRT): rel="captions"


@dataclass(frozen=True)
class ItemParts:
    title: str
    description_html: str
    transcripts: tuple[TranscriptLink, ...]
    language: str  # a language tag such as "en-US"; empty leaves the feed's <language>
    chapters_url: str | None
    soundbite_tags: str  # the soundbites export: one tag a line
    people: tuple[Person, ...]


def cdata(text: str) -> str:
    """``text`` as CDATA sections: a ``]]>`` in it ends one section and starts the next."""
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def credited(people: Sequence[Person]) -> list[Person]:
    """The hosts and guests, in the project's order (other roles are not the item's to say)."""
    return [p for p in people if p.role.strip().lower() in PERSON_ROLES and p.name.strip()]


def rss_item(parts: ItemParts) -> tuple[str, tuple[str, ...]]:
    """The item's XML and what the producer should know about it."""
    warnings: list[str] = []
    lines = [
        f'<item xmlns:podcast="{PODCAST_NAMESPACE}">',
        f"  <title>{_text(parts.title)}</title>",
        f"  <description>{cdata(without_control_chars(parts.description_html))}</description>",
    ]
    language = f" language={quoteattr(parts.language)}" if parts.language else ""
    for link in parts.transcripts:
        rel = ' rel="captions"' if link.captions else ""
        lines.append(
            f"  <podcast:transcript url={quoteattr(link.url)} type={quoteattr(link.mime_type)}"
            f"{language}{rel} />"
        )
    if parts.chapters_url is not None:
        lines.append(
            f'  <podcast:chapters url={quoteattr(parts.chapters_url)} type="{CHAPTERS_TYPE}" />'
        )
    lines += [f"  {tag}" for tag in parts.soundbite_tags.splitlines() if tag.strip()]
    for person in credited(parts.people):
        lines.append(_person(person, warnings))
    lines.append("</item>")
    return "\n".join(lines) + "\n", tuple(warnings)


def _text(value: str) -> str:
    return escape(" ".join(without_control_chars(value).split()))


def _person(person: Person, warnings: list[str]) -> str:
    name = " ".join(without_control_chars(person.name).split())
    shown = cut_title(name)
    if shown != name:
        warnings.append(
            f"rss-item.xml: the name {name[:40]!r}… has more than the {TITLE_MAX} characters "
            f"<podcast:person> allows; cut after a whole word to {len(shown)}"
        )
    role = person.role.strip().lower()
    href = person.url.strip()
    link = ""
    if is_web_url(href) and href.lower().startswith("https://"):
        link = f" href={quoteattr(href)}"
    elif is_web_url(href):
        warnings.append(
            f"rss-item.xml: {shown}'s page {href} is an http: address; the podcast namespace "
            "needs https:, so <podcast:person> has no href"
        )
    return f'  <podcast:person role="{role}"{link}>{escape(shown)}</podcast:person>'
