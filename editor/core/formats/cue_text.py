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

_TAG = re.compile(r"<([^>]*)>?")
_NAME_END = re.compile(r"[\t\n\f .]")
_TIMESTAMP_START = frozenset("0123456789")
_SPANS = frozenset({"c", "i", "b", "u", "ruby", "v", "lang"})


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
