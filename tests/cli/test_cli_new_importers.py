"""The command line with the new importers: ``import --format NAME`` and the error line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.running import run
from tests.formats.conftest import CORPUS


@pytest.mark.parametrize(
    ("name", "format_name"),
    [
        ("youtube.sbv", "sbv"),
        ("podcast_transcript.html", "html"),
        ("assemblyai.json", "assemblyai"),
        ("deepgram_utterances.json", "deepgram"),
        ("revai.json", "revai"),
        ("zoom.txt", "zoom"),
        ("riverside.txt", "riverside"),
        ("descript_blocks.txt", "descript"),
    ],
)
def test_import_with_and_without_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, format_name: str
) -> None:
    detected, named = tmp_path / "a.tep", tmp_path / "b.tep"
    assert run(capsys, "new", detected, "--transcript", CORPUS / name)[0] == 0
    assert run(capsys, "new", named)[0] == 0
    assert run(capsys, "import", named, CORPUS / name, "--format", format_name)[0] == 0
    first = json.loads(run(capsys, "info", detected, "--json")[1])
    second = json.loads(run(capsys, "info", named, "--json")[1])
    assert first["turns"] == second["turns"] >= 2


def test_bad_sbv_names_file_and_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.sbv"
    bad.write_text("no timing here\n", encoding="utf-8")
    code, _, err = run(capsys, "new", tmp_path / "p.tep", "--transcript", bad)
    assert code == 2
    assert err.strip().endswith(f"{bad}:1: no SBV timing lines ('0:00:01.000,0:00:04.000') found")
