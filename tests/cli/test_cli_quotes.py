"""A replace on the command line corrects the quotes of the clips on that text (issue 17)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.running import run

SRT = """1
00:00:01,000 --> 00:00:04,000
Host: We fight the Human Death with KPNG.

2
00:00:04,000 --> 00:00:07,000
Guest: That is what they found.
"""


def test_replace_corrects_the_clips_csv_and_the_show_notes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    transcript = tmp_path / "ep.srt"
    transcript.write_text(SRT, encoding="utf-8")
    project = tmp_path / "ep.tep"
    assert run(capsys, "new", project, "--transcript", transcript)[0] == 0
    assert run(capsys, "clip", "add", project, "--turns", "1", "--title", "Fight")[0] == 0
    assert run(capsys, "replace", project, "Human Death", "Human Debt™")[0] == 0
    code, csv_text, _ = run(capsys, "export", project, "--format", "clips-csv")
    assert code == 0 and "We fight the Human Debt™ with KPNG." in csv_text
    assert "Death" not in csv_text
    code, notes, _ = run(capsys, "export", project, "--format", "shownotes-md")
    assert code == 0 and "Human Debt™" in notes and "Death" not in notes
    assert run(capsys, "undo", project)[0] == 0
    _, csv_text, _ = run(capsys, "export", project, "--format", "clips-csv")
    assert "We fight the Human Death with KPNG." in csv_text
