"""A validator for an RSS ``<item>`` against the Podcasting 2.0 namespace's rules, for tests.

The rules, from the namespace's documents (docs/1.0.md and docs/tags/*.md of
Podcastindex-org/podcast-namespace; transcripts.md and jsonChapters.md in
../shared/corpora/podcast-namespace): the namespace ``https://podcastindex.org/namespace/1.0``
is declared; every attribute is required unless the document says optional, and no other is
allowed; a URL given in full is ``https:`` ("must be given as https: and not http:").

- ``<podcast:transcript>`` (many): ``url``, ``type`` a transcript MIME type (text/plain,
  text/html, text/vtt, application/json, application/x-subrip, also application/srt);
  optional ``language`` (a language tag) and ``rel``, whose only value is ``captions``, which
  says time codes are present, so not on plain text or HTML.
- ``<podcast:chapters>`` (at most one): ``url``, ``type`` ``application/json+chapters``.
- ``<podcast:soundbite>`` (many): ``startTime`` and ``duration`` in seconds (a number, start
  not negative, duration above zero); a title of at most 128 characters. A duration outside
  the recommended 15–120 s is a recommendation missed, reported apart from the errors.
- ``<podcast:person>`` (many): a name, not blank, at most 128 characters; optional ``role``
  from the Podcast Taxonomy (case-insensitive), ``group``, ``img`` and ``href`` (URLs).

The item itself needs a ``<title>`` and a ``<description>`` that are not empty, and no tag of
the namespace the item does not take.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from urllib.parse import urlsplit

NS = "https://podcastindex.org/namespace/1.0"
TRANSCRIPT_TYPES = {
    "text/plain",
    "text/html",
    "text/vtt",
    "application/json",
    "application/x-subrip",
    "application/srt",
}
TIMED_TYPES = {"text/vtt", "application/json", "application/x-subrip", "application/srt"}
CHAPTERS_TYPE = "application/json+chapters"
# The cast roles of the Podcast Taxonomy Project (taxonomy.json), which the item may credit.
ROLES = {
    "host",
    "co-host",
    "guest host",
    "guest",
    "voice actor",
    "narrator",
    "announcer",
    "reporter",
}
LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
NUMBER = re.compile(r"^\d+(\.\d+)?$")
TEXT_LIMIT = 128
SOUNDBITE_RECOMMENDED_S = (15.0, 120.0)
ATTRIBUTES = {
    "transcript": ({"url", "type"}, {"language", "rel"}),
    "chapters": ({"url", "type"}, set()),
    "soundbite": ({"startTime", "duration"}, set()),
    "person": (set(), {"role", "group", "img", "href"}),
}


@dataclass
class Report:
    errors: list[str] = field(default_factory=list)
    advice: list[str] = field(default_factory=list)  # recommendations the item does not follow


def validate_item(xml: str, absolute_urls: bool) -> Report:
    """Check ``xml`` (an ``<item>``); ``absolute_urls``: every URL must be a full https URL
    (with a base URL), else a relative file name (no scheme, no host)."""
    report = Report()
    try:
        declared = [ns for _event, (_prefix, ns) in ET.iterparse(io.StringIO(xml), ["start-ns"])]
        root = ET.fromstring(xml)
    except ET.ParseError as error:
        report.errors.append(f"not well-formed XML: {error}")
        return report
    if NS not in declared:
        report.errors.append(f"the podcast namespace {NS} is not declared")
    if root.tag != "item":
        report.errors.append(f"the root is <{root.tag}>, not <item>")
    for name in ("title", "description"):
        found = root.findall(name)
        if len(found) != 1 or not (found[0].text or "").strip():
            report.errors.append(f"<{name}>: exactly one, not empty (found {len(found)})")
    if len(root.findall(f"{{{NS}}}chapters")) > 1:
        report.errors.append("<podcast:chapters>: at most one per item")
    for number, element in enumerate(root, 1):
        _check(element, number, absolute_urls, report)
    return report


def _check(element: ET.Element, number: int, absolute_urls: bool, report: Report) -> None:
    if not element.tag.startswith(f"{{{NS}}}"):
        if element.tag not in ("title", "description") and element.tag.startswith("{"):
            report.errors.append(f"{element.tag}: a tag of another namespace")
        return
    name = element.tag.split("}", 1)[1]
    if name not in ATTRIBUTES:
        report.errors.append(f"<podcast:{name}>: not a tag this item takes")
        return
    required, optional = ATTRIBUTES[name]
    where = f"<podcast:{name}> (element {number} of the item)"
    for missing in sorted(required - element.attrib.keys()):
        report.errors.append(f"{where}: the required attribute {missing!r} is missing")
    for extra in sorted(element.attrib.keys() - required - optional):
        report.errors.append(f"{where}: {extra!r} is not an attribute of the tag")
    for attribute in ("url", "img", "href"):
        if attribute in element.attrib:
            _check_url(where, element.attrib[attribute], absolute_urls, report)
    {
        "transcript": _transcript,
        "chapters": _chapters,
        "soundbite": _soundbite,
        "person": _person,
    }[name](where, element, report)


def _check_url(where: str, url: str, absolute: bool, report: Report) -> None:
    parts = urlsplit(url)
    if not url.strip():
        report.errors.append(f"{where}: an empty URL")
    elif any(c.isspace() for c in url):
        report.errors.append(f"{where}: {url!r} has a space in it")
    elif absolute and (parts.scheme != "https" or not parts.netloc):
        report.errors.append(f"{where}: {url!r} is not an https: URL")
    elif not absolute and (parts.scheme or parts.netloc or url.startswith("/")):
        report.errors.append(f"{where}: {url!r} should be a file name beside the item")


def _transcript(where: str, element: ET.Element, report: Report) -> None:
    kind = element.get("type", "")
    if kind and kind not in TRANSCRIPT_TYPES:
        report.errors.append(f"{where}: type {kind!r} is not a transcript MIME type")
    language = element.get("language")
    if language is not None and not LANGUAGE_TAG.match(language):
        report.errors.append(f"{where}: language {language!r} is not a language tag")
    rel = element.get("rel")
    if rel is not None and rel != "captions":
        report.errors.append(f"{where}: rel {rel!r}; the only value is 'captions'")
    if rel == "captions" and kind not in TIMED_TYPES:
        report.errors.append(f"{where}: rel='captions' on {kind!r}, which has no time codes")


def _chapters(where: str, element: ET.Element, report: Report) -> None:
    if element.get("type", CHAPTERS_TYPE) != CHAPTERS_TYPE:
        report.errors.append(f"{where}: type {element.get('type')!r}, not {CHAPTERS_TYPE!r}")


def _soundbite(where: str, element: ET.Element, report: Report) -> None:
    start, duration = element.get("startTime", "0"), element.get("duration", "1")
    for label, value in (("startTime", start), ("duration", duration)):
        if not NUMBER.match(value):
            report.errors.append(f"{where}: {label} {value!r} is not a number of seconds")
            return
    if float(duration) <= 0:
        report.errors.append(f"{where}: duration {duration} is not above zero")
    shortest, longest = SOUNDBITE_RECOMMENDED_S
    if not shortest <= float(duration) <= longest:
        report.advice.append(f"{where}: lasts {duration} s, outside the recommended 15–120 s")
    if len(element.text or "") > TEXT_LIMIT:
        report.errors.append(f"{where}: a title over {TEXT_LIMIT} characters")


def _person(where: str, element: ET.Element, report: Report) -> None:
    name = (element.text or "").strip()
    if not name:
        report.errors.append(f"{where}: the name is blank")
    if len(name) > TEXT_LIMIT:
        report.errors.append(f"{where}: a name over {TEXT_LIMIT} characters")
    role = element.get("role")
    if role is not None and role.lower() not in ROLES:
        report.errors.append(f"{where}: role {role!r} is not a cast role of the taxonomy")
