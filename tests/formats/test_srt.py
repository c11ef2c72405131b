"""SubRip import edge cases and the caption-profile export."""

from __future__ import annotations

import srt

from editor.core.formats import ExportOptions, export
from editor.core.model import Transcript, TranscriptTurn
from tests.formats.conftest import read, rows


def test_labels_at_speaker_changes_carry_forward() -> None:
    transcript = read("labels_at_changes.srt")
    assert rows(transcript) == [
        (
            "Sarah",
            "In today's episode, you'll learn whether or not you should start a podcast.",
            0,
            5100,
        ),
        (
            "Gillian",
            "Hi Buzzsprout, Gillian here from breaking through at 10:30 we met the team.",
            5300,
            9500,
        ),
        ("Sarah", "Welcome, Gillian.", 9600, 11000),
    ]
    assert transcript.warnings == ()


def test_bom_crlf_and_dot_milliseconds() -> None:
    transcript = read("bom_crlf_dot_ms.srt")
    assert rows(transcript) == [
        ("Alex", "Dot milliseconds, CRLF and a BOM. Still Alex here.", 1000, 4000)
    ]
    assert transcript.encoding == "utf-8-sig"


def test_numbering_gaps_and_missing_blank_lines_lose_nothing() -> None:
    (turn,) = read("gaps_and_missing_blanks.srt").turns
    assert turn.text == (
        "Numbers start at seven, there is no blank line before this cue, "
        "and this one has no number at all. The end."
    )
    assert (turn.start_ms, turn.end_ms) == (1000, 5000)


def test_blank_line_inside_a_cue_is_kept() -> None:
    (turn,) = read("blank_inside_cue.srt").turns
    assert turn.text == "The first paragraph and after a blank line, the same cue. Next cue."


def test_overlapping_and_reversed_times_are_flagged_with_lines() -> None:
    transcript = read("overlap_reversed.srt")
    assert rows(transcript)[-1] == ("Guest", "This one ends before it starts.", 9000, 9000)
    path = "tests/data/formats/overlap_reversed.srt"
    assert [w.split("formats/")[1] for w in transcript.warnings] == [
        "overlap_reversed.srt:6: cue overlaps the previous one by 1000 ms; kept as it is",
        "overlap_reversed.srt:10: cue ends before it starts; its end was set to its start",
    ]
    assert all(path in w for w in transcript.warnings)


def test_short_fractions_are_decimal_and_flagged() -> None:
    transcript = read("short_fraction.srt")
    assert rows(transcript) == [("Host", "One-digit hours and short fractions.", 1500, 2750)]
    assert "short_fraction.srt:2: a time has fewer than 3 fraction digits" in transcript.warnings[0]


def test_files_that_label_every_cue_group_by_speaker_and_pause() -> None:
    assert rows(read("every_cue_labelled.srt")) == [
        ("Ann Lee", "Zoom labels every cue, so labels are not turn starts.", 0, 4000),
        ("Bo Chen", "A speaker change starts a turn.", 4000, 6000),
        ("Bo Chen", "So does a silence of three seconds.", 9000, 11000),
    ]


def test_one_turn_per_cue_option() -> None:
    assert len(read("every_cue_labelled.srt", one_turn_per_cue=True).turns) == 4


def test_encodings() -> None:
    cp1252 = read("cp1252.srt")
    assert rows(cp1252) == [("Renée", "Ça va très bien — merci.", 1000, 2000)]
    assert cp1252.encoding == "cp1252"
    assert read("utf16_bom.srt").turns[0].text == "UTF-16 with a BOM."


def test_caption_export_respects_the_profile(timed_sample: Transcript) -> None:
    text = export(timed_sample, "srt").content
    assert isinstance(text, str)
    cues = list(srt.parse(text))
    assert [c.index for c in cues] == list(range(1, len(cues) + 1))
    assert len(cues) > 40
    for cue in cues:
        lines = cue.content.split("\n")
        assert 1 <= len(lines) <= 2
        assert all(len(line) <= 32 for line in lines), lines
        assert cue.start <= cue.end
    labelled = [c.content.split(":")[0] for c in cues if ": " in c.content.split("\n")[0][:25]]
    assert labelled == [t.speaker for t in timed_sample.turns]


def test_word_timings_set_cue_times() -> None:
    from editor.core.model import Word

    spoken = "one two three four five six seven eight nine ten eleven twelve thirteen"
    words = tuple(Word(w, 1000 + 500 * i, 1400 + 500 * i) for i, w in enumerate(spoken.split()))
    turn = TranscriptTurn("A", " ".join(w.text for w in words), 1000, 7400, words)
    cues = list(srt.parse(export(Transcript((turn,)), "srt").content))  # type: ignore[arg-type]
    second_cue_first_word = cues[1].content.split()[0]
    index = [w.text for w in words].index(second_cue_first_word)
    assert cues[1].start.total_seconds() * 1000 == words[index].start_ms
    assert cues[0].start.total_seconds() == 1.0 and cues[-1].end.total_seconds() == 7.4


def test_untimed_turns_get_estimated_times_and_a_warning() -> None:
    transcript = Transcript(
        (
            TranscriptTurn("A", "timed", 0, 1000),
            TranscriptTurn("B", "untimed words here"),
            TranscriptTurn("A", "timed again", 5000, 6000),
        )
    )
    exported = export(transcript, "srt", ExportOptions(destination="out.srt"))
    cues = list(srt.parse(exported.content))  # type: ignore[arg-type]
    assert cues[1].start.total_seconds() == 1.0 and cues[1].end.total_seconds() == 5.0
    assert exported.warnings == (
        "out.srt: 1 turn(s) had no times; their times were estimated from text length: 2",
    )


def test_arrow_in_text_is_defused() -> None:
    transcript = Transcript((TranscriptTurn("A", "a --> b", 0, 1000),))
    assert "a -> b" in export(transcript, "srt").content  # type: ignore[operator]
