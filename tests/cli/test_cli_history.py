"""``history``, ``undo`` and ``redo`` on the command line: the project's own history."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from editor.core.project.store import ProjectStore
from tests.cli.running import run
from tests.conftest import EPISODE_TRANSCRIPT


def _texts(project: Path) -> list[str]:
    with ProjectStore.open(project, readonly=True) as store:
        return [t.text for t in store.turns()]


@pytest.fixture
def project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "ep.tep"
    assert run(capsys, "new", path, "--transcript", EPISODE_TRANSCRIPT)[0] == 0
    return path


def test_replace_then_history_undo_redo_round_trip(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    original = _texts(project)
    code, out, _ = run(capsys, "replace", project, "the", "THE", "--whole-word")
    assert code == 0 and int(out) > 10
    replaced = _texts(project)
    code, out, _ = run(capsys, "history", project)
    assert code == 0
    first = out.splitlines()[0]
    assert "(command line)" in first and "Replace all (" in first and "(undone)" not in first
    assert "1 step(s) to undo, 0 to redo" in out

    code, out, _ = run(capsys, "undo", project)
    assert code == 0 and out.startswith("undid 'Replace all (")
    assert _texts(project) == original
    code, out, _ = run(capsys, "history", project, "--json")
    [step] = json.loads(out)["steps"]
    assert step["undone"] and step["origin"] == "command line"

    code, out, _ = run(capsys, "redo", project)
    assert code == 0 and out.startswith("redid 'Replace all (")
    assert _texts(project) == replaced
    code, _, err = run(capsys, "redo", project)
    assert code == 2 and "nothing to redo" in err


def test_every_write_of_the_command_line_is_a_step(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "clip", "add", project, "--start", "1", "--end", "4", "--title", "T")[0] == 0
    assert run(capsys, "import", project, EPISODE_TRANSCRIPT)[0] == 0
    assert run(capsys, "glossary", "rule", project, "first")[0] == 0
    _, out, _ = run(capsys, "history", project, "--json")
    labels = [s["label"] for s in json.loads(out)["steps"]]
    assert labels == ["New clip", "Import transcript", "Change the ™ rule"]
    for _ in labels:
        assert run(capsys, "undo", project)[0] == 0
    with ProjectStore.open(project, readonly=True) as store:
        assert store.clips.all() == [] and store.turn_count() == 50
        assert store.glossary.mark_rule() == "every"


def test_the_history_can_be_bounded_and_cleared(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for old, new in (("the", "THE"), ("THE", "the"), ("the", "THE")):
        run(capsys, "replace", project, old, new, "--whole-word", "--case-sensitive")
    _, out, _ = run(capsys, "history", project, "--limit", "2")
    assert "2 step(s) to undo" in out and "keeps the newest 2" in out
    _, out, _ = run(capsys, "history", project, "--clear")
    assert "0 step(s) to undo, 0 to redo" in out
    code, _, err = run(capsys, "undo", project)
    assert code == 2 and "nothing to undo" in err
