"""A turn's opening latched on the sound before a long pause is moved after the pause; a
speaker's own pause, or speech going on, leaves it where it is."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from bench import align as bench_align
from bench.assembled import write_wav
from editor.core.align.acoustic.settle import settle_edges
from editor.core.align.acoustic.windows import Timed
from editor.core.align.aligner import ACOUSTIC, align_media
from editor.core.align.features import RATE, load_audio


def _words(*spans: tuple[int, int, float]) -> list[Timed]:
    return [Timed(start, end, confidence) for start, end, confidence in spans]


def test_first_words_before_a_long_quiet_stretch_move_up_to_the_rest_of_the_turn() -> None:
    loud = np.ones(2000, dtype=bool)  # 20 s of 10 ms frames
    loud[300:1250] = False  # quiet from 3.0 s to 12.5 s
    timed = _words(
        (2800, 2900, 0.7),  # "I", on the last sound before the pause, sure of itself
        (2900, 2980, 0.0),  # "am"
        (2980, 7300, 1.0),  # "sitting", stretched over the hiss
        (12_700, 12_900, 0.8),
        (12_900, 13_300, 0.9),
    )
    assert settle_edges(timed, [0], loud) == 3
    spans = [(t.start_ms, t.end_ms) for t in timed]
    assert spans[2] == (12_200, 12_700)  # shortened, up against the word after it
    assert spans[0][0] >= 12_200 and spans == sorted(spans)
    assert spans[3:] == [(12_700, 12_900), (12_900, 13_300)]
    # Loud all through (a speaker going on), or a pause of 2 s (a speaker's), nothing moves.
    short = np.ones(2000, dtype=bool)
    short[300:500] = False
    for mask in (np.ones(2000, dtype=bool), short):
        timed = _words((2800, 2900, 0.7), (2900, 2980, 0.0), (2980, 4900, 1.0), (5000, 5200, 0.8))
        before = [(t.start_ms, t.end_ms) for t in timed]
        assert settle_edges(timed, [0], mask) == 0
        assert [(t.start_ms, t.end_ms) for t in timed] == before


def test_a_reading_after_a_phone_call_and_a_pause_starts_where_its_speech_does(
    tmp_path: Path,
) -> None:
    call, reading = bench_align.phone_call(), bench_align.reading()
    if call is None or reading is None:
        pytest.skip("the shared corpora are not here (../shared/corpora)")
    pause = np.random.default_rng(0).normal(0, 0.001, 6 * RATE).astype(np.float32)
    first = load_audio(call.media)
    audio = np.concatenate([first, pause, load_audio(reading.media)])
    media = write_wav(tmp_path / "call-then-reading.wav", audio)
    result = align_media(media, call.texts + reading.texts, method=ACOUSTIC)
    offset_ms = (len(first) + len(pause)) * 1000 // RATE
    opening = result.turns[len(call.texts)]
    assert opening is not None
    # The reading speaks from its own 6.7 s; its first word ("I") used to latch on the call's
    # last sound, 13 s before, with the turn's start.
    assert offset_ms + 6000 <= opening.start_ms <= offset_ms + 7500
    errors = [
        abs(turn.start_ms / 1000 - start)
        for turn, start in zip(result.turns, call.turn_starts, strict=False)
        if turn is not None and start is not None
    ]
    assert max(errors) < 0.5
