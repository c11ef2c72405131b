"""The registry of transcript formats: detection, reading and writing at the edge of the core.

Each format module offers ``read(DecodedText) -> Transcript``, ``write(Transcript, …) -> str`` and
``sniff(text) -> bool``. Detection goes by content first; the file extension only breaks ties.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from editor.core.errors import EditorError, InputError
from editor.core.formats import plain
from editor.core.model import Transcript
from editor.core.textfile import DecodedText, read_text


@dataclass(frozen=True)
class ExportOptions:
    with_times: bool = False


@dataclass(frozen=True)
class Format:
    name: str
    description: str
    extensions: tuple[str, ...]
    read: Callable[[DecodedText], Transcript]
    write: Callable[[Transcript, ExportOptions], str]
    sniff: Callable[[str], bool]


FORMATS: dict[str, Format] = {
    plain.NAME: Format(
        name=plain.NAME,
        description="plain text: 'Speaker Name:' line, blank line, paragraph",
        extensions=(".txt", ".text"),
        read=plain.read,
        write=lambda transcript, options: plain.write(transcript, options.with_times),
        sniff=plain.sniff,
    ),
}
AUTO = "auto"


def format_names() -> list[str]:
    return sorted(FORMATS)


def get_format(name: str) -> Format:
    try:
        return FORMATS[name]
    except KeyError:
        raise EditorError(
            f"unknown format {name!r}; known formats: {', '.join(format_names())}"
        ) from None


def detect(source: DecodedText) -> Format:
    """The format whose sniffer accepts the content; the extension decides between several."""
    matching = [f for f in FORMATS.values() if f.sniff(source.text)]
    suffix = Path(source.path).suffix.lower()
    for candidate in matching:
        if suffix in candidate.extensions:
            return candidate
    if matching:
        return matching[0]
    for candidate in FORMATS.values():
        if suffix in candidate.extensions:
            return candidate  # let its reader explain what is wrong, with a line number
    raise InputError(
        source.path,
        f"cannot tell the transcript format; pass --format ({', '.join(format_names())})",
    )


def read_transcript(path: str | Path, format_name: str = AUTO) -> Transcript:
    """Read a transcript file in the named format (or the detected one)."""
    source = read_text(path)
    fmt = detect(source) if format_name == AUTO else get_format(format_name)
    transcript = fmt.read(source)
    if not transcript.turns:
        raise InputError(path, "contains no turns")
    return transcript


def write_transcript(
    transcript: Transcript, format_name: str, options: ExportOptions | None = None
) -> str:
    return get_format(format_name).write(transcript, options or ExportOptions())
