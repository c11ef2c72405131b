"""WebVTT import edge cases (every voice, every cue) and the podcast export."""

from __future__ import annotations

import io

import webvtt

from editor.core.formats import export
from editor.core.model import Transcript, TranscriptTurn
from tests.formats.conftest import read, rows


def test_every_voice_is_read_and_carried_forward() -> None:
    assert rows(read("voices.vtt")) == [
        ("Esme", "It's a blue apple tree!", 0, 2000),
        ("Mary", "No way! And the voice carries on when a cue has none.", 2000, 6000),
        ("Mary", "Two speakers", 8000, 9091),
        ("Esme Weatherwax", "in one cue", 9091, 10000),
    ]


def test_header_note_style_region_ids_and_settings() -> None:
    transcript = read("blocks_ids_settings.vtt")
    assert rows(transcript) == [
        ("Host", "Welcome to the show.", 1000, 3000),
        ("Guest", "Thanks for having me.", 3000, 5500),
    ]
    assert transcript.warnings == ()


def test_entities_are_decoded_in_text_and_voice() -> None:
    assert rows(read("entities.vtt")) == [
        ("Tom & Jerry", "Salt & pepper, 3 < 4 > 2, and more.", 1000, 3000)
    ]


def test_broken_cues_are_all_kept_and_reported() -> None:
    transcript = read("broken_cues.vtt")
    assert rows(transcript) == [
        (
            "Host",
            "A comma before the milliseconds. A cue with a blank line in the middle of it.",
            1000,
            4000,
        ),
        ("Guest", "Unreadable times, but the words stay. Reversed times.", 7000, 7000),
    ]
    lines = [w.split("broken_cues.vtt:")[1].split(":")[0] for w in transcript.warnings]
    assert lines == ["3", "9", "11", "14"]


def test_inline_timestamps_become_word_timings() -> None:
    (turn,) = read("word_timed.vtt").turns
    assert [(w.text, w.start_ms, w.end_ms) for w in turn.words] == [
        ("hello", 1000, 1400),
        ("world", 1400, 2100),
        ("again", 2100, 3000),
    ]


def test_crlf_and_carried_voice() -> None:
    assert rows(read("crlf.vtt")) == [("Ann", "Carried forward with CRLF.", 0, 2000)]


def test_export_parses_with_webvtt_py_and_tags_every_cue(timed_sample: Transcript) -> None:
    text = export(timed_sample, "vtt").content
    assert isinstance(text, str) and text.startswith("WEBVTT\n\n")
    captions = webvtt.from_buffer(io.StringIO(text)).captions
    assert len(captions) == text.count(" --> ")
    assert all(c.voice in {"Alessandria Polizzi", "Duena Blomstrom"} for c in captions)
    for caption in captions:
        assert len(caption.start) == len("00:00:00.000")
        assert all(len(line) <= 65 + len(f"<v {caption.voice}>") for line in caption.lines)


def test_export_escapes_text_and_voice() -> None:
    transcript = Transcript((TranscriptTurn("Tom & <Jerry>", "Salt & pepper <b>", 0, 1000),))
    text = export(transcript, "vtt").content
    assert "<v Tom &amp; &lt;Jerry›>Salt &amp; pepper &lt;b&gt;" in text  # type: ignore[operator]
    from editor.core.formats import ImportOptions
    from editor.core.formats.vtt_format import read as read_vtt
    from editor.core.textfile import DecodedText

    back = read_vtt(DecodedText(text, "utf-8", "x.vtt"), ImportOptions())  # type: ignore[arg-type]
    assert back.turns[0].text == "Salt & pepper <b>"
