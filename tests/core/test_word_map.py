"""Words placed in a turn's text: lookups by time and character, uncertain words, clip edges."""

from __future__ import annotations

import pytest

from editor.core.clips import clip_from_span, clip_from_turns
from editor.core.errors import EditError
from editor.core.model import Turn, Word
from editor.core.word_map import UNCERTAIN_BELOW, WordMap

WORDS = (
    Word("So,", 1000, 1300, 0.9),
    Word("the", 1400, 1500, 0.95),
    Word("Kubernetes", 1600, 2300, 0.2),
    Word("thing", 2500, 2900, 0.8),
    Word("works.", 3000, 3600, 0.45),
)
TEXT = "So, the Kubernetes thing works."


def _turn(words: tuple[Word, ...] = WORDS, text: str = TEXT, start: int = 0) -> Turn:
    return Turn(1, "V", None, text, start, 5000, False, words)


def test_the_word_under_the_playhead_is_held_through_the_pause_after_it() -> None:
    words = WordMap(WORDS, TEXT)
    expected = {
        0: None,
        999: None,
        1000: 0,
        1350: 0,  # the pause after "So," still shows "So,"
        1400: 1,
        2299: 2,
        2400: 2,
        2500: 3,
        3599: 4,
        3600: None,  # the last word has ended
        9000: None,
    }
    assert {t: words.at_time(t) for t in expected} == expected


def test_words_are_found_by_character_and_edited_words_are_left_out() -> None:
    text = "So, the Kubernetes stuff works."  # "thing" was replaced by "stuff"
    words = WordMap(WORDS, text)
    assert [text[w.start : w.end] for w in words.words] == ["So,", "the", "Kubernetes", "works."]
    assert words.at_offset(text.index("Kube") + 3) == 2
    assert words.at_offset(text.index("stuff")) is None
    assert words.at_offset(3) is None  # the space after "So,"
    assert words.next_from(text.index("stuff")) == 3


def test_uncertain_words_are_those_under_the_threshold() -> None:
    words = WordMap(WORDS, TEXT)
    assert UNCERTAIN_BELOW == 0.5
    assert [TEXT[words.words[i].start : words.words[i].end] for i in words.uncertain()] == [
        "Kubernetes",
        "works.",
    ]
    assert WordMap((Word("a"), Word("b", confidence=None)), "a b").uncertain() == []


def test_a_clip_of_selected_words_runs_from_the_first_words_start_to_the_last_ones_end() -> None:
    start = TEXT.index("the")
    end = TEXT.index("thing") + 3  # the selection ends inside "thing"
    clip = clip_from_span(_turn(), start, end, "A")
    assert (clip.start_ms, clip.end_ms, clip.quote) == (1400, 2900, "the Kubernetes thi")


def test_edited_words_are_bounded_by_the_timed_words_beside_them() -> None:
    text = "So, the Kubernetes stuff works."
    turn = _turn(words=(*WORDS[:3], Word("stuff"), WORDS[4]), text=text)
    clip = clip_from_span(turn, text.index("stuff"), text.index("stuff") + 5, "A")
    assert (clip.start_ms, clip.end_ms) == (2300, 3000)  # after "Kubernetes", before "works."


def test_a_turn_with_word_timings_needs_no_turn_times_for_a_clip() -> None:
    turn = Turn(1, "V", None, TEXT, None, None, False, WORDS)
    clip = clip_from_span(turn, 0, 3, "A")
    assert (clip.start_ms, clip.end_ms) == (1000, 1300)


def test_a_clip_of_whole_turns_has_no_dead_air_at_its_edges() -> None:
    first = _turn(start=200)  # the segment starts 0.8 s before the first word
    second = Turn(2, "W", None, "And more.", 4000, 9000, False, (Word("And", 4200, 4400),))
    clip = clip_from_turns([first, second], "A")
    assert (clip.start_ms, clip.end_ms) == (1000, 4400)
    untimed = Turn(3, "X", None, "Plain.", 100, 900)
    assert (clip_from_turns([untimed], "A").start_ms, clip_from_turns([untimed], "A").end_ms) == (
        100,
        900,
    )


def test_a_selection_of_blanks_is_refused() -> None:
    with pytest.raises(EditError, match="select the words"):
        clip_from_span(_turn(), 3, 4, "A")
