"""``transcript-editor align`` on the sample."""

from __future__ import annotations

import json
import statistics
from pathlib import Path

import pytest

from editor.cli import main
from tests.conftest import SAMPLE10_MP3, SAMPLE10_TRANSCRIPT, SAMPLE10_TRUTH
from tests.core.test_alignment import _espeak  # noqa: F401 - skips without eSpeak NG


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


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
