"""A clip's words and captions, in times from the clip's start (issue 21, social clips)."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.core.audiogram.clip_captions import clip_captions, clip_transcript, video_cues
from editor.core.audiogram.clip_words import clip_speech
from editor.core.errors import EditorError
from editor.core.formats import parse_source
from editor.core.model import Clip, Transcript, TranscriptTurn, Word
from editor.core.textfile import DecodedText

TEXT = "one two three four five six seven eight nine ten"


def timed_turn(speaker: str, start_ms: int, text: str = TEXT, step: int = 500) -> TranscriptTurn:
    words = tuple(
        Word(token, start_ms + i * step, start_ms + i * step + step - 100)
        for i, token in enumerate(text.split())
    )
    return TranscriptTurn(speaker, text, start_ms, words[-1].end_ms, words)


def test_words_inside_the_clip_keep_their_times_from_its_start() -> None:
    transcript = Transcript((timed_turn("Ann", 10_000), timed_turn("Bo", 16_000)))
    speech = clip_speech(transcript, Clip(1, 11_000, 17_400))
    assert [t.speaker for t in speech.turns] == ["Ann", "Bo"]
    ann, bo = speech.turns
    # "three" starts at 11.0 s: 0 ms from the clip's start; "two" (10.5–10.9) is outside.
    assert [(w.text, w.start_ms, w.end_ms) for w in ann.words[:2]] == [
        ("three", 0, 400),
        ("four", 500, 900),
    ]
    assert ann.words[-1].text == "ten"
    # Bo's "three" (17.0–17.4) has its middle inside; "four" (17.5–) does not.
    assert [w.text for w in bo.words] == ["one", "two", "three"]
    assert bo.words[-1].end_ms == 6_400
    assert speech.word_timed and speech.notes == ()


def test_srt_cues_start_at_the_words_that_begin_them() -> None:
    transcript = Transcript((timed_turn("Ann", 60_000, " ".join([TEXT] * 6)),))
    clip = Clip(1, 62_000, 88_000)
    exported = clip_captions(clip_speech(transcript, clip), "clip.srt")
    assert exported.warnings == ()
    cues = parse_source(DecodedText(str(exported.content), "clip.srt", "utf-8"), "srt")
    words = {w.start_ms for w in transcript.turns[0].words}
    assert cues.turns[0].start_ms == 0
    for line in str(exported.content).split("\n"):
        if "-->" in line:
            assert len(line) == 29
    timings = [line for line in str(exported.content).split("\n") if "-->" in line]
    starts = [_srt_ms(line.split(" --> ")[0]) for line in timings]
    assert len(starts) > 3
    assert all(start + clip.start_ms in words for start in starts)
    assert _srt_ms(timings[-1].split(" --> ")[1]) <= clip.duration_ms
    for block in str(exported.content).strip().split("\n\n"):
        lines = block.split("\n")[2:]
        assert len(lines) <= 2 and all(len(line) <= 32 for line in lines)


def _srt_ms(text: str) -> int:
    hours, minutes, rest = text.split(":")
    seconds, millis = rest.split(",")
    return ((int(hours) * 60 + int(minutes)) * 60 + int(seconds)) * 1000 + int(millis)


def test_vtt_by_extension_and_other_extensions_refused() -> None:
    speech = clip_speech(Transcript((timed_turn("Ann", 0),)), Clip(1, 0, 5_000))
    vtt = clip_captions(speech, "out/clip.VTT")
    assert str(vtt.content).startswith("WEBVTT") and "<v Ann>one two" in str(vtt.content)
    with pytest.raises(EditorError, match=r"clip\.txt: choose \.srt or \.vtt"):
        clip_captions(speech, "clip.txt")
    empty = clip_speech(Transcript((timed_turn("Ann", 0),)), Clip(1, 60_000, 65_000))
    with pytest.raises(EditorError, match="no words"):
        clip_captions(empty, "clip.srt")


def test_untimed_words_are_spread_over_the_turn_and_said_so() -> None:
    turn = TranscriptTurn("Ann", "aa bbbb cc dddddd", 20_000, 24_000)
    speech = clip_speech(Transcript((turn,)), Clip(1, 20_000, 24_000))
    words = speech.turns[0].words
    assert [w.timed for w in words] == [False] * 4
    # Spread by length (+1 for the space): 3, 5, 3, 7 of 18 parts of 4 s.
    assert [w.start_ms for w in words] == [0, 666, 1777, 2444]
    assert words[-1].end_ms == 4_000
    exported = clip_captions(speech, "c.srt")
    assert exported.warnings == (
        "c.srt: turn 1 has no word times: its 4 word(s) in the clip were spread over the "
        "turn's span (20.0 s–24.0 s) by length",
    )


def test_edited_words_are_spread_between_their_timed_neighbours() -> None:
    words = (Word("alpha", 1_000, 1_400), Word("omega", 3_000, 3_500))
    turn = TranscriptTurn("Ann", "alpha new words omega", 1_000, 3_500, words)
    speech = clip_speech(Transcript((turn,)), Clip(1, 1_000, 3_500))
    placed = speech.turns[0].words
    assert [(w.text, w.start_ms, w.timed) for w in placed] == [
        ("alpha", 0, True),
        ("new", 400, False),
        ("words", 1_040, False),
        ("omega", 2_000, True),
    ]
    assert placed[2].end_ms == 2_000
    assert speech.notes == (
        "turn 1: 2 of 4 word(s) in the clip had no times; they were spread between the timed "
        "words around them (turn 1.0 s–3.5 s) by length",
    )


def test_a_turn_without_times_is_placed_by_estimate_and_said_so() -> None:
    turns = (timed_turn("Ann", 0), TranscriptTurn("Bo", "no times here"), timed_turn("Ann", 9_000))
    speech = clip_speech(Transcript(turns), Clip(1, 0, 14_000))
    assert [t.number for t in speech.turns] == [1, 2, 3]
    assert "turn 2 has no times" in speech.notes[0] and "estimated" in speech.notes[0]
    starts = [w.start_ms for t in speech.turns for w in t.words]
    assert starts == sorted(starts)


def test_video_cues_know_the_word_behind_every_piece() -> None:
    long_word = "x" * 40
    text = f"short {long_word} end"
    words = (Word("short", 0, 400), Word(long_word, 500, 1_400), Word("end", 1_500, 1_900))
    turn = TranscriptTurn("Ann", text, 0, 1_900, words)
    speech = clip_speech(Transcript((turn,)), Clip(1, 0, 1_900))
    cues = video_cues(speech)
    pieces = [p for cue in cues for line in cue.lines for p in line]
    assert [(p.text, p.word.text) for p in pieces] == [
        ("short", "short"),
        ("x" * 32, long_word),
        ("x" * 8, long_word),
        ("end", "end"),
    ]
    assert cues[0].speaker == "Ann" and cues[0].start_ms == 0
    assert [w.text for w in cues[0].words()] == ["short", long_word]


def test_the_clip_transcript_reads_back_with_the_clip_words() -> None:
    speech = clip_speech(Transcript((timed_turn("Ann", 5_000),)), Clip(1, 6_000, 8_000))
    turn = clip_transcript(speech).turns[0]
    assert turn.text == "three four five six"
    assert (turn.start_ms, turn.end_ms) == (0, 1_900)


def test_words_timed_past_their_turns_estimated_end_are_found() -> None:
    # A turn with a start and no end is given a spoken length from its text; its words say more.
    words = (Word("late", 1_000, 1_300), Word("word", 9_000, 9_400))
    turn = TranscriptTurn("Ann", "late word", 1_000, None, words)
    speech = clip_speech(Transcript((turn,)), Clip(1, 8_000, 10_000))
    assert [(w.text, w.start_ms) for t in speech.turns for w in t.words] == [("word", 1_000)]


def test_a_project_clip_has_the_exports_text_and_the_turns_numbers(tmp_path: Path) -> None:
    from editor.core.audiogram.clip_words import project_clip_speech
    from editor.core.glossary.csv_io import NewTerm
    from editor.core.project.create import create_project
    from editor.core.project.store import ProjectStore

    turns = (
        timed_turn("Ann", 0, "we fight Human Debt every day"),
        TranscriptTurn("Bo", "no times and no words here"),
        timed_turn("Ann", 20_000, "Human Debt again and again today"),
    )
    path = tmp_path / "p.tep"
    create_project(path, transcript=Transcript(turns))
    with ProjectStore.open(path) as store:
        store.glossary.add_new_terms([NewTerm("Human Debt™")])
        speech = project_clip_speech(store, Clip(1, 20_000, 23_000, speaker="Clip speaker"))
    assert [t.number for t in speech.turns] == [3]
    assert " ".join(w.text for w in speech.turns[0].words) == "Human Debt™ again and again today"
    assert speech.turns[0].words[1].start_ms == 500 and speech.turns[0].words[1].timed
