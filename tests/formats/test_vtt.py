"""WebVTT import edge cases (every voice, every cue) and the podcast export."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import webvtt

from editor.core.errors import InputError
from editor.core.formats import export, read_transcript
from editor.core.formats.cue_text import parse_payload
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


def test_cues_the_spec_drops_are_kept_untimed_and_reported() -> None:
    """A comma before the milliseconds or an unreadable time drops the cue in WebVTT, and text
    after a blank line belongs to no cue: each is kept as an untimed turn of its own, with a
    warning naming its line."""
    transcript = read("broken_cues.vtt")
    assert rows(transcript) == [
        ("Host", "A comma before the milliseconds.", None, None),
        ("Host", "A cue with a blank line", 2000, 4000),
        ("Host", "in the middle of it.", None, None),
        ("Guest", "Unreadable times, but the words stay.", None, None),
        ("Guest", "Reversed times.", 7000, 7000),
    ]
    lines = [w.split("broken_cues.vtt:")[1].split(":")[0] for w in transcript.warnings]
    assert lines == ["3", "9", "11", "14"]
    assert "kept as an untimed turn" in transcript.warnings[0]


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


def test_spec_blocks_arrows_settings_markup_and_stray_blocks() -> None:
    """A timing line ends the cue above it (no blank line needed), spaces around ``-->`` and
    before the settings are optional, a tag runs to ``>`` or the end of the text, and blocks
    that are not cues (CSS after a blank line, a second ``WEBVTT``) are skipped with a warning."""
    transcript = read("spec_blocks.vtt", one_turn_per_cue=True)
    assert rows(transcript) == [
        ("Ali", "No spaces around the arrow,", 25000, 27000),
        ("Ali", "and settings glued to the time.", 27000, 28000),
        ("Ali", "Stray markup", 28000, 30000),
        ("Bo", "A timestamp with a space.", 30000, 31000),
        ("Bo", "After a second signature line.", 31000, 32000),
    ]
    assert [w.split("spec_blocks.vtt:")[1].split(":")[0] for w in transcript.warnings] == [
        "7",
        "20",
    ]


@pytest.mark.parametrize("fmt", ["auto", "vtt"])
def test_a_wrong_signature_is_refused_naming_file_and_line(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / "typo.vtt"
    path.write_text("WEBVTX\n\n00:00.000 --> 00:01.000\n<v A>hello\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"typo\.vtt:1: not a WebVTT file.*'WEBVTX'"):
        read_transcript(path, fmt)


def test_a_file_without_signature_is_refused_as_webvtt(tmp_path: Path) -> None:
    path = tmp_path / "bare.vtt"
    path.write_text("00:00.000 --> 00:01.000\nhello\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bare\.vtt:1: not a WebVTT file"):
        read_transcript(path, "vtt")
    assert read_transcript(path).turns[0].text == "hello"  # by content it is SubRip-like


def test_nul_becomes_a_replacement_character_instead_of_refusing_the_file(
    tmp_path: Path,
) -> None:
    path = tmp_path / "nul.vtt"
    path.write_bytes(b"WEBVTT\n\n00:00.000 --> 00:01.000\n<v A>te\x00xt\n")
    assert rows(read_transcript(path)) == [("A", "te\ufffdxt", 0, 1000)]
    binary = tmp_path / "nul.srt"
    binary.write_bytes(b"1\n00:00:00,000 --> 00:00:01,000\nte\x00xt\n")
    with pytest.raises(InputError, match="binary"):
        read_transcript(binary)


def test_cue_text_voices_ruby_classes_and_entities() -> None:
    pieces = parse_payload(
        "<v.loud Ann &amp; Bo>Hi <ruby>漢<rt>kan</rt></ruby> <i.x>there</i>&nbsp;&lt;3</v>"
        " <v Cy>Bye</v>"
    )
    assert [(p.voice, p.text) for p in pieces] == [("Ann & Bo", "Hi 漢 there <3"), ("Cy", "Bye")]
