"""``clip captions`` on the demo episode: the clip's captions from its start, to a file."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.core.formats import read_transcript
from editor.demo import ensure_demo_project
from tests.cli.running import run


@pytest.fixture
def demo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    project = ensure_demo_project(tmp_path / "demo")
    assert run(capsys, "clip", "add", project, "--start", "12.5", "--end", "42.5")[0] == 0
    return project


def test_captions_of_a_clip_count_from_its_start(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = demo.read_bytes()
    out = tmp_path / "clip.srt"
    code, _, err = run(capsys, "clip", "captions", demo, "--id", "1", "-o", out)
    assert code == 0
    # The demo's turns have times but no word times: said once per turn, naming the file.
    assert err.count("warning: ") == 4 and f"{out}: turn 1 has no word times" in err
    cues = read_transcript(out, "srt").turns
    assert cues[0].speaker == "Alessandria Polizzi"
    assert cues[0].text.startswith("Doctor. Alessandria Polizzi.")  # the turn's words from 12.5 s
    assert cues[0].start_ms == 0
    assert cues[1].speaker == "Duena Blomstrom"
    assert cues[1].start_ms == 16_990 - 12_500  # the second turn starts at 16.99 s
    assert max(c.end_ms or 0 for c in cues) <= 30_000
    vtt = tmp_path / "clip.vtt"
    assert run(capsys, "clip", "captions", demo, "--id", "1", "-o", vtt)[0] == 0
    assert vtt.read_text(encoding="utf-8").startswith("WEBVTT\n\n1-1\n00:00:00.000 --> ")
    assert demo.read_bytes() == before


def test_captions_refuse_bad_arguments_with_one_line(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for args in (["--id", "9", "-o", tmp_path / "a.srt"], ["--id", "1", "-o", tmp_path / "a.txt"]):
        code, _, err = run(capsys, "clip", "captions", demo, *args)
        assert code == 2 and err.count("\n") == 1
    assert not list(tmp_path.glob("a.*"))
