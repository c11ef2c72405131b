"""Cutting long runs of turns into stretches aligned apart, and putting them back together."""

from __future__ import annotations

import itertools
import json
import multiprocessing
from collections.abc import Sequence

import numpy as np
import pytest

from editor.core.align.acoustic import align_pcm, stretches
from editor.core.align.acoustic.activity import pauses
from editor.core.align.acoustic.contain import Probe
from editor.core.align.acoustic.decoder import Piece, Sphinx
from editor.core.align.acoustic.parallel import PROCESSES_VARIABLE, process_count
from editor.core.align.acoustic.stretches import Planner, Stretch, fits
from editor.core.align.dtw import AlignmentCancelled
from editor.core.align.features import load_pcm
from editor.core.formats import read_transcript
from tests.conftest import SAMPLE10_MP3, SAMPLE10_TRANSCRIPT, SAMPLE10_TRUTH

TURN_MS, TURN_WORDS, TURNS = 30_000, 75, 20


def _loud(pause_ms: int = 1000) -> np.ndarray:
    """Twenty turns of 30 s, with a pause of ``pause_ms`` around every boundary."""
    loud = np.ones(TURNS * TURN_MS // 10, dtype=bool)
    for k in range(1, TURNS):
        middle = k * TURN_MS // 10
        loud[middle - pause_ms // 20 : middle + pause_ms // 20] = False
    return loud


WORDS = [f"w{turn}x{i}" for turn in range(TURNS) for i in range(TURN_WORDS)]
FIRSTS: list[int | None] = [turn * TURN_WORDS for turn in range(TURNS)]


def _truthful(
    start_ms: int, _end_ms: int, words: Sequence[str], entries: Sequence[int]
) -> tuple[int, list[Piece]] | None:
    """A probe that finds the turn really spoken after ``start_ms``, if it was offered."""
    spoken = f"w{round(start_ms / TURN_MS)}x0"
    for entry in entries:
        if words[entry] == spoken:
            return entry, [Piece(5 + 20 * k, 24 + 20 * k, -2.0) for k in range(30)]
    return None


def _planner(loud: np.ndarray, probe: Probe) -> Planner:
    span = (0, len(loud) * 10)
    return Planner(list(range(TURNS)), WORDS, FIRSTS, span, loud=loud, probe=probe)


def test_pauses_are_found_with_their_length() -> None:
    loud = np.ones(1000, dtype=bool)
    loud[100:130] = False  # 300 ms
    loud[500:600] = False  # 1 s
    assert pauses(loud, 0, 10_000, 300) == [(1000, 1300), (5000, 6000)]
    assert pauses(loud, 0, 10_000, 700) == [(5000, 6000)]
    assert pauses(loud, 5500, 10_000, 300) == [(5500, 6000)]


def test_a_long_run_is_cut_in_pauses_at_the_turns_that_follow_them() -> None:
    planner = _planner(_loud(), _truthful)
    found = list(planner.stretches())
    assert found == [
        Stretch(list(range(10)), 0, 300_000),
        Stretch(list(range(10, 15)), 300_000, 450_000),
        Stretch(list(range(15, 20)), 450_000, 600_000),
    ]
    assert planner.probes == 2


def test_stretches_cover_every_turn_once_in_order_end_to_end() -> None:
    loud = _loud()
    loud[29_900:30_100] = True  # no pause at 5 minutes: the cut goes to the next best
    found = list(_planner(loud, _truthful).stretches())
    assert [i for s in found for i in s.indexes] == list(range(TURNS))
    assert found[0].start_ms == 0 and found[-1].end_ms == TURNS * TURN_MS
    assert all(a.end_ms == b.start_ms for a, b in itertools.pairwise(found))
    assert all(s.end_ms - s.start_ms >= stretches.SHORTEST_MS for s in found)


def test_no_cut_where_the_probe_is_unsure_or_there_is_no_pause() -> None:
    def unsure(
        start_ms: int, end_ms: int, words: Sequence[str], entries: Sequence[int]
    ) -> tuple[int, list[Piece]] | None:
        found = _truthful(start_ms, end_ms, words, entries)
        return None if found is None else (found[0], [Piece(0, 19, -4.5)] * 30)

    assert len(list(_planner(_loud(), unsure).stretches())) == 1
    no_pauses = _planner(_loud(pause_ms=400), _truthful)
    assert len(list(no_pauses.stretches())) == 1 and no_pauses.probes == 0


def test_a_short_run_is_one_stretch_without_probing() -> None:
    loud = _loud()[: 2 * stretches.SHORTEST_MS // 10 - 1]
    planner = _planner(loud, _truthful)
    assert len(list(planner.stretches())) == 1 and planner.probes == 0


def test_a_probe_must_fit_well_from_the_start_of_the_speech() -> None:
    good = [Piece(5 + 20 * k, 24 + 20 * k, -2.0) for k in range(30)]
    assert fits((0, good), onset_frame=0)
    assert not fits((0, good[:10]), onset_frame=0)  # too few words
    late = [Piece(p.first + 200, p.last + 200, p.score) for p in good]
    assert not fits((0, late), onset_frame=0)  # the first word long after the speech began
    assert fits((0, late), onset_frame=150)
    assert not fits((0, [Piece(p.first, p.last, -3.5) for p in good]), onset_frame=0)
    assert not fits(None, onset_frame=0)


def test_process_count_follows_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(PROCESSES_VARIABLE, "3")
    assert process_count() == 3
    monkeypatch.setenv(PROCESSES_VARIABLE, "none")
    assert 1 <= process_count() <= 2


@pytest.fixture
def short_stretches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Stretches of about a minute, so the 2.8-minute sample is cut (in this process only:
    the plan is made here, the workers only align)."""
    monkeypatch.setattr(stretches, "SHORTEST_MS", 40_000)
    monkeypatch.setattr(stretches, "STRETCH_MS", 60_000)
    monkeypatch.setattr(stretches, "SEARCH_MS", 20_000)


def _sample() -> tuple[Sphinx, np.ndarray, list[str]]:
    texts = [t.text for t in read_transcript(SAMPLE10_TRANSCRIPT).turns]
    return Sphinx(), load_pcm(SAMPLE10_MP3), texts


def _quiet(_fraction: float) -> None:
    pass


def _never() -> bool:
    return False


@pytest.mark.usefixtures("short_stretches")
def test_workers_give_the_same_result_as_one_process(planned: list[Stretch]) -> None:
    sphinx, pcm, texts = _sample()
    here = align_pcm(sphinx, pcm, texts, {}, progress=_quiet, cancelled=_never, processes=1)
    assert len(planned) >= 2  # the sample was cut
    fractions: list[float] = []
    apart = align_pcm(
        Sphinx(), pcm, texts, {}, progress=fractions.append, cancelled=_never, processes=2
    )
    assert apart.turns == here.turns
    assert (apart.words, apart.windows, apart.failures) == (here.words, here.windows, here.failures)
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    # Up to boundary effects, the turns are where the whole run puts them (bench: 0.03 s).
    truth = json.loads(SAMPLE10_TRUTH.read_text())["turns"]
    starts = [t["start"] for t in truth]
    errors = [abs(a.start_ms / 1000 - s) for a, s in zip(here.turns, starts, strict=True) if a]
    assert max(errors) < 0.1


@pytest.mark.usefixtures("short_stretches")
def test_cancelling_stops_the_workers() -> None:
    sphinx, pcm, texts = _sample()
    seen: list[float] = []
    with pytest.raises(AlignmentCancelled):
        align_pcm(
            sphinx,
            pcm,
            texts,
            {},
            progress=seen.append,
            cancelled=lambda: bool(seen) and seen[-1] > 0.05,
            processes=2,
        )
    assert seen and seen[-1] < 1
    assert multiprocessing.active_children() == []
