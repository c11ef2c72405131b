"""Podcasting 2.0 HTML transcripts (read): ``<cite>`` speaker, ``<time>`` start, ``<p>`` text.

The namespace's example is a bare fragment, ``<cite>Kevin:</cite> <time>0:00</time> <p>…</p>``,
with the colon inside ``<cite>`` (sometimes after a space, ``Alban :``); whole documents work
too, as only these three elements are read. A ``<cite>`` or ``<time>`` opens a new turn, and
further ``<p>`` before the next one are paragraphs of the same turn. A time may also come as a
paragraph of its own, ``<p>0:00</p>``. Entities are decoded; ``<br>`` is a space.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from editor.core.errors import InputError
from editor.core.formats.base import ImportOptions, Warnings, sample
from editor.core.model import Transcript, TranscriptTurn
from editor.core.textfile import DecodedText
from editor.core.timecode import parse_timecode

_CAPTURED = frozenset({"cite", "time", "p"})
_TIME_ONLY = re.compile(r"^\s*\d+(?::\d\d){1,2}(?:[.,]\d+)?\s*$")


def sniff(text: str) -> bool:
    head = sample(text, 8192).lower()
    return "<cite" in head and "<p" in head and "</cite>" in head


@dataclass
class _Turn:
    speaker: str | None
    start_ms: int | None
    paragraphs: list[str] = field(default_factory=list)
    cited: bool = False


class _Reader(HTMLParser):
    def __init__(self, warnings: Warnings) -> None:
        super().__init__(convert_charrefs=True)
        self.warnings = warnings
        self.turns: list[_Turn] = []
        self._tag: str | None = None
        self._line = 0
        self._parts: list[str] = []
        self._speaker: str | None = None

    def handle_starttag(self, tag: str, _attrs: list[tuple[str, str | None]]) -> None:
        if tag in _CAPTURED:
            self._close()
            self._tag, self._line, self._parts = tag, self.getpos()[0], []
        elif tag == "br" and self._tag is not None:
            self._parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag == self._tag:
            self._close()

    def handle_data(self, data: str) -> None:
        if self._tag is not None:
            self._parts.append(data)

    def close(self) -> None:
        super().close()
        self._close()

    def _close(self) -> None:
        tag, text = self._tag, " ".join("".join(self._parts).split())
        self._tag, self._parts = None, []
        if tag == "cite":
            self._speaker = re.sub(r"\s*:\s*$", "", text) or None
            last = self._fresh()
            if last is not None and not last.cited:  # <time> came first
                last.speaker = self._speaker
            else:
                self.turns.append(_Turn(self._speaker, None))
            self.turns[-1].cited = True
        elif tag == "time" or (tag == "p" and _TIME_ONLY.match(text)):
            self._time(text)
        elif tag == "p" and text:
            if not self.turns:
                self.turns.append(_Turn(self._speaker, None))
            self.turns[-1].paragraphs.append(text)

    def _time(self, text: str) -> None:
        start = parse_timecode(text)
        if start is None:
            self.warnings.add(self._line, f"time {text[:20]!r} is not a time; turn kept untimed")
        last = self._fresh()
        if last is not None and last.start_ms is None:  # <cite> came first
            last.start_ms = start
        else:
            self.turns.append(_Turn(self._speaker, start))

    def _fresh(self) -> _Turn | None:
        """The last turn, while no paragraph has been read into it yet."""
        return self.turns[-1] if self.turns and not self.turns[-1].paragraphs else None


def read(source: DecodedText, _options: ImportOptions) -> Transcript:
    warnings = Warnings(source.path)
    reader = _Reader(warnings)
    reader.feed(source.text)
    reader.close()
    turns = tuple(
        TranscriptTurn(t.speaker, "\n\n".join(t.paragraphs), start_ms=t.start_ms)
        for t in reader.turns
        if t.paragraphs
    )
    if not turns:
        raise InputError(source.path, "no transcript paragraphs (<p>) found")
    return Transcript(turns, warnings.result(), source.encoding)
