"""``check`` and ``glossary`` on the command line, against the sample episode."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.running import run
from tests.conftest import EPISODE_TRANSCRIPT

GLOSSARY = "term,variants,note\nHuman Debt™,,framework\nKPMG,,auditor\nExecution Debt,,\n"


@pytest.fixture
def project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "ep.tep"
    assert run(capsys, "new", path, "--transcript", EPISODE_TRANSCRIPT)[0] == 0
    return path


def test_check_with_a_csv_glossary_lists_the_findings(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv_file = tmp_path / "g.csv"
    csv_file.write_text(GLOSSARY, encoding="utf-8")
    before = project.read_bytes()
    code, out, _ = run(capsys, "check", project, "--glossary", csv_file, "--json")
    assert code == 0
    findings = json.loads(out)
    assert [(f["turn"], f["found"], f["class"], f["suggestion"]) for f in findings] == [
        (2, "Human Death", "suspect", "Human Debt™"),
        (32, "human debt", "style", "Human Debt™"),
        (40, "KPNG", "suspect", "KPMG"),
    ]
    assert {"offset", "score"} <= set(findings[0])
    assert project.read_bytes() == before


def test_glossary_import_export_rule_and_export_applies_marks(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv_file = tmp_path / "g.csv"
    csv_file.write_text(GLOSSARY, encoding="utf-8")
    assert run(capsys, "glossary", "import", project, csv_file)[0] == 0
    code, out, _ = run(capsys, "glossary", "export", project)
    assert code == 0 and out.splitlines()[0] == "term,variants,note"
    assert "Human Debt™,,framework" in out
    code, out, _ = run(capsys, "check", project)
    assert code == 0 and out.count("\n") == 3
    run(capsys, "replace", project, "Human Death", "Human Debt")
    exported = tmp_path / "t.txt"
    run(capsys, "export", project, "-o", exported)
    assert "Human Debt™ Fighters" in exported.read_text(encoding="utf-8")
    assert run(capsys, "glossary", "rule", project, "first")[0] == 0


def test_bad_glossary_csv_exits_2_with_file_and_line(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("term,variants,note\n,x,y\n", encoding="utf-8")
    before = project.read_bytes()
    code, _, err = run(capsys, "glossary", "import", project, bad)
    assert code == 2 and f"{bad}:2:" in err
    assert project.read_bytes() == before
