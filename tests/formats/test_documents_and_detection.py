"""HTML, Markdown and DOCX exports; format detection by content with extension tie-breaks."""

from __future__ import annotations

import io
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from editor.core.errors import InputError
from editor.core.formats import ExportOptions, detect, export
from editor.core.formats.documents import paragraphs, without_control_chars
from editor.core.model import Transcript, TranscriptTurn
from editor.core.textfile import DecodedText, read_text
from editor.core.timecode import format_hms
from tests.formats.conftest import CORPUS

MIXED = Transcript(
    (
        TranscriptTurn(
            "Ann <script>", "Hello & <b>welcome</b>\n\nSecond paragraph.", 83_000, 90_000
        ),
        TranscriptTurn(None, "No speaker, no time."),
    )
)


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, _attrs: object) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.text.append(data.strip())


def test_html_uses_cite_time_p_and_escapes_everything() -> None:
    content = export(MIXED, "html", ExportOptions(title="Ep <1>")).content
    assert isinstance(content, str)
    parser = _Collect()
    parser.feed(content)
    assert "script" not in parser.tags and "b" not in parser.tags
    assert parser.tags.count("cite") == 1 and parser.tags.count("time") == 1
    assert parser.tags.count("p") == 3
    assert "Ann <script>:" in parser.text and "1:23" in parser.text
    assert "Hello & <b>welcome</b>" in parser.text


def test_untimed_turns_get_no_invented_times_in_reading_formats() -> None:
    for name in ("html", "md", "txt"):
        content = export(MIXED, name, ExportOptions(with_times=True)).content
        assert isinstance(content, str)
        assert content.count("1:23") == 1, name


def test_markdown_escapes_markup() -> None:
    content = export(MIXED, "md").content
    assert "**Ann \\<script\\>** [00:01:23]" in content  # type: ignore[operator]
    assert "Hello & \\<b\\>welcome\\</b\\>" in content  # type: ignore[operator]
    assert "**Unknown Speaker**\n\nNo speaker, no time." in content  # type: ignore[operator]


def test_docx_has_speaker_timecode_and_paragraphs() -> None:
    from docx import Document

    content = export(MIXED, "docx", ExportOptions(title="Episode")).content
    assert isinstance(content, bytes)
    paragraphs = [p.text for p in Document(io.BytesIO(content)).paragraphs]
    assert paragraphs == [
        "Episode",
        "Ann <script>  00:01:23",
        "Hello & <b>welcome</b>",
        "Second paragraph.",
        "Unknown Speaker",
        "No speaker, no time.",
    ]


def _docx_by_the_book(transcript: Transcript, title: str) -> bytes:
    """The same document through python-docx's ordinary API: what the fast writer must equal."""
    from docx import Document
    from docx.shared import RGBColor

    document = Document()
    document.add_heading(title, level=1)
    for turn in transcript.turns:
        header = document.add_paragraph()
        header.add_run(without_control_chars(turn.speaker or "Unknown Speaker")).bold = True
        if turn.start_ms is not None:
            stamp = header.add_run(f"  {format_hms(turn.start_ms)}")
            stamp.font.color.rgb = RGBColor(0x66, 0x66, 0x66)
        for paragraph in paragraphs(turn.text):
            document.add_paragraph().add_run(without_control_chars(paragraph))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_the_fast_docx_writer_writes_what_python_docx_would() -> None:
    edge_cases = Transcript(
        (
            *MIXED.turns,
            TranscriptTurn("Bob\tTab", "Line one\nline two\tand a tab.", 3_723_000),
            TranscriptTurn("  Spaced ", "x\x01y <script>&amp;", 5),
            TranscriptTurn("Empty", ""),
            TranscriptTurn("Ann", "One.\n\n\n  Two, indented.  ", 7000),
        )
    )
    fast = export(edge_cases, "docx", ExportOptions(title="Episode")).content
    assert isinstance(fast, bytes)

    def body(content: bytes) -> bytes:
        return zipfile.ZipFile(io.BytesIO(content)).read("word/document.xml")

    assert body(fast) == body(_docx_by_the_book(edge_cases, "Episode"))


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("labels_at_changes.srt", "srt"),
        ("voices.vtt", "vtt"),
        ("p20_words.json", "json"),
        ("whisperx.json", "whisper"),
        ("whisper_cpp.json", "whisper"),
        ("otter.txt", "otter"),
        ("rev.txt", "rev"),
        ("bracketed.txt", "bracketed"),
        ("sample.otr", "otr"),
    ],
)
def test_detection_by_content(name: str, expected: str) -> None:
    assert detect(read_text(CORPUS / name)).name == expected


def test_content_beats_a_misleading_extension(tmp_path: Path) -> None:
    renamed = tmp_path / "captions.txt"
    renamed.write_bytes((CORPUS / "voices.vtt").read_bytes())
    assert detect(read_text(renamed)).name == "vtt"
    srt_as_vtt = DecodedText((CORPUS / "labels_at_changes.srt").read_text(), "utf-8", "x.vtt")
    assert detect(srt_as_vtt).name == "srt"


def test_plain_timed_export_is_read_back_as_plain_not_bracketed() -> None:
    text = export(MIXED, "txt", ExportOptions(with_times=True)).content
    assert detect(DecodedText(text, "utf-8", "t.txt")).name == "txt"  # type: ignore[arg-type]


def test_unknown_content_with_unknown_extension_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.xyz"
    path.write_text("just words\n", encoding="utf-8")
    with pytest.raises(InputError, match="cannot tell the transcript format"):
        detect(read_text(path))
