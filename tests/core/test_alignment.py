"""Automatic alignment against ground truth, anchors, cancelling; the timing operations."""

from __future__ import annotations

import json
import shutil
import statistics
from pathlib import Path

import numpy as np
import pytest

from editor.core import ops
from editor.core.align.aligner import Anchor, align_file
from editor.core.align.dtw import AlignmentCancelled
from editor.core.align.project import plan, run
from editor.core.formats import read_transcript
from editor.core.model import ALIGNED, CONFIRMED, ESTIMATED, Transcript, TranscriptTurn
from editor.core.project.create import create_project
from editor.core.project.store import ProjectStore
from tests.conftest import SAMPLE10_MP3, SAMPLE10_TRANSCRIPT, SAMPLE10_TRUTH, in_ci

HARD = Path(__file__).parent.parent / "data" / "hard" / "hard12.ogg"


@pytest.fixture(autouse=True)
def _espeak() -> None:
    try:
        from editor.core.align.speech import speak

        speak(["test"])
    except Exception as error:
        if in_ci():
            pytest.fail(f"eSpeak NG must be installed in CI: {error}")
        pytest.skip(f"eSpeak NG is not available: {error}")


def _errors(media: Path, texts: list[str], starts: list[float]) -> list[float]:
    aligned = align_file(media, texts)
    return [abs(a.start_ms / 1000 - s) for a, s in zip(aligned, starts, strict=True) if a]


def test_sample_aligns_within_the_goals() -> None:
    truth = json.loads(SAMPLE10_TRUTH.read_text())["turns"]
    texts = [t.text for t in read_transcript(SAMPLE10_TRANSCRIPT).turns]
    errors = _errors(SAMPLE10_MP3, texts, [t["start"] for t in truth])
    assert statistics.median(errors) < 0.3
    assert float(np.percentile(errors, 90)) < 1.0


def test_harder_audio_aligns_within_the_goals() -> None:
    data = json.loads(HARD.with_suffix(".json").read_text())["turns"]
    assert any(t["text"] != t["spoken"] for t in data)  # the text differs from the speech
    errors = _errors(HARD, [t["text"] for t in data], [t["start"] for t in data])
    assert statistics.median(errors) < 0.3
    assert float(np.percentile(errors, 90)) < 1.0


def test_anchors_stay_and_the_rest_fits_between_them() -> None:
    truth = json.loads(SAMPLE10_TRUTH.read_text())["turns"]
    texts = [t.text for t in read_transcript(SAMPLE10_TRANSCRIPT).turns]
    anchor = Anchor(round(truth[5]["start"] * 1000), round(truth[5]["end"] * 1000))
    aligned = align_file(SAMPLE10_MP3, texts, {5: anchor})
    assert aligned[5] is None
    before = [a for a in aligned[:5] if a]
    after = [a for a in aligned[6:] if a]
    assert all(a.end_ms <= anchor.start_ms + 40 for a in before)
    assert all(a.start_ms >= anchor.end_ms - 40 for a in after)
    errors = [abs(a.start_ms / 1000 - t["start"]) for a, t in zip(aligned, truth, strict=True) if a]
    assert statistics.median(errors) < 0.3


def test_cancelling_stops_the_alignment() -> None:
    texts = [t.text for t in read_transcript(SAMPLE10_TRANSCRIPT).turns]
    with pytest.raises(AlignmentCancelled):
        align_file(SAMPLE10_MP3, texts, cancelled=lambda: True)


@pytest.fixture
def untimed(tmp_path: Path) -> ProjectStore:
    media = tmp_path / "sample10.mp3"
    shutil.copy(SAMPLE10_MP3, media)
    path = tmp_path / "p.tep"
    create_project(path, media=media, transcript=read_transcript(SAMPLE10_TRANSCRIPT))
    return ProjectStore.open(path)


def test_project_alignment_is_one_undoable_step_with_confidence(untimed: ProjectStore) -> None:
    before = untimed.turns()
    ops.set_times(untimed, before[5].id, 55_600, 78_700)  # a person confirmed this one
    results = run(plan(untimed))
    assert before[5].id not in results and len(results) == 9
    changes = ops.apply_alignment(untimed, results)
    turns = untimed.turns()
    assert [t.timing for t in turns].count(ALIGNED) == 9
    assert turns[5].timing == CONFIRMED and turns[5].start_ms == 55_600
    assert all(
        t.confidence is not None and 0 <= t.confidence <= 1 for t in turns if t.timing == ALIGNED
    )
    ops.undo(untimed, changes)
    assert [t.start_ms for t in untimed.turns()].count(None) == 9


def test_estimates_fill_the_gaps_by_text_length(untimed: ProjectStore) -> None:
    turns = untimed.turns()
    ops.set_times(untimed, turns[0].id, 0, 15_000)
    ops.set_times(untimed, turns[9].id, 141_000, 168_000)
    changes = ops.estimate_missing_times(untimed)
    assert changes.count == 8
    estimated = untimed.turns()[1:9]
    assert all(t.timing == ESTIMATED for t in estimated)
    starts = [t.start_ms for t in estimated]
    assert starts == sorted(starts) and starts[0] == 15_000 and estimated[-1].end_ms == 141_000
    lengths = [len(t.text) for t in estimated]
    durations = [(t.end_ms or 0) - (t.start_ms or 0) for t in estimated]
    ratio = [d / n for d, n in zip(durations, lengths, strict=True)]
    assert max(ratio) / min(ratio) < 1.2  # in proportion to the text
    ops.confirm_times(untimed, [estimated[0].id])
    assert untimed.turns()[1].timing == CONFIRMED


def test_stamping_sets_the_start_and_the_previous_end(untimed: ProjectStore) -> None:
    first, second = untimed.turns()[:2]
    ops.stamp_start(untimed, first.id, 0)
    ops.stamp_start(untimed, second.id, 16_990)
    first, second = untimed.turns()[:2]
    assert (first.start_ms, first.end_ms, second.start_ms) == (0, 16_990, 16_990)
    assert second.timing == CONFIRMED
    ops.set_times(untimed, first.id, end_ms=16_000)  # a person set this end: it stays
    ops.stamp_start(untimed, second.id, 17_200)
    assert untimed.turns()[0].end_ms == 16_000


def test_nudging_moves_one_edge(untimed: ProjectStore) -> None:
    turn = untimed.turns()[0]
    ops.set_times(untimed, turn.id, 1000, 5000)
    ops.nudge(untimed, turn.id, "start", -100)
    ops.nudge(untimed, turn.id, "end", 100)
    assert (untimed.turn(turn.id).start_ms, untimed.turn(turn.id).end_ms) == (900, 5100)
    ops.nudge(untimed, turn.id, "start", -5000)
    assert untimed.turn(turn.id).start_ms == 0


def test_timed_imports_are_confirmed(tmp_path: Path) -> None:
    path = tmp_path / "t.tep"
    create_project(path, transcript=Transcript((TranscriptTurn("A", "x", 0, 100),)))
    with ProjectStore.open(path) as store:
        assert store.turns()[0].is_confirmed
