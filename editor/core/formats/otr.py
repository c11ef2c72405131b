"""oTranscribe ``.otr``: JSON whose ``text`` is the editor's HTML.

Timestamps are ``<span class="timestamp" data-timestamp="83.52">1:23</span>`` (older files store
``"1:23"`` as the value). Speakers are typed text, often ``<b>Name:</b>``. A paragraph that
starts with a timestamp or a speaker label opens a turn; other paragraphs continue the turn.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser

from editor.core.errors import InputError
from editor.core.formats.base import ImportOptions, Warnings, sample
from editor.core.formats.json_formats import load
from editor.core.formats.labels import split_label
from editor.core.model import Transcript, TranscriptTurn
from editor.core.textfile import DecodedText
from editor.core.timecode import parse_timecode, seconds_from_file

NAME = "otr"
_TIME_MARK = "\x00"  # stands for a timestamp inside paragraph text while parsing


def sniff(text: str) -> bool:
    head = sample(text, 4096)
    return head.lstrip().startswith("{") and '"text"' in head and '"media' in head


class _Paragraphs(HTMLParser):
    """Collects paragraphs as text with timestamp markers and their times."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[tuple[str, list[int | None]]] = []
        self._text: list[str] = []
        self._times: list[int | None] = []
        self._in_timestamp = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "span" and "timestamp" in (attributes.get("class") or ""):
            self._in_timestamp += 1
            self._text.append(_TIME_MARK)
            self._times.append(_timestamp(attributes.get("data-timestamp")))
        elif tag in ("p", "div", "br"):
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag == "span" and self._in_timestamp:
            self._in_timestamp -= 1
        elif tag in ("p", "div"):
            self._break()

    def handle_data(self, data: str) -> None:
        if not self._in_timestamp:
            self._text.append(data.replace("\xa0", " "))

    def close(self) -> None:
        super().close()
        self._break()

    def _break(self) -> None:
        text = "".join(self._text)
        if text.replace(_TIME_MARK, "").strip() or self._times:
            self.paragraphs.append((text, self._times))
        self._text, self._times = [], []


def _timestamp(value: str | None) -> int | None:
    if value is None:
        return None
    try:
        return seconds_from_file(float(value))
    except ValueError:
        return parse_timecode(value)


def read(source: DecodedText, _options: ImportOptions) -> Transcript:
    data = load(source)
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        raise InputError(source.path, "not an oTranscribe file: no 'text' field")
    parser = _Paragraphs()
    parser.feed(data["text"])
    parser.close()
    warnings = Warnings(source.path)
    turns: list[TranscriptTurn] = []
    for text, times in parser.paragraphs:
        starts_with_time = text.lstrip().startswith(_TIME_MARK)
        clean = " ".join(html.unescape(text.replace(_TIME_MARK, " ")).split())
        speaker, rest = split_label(clean)
        if len(times) > 1:
            warnings.add(
                None,
                f"paragraph {clean[:30]!r}… has {len(times)} timestamps; the first is used",
                kind="several timestamps",
            )
        start = times[0] if times else None
        if turns and not turns[-1].text:  # a paragraph holding only a timestamp
            previous = turns.pop()
            start = previous.start_ms if start is None else start
            speaker = speaker or previous.speaker
        elif turns and not starts_with_time and speaker is None:
            previous = turns[-1]
            joined = f"{previous.text}\n\n{clean}" if clean else previous.text
            turns[-1] = TranscriptTurn(previous.speaker, joined, previous.start_ms)
            continue
        if speaker is None and turns:
            speaker = turns[-1].speaker
        turns.append(TranscriptTurn(speaker, rest, start))
    turns = [t for t in turns if t.text]
    if not turns:
        raise InputError(source.path, "the oTranscribe file has no text")
    return Transcript(tuple(turns), warnings.result(), source.encoding)
