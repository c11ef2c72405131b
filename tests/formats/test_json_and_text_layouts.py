"""Podcasting 2.0 and Whisper-family JSON, Otter, bracketed, Rev and oTranscribe imports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from editor.core.errors import InputError
from editor.core.formats import export, read_transcript
from editor.core.model import Transcript, TranscriptTurn, Word
from tests.formats.conftest import corpus, read, rows


def test_p20_word_level_segments_become_turns_with_words() -> None:
    transcript = read("p20_words.json")
    assert rows(transcript) == [
        ("Darth Vader", "I am your father.", 500, 2500),
        ("Darth Vader", "Search your feelings.", 2600, 3900),  # the "\n" ended a paragraph
        ("Luke", "Nooooo", 4750, 5000),
    ]
    assert transcript.turns[0].words[1] == Word("am", 1000, 1250)


def test_p20_phrase_segments_carry_speakers_and_flag_missing_times() -> None:
    transcript = read("p20_phrases.json")
    assert rows(transcript) == [
        ("Kevin", "We have an update planned. Kevin goes on: no speaker on this one.", 0, 9000),
        ("Alban", "No endTime here. No startTime either.", 9000, None),
    ]
    assert transcript.warnings == (
        f"{corpus('p20_phrases.json')}: segment 4 has no startTime; kept untimed",
    )


def test_p20_export_has_end_time_and_speaker_on_every_segment(timed_sample: Transcript) -> None:
    data = json.loads(export(timed_sample, "json").content)
    assert data["version"] == "1.0.0"
    assert len(data["segments"]) == 10
    assert all({"speaker", "startTime", "endTime", "body"} <= set(s) for s in data["segments"])
    assert all(s["body"].endswith("\n") for s in data["segments"])


def test_p20_export_is_word_level_when_every_word_is_timed() -> None:
    words = (Word("Hello", 0, 400, 0.9), Word("there.", 450, 900, 0.8))
    data = json.loads(
        export(Transcript((TranscriptTurn("A", "Hello there.", 0, 900, words),)), "json").content
    )
    assert [s["body"] for s in data["segments"]] == ["Hello", "there.\n"]
    assert data["segments"][1]["startTime"] == 0.45


def test_whisper_keeps_words_confidence_and_splits_at_long_pauses() -> None:
    transcript = read("whisper_openai.json")
    assert rows(transcript) == [
        (None, "Hello and welcome. This is the show.", 0, 3000),
        (None, "After a long pause.", 6000, 7000),
    ]
    first = transcript.turns[0].words
    assert first[0] == Word("Hello", 0, 420, 0.98)
    assert len(first) == 7


def test_pause_option_decides_where_paragraphs_break() -> None:
    assert len(read("whisper_openai.json", pause_ms=5000).turns) == 1
    assert len(read("whisper_openai.json", pause_ms=50).turns) == 3


def test_whisperx_speakers_scores_and_untimed_words() -> None:
    transcript = read("whisperx.json")
    assert [t.speaker for t in transcript.turns] == ["SPEAKER_00", "SPEAKER_01"]
    assert transcript.turns[0].words[2] == Word("welcome.", 620, 1200, 0.71)
    assert transcript.turns[1].words[1] == Word("2024", None, None, None)
    assert "1 word(s) without times kept untimed" in transcript.warnings[0]


def test_faster_whisper_and_whisper_cpp() -> None:
    assert rows(read("faster_whisper.json")) == [(None, "Segments from asdict.", 0, 2000)]
    assert rows(read("whisper_cpp.json")) == [
        ("Speaker 0", "Stereo diarized.", 0, 2000),
        ("Speaker 1", "Other channel.", 2000, 3500),
    ]


def test_otter_drops_its_footer_with_a_warning() -> None:
    transcript = read("otter.txt")
    assert rows(transcript) == [
        ("Unknown Speaker", "Alrighty, that's", 2000, None),
        (
            "Speaker 1",
            "what's going to record everything. A second line of the same paragraph.",
            8000,
            None,
        ),
        ("Speaker 1", "all right.", 4_000_000, None),
    ]
    assert transcript.warnings == (
        f"{corpus('otter.txt')}:11: footer 'Transcribed by https://otter.ai' dropped",
    )


def test_bracketed_lines() -> None:
    assert rows(read("bracketed.txt")) == [
        ("Host", "Welcome back to the show.", 1000, None),
        ("Guest", "Thanks. It's at 10:30 on Mondays: it continues on a second line.", 5000, None),
        ("Guest", "And a line with no name keeps the guest.", 62_500, None),
    ]


def test_rev_style_headers() -> None:
    assert rows(read("rev.txt")) == [
        ("Speaker 1", "Good morning everyone. Thanks for joining today's team meeting.", 0, None),
        (
            "Speaker 2",
            "Before we begin, can I quickly ask about the status of the Johnson project?",
            12_000,
            None,
        ),
        ("Speaker 1", "Markdown bold, text on the same line.", 3_723_000, None),
    ]


def test_otranscribe() -> None:
    assert rows(read("sample.otr")) == [
        ("Host", "So we started the show & then…\n\nIt went on.", 1500, None),
        ("Guest", "Old files store the time as text.", 83_000, None),
        ("Guest", "Without a name the guest goes on.", 90_000, None),
    ]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bad.json", '{"segments": [1, 2,\n  3', r"bad\.json:2: not valid JSON"),
        ("list.json", '{"segments": "nope", "startTime": 1}', "no 'segments' list"),
        ("none.srt", "no cues in here\n", r"none\.srt:1: no subtitle cues found"),
        ("empty.vtt", "WEBVTT\n\nNOTE only a note\n", "no cues found"),
    ],
)
def test_broken_files_raise_import_errors_naming_file_and_line(
    tmp_path: Path, name: str, content: str, message: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    fmt = {"bad.json": "json", "list.json": "json"}.get(name, "auto")
    with pytest.raises(InputError, match=message):
        read_transcript(path, fmt)
