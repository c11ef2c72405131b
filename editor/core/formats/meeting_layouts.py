"""The transcripts of recording tools: Zoom, Riverside and Descript (``.vtt``, ``.srt``, ``.txt``).

- Zoom: the cloud recording's ``.vtt`` (numbered cues, ``Name: text`` inside, read by the WebVTT
  reader's label rule) and the meeting transcript ``.txt``: a ``[Name] 14:02:31`` header line,
  the text below. Its times are the time of day when the first is an hour or more: they are then
  counted from the first header (with a warning).
- Riverside: ``.srt`` (read as SubRip) and ``.txt`` with a ``Name (00:03)`` header line
  (``(01:02:03)`` past an hour), the text below.
- Descript: ``.vtt``, and ``.txt`` as ``[00:00:00] Name: text`` lines or ``Name (00:00)`` blocks.

``--format zoom|riverside|descript`` reads any of that tool's files; detection by content finds
the ``.txt`` layouts (``zoom``, ``riverside``) and hands the caption files to ``vtt``/``srt``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from editor.core.formats import srt_format, text_layouts, vtt_format
from editor.core.formats.base import ImportOptions, sample
from editor.core.model import Transcript
from editor.core.textfile import DecodedText

_TIME = r"\d+(?::\d\d){1,2}(?:[.,]\d+)?"
ZOOM_HEADER = re.compile(rf"^\s*\[(?P<name>[^\]\n]{{1,60}})\]\s+(?P<time>{_TIME})\s*$")
PAREN_HEADER = re.compile(
    rf"^\s*(?P<name>[^()\n,;:!?\"\[\]*]{{1,60}}?)\s+\((?P<time>{_TIME})\)\s*$"
)
_HOUR_MS = 3_600_000


def _first_line(text: str) -> str:
    for line in sample(text, 4096).lstrip("\ufeff").split("\n"):
        if line.strip():
            return line
    return ""


def sniff_zoom(text: str) -> bool:
    return ZOOM_HEADER.match(_first_line(text)) is not None


def sniff_paren(text: str) -> bool:
    return PAREN_HEADER.match(_first_line(text)) is not None


def read_zoom_text(source: DecodedText, _options: ImportOptions) -> Transcript:
    transcript = text_layouts.read_with(source, ZOOM_HEADER, "Zoom ('[Name] 14:02:31')")
    return _from_first_header(transcript, source.path)


def read_paren(source: DecodedText, _options: ImportOptions) -> Transcript:
    return text_layouts.read_with(source, PAREN_HEADER, "'Name (00:03)'")


def read_zoom(source: DecodedText, options: ImportOptions) -> Transcript:
    if vtt_format.sniff(source.text):
        return vtt_format.read(source, options)
    return read_zoom_text(source, options)


def read_riverside(source: DecodedText, options: ImportOptions) -> Transcript:
    if vtt_format.sniff(source.text):
        return vtt_format.read(source, options)
    if srt_format.sniff(source.text):
        return srt_format.read(source, options)
    return read_paren(source, options)


def read_descript(source: DecodedText, options: ImportOptions) -> Transcript:
    if vtt_format.sniff(source.text):
        return vtt_format.read(source, options)
    if srt_format.sniff(source.text):
        return srt_format.read(source, options)
    if text_layouts.sniff_bracketed(source.text):
        return text_layouts.read_bracketed(source, options)
    return read_paren(source, options)


def _from_first_header(transcript: Transcript, path: str) -> Transcript:
    starts = [t.start_ms for t in transcript.turns if t.start_ms is not None]
    if not starts or starts[0] < _HOUR_MS:
        return transcript
    origin = starts[0]
    turns = tuple(
        replace(t, start_ms=max(0, t.start_ms - origin)) if t.start_ms is not None else t
        for t in transcript.turns
    )
    warning = (
        f"{path}: the times look like the time of day (the first is "
        f"{origin // _HOUR_MS:02d}:{origin // 60_000 % 60:02d}); counted from the first header"
    )
    return replace(transcript, turns=turns, warnings=(*transcript.warnings, warning))
