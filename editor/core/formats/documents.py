"""Reading-oriented exports: HTML (Podcasting 2.0 ``<cite>``/``<time>``/``<p>``) and Markdown
(DOCX is in ``docx_writer``).

These formats do not need times: a turn's start is written when it has one and never invented.
All user text is escaped for the target format.
"""

from __future__ import annotations

import html
import re

from editor.core.formats.base import Exported, ExportOptions
from editor.core.model import Transcript
from editor.core.timecode import format_clock, format_hms

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
_MARKDOWN_LINE_START = re.compile(r"^(\s*)([#>+\-]|\d+\.)(\s)", re.MULTILINE)


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()] or [""]


def write_html(transcript: Transcript, options: ExportOptions) -> Exported:
    title = _html(options.title or "Transcript")
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        '<head><meta charset="utf-8">',
        f"<title>{title}</title></head>",
        "<body>",
    ]
    for turn in transcript.turns:
        if turn.speaker:
            parts.append(f"<cite>{_html(turn.speaker)}:</cite>")
        if turn.start_ms is not None:
            parts.append(f"<time>{format_clock(turn.start_ms)}</time>")
        for paragraph in paragraphs(turn.text):
            lines = "<br>\n".join(_html(line) for line in paragraph.split("\n"))
            parts.append(f"<p>{lines}</p>")
    parts += ["</body>", "</html>", ""]
    return Exported("\n".join(parts))


def _html(text: str) -> str:
    return html.escape(without_control_chars(text))


def escape_markdown(text: str) -> str:
    return _MARKDOWN_LINE_START.sub(r"\1\\\2\3", _MARKDOWN_SPECIAL.sub(r"\\\1", text))


def write_markdown(transcript: Transcript, options: ExportOptions) -> Exported:
    parts = [f"# {escape_markdown(options.title)}\n"] if options.title else []
    for turn in transcript.turns:
        header = f"**{escape_markdown(turn.speaker or 'Unknown Speaker')}**"
        if turn.start_ms is not None:
            header += f" [{format_hms(turn.start_ms)}]"
        body = "\n\n".join(escape_markdown(p) for p in paragraphs(turn.text))
        parts.append(f"{header}\n\n{body}\n")
    return Exported("\n".join(parts))


def without_control_chars(text: str) -> str:
    """XML (Word's, and HTML's) cannot hold most control characters; drop them, not the export."""
    return "".join(ch for ch in text if ch in "\t\n" or ord(ch) >= 0x20)
