"""WebVTT cue text to plain text: the spec's tokenizer and tree rules, as a transcript needs them.

``parse_payload`` follows "WebVTT cue text parsing rules" (https://www.w3.org/TR/webvtt1/#cue-text-
parsing-rules): a tag runs from ``<`` to the next ``>`` or the end of the text (so a stray
``<c.first`` or ``< 00:01.000>`` is markup, not words), character references are decoded as HTML
does, class, italic, bold, underline, ruby and language spans keep only their text (ruby text,
``<rt>``, is dropped), ``<v Name>`` gives the speaker of the text it spans, and timestamp tags
(``<00:00:12.500>``) give the start time of the words after them. The text is split into pieces
at each change of voice; line breaks become spaces.
"""

from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass, field

from editor.core.formats.webvtt_parser import ASCII_WHITESPACE, collect_timestamp
from editor.core.model import Word
from editor.core.timecode import MAX_MS

_TAG = re.compile(r"<([^>]*)>?")
_NAME_END = re.compile(r"[\t\n\f .]")
_TIMESTAMP_START = frozenset("0123456789")
_SPANS = frozenset({"c", "i", "b", "u", "ruby", "v", "lang"})
# A timestamp tag exactly as "collect a WebVTT timestamp" reads one: hours (any digits) only
# with minutes and seconds; two-digit fields; three-digit milliseconds.
_STAMP = r"<(?:([0-9]+):)?([0-9]{2}):([0-9]{2})\.([0-9]{3})>"
_WORD_TIMED = re.compile(
    r"(?:<(?P<voice>v[^>]*)>)?"
    r"(?P<body>(?:<(?:[0-9]+:)?[0-9]{2}:[0-9]{2}\.[0-9]{3}><c>[^<&>]*</c>[ \t\n\f]*)+)"
    r"(?:</v>)?"
)
_TIMED_WORD = re.compile(rf"{_STAMP}<c>([^<&>]*)</c>([ \t\n\f]*)")


@dataclass
class Piece:
    voice: str | None
    text: str = ""
    words: list[Word] = field(default_factory=list)


@dataclass(frozen=True)
class _Tag:
    kind: str  # "start", "end" or "timestamp"
    name: str
    annotation: str = ""


@functools.lru_cache(maxsize=1024)
def parse_tag(content: str) -> _Tag:
    """What the tokenizer makes of the characters between ``<`` and ``>`` (or the end)."""
    if content[:1] == "/":
        return _Tag("end", content[1:])
    if content[:1].isascii() and content[:1].isdigit():
        return _Tag("timestamp", content)
    match = _NAME_END.search(content)
    if match is None:
        return _Tag("start", content)
    name, rest = content[: match.start()], content[match.start() :]
    if rest[0] == ".":  # classes, then maybe an annotation after whitespace
        annotation_at = next((i for i, c in enumerate(rest) if c in "\t\n\f "), len(rest))
        rest = rest[annotation_at:]
    annotation = " ".join(html.unescape(rest).strip(ASCII_WHITESPACE).split())
    return _Tag("start", name, annotation)


def parse_payload(payload: str) -> list[Piece]:
    """The cue text split by voice; consecutive text of one voice stays one piece."""
    if "<" not in payload:
        text = " ".join(html.unescape(payload).split()) if "&" in payload else payload
        return [Piece(None, " ".join(text.split()))] if text.strip() else []
    fast = _word_timed(payload)
    if fast is not None:
        return fast
    pieces: list[Piece] = [Piece(None)]
    timed = "<0" in payload or any(f"<{d}" in payload for d in "123456789")
    stack: list[str] = []
    voices: list[str] = []  # one entry per open <v> span
    voice: str | None = None
    in_ruby_text = False
    pending_time: int | None = None
    position = 0
    for match in _TAG.finditer(payload):
        start = match.start()
        if start > position and not in_ruby_text:
            pending_time = _add_text(pieces, payload[position:start], voice, pending_time, timed)
        position = match.end()
        content = match[1]
        if content[:1] in _TIMESTAMP_START:
            stamp = collect_timestamp(content, 0)
            if stamp is not None and stamp[1] == len(content):
                pending_time = stamp[0]
            continue
        tag = parse_tag(content)
        name = tag.name
        if tag.kind == "start":
            if name in _SPANS or (name == "rt" and stack and stack[-1] == "ruby"):
                stack.append(name)
                if name == "v":
                    voices.append(tag.annotation)
        elif stack and name == stack[-1]:
            stack.pop()
            if name == "v":
                voices.pop()
        elif name == "ruby" and stack[-2:] == ["ruby", "rt"]:
            del stack[-2:]
        else:
            continue
        if name == "v":
            voice = next((v for v in reversed(voices) if v), None)
        in_ruby_text = "rt" in stack
    if not in_ruby_text:
        _add_text(pieces, payload[position:], voice, pending_time, timed)
    for piece in pieces:
        piece.text = " ".join(piece.text.split())
    return [p for p in pieces if p.text]


@dataclass(frozen=True)
class WordTimed:
    """A word-timed cue read in one pass: its voice, text, words and their start times."""

    voice: str | None
    text: str
    tokens: list[str]
    starts: list[int | None]


def word_timed(payload: str) -> WordTimed | None:
    """The shape word-level captions have, ``<v Name><00:01.200><c>word</c> <00:01.500>…``,
    read in one pass; None for anything else (the general rules then read it, to the same
    result: ``tests/formats/test_word_timed_fast_path.py``)."""
    match = _WORD_TIMED.fullmatch(payload)
    if match is None:
        return None
    voice: str | None = None
    if match["voice"] is not None:
        tag = parse_tag(match["voice"])
        if tag.name != "v":
            return None
        voice = tag.annotation or None
    tokens: list[str] = []
    starts: list[int | None] = []
    parts: list[str] = []
    for hours, minutes, seconds, millis, text, gap in _TIMED_WORD.findall(match["body"]):
        if minutes > "59" or seconds > "59":  # two digits each: the general rules ignore it
            return None
        start = ((int(hours or 0) * 60 + int(minutes)) * 60 + int(seconds)) * 1000 + int(millis)
        if start > MAX_MS:
            return None
        parts += (text, gap)
        split = text.split()
        if len(split) == 1:
            tokens.append(split[0])
            starts.append(start)
        elif split:
            tokens += split
            starts += [start, *([None] * (len(split) - 1))]
    if not tokens:
        return None
    return WordTimed(voice, " ".join("".join(parts).split()), tokens, starts)


def _word_timed(payload: str) -> list[Piece] | None:
    found = word_timed(payload)
    if found is None:
        return None
    words = [Word(t, s) for t, s in zip(found.tokens, found.starts, strict=True)]
    return [Piece(found.voice, found.text, words)]


def closed_words(
    tokens: list[str], starts: list[int | None], start: int | None, end: int | None
) -> list[Word]:
    """Inline timestamps give word starts: the first word starts with the cue, each ends at
    the next one's start, the last at the cue's end."""
    if not tokens:
        return []
    if starts[0] is None:
        starts = [start, *starts[1:]]
    if None not in starts:  # every word timed, as word-level captions have it
        ends = [*starts[1:], end]
        return [Word(t, s, e) for t, s, e in zip(tokens, starts, ends, strict=True)]
    closed: list[Word] = []
    following = end  # the next known start after the word: where it ends
    for token, word_start in zip(reversed(tokens), reversed(starts), strict=True):
        closed.append(Word(token, word_start, following if word_start is not None else None))
        if word_start is not None:
            following = word_start
    closed.reverse()
    return closed


def _add_text(
    pieces: list[Piece], raw: str, voice: str | None, pending_time: int | None, timed: bool
) -> int | None:
    """Append decoded text to the current piece, or to a new one when the voice changes."""
    if not raw:
        return pending_time
    text = html.unescape(raw) if "&" in raw else raw
    piece = pieces[-1]
    if voice is not None and voice != piece.voice:
        if piece.text.strip():
            piece = Piece(voice)
            pieces.append(piece)
        else:
            piece.voice = voice
    piece.text += text
    if not timed:
        return None
    for token in text.split():
        piece.words.append(Word(token, pending_time))
        pending_time = None
    return pending_time


def escape_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def escape_voice(name: str) -> str:
    """A voice annotation cannot contain ``>`` at all; use the look-alike single angle quote."""
    return name.replace("&", "&amp;").replace("<", "&lt;").replace(">", "›").replace("\n", " ")
