"""YouTube SBV, Podcasting 2.0 HTML, AssemblyAI / Deepgram / Rev.ai JSON, Zoom, Riverside and
Descript transcripts: detected by content, read with ``--format NAME`` too, bad input named."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.core.errors import InputError
from editor.core.formats import detect, read_transcript
from editor.core.model import Word
from editor.core.textfile import read_text
from tests.formats.conftest import CORPUS, corpus, read, rows

P20_HTML = Path(__file__).parents[3] / "shared" / "corpora" / "podcast-namespace" / "example.html"

STT_ROWS = [
    ("Speaker A", "Welcome back to the show.", 240, 1500),
    ("Speaker B", "Thanks for having me.", 2100, 3200),
]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("youtube.sbv", "sbv"),
        ("podcast_transcript.html", "html"),
        ("assemblyai.json", "assemblyai"),
        ("deepgram.json", "deepgram"),
        ("deepgram_utterances.json", "deepgram"),
        ("revai.json", "revai"),
        ("zoom.vtt", "vtt"),
        ("zoom.txt", "zoom"),
        ("riverside.txt", "riverside"),
        ("descript.txt", "bracketed"),
        ("descript_blocks.txt", "riverside"),
    ],
)
def test_detected_by_content(name: str, expected: str) -> None:
    assert detect(read_text(corpus(name))).name == expected


@pytest.mark.parametrize(
    ("name", "format_name"),
    [
        ("youtube.sbv", "sbv"),
        ("podcast_transcript.html", "html"),
        ("assemblyai.json", "assemblyai"),
        ("deepgram.json", "deepgram"),
        ("revai.json", "revai"),
        ("zoom.vtt", "zoom"),
        ("zoom.txt", "zoom"),
        ("riverside.txt", "riverside"),
        ("descript.txt", "descript"),
        ("descript_blocks.txt", "descript"),
    ],
)
def test_format_option_reads_the_same(name: str, format_name: str, tmp_path: Path) -> None:
    copy = tmp_path / "transcript.data"  # an extension that says nothing
    copy.write_bytes(corpus(name).read_bytes())
    assert rows(read_transcript(copy, format_name)) == rows(read_transcript(corpus(name)))


def test_sbv_cues_labels_and_times() -> None:
    assert rows(read("youtube.sbv")) == [
        (
            "ALESSANDRIA",
            "Welcome back to the show, everyone. Today we talk about psychological safety.",
            400,
            5900,
        ),
        (
            "DUENA",
            "Thanks for having me, it's a pleasure to be here. So where do we start?",
            6100,
            12500,
        ),
    ]


def test_sbv_block_without_timing_is_kept_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "odd.sbv"
    path.write_text("0:00:00.000,0:00:02.000\nHello.\n\nstray words\n", encoding="utf-8")
    transcript = read_transcript(path)
    assert rows(transcript)[-1] == (None, "stray words", None, None)
    assert transcript.warnings == (
        f"{path}:4: no timing line before 'stray words'; kept as untimed text",
    )


def test_p20_html_speakers_times_entities_paragraphs() -> None:
    transcript = read("podcast_transcript.html")
    assert rows(transcript) == [
        ("Alessandria Polizzi", "Welcome to the show. Today it's about teams & trust.", 0, None),
        (
            "Duena Blomstrom",
            "Thanks for having me. It's great to be here.\n\nLet me start with a story.",
            12_000,
            None,
        ),
        ("Alessandria Polizzi", "That brings us to the end.", 3_930_000, None),  # <p>1:05:30</p>
    ]


@pytest.mark.skipif(not P20_HTML.exists(), reason="needs ../shared/corpora")
def test_p20_html_namespace_example() -> None:
    transcript = read_transcript(P20_HTML)
    assert len(transcript.turns) == 10
    assert [t.speaker for t in transcript.turns[:4]] == ["Travis", "Sarah", "Travis", "Gilon"]
    assert [t.start_ms for t in transcript.turns[:3]] == [0, 53_000, 102_000]
    assert "it's almost guaranteed" in transcript.turns[0].text


@pytest.mark.parametrize("name", ["assemblyai.json", "deepgram.json", "deepgram_utterances.json"])
def test_stt_services_keep_speakers_words_and_confidence(name: str) -> None:
    transcript = read(name)
    expected = STT_ROWS
    if name.startswith("deepgram"):
        expected = [("Speaker 0", *STT_ROWS[0][1:]), ("Speaker 1", *STT_ROWS[1][1:])]
    assert rows(transcript) == expected
    words = transcript.turns[0].words
    assert [w.text for w in words] == ["Welcome", "back", "to", "the", "show."]
    assert words[0].start_ms == 240 and words[0].end_ms == 640
    assert words[-1].confidence is not None and words[-1].confidence < 0.5


def test_assemblyai_without_utterances_groups_words_by_speaker(tmp_path: Path) -> None:
    text = corpus("assemblyai.json").read_text(encoding="utf-8")
    path = tmp_path / "words.json"
    path.write_text(
        text.split('  "utterances"')[0].rstrip().rstrip(",") + "\n}\n", encoding="utf-8"
    )
    assert rows(read_transcript(path)) == STT_ROWS


def test_revai_monologues_punctuation_joins_the_word_before() -> None:
    transcript = read("revai.json")
    assert rows(transcript) == [
        ("Speaker 0", "Welcome back to the show.", 240, 1500),
        ("Speaker 1", "Thanks, Alessandria. <inaudible>", 2100, 3600),
    ]
    assert transcript.turns[1].words[:2] == (
        Word("Thanks,", 2100, 2450, 0.97),
        Word("Alessandria.", 2460, 3100, 0.62),
    )


def test_zoom_vtt_labels_and_txt_time_of_day() -> None:
    assert rows(read("zoom.vtt")) == [
        (
            "Alessandria Polizzi",
            "Welcome back to the show, everyone. Today we talk about safety.",
            1140,
            6010,
        ),
        ("Duena Blomstrom", "Thanks for having me.", 6500, 9320),
    ]
    transcript = read("zoom.txt")
    assert [(t.speaker, t.start_ms) for t in transcript.turns] == [
        ("Alessandria Polizzi", 0),
        ("Duena Blomstrom", 9_000),
        ("Alessandria Polizzi", 34_000),
    ]
    assert "time of day" in transcript.warnings[0]


def test_riverside_and_descript_blocks() -> None:
    assert rows(read("riverside.txt")) == [
        (
            "Alessandria Polizzi",
            "Welcome back to the show, everyone. Today we talk about safety.",
            0,
            None,
        ),
        ("Duena Blomstrom", "Thanks for having me. It's a pleasure.", 9_000, None),
        ("Alessandria Polizzi", "That brings us to the end.", 3_723_000, None),
    ]
    assert rows(read("descript_blocks.txt"))[0] == (
        "Dr. Pam Rivers",
        "Welcome back to the show, everyone.",
        0,
        None,
    )
    assert [t.start_ms for t in read("descript.txt").turns] == [0, 9_000, 15_000]


@pytest.mark.parametrize(
    ("format_name", "content", "line", "reason"),
    [
        ("sbv", "hello\nworld\n", 1, "no SBV timing lines"),
        ("html", "<cite>A:</cite><time>0:00</time>\n", None, "no transcript paragraphs"),
        ("assemblyai", '{"words": 3}', None, "not an AssemblyAI transcript"),
        ("assemblyai", '{"status": "error", "error": "bad audio"}', None, "job failed (bad audio)"),
        ("deepgram", '{"results": []}', None, "not a Deepgram transcript"),
        ("deepgram", '{\n  "results": {\n    "channels": [}\n}', 3, "not valid JSON"),
        ("revai", '{"monologues": [{"elements": []}]}', None, "no words or utterances"),
        ("zoom", "just some text\n", 1, "no Zoom"),
        ("riverside", "just some text\n", 1, "no 'Name (00:03)' header lines"),
        ("descript", "just some text\n", 1, "header lines"),
    ],
)
def test_bad_input_names_file_and_line(
    tmp_path: Path, format_name: str, content: str, line: int | None, reason: str
) -> None:
    path = tmp_path / "bad.input"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_transcript(path, format_name)
    assert caught.value.path == str(path)
    assert caught.value.line == line
    assert reason in caught.value.reason


def test_samples_are_our_own() -> None:
    """The samples in tests/data/formats are written for these tests (no copied public file)."""
    assert not (CORPUS / "example.html").exists()
