"""``transcript-editor align`` on the sample."""

from __future__ import annotations

import json
import statistics
from pathlib import Path

import pytest

from editor.core.formats import read_transcript
from tests.cli.running import run
from tests.conftest import SAMPLE10_MP3, SAMPLE10_TRANSCRIPT, SAMPLE10_TRUTH
from tests.core.test_alignment import _espeak  # noqa: F401 - skips without eSpeak NG


def test_align_times_every_turn(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = tmp_path / "p.tep"
    run(capsys, "new", project, "--media", SAMPLE10_MP3, "--transcript", SAMPLE10_TRANSCRIPT)
    code, out, _ = run(capsys, "align", project, "--json")
    assert code == 0
    rows = json.loads(out)
    truth = json.loads(SAMPLE10_TRUTH.read_text())["turns"]
    errors = [abs(r["start"] - t["start"]) for r, t in zip(rows, truth, strict=True)]
    assert statistics.median(errors) < 0.3
    info = json.loads(run(capsys, "info", project, "--json")[1])
    assert info["timed_turns"] == 10


def test_align_without_media_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "p.tep"
    run(capsys, "new", project, "--transcript", SAMPLE10_TRANSCRIPT)
    before = project.read_bytes()
    code, _, err = run(capsys, "align", project)
    assert code == 2 and "media file cannot be found" in err
    assert project.read_bytes() == before


def test_align_says_which_aligner_ran_and_counts_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "p.tep"
    run(capsys, "new", project, "--media", SAMPLE10_MP3, "--transcript", SAMPLE10_TRANSCRIPT)
    code, out, _ = run(capsys, "align", project)
    assert code == 0
    assert "aligner: PocketSphinx (US English, acoustic)" in out
    words = sum(len(t.text.split()) for t in read_transcript(SAMPLE10_TRANSCRIPT).turns)
    assert f"aligned 10 turns and {words} words" in out
    code, out, err = run(capsys, "align", project, "--reset", "--aligner", "espeak", "--json")
    assert code == 0 and "aligner: eSpeak NG warping" in err
    rows = json.loads(out)
    texts = [t.text for t in read_transcript(SAMPLE10_TRANSCRIPT).turns]
    # the eSpeak NG aligner places every word too (through its warp)
    assert [r["words"] for r in rows] == [len(text.split()) for text in texts]


def test_doctor_names_the_aligners(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRANSCRIPT_EDITOR_ALIGN_PROCESSES", "3")
    code, out, _ = run(capsys, "doctor")
    assert code == 0
    assert "automatic alignment: acoustic (PocketSphinx) for English transcripts" in out
    assert "acoustic aligner: yes (PocketSphinx 5." in out
    assert "acoustic alignment processes: 3 (TRANSCRIPT_EDITOR_ALIGN_PROCESSES=3)" in out
