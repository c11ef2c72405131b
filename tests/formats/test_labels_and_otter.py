"""Speaker labels at the start of caption cues, and Otter exports with bold names.

The Ladybug Podcast's Otter transcripts are kept in ``../shared/corpora``; the test reads them
there and skips when that folder is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.core.formats import read_transcript
from editor.core.formats.labels import split_label
from editor.core.formats.text_layouts import OTTER
from tests.formats.conftest import read, rows

LADYBUG = Path(__file__).resolve().parents[3] / "shared" / "corpora" / "stt" / "otter-ladybug"
LADYBUG_FILES = sorted(LADYBUG.iterdir()) if LADYBUG.is_dir() else []


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("S01: Hello", ("S01", "Hello")),
        ("S1: Hello", ("S1", "Hello")),
        ("SPEAKER_1: Hello", ("SPEAKER_1", "Hello")),
        ("[SPEAKER_00] Hello", ("SPEAKER_00", "Hello")),
        ("[S02] Hello", ("S02", "Hello")),
        ("[laughs] Hello", (None, "[laughs] Hello")),
        ("S3xy: Hello", (None, "S3xy: Hello")),
        ("At 10:30 we met", (None, "At 10:30 we met")),
    ],
)
def test_generic_and_numbered_labels(text: str, label: tuple[str | None, str]) -> None:
    assert split_label(text) == label


@pytest.mark.parametrize(
    "text", ["So: we start with the basics.", "Well: that depends.", "Okay: next one.", "Now: why?"]
)
def test_words_that_open_a_sentence_are_not_speakers(text: str) -> None:
    assert split_label(text) == (None, text)


def test_a_one_word_name_is_still_a_speaker() -> None:
    assert split_label("Sol: we start.") == ("Sol", "we start.")


def test_numbered_labels_name_srt_speakers() -> None:
    assert rows(read("numbered_labels.srt")) == [
        ("S01", "Hello there.", 1000, 2000),
        ("S02", "Hi, how are you?", 2000, 4000),
        ("SPEAKER_00", "Fine, thanks.", 4500, 5000),
    ]


def test_labels_name_vtt_cues_without_a_voice() -> None:
    assert rows(read("labels_in_cues.vtt")) == [
        ("SPEAKER_1", "Hello there.", 1000, 2000),
        ("S02", "Hi, how are you?", 2000, 4000),
        ("Ann", "A voice tag wins: S01: stays text.", 4000, 5000),
    ]


def test_otter_bold_names_are_headers() -> None:
    transcript = read("otter_bold.md")
    assert rows(transcript) == [
        ("Ali", "Computer science can be intimidating.", 0, None),
        ("Kelly", "Welcome to the show.\n\nSecond paragraph.", 16_000, None),
        ("Ali", "Bye.", 3_723_000, None),
    ]
    assert len(transcript.warnings) == 1 and "otter_bold.md:12: footer" in transcript.warnings[0]
    forced = read_transcript(Path(__file__).parent.parent / "data/formats/otter_bold.md", "otter")
    assert rows(forced) == rows(transcript)


@pytest.mark.skipif(not LADYBUG_FILES, reason="../shared/corpora is not here")
@pytest.mark.parametrize("path", LADYBUG_FILES, ids=lambda p: p.name)
def test_every_ladybug_otter_export_gives_a_turn_per_header(path: Path) -> None:
    headers = [line for line in path.read_text(encoding="utf-8").split("\n") if OTTER.match(line)]
    for fmt in ("auto", "otter"):
        transcript = read_transcript(path, fmt)
        assert len(transcript.turns) == len(headers) > 90
        assert transcript.turns[0].start_ms == 0
        assert all(t.speaker and "*" not in t.speaker for t in transcript.turns)


@pytest.mark.skipif(not LADYBUG_FILES, reason="../shared/corpora is not here")
def test_the_bold_ladybug_file_is_read() -> None:
    transcript = read_transcript(LADYBUG / "27-data-structures-and-algorithms.md")
    assert len(transcript.turns) == 210
    assert {t.speaker for t in transcript.turns} >= {"Ali", "Kelly", "Emma"}
