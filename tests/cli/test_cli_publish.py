"""``transcript-editor publish``: the sample episode published from the command line, what it
prints, its refusals (exit 2, one line naming the file), and the project left untouched."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from editor.cli import main
from tests.cli.running import run
from tests.core.podcast_rules import validate_item

PAGE = Path(__file__).parent.parent / "data" / "episode-page.txt"  # ../shared/samples' page


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_publish_prints_what_it_wrote_and_what_to_know(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "ep.tep"
    run(capsys, "new", project)
    run(capsys, "shownotes", "import", project, PAGE)
    run(capsys, "clip", "add", project, "--start", "12.5", "--end", "40", "--title", "Floored")
    before = _digest(project)
    out_dir = tmp_path / "site"
    code, out, err = run(
        capsys, "publish", project, "--dir", out_dir, "--base-url", "https://cdn.example.com/e5"
    )
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == f"Published 9 files to {out_dir}:"
    assert lines[1].startswith("  transcript.vtt  WebVTT captions, ") and lines[1].endswith(
        " bytes"
    )
    assert [line.split()[0] for line in lines[1:]] == [
        "transcript.vtt",
        "transcript.srt",
        "transcript.json",
        "transcript.html",
        "shownotes.html",
        "shownotes.md",
        "shownotes.txt",
        "soundbites.xml",
        "rss-item.xml",
    ]
    # untimed turns: the estimate is said for each timed format, naming the file
    assert f"warning: {out_dir / 'transcript.vtt'}: 50 turn(s) had no times" in err
    assert "note: no chapters: chapters.json, youtube.txt and <podcast:chapters> left out" in err
    assert "by their names alone" not in err
    item = (out_dir / "rss-item.xml").read_text(encoding="utf-8")
    assert validate_item(item, absolute_urls=True).errors == []
    assert 'url="https://cdn.example.com/e5/transcript.vtt"' in item
    assert _digest(project) == before  # publishing only reads the project


def test_publish_without_a_base_url_says_the_urls_are_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "ep.tep"
    run(capsys, "new", project)
    run(capsys, "shownotes", "import", project, PAGE)
    code, _out, err = run(capsys, "publish", project, "--dir", tmp_path / "site")
    assert code == 0
    assert "note: rss-item.xml links the files by their names alone" in err
    item = (tmp_path / "site" / "rss-item.xml").read_text(encoding="utf-8")
    assert validate_item(item, absolute_urls=False).errors == []


def test_refusals_are_one_line_naming_what_is_wrong(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "ep.tep"
    run(capsys, "new", project)
    run(capsys, "shownotes", "import", project, PAGE)
    site = tmp_path / "site"
    code, out, err = run(
        capsys, "publish", project, "--dir", site, "--base-url", "http://x.example"
    )
    assert (code, out) == (2, "")
    assert err.startswith("transcript-editor: base URL 'http://x.example': give the https:")
    assert len(err.splitlines()) == 1 and not site.exists()
    (site / "transcript.html").mkdir(parents=True)
    code, _out, err = run(capsys, "publish", project, "--dir", site)
    assert code == 2
    assert f"{site / 'transcript.html'}: a folder has this name; nothing was written" in err
    assert [p.name for p in site.iterdir()] == ["transcript.html"]
    code, _out, err = run(capsys, "publish", tmp_path / "missing.tep", "--dir", site)
    assert code == 2 and "missing.tep" in err
    with pytest.raises(SystemExit) as usage:  # --dir is required: argparse's usage error
        main(["publish", str(project)])
    assert usage.value.code == 2
