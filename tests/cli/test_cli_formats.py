"""The command line with every format: detection, options, warnings, binary output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.running import run
from tests.conftest import EPISODE_TRANSCRIPT
from tests.formats.conftest import CORPUS


@pytest.mark.parametrize(
    "name",
    [
        "labels_at_changes.srt",
        "voices.vtt",
        "p20_words.json",
        "whisperx.json",
        "otter.txt",
        "rev.txt",
        "bracketed.txt",
        "sample.otr",
    ],
)
def test_new_detects_each_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    project = tmp_path / "p.tep"
    assert run(capsys, "new", project, "--transcript", CORPUS / name)[0] == 0
    info = json.loads(run(capsys, "info", project, "--json")[1])
    assert info["turns"] >= 1


def test_import_warnings_are_printed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "new", tmp_path / "p.tep", "--transcript", CORPUS / "otter.txt")
    assert code == 0
    assert "warning: " in err and "otter.txt:11: footer" in err


def test_one_turn_per_cue_flag(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = tmp_path / "p.tep"
    source = CORPUS / "every_cue_labelled.srt"
    run(capsys, "new", project, "--transcript", source, "--one-turn-per-cue")
    assert json.loads(run(capsys, "info", project, "--json")[1])["turns"] == 4


def test_export_format_from_extension_and_untimed_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "p.tep"
    run(capsys, "new", project, "--transcript", EPISODE_TRANSCRIPT)
    out = tmp_path / "ep.srt"
    code, _, err = run(capsys, "export", project, "-o", out)
    assert code == 0
    assert out.read_text(encoding="utf-8").startswith("1\n00:00:00,000 --> ")
    assert f"{out}: 50 turn(s) had no times; their times were estimated" in err


def test_docx_needs_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = tmp_path / "p.tep"
    run(capsys, "new", project, "--transcript", EPISODE_TRANSCRIPT)
    code, _, err = run(capsys, "export", project, "--format", "docx")
    assert code == 2 and "binary format" in err
    out = tmp_path / "ep.docx"
    assert run(capsys, "export", project, "-o", out)[0] == 0
    assert out.read_bytes()[:2] == b"PK"


def test_export_without_any_format_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "p.tep"
    run(capsys, "new", project, "--transcript", EPISODE_TRANSCRIPT)
    code, _, err = run(capsys, "export", project)
    assert code == 2 and "--format" in err


def test_broken_file_in_a_named_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"segments": [\n{"body": }\n]}', encoding="utf-8")
    code, _, err = run(capsys, "new", tmp_path / "p.tep", "--transcript", bad, "--format", "json")
    assert code == 2 and f"{bad}:2: not valid JSON" in err
    assert not (tmp_path / "p.tep").exists()
