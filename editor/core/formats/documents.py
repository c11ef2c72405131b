"""Reading-oriented exports: HTML (Podcasting 2.0 ``<cite>``/``<time>``/``<p>``), Markdown, DOCX.

These formats do not need times: a turn's start is written when it has one and never invented.
All user text is escaped for the target format.
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Callable
from typing import Any

from editor.core.formats.base import Exported, ExportOptions
from editor.core.model import Transcript
from editor.core.timecode import format_clock, format_hms

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
_MARKDOWN_LINE_START = re.compile(r"^(\s*)([#>+\-]|\d+\.)(\s)", re.MULTILINE)


def _paragraphs(text: str) -> list[str]:
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
        for paragraph in _paragraphs(turn.text):
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
        body = "\n\n".join(escape_markdown(p) for p in _paragraphs(turn.text))
        parts.append(f"{header}\n\n{body}\n")
    return Exported("\n".join(parts))


def write_docx(transcript: Transcript, options: ExportOptions) -> Exported:
    from docx import Document  # noqa: PLC0415 - python-docx is slow to import; only for DOCX
    from docx.shared import RGBColor  # noqa: PLC0415

    document = Document()
    if options.title:
        document.add_heading(options.title, level=1)
    add_paragraph = _fast_appender(document)
    for turn in transcript.turns:
        header = add_paragraph()
        header.add_run(turn.speaker or "Unknown Speaker").bold = True
        if turn.start_ms is not None:
            stamp = header.add_run(f"  {format_hms(turn.start_ms)}")
            stamp.font.color.rgb = RGBColor(0x66, 0x66, 0x66)
        for paragraph in _paragraphs(turn.text):
            add_paragraph().add_run(without_control_chars(paragraph))
    buffer = io.BytesIO()
    document.save(buffer)
    return Exported(buffer.getvalue())


def _fast_appender(document: Any) -> Callable[[], Any]:
    """``document.add_paragraph`` looks for the section properties on every call, which makes
    a long transcript quadratic; insert before them directly instead (same XML)."""
    from docx.oxml import OxmlElement  # noqa: PLC0415
    from docx.text.paragraph import Paragraph  # noqa: PLC0415

    body = document.element.body
    section = body.sectPr

    def add() -> Any:
        element = OxmlElement("w:p")
        if section is not None:
            section.addprevious(element)
        else:
            body.append(element)
        return Paragraph(element, document)

    return add


def without_control_chars(text: str) -> str:
    """XML (Word's, and HTML's) cannot hold most control characters; drop them, not the export."""
    return "".join(ch for ch in text if ch in "\t\n" or ord(ch) >= 0x20)
