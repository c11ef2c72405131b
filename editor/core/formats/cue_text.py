"""WebVTT cue text: voice spans, inline timestamps, styling tags and entities.

``parse_payload`` splits a cue's text at each voice change (``<v Name>``), keeps plain text with
entities decoded, drops styling tags (``<c>``, ``<i>``, ``<b>``…), and turns inline timestamps
(``<00:00:12.500>``, as word-timed captions carry) into word start times. A ``<`` that does not
open a real tag is kept as text, as lenient readers do.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from editor.core.formats.base import parse_cue_time
from editor.core.model import Word

_TOKEN = re.compile(r"<(?P<close>/?)(?P<name>[a-z]+|\d[\d:.]*)(?P<rest>[^<>]*)>")


@dataclass
class Piece:
    voice: str | None
    text: str = ""
    words: list[Word] = field(default_factory=list)


def parse_payload(payload: str) -> list[Piece]:
    """The cue text split by voice; consecutive text of one voice stays one piece."""
    pieces: list[Piece] = [Piece(None)]
    timed = any(m["name"][0].isdigit() for m in _TOKEN.finditer(payload))
    pending_time: int | None = None
    position = 0
    for match in _TOKEN.finditer(payload):
        pending_time = _add_text(pieces[-1], payload[position : match.start()], pending_time, timed)
        position = match.end()
        name, rest = match["name"], match["rest"]
        if name[0].isdigit():
            stamp = parse_cue_time(name)
            if stamp is not None:
                pending_time = stamp[0]
        elif name == "v" and not match["close"]:
            voice = html.unescape(rest.split(" ", 1)[1].strip()) if " " in rest else None
            if voice and voice != pieces[-1].voice:
                if pieces[-1].text.strip():
                    pieces.append(Piece(voice))
                else:
                    pieces[-1].voice = voice
    _add_text(pieces[-1], payload[position:], pending_time, timed)
    for piece in pieces:
        piece.text = " ".join(piece.text.split())
    return [p for p in pieces if p.text]


def _add_text(piece: Piece, raw: str, pending_time: int | None, timed: bool) -> int | None:
    text = html.unescape(raw.replace("\n", " "))
    piece.text += text
    if not timed and pending_time is None:
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
