"""Small pure helpers: word alignment, sort keys, time notation."""

from __future__ import annotations

import pytest

from editor.core.model import Word
from editor.core.ordering import key_between, keys_between
from editor.core.timecode import format_clock, format_hms, format_precise, parse_timecode
from editor.core.words import reconcile, split_words


def test_reconcile_keeps_times_of_unchanged_words_through_punctuation() -> None:
    words = (Word(" Hello,", 0, 100), Word(" world", 100, 200))
    result = reconcile(words, "Hello, big world!")
    assert [(w.text, w.start_ms) for w in result] == [("Hello,", 0), ("big", None), ("world!", 100)]


def test_split_words_by_offset() -> None:
    words = (Word("a", 0, 1), Word("b", 1, 2), Word("c", 2, 3))
    assert split_words(words, "a b c", 2) == (words[:1], words[1:])


def test_keys_between_is_ordered_short_and_unique() -> None:
    keys = keys_between(None, None, 12_000)
    assert keys == sorted(keys) and len(set(keys)) == 12_000
    assert max(map(len, keys)) <= 4


def test_repeated_insertion_at_one_point_stays_ordered() -> None:
    low, high = "V", "W"
    for _ in range(500):
        middle = key_between(low, high)
        assert low < middle < high
        high = middle
    assert len(high) < 120


@pytest.mark.parametrize(("low", "high"), [("b", "a"), ("a", "a"), ("a0", None)])
def test_bad_key_arguments_are_refused(low: str, high: str | None) -> None:
    with pytest.raises(ValueError):
        key_between(low, high)


@pytest.mark.parametrize(
    ("text", "ms"),
    [
        ("00:01:23", 83_000),
        ("1:23", 83_000),
        ("01:02:03.5", 3_723_500),
        ("0:00:01,250", 1_250),
        ("12:34:56.789", 45_296_789),
        ("1:75", None),
        ("abc", None),
        ("1:2:3:4", None),
    ],
)
def test_parse_timecode(text: str, ms: int | None) -> None:
    assert parse_timecode(text) == ms


def test_formatting() -> None:
    assert format_hms(3_723_999) == "01:02:03"
    assert format_clock(83_000) == "1:23"
    assert format_clock(3_723_000) == "1:02:03"
    assert format_precise(1_250, ",") == "00:00:01,250"
