"""Show notes, clips and chapters on the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from editor.core.audio_cut import media_duration_ms
from editor.demo import ensure_demo_project
from tests.cli.running import run

PAGE = Path(__file__).parent.parent / "data" / "episode-page.txt"
TRUTH = json.loads((Path(__file__).parent.parent / "data" / "sample10-truth.json").read_text())


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    return ensure_demo_project(tmp_path / "demo")


def test_page_import_into_an_empty_project_brings_the_transcript(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "p.tep"
    run(capsys, "new", project)
    code, out, _ = run(capsys, "shownotes", "import", project, PAGE)
    assert code == 0 and "9 topics" in out and "50 turns" in out
    info = json.loads(run(capsys, "info", project, "--json")[1])
    assert info["turns"] == 50
    assert info["title"].startswith("The Secret Society")
    code, out, _ = run(capsys, "glossary", "export", project)
    assert "Human Debt™" in out and "Empathy Architecture™" in out


def test_clip_add_list_and_cut(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "clip", "add", demo, "--turns", "6-7", "--title", "Panel")[0] == 0
    assert (
        run(capsys, "clip", "add", demo, "--start", "12.5", "--end", "30", "--tags", "a, b")[0] == 0
    )
    clips = json.loads(run(capsys, "clip", "list", demo, "--json")[1])
    assert clips[1]["start"] == pytest.approx(TRUTH["turns"][5]["start"], abs=0.001)
    assert clips[1]["end"] == pytest.approx(TRUTH["turns"][6]["end"], abs=0.001)
    assert clips[1]["speaker"] == "Alessandria Polizzi"
    assert clips[0] == {
        "id": 2,
        "start": 12.5,
        "end": 30.0,
        "title": "",
        "quote": "",
        "speaker": "",
        "tags": ["a", "b"],
        "note": "",
    }
    out = tmp_path / "panel.wav"
    assert run(capsys, "clip", "cut", demo, "--id", "1", "-o", out)[0] == 0
    expected = round((TRUTH["turns"][6]["end"] - TRUTH["turns"][5]["start"]) * 1000)
    assert abs(media_duration_ms(out) - expected) <= 50
    assert (
        run(capsys, "clip", "cut", demo, "--all", "--dir", tmp_path / "all", "--format", "ogg")[0]
        == 0
    )
    assert sorted(p.name for p in (tmp_path / "all").iterdir()) == ["001 Panel.ogg", "002 clip.ogg"]


def test_bad_clip_arguments(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = demo.read_bytes()
    for args in (
        ["--turns", "0-3"],
        ["--turns", "x"],
        ["--start", "5"],
        ["--start", "9", "--end", "2"],
    ):
        code, _, err = run(capsys, "clip", "add", demo, *args)
        assert code == 2 and err.count("\n") == 1
    assert demo.read_bytes() == before


def test_chapters_and_project_exports(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "chapter", "add", demo, "--turn", "1", "--title", "Welcome")
    run(
        capsys,
        "chapter",
        "add",
        demo,
        "--turn",
        "5",
        "--title",
        "Mandate",
        "--url",
        "https://a.example",
    )
    chapters = json.loads(run(capsys, "export", demo, "--format", "chapters")[1])
    assert [c["title"] for c in chapters["chapters"]] == ["Welcome", "Mandate"]
    assert chapters["chapters"][1]["startTime"] == pytest.approx(
        TRUTH["turns"][4]["start"], abs=0.001
    )
    run(capsys, "shownotes", "import", demo, PAGE)
    for kind in ("shownotes-md", "shownotes-html", "shownotes-txt"):
        code, out, _ = run(capsys, "export", demo, "--format", kind)
        assert code == 0 and "00:00:42 Mandate" in out
    assert run(capsys, "chapter", "add", demo, "--turn", "99", "--title", "x")[0] == 2
