"""Cuts at long pauses: the turn that surely opens after one starts a stretch of its own, so
garbled audio before the pause cannot drag what follows; no sure opening, no cut."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from bench import align as bench_align
from bench.assembled import write_wav
from editor.core.align.acoustic import contain
from editor.core.align.acoustic.activity import loud_frames
from editor.core.align.acoustic.contain import PauseCuts
from editor.core.align.acoustic.decoder import Piece, Sphinx
from editor.core.align.acoustic.piece import first_words, spoken
from editor.core.align.acoustic.stretches import Planner, Stretch
from editor.core.align.aligner import ACOUSTIC, align_media
from editor.core.align.features import RATE, load_audio

TURNS, TURN_WORDS = 12, 40
WORDS = [f"w{turn}x{i}" for turn in range(TURNS) for i in range(TURN_WORDS)]
FIRSTS: list[int | None] = [turn * TURN_WORDS for turn in range(TURNS)]
PAUSE = (60_000, 64_000)  # after turn 5 (0-based), which ends at 60 s
OPENS_MS = 70_000  # turn 6 opens after 6 s of loud noise


def _loud() -> np.ndarray:
    """Two minutes of speech, 10 s a turn, with one long pause at ``PAUSE``."""
    loud = np.ones(120_000 // 10, dtype=bool)
    loud[PAUSE[0] // 10 : PAUSE[1] // 10] = False
    return loud


class _Probe:
    """Finds turn 6 (and only it) opening at ``OPENS_MS``; records what it was asked."""

    def __init__(self, score: float = -2.0) -> None:
        self.score, self.asked = score, list[tuple[str, tuple[int, ...]]]()

    def __call__(
        self, start_ms: int, _end_ms: int, words: Sequence[str], entries: Sequence[int]
    ) -> tuple[int, list[Piece]] | None:
        self.asked.append((words[0], tuple(entries)))
        if words[0] != "w6x0":
            return 0, [Piece(10 * k, 10 * k + 9, -4.5) for k in range(20)]  # garble fits badly
        first = (OPENS_MS - start_ms) // 10
        return 0, [Piece(first + 30 * k, first + 30 * k + 29, self.score) for k in range(20)]


def test_the_turn_that_opens_after_a_long_pause_starts_a_stretch_just_before_its_speech() -> None:
    probe = _Probe()
    cuts = PauseCuts(WORDS, FIRSTS, _loud(), probe).inside(range(TURNS), (0, 120_000))
    assert list(cuts) == [(6, OPENS_MS - contain.BEFORE_MS)]
    # One turn per probe, the nearest to where the pause falls first: turn 6 is found at once.
    assert probe.asked == [("w6x0", (0,))]


def test_no_cut_where_no_opening_fits_well_the_pause_is_near_the_edge_or_the_run_cancelled() -> (
    None
):
    unsure = _Probe(score=-3.5)
    assert not list(PauseCuts(WORDS, FIRSTS, _loud(), unsure).inside(range(TURNS), (0, 120_000)))
    assert len(unsure.asked) == min(contain.TRIES, TURNS - 1)  # the nearest turns, no more
    stopped = _Probe()
    assert not list(
        PauseCuts(WORDS, FIRSTS, _loud(), stopped).inside(range(TURNS), (0, 120_000), lambda: True)
    )
    assert stopped.asked == []  # a cancelled run probes no more
    near_end = _Probe()
    edge = PauseCuts(WORDS, FIRSTS, _loud(), near_end)
    assert not list(edge.inside(range(6), (0, PAUSE[1] + contain.SIDE_MS - 10)))
    assert near_end.asked == []


def test_the_planner_cuts_its_stretches_again_at_long_pauses_with_its_own_probe() -> None:
    def no_cut(*_args: object) -> None:
        raise AssertionError("a run this short is not planned")

    planner = Planner(
        list(range(TURNS)), WORDS, FIRSTS, (0, 120_000), loud=_loud(), probe=no_cut,
        pause_probe=_Probe(),
    )  # fmt: skip
    assert list(planner.stretches()) == [
        Stretch(list(range(6)), 0, OPENS_MS - contain.BEFORE_MS),
        Stretch(list(range(6, TURNS)), OPENS_MS - contain.BEFORE_MS, 120_000),
    ]


def test_real_garbled_radio_then_a_pause_then_a_reading_is_cut_where_the_reading_speaks() -> None:
    radio, reading = bench_align.apollo(), bench_align.reading()
    if radio is None or reading is None:
        pytest.skip("the shared corpora are not here (../shared/corpora)")
    quiet = np.random.default_rng(0).normal(0, 0.001, 5 * RATE).astype(np.float32)
    first = load_audio(radio.media)
    audio = np.concatenate([first, quiet, load_audio(reading.media)[: 40 * RATE]])
    pcm = (audio * 32767).astype(np.int16)
    sphinx = Sphinx()
    texts = dict(enumerate(radio.texts + reading.texts[:2]))
    words, token_list = spoken(sphinx.knows, texts, sorted(texts))
    sphinx.add_words(words)
    heads = first_words(token_list)
    firsts = [heads.get(i) for i in sorted(texts)]

    def probe(
        start_ms: int, end_ms: int, said: Sequence[str], entries: Sequence[int]
    ) -> tuple[int, list[Piece]] | None:
        return sphinx.align(pcm[start_ms * 16 : end_ms * 16], said, entries=entries)

    span = (0, len(pcm) // 16)
    cuts = list(PauseCuts(words, firsts, loud_frames(pcm), probe).inside(range(len(firsts)), span))
    # Apollo's own 5 s gap, inside its last turn, is no cut; the reading, which speaks from
    # its own 6.7 s, is.
    offset_ms = (len(first) + len(quiet)) * 1000 // RATE
    assert len(cuts) == 1
    turn, cut_ms = cuts[0]
    assert turn == len(radio.texts)
    assert offset_ms + 6000 <= cut_ms <= offset_ms + 6700


def test_a_real_call_with_long_pauses_is_cut_only_where_a_turn_opens_and_stays_right(
    tmp_path: Path, planned: list[Stretch]
) -> None:
    call = bench_align.phone_call()
    if call is None:
        pytest.skip("the shared corpora are not here (../shared/corpora)")
    audio = load_audio(call.media)
    quiet = np.random.default_rng(0).normal(0, 0.0003, 4 * RATE).astype(np.float32)
    # 4 s of quiet inside Diane's turn (after "I heard a beep"), and 4 s between Sheila's
    # "originally from Chicago" and Diane's answer.
    inside, between = int(11.6 * RATE), int(17.78 * RATE)
    parts = [audio[:inside], quiet, audio[inside:between], quiet, audio[between:]]
    media = write_wav(tmp_path / "call-with-pauses.wav", np.concatenate(parts))
    result = align_media(media, call.texts, method=ACOUSTIC)
    answer = call.turn_starts.index(17.789)
    assert [s.indexes[0] for s in planned] == [0, answer]  # one cut, where Diane answers
    assert 25_000 <= planned[1].start_ms <= 26_080  # 8 s later than without the pauses
    for turn, start in zip(result.turns, call.turn_starts, strict=True):
        assert turn is not None and start is not None
        moved = start + 4 * ((start >= 11.6) + (start >= 17.78))
        assert abs(turn.start_ms / 1000 - moved) < 0.5
