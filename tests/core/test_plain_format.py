"""The show's plain layout: the real sample, its quirks, encodings, and round trips."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.core.errors import InputError
from editor.core.formats import ExportOptions, detect, plain, read_transcript, write_transcript
from editor.core.model import Transcript, TranscriptTurn
from editor.core.textfile import DecodedText, read_text
from editor.core.words import word_count

SAMPLE_LAST_WORDS = "Bye. Bye. I have to fix"


def _parse(text: str, path: str = "t.txt") -> Transcript:
    return plain.read(DecodedText(text, "utf-8", path))


def test_sample_episode_has_50_turns_two_speakers(data_dir: Path) -> None:
    transcript = read_transcript(data_dir / "episode-transcript.txt")
    assert len(transcript.turns) == 50
    assert {t.speaker for t in transcript.turns} == {"Alessandria Polizzi", "Duena Blomstrom"}
    assert abs(sum(word_count(t.text) for t in transcript.turns) - 3320) <= 10
    assert transcript.warnings == ()


def test_last_line_without_newline_is_kept(data_dir: Path) -> None:
    raw = (data_dir / "episode-transcript.txt").read_bytes()
    assert not raw.endswith(b"\n")
    transcript = read_transcript(data_dir / "episode-transcript.txt")
    assert transcript.turns[-1].text == SAMPLE_LAST_WORDS
    assert transcript.turns[-1].speaker == "Duena Blomstrom"


def test_consecutive_turns_of_one_speaker_stay_separate(data_dir: Path) -> None:
    transcript = read_transcript(data_dir / "episode-transcript.txt")
    assert transcript.turns[1].speaker == transcript.turns[2].speaker == "Duena Blomstrom"
    assert transcript.turns[3].text == "I thought"


def test_round_trip_is_exact(data_dir: Path) -> None:
    transcript = read_transcript(data_dir / "episode-transcript.txt")
    text = write_transcript(transcript, "txt")
    assert text == (data_dir / "episode-transcript.txt").read_text(encoding="utf-8") + "\n"
    assert _parse(text).turns == transcript.turns


def test_times_round_trip_to_the_second() -> None:
    transcript = Transcript(
        (TranscriptTurn("A", "one", start_ms=83_456), TranscriptTurn("B", "two", start_ms=None))
    )
    text = write_transcript(transcript, "txt", ExportOptions(with_times=True))
    assert text.splitlines()[0] == "[00:01:23] A:"
    again = _parse(text)
    assert [(t.speaker, t.text, t.start_ms) for t in again.turns] == [
        ("A", "one", 83_000),
        ("B", "two", None),
    ]


def test_prose_ending_in_a_colon_is_not_a_speaker() -> None:
    text = "Host:\n\nHe said this:\n\nand then more.\n\nGuest:\n\nRight."
    transcript = _parse(text)
    assert [t.speaker for t in transcript.turns] == ["Host", "Guest"]
    assert transcript.turns[0].text == "He said this:\n\nand then more."


def test_lowercase_names_count_when_they_repeat() -> None:
    text = "bell hooks:\n\nHello.\n\nHost:\n\nHi.\n\nbell hooks:\n\nBye."
    assert [t.speaker for t in _parse(text).turns] == ["bell hooks", "Host", "bell hooks"]


def test_text_before_the_first_speaker_is_kept_with_a_warning() -> None:
    transcript = _parse("\n\nIntro music.\n\nHost:\n\nWelcome.", path="ep.txt")
    assert transcript.turns[0] == TranscriptTurn(None, "Intro music.")
    assert transcript.warnings == (
        "ep.txt:3: text before the first speaker line kept as a turn with no speaker",
    )


def test_no_speaker_lines_is_an_error_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("Just some notes.\nNo speakers here.\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"notes\.txt: no speaker lines found"):
        read_transcript(path)


def test_empty_speaker_is_kept_and_reported_with_its_line() -> None:
    transcript = _parse("A:\n\nB:\n\nText.")
    assert [(t.speaker, t.text) for t in transcript.turns] == [("A", ""), ("B", "Text.")]
    assert transcript.warnings == ("t.txt:1: 'A' has no text; kept empty",)


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [
        ("utf-8", b""),
        ("utf-8", b"\xef\xbb\xbf"),
        ("utf-16", b""),
        ("utf-16-le", b""),
        ("cp1252", b""),
    ],
)
def test_encodings_are_detected(tmp_path: Path, data_dir: Path, encoding: str, bom: bytes) -> None:
    text = (data_dir / "sample10-transcript.txt").read_text(encoding="utf-8")
    text = text.replace("Doctor", "Doctör").replace("\n", "\r\n")
    path = tmp_path / "t.txt"
    path.write_bytes(bom + text.encode(encoding))
    transcript = read_transcript(path)
    assert len(transcript.turns) == 10
    assert "Doctör" in transcript.turns[0].text
    assert "\r" not in transcript.turns[0].text
    if encoding == "cp1252":
        assert read_text(path).encoding not in ("utf-8", "utf-8-sig")


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "empty"), (b"  \n\n ", "empty"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary")],
)
def test_unreadable_files(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message) as info:
        read_transcript(path)
    assert str(path) in str(info.value)


def test_missing_file_names_it(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"missing\.txt: no such file"):
        read_transcript(tmp_path / "missing.txt")


def test_detects_the_plain_layout(data_dir: Path) -> None:
    assert detect(read_text(data_dir / "episode-transcript.txt")).name == "txt"
