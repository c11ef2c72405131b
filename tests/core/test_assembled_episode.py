"""The assembled real-voice episode of ``bench/assembled.py``: its truth lines up with its audio.

No alignment here: the pieces are decoded (about 200 s of audio) and put together, and every known
turn start in the file is checked to fall on the piece's own audio at the piece's own time.
Skipped when ``../shared/corpora`` is absent.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from bench import assembled
from bench.align import apollo, phone_call, reading
from editor.core.align.features import RATE, load_audio

WINDOW = RATE // 5  # 0.2 s of samples compared at each turn start


@pytest.fixture(scope="module")
def episode() -> assembled.Assembly:
    built = assembled.assemble()
    if built is None:
        pytest.skip("../shared/corpora is absent")
    return built


def test_pieces_sit_where_the_layout_puts_them(episode: assembled.Assembly) -> None:
    starts = [p.start_s for p in episode.pieces]
    ends = [p.start_s + p.duration_s for p in episode.pieces]
    assert starts[0] == assembled.INTRO_S  # Apollo right after the chords
    assert starts[1] - ends[0] == pytest.approx(5.0)  # a 5 s pause before the reading
    assert starts[2] - ends[1] == pytest.approx(4.0)  # a 4 s pause before the phone call
    assert ends[2] - starts[3] == pytest.approx(1.0)  # Apollo again overlaps its last second
    assert starts[4] == pytest.approx(ends[3])  # the phone call again follows with no gap
    assert episode.pieces[4].offset_s == pytest.approx(starts[4] - 6.5)  # its head was cut
    assert len(episode.samples) / RATE == pytest.approx(ends[-1])
    assert 4 * 60 < ends[-1] < 6 * 60  # long enough to be cut for two processes


def test_turns_are_the_pieces_turns_in_order(episode: assembled.Assembly) -> None:
    call, radio, read = phone_call(), apollo(), reading()
    assert call and radio and read
    texts = radio.texts + read.texts + call.texts + radio.texts + call.texts
    assert episode.case.texts == texts
    assert [p.turns for p in episode.pieces] == [15, 4, 9, 15, 9]
    assert episode.case.turn_starts[0] == pytest.approx(assembled.INTRO_S + 0.36)
    assert episode.case.turn_starts[19] == pytest.approx(episode.pieces[2].start_s + 6.68, abs=1e-3)
    reading_turns = episode.case.turn_starts[15:19]
    assert reading_turns == [None] * 4  # the reading has no times
    assert len(episode.case.word_starts) == 2 * (len(call.word_starts) + len(radio.word_starts))


def test_every_known_turn_start_falls_on_its_own_audio(episode: assembled.Assembly) -> None:
    sources = {"phone call": phone_call(), "Apollo 11": apollo()}
    decoded = {label: load_audio(case.media) for label, case in sources.items() if case}
    overlap = (episode.pieces[3].start_s, episode.pieces[2].start_s + episode.pieces[2].duration_s)
    checked = 0
    for piece in episode.pieces:
        own = decoded.get(piece.label.removesuffix(" again"))
        if own is None:
            continue
        for turn in range(piece.first_turn, piece.first_turn + piece.turns):
            start = episode.case.turn_starts[turn]
            assert start is not None
            if overlap[0] <= start < overlap[1]:
                continue  # two pieces mixed here
            at, there = round(start * RATE), round((start - piece.offset_s) * RATE)
            np.testing.assert_array_equal(
                episode.samples[at : at + WINDOW], own[there : there + WINDOW]
            )
            checked += 1
    assert checked == 2 * (9 + 15) - 1  # Apollo's first turn starts inside the overlap
    mixed = episode.samples[round(overlap[0] * RATE) : round(overlap[1] * RATE)]
    call, radio = decoded["phone call"], decoded["Apollo 11"]
    np.testing.assert_array_equal(
        mixed, np.clip(call[-len(mixed) :] + radio[: len(mixed)], -1.0, 1.0)
    )


def test_written_episode_reads_back_the_same(episode: assembled.Assembly, tmp_path: Path) -> None:
    media = tmp_path / "assembled.wav"
    loaded = assembled.load(media)
    assert loaded is not None
    case, pieces = loaded
    assert case.texts == episode.case.texts
    assert case.turn_starts == episode.case.turn_starts
    assert case.word_starts == episode.case.word_starts
    assert pieces == episode.pieces
    written = load_audio(media)
    assert len(written) == len(episode.samples)
    assert np.abs(written - episode.samples).max() < 1e-4  # 16-bit rounding only
