"""The registry of transcript formats: detection, reading and writing at the edge of the core.

Readers take decoded text and ``ImportOptions`` and return a ``Transcript`` with its warnings;
writers take a ``Transcript`` and ``ExportOptions`` and return ``Exported``. Detection goes by
content; the file extension only decides between formats whose content both match.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from editor.core.errors import EditorError, InputError
from editor.core.formats import (
    documents,
    docx_writer,
    html_transcript,
    json_formats,
    meeting_layouts,
    otr,
    plain,
    sbv,
    srt_format,
    stt_services,
    text_layouts,
    vtt_format,
)
from editor.core.formats.base import Exported, ExportOptions, ImportOptions
from editor.core.gc_pause import paused_gc
from editor.core.model import Transcript
from editor.core.textfile import DecodedText, read_text

__all__ = [
    "AUTO",
    "ExportOptions",
    "Exported",
    "ImportOptions",
    "export",
    "parse_source",
    "read_transcript",
]

Reader = Callable[[DecodedText, ImportOptions], Transcript]
Writer = Callable[[Transcript, ExportOptions], Exported]


@dataclass(frozen=True)
class Format:
    name: str
    description: str
    extensions: tuple[str, ...]
    read: Reader | None = None
    write: Writer | None = None
    sniff: Callable[[str], bool] | None = None
    binary: bool = False


def _plain_writer(transcript: Transcript, options: ExportOptions) -> Exported:
    return Exported(plain.write(transcript, options.with_times))


# In detection order: the most specific signatures first.
FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format(
            "vtt", "WebVTT captions", (".vtt",), vtt_format.read, vtt_format.write, vtt_format.sniff
        ),
        Format(
            "json",
            "Podcasting 2.0 JSON transcript",
            (".json",),
            json_formats.read_p20,
            json_formats.write_p20,
            json_formats.sniff_p20,
        ),
        Format(
            "deepgram",
            "Deepgram JSON (results.channels / results.utterances)",
            (".json",),
            stt_services.read_deepgram,
            None,
            stt_services.sniff_deepgram,
        ),
        Format(
            "revai",
            "Rev.ai JSON (monologues / elements)",
            (".json",),
            stt_services.read_revai,
            None,
            stt_services.sniff_revai,
        ),
        Format(
            "assemblyai",
            "AssemblyAI JSON (utterances / words)",
            (".json",),
            stt_services.read_assemblyai,
            None,
            stt_services.sniff_assemblyai,
        ),
        Format(
            "whisper",
            "Whisper / faster-whisper / WhisperX / whisper.cpp JSON",
            (".json",),
            json_formats.read_whisper,
            None,
            json_formats.sniff_whisper,
        ),
        Format("otr", "oTranscribe document", (".otr",), otr.read, None, otr.sniff),
        Format("sbv", "YouTube SubViewer captions", (".sbv",), sbv.read, None, sbv.sniff),
        Format(
            "srt", "SubRip captions", (".srt",), srt_format.read, srt_format.write, srt_format.sniff
        ),
        Format(
            "otter",
            "Otter.ai text export ('Name  0:08')",
            (".txt",),
            text_layouts.read_otter,
            None,
            text_layouts.sniff_otter,
        ),
        Format(
            "rev",
            "'Name (00:01:23):' text",
            (".txt",),
            text_layouts.read_rev,
            None,
            text_layouts.sniff_rev,
        ),
        Format(
            "zoom",
            "Zoom transcript: '[Name] 14:02:31' .txt, or its .vtt",
            (".txt",),
            meeting_layouts.read_zoom,
            None,
            meeting_layouts.sniff_zoom,
        ),
        Format(
            "riverside",
            "Riverside transcript: 'Name (00:03)' .txt, or its .srt/.vtt",
            (".txt",),
            meeting_layouts.read_riverside,
            None,
            meeting_layouts.sniff_paren,
        ),
        Format(
            "descript",
            "Descript transcript: '[00:00:00] Name: text' or 'Name (00:00)' .txt, or its .vtt",
            (".txt",),
            meeting_layouts.read_descript,
        ),
        Format(
            "txt",
            "plain text: 'Speaker Name:' line, blank line, paragraph",
            (".txt", ".text"),
            plain.read,
            _plain_writer,
            plain.sniff,
        ),
        Format(
            "bracketed",
            "'[00:01:23] Name: text' lines",
            (".txt",),
            text_layouts.read_bracketed,
            None,
            text_layouts.sniff_bracketed,
        ),
        Format(
            "html",
            "HTML transcript (Podcasting 2.0 <cite>/<time>/<p>)",
            (".html", ".htm"),
            html_transcript.read,
            documents.write_html,
            html_transcript.sniff,
        ),
        Format("md", "Markdown", (".md", ".markdown"), write=documents.write_markdown),
        Format("docx", "Word document", (".docx",), write=docx_writer.write_docx, binary=True),
    )
}
AUTO = "auto"


def import_formats() -> list[str]:
    return [name for name, f in FORMATS.items() if f.read is not None]


def export_formats() -> list[str]:
    return [name for name, f in FORMATS.items() if f.write is not None]


def export_choices() -> list[tuple[str, str]]:
    """(name, description) of every export format, for menus."""
    return [(name, f.description) for name, f in FORMATS.items() if f.write is not None]


def get_format(name: str) -> Format:
    try:
        return FORMATS[name]
    except KeyError:
        raise EditorError(f"unknown format {name!r}; known: {', '.join(FORMATS)}") from None


def format_for_extension(path: str | Path, writable: bool) -> Format | None:
    suffix = Path(path).suffix.lower()
    for candidate in FORMATS.values():
        usable = candidate.write if writable else candidate.read
        if usable is not None and suffix in candidate.extensions:
            return candidate
    return None


def detect(source: DecodedText) -> Format:
    """The format whose sniffer accepts the content; the extension decides between several."""
    matching = [f for f in FORMATS.values() if f.sniff is not None and f.sniff(source.text)]
    suffix = Path(source.path).suffix.lower()
    for candidate in matching:
        if suffix in candidate.extensions:
            return candidate
    if matching:
        return matching[0]
    by_extension = format_for_extension(source.path, writable=False)
    if by_extension is not None and suffix != ".txt":
        return by_extension  # let its reader explain what is wrong, with a line number
    if suffix == ".txt" or not suffix:
        return FORMATS["txt"]
    raise InputError(
        source.path,
        f"cannot tell the transcript format; pass --format ({', '.join(import_formats())})",
    )


def read_transcript(
    path: str | Path, format_name: str = AUTO, options: ImportOptions | None = None
) -> Transcript:
    """Read a transcript file in the named format (or the detected one)."""
    return parse_source(read_text(path), format_name, options)


def parse_source(
    source: DecodedText, format_name: str = AUTO, options: ImportOptions | None = None
) -> Transcript:
    """Parse decoded text: a ``Transcript`` with turns, or ``InputError`` naming the file."""
    fmt = detect(source) if format_name == AUTO else get_format(format_name)
    if fmt.read is None:
        raise EditorError(f"{fmt.name} can be exported but not imported")
    with paused_gc():
        transcript = fmt.read(source, options or ImportOptions())
    if not transcript.turns:
        raise InputError(source.path, "contains no turns")
    return _without_blank_speakers(transcript)


def _without_blank_speakers(transcript: Transcript) -> Transcript:
    """A label with no name (``" (0:00):"``) means an unknown speaker, not one named ''."""
    if all(t.speaker is None or t.speaker.strip() for t in transcript.turns):
        return transcript
    turns = tuple(
        replace(t, speaker=t.speaker.strip() or None) if t.speaker is not None else t
        for t in transcript.turns
    )
    return replace(transcript, turns=turns)


def export(
    transcript: Transcript, format_name: str, options: ExportOptions | None = None
) -> Exported:
    fmt = get_format(format_name)
    if fmt.write is None:
        raise EditorError(f"{fmt.name} can be imported but not exported")
    with paused_gc():
        return fmt.write(transcript, options or ExportOptions())


def write_transcript(
    transcript: Transcript, format_name: str, options: ExportOptions | None = None
) -> str:
    """Text exports as a string (not for binary formats such as DOCX)."""
    content = export(transcript, format_name, options).content
    if isinstance(content, bytes):
        raise EditorError(f"{format_name} is a binary format; write it to a file")
    return content
