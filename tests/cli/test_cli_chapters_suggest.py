"""``chapters suggest``: suggestions printed for review, as JSON, and applied as one step."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from editor.core.project.store import ProjectStore
from tests.cli.running import run

PAGE = Path(__file__).parent.parent / "data" / "episode-page.txt"


@pytest.fixture
def episode(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A project from the episode page: its transcript (untimed) and its nine topics."""
    project = tmp_path / "episode.tep"
    assert run(capsys, "new", project)[0] == 0
    assert run(capsys, "shownotes", "import", project, PAGE)[0] == 0
    return project


def chapters(project: Path) -> list[tuple[int, str]]:
    with ProjectStore.open(project, readonly=True) as store:
        return [(c.start_ms, c.title) for c in store.chapters.all()]


def topic_rank(suggestion: dict[str, str]) -> int:
    """The topic's place on the sample page (its bullets start with these words)."""
    beginnings = ["why rto", "the absence", "how forced", "the hidden", "why hybrid", "the impact",
                  "how rto", "why this", "how execution"]  # fmt: skip
    topic = suggestion["topic"].lower()
    return next(i for i, b in enumerate(beginnings) if topic.startswith(b))


def test_suggestions_are_printed_for_review(
    episode: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = episode.read_bytes()
    code, out, _ = run(capsys, "chapters", "suggest", episode)
    assert code == 0
    assert "   0:00  The absence of evidence linking presence to productivity or ROI" in out
    assert "turn 13: And then I guess third is the, distrust…" in out
    assert "why: shares with the topic: undermining, trust; the next turn: forced, office" in out
    assert "≈3:26" in out and "≈: an estimated time" in out
    assert episode.read_bytes() == before and chapters(episode) == []

    code, out, _ = run(capsys, "chapter", "suggest", episode, "--json")
    found = json.loads(out)
    assert code == 0 and len(found) == 9
    assert found[0]["start_ms"] == 0 and found[0]["turn"] == 1
    assert [s["start_ms"] for s in found] == sorted(s["start_ms"] for s in found)
    assert found[2]["words"] == ["undermining", "trust"] and found[2]["estimated"] is True
    assert found[2]["topic"].startswith("how forced office returns")

    code, out, _ = run(capsys, "chapters", "suggest", episode, "--json", "--page-order")
    in_order = json.loads(out)
    assert code == 0 and in_order[0]["topic"].startswith("why RTO mandates")
    assert [s["topic"] for s in in_order] == [s["topic"] for s in sorted(found, key=topic_rank)]

    code, out, _ = run(capsys, "chapters", "suggest", episode, "--json", "--subjects")
    subjects = json.loads(out)
    assert code == 0 and subjects and not any(s["topic"] for s in subjects)
    assert subjects[0]["start_ms"] == 0 and "the first chapter" in subjects[0]["why"]


def test_apply_adds_them_as_one_step_and_never_overwrites_unasked(
    episode: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "chapters", "suggest", episode, "--apply")
    assert code == 0 and "added 9 chapters as one step" in out
    first = chapters(episode)
    assert len(first) == 9 and first[0] == (
        0,
        "The absence of evidence linking presence to productivity or ROI",
    )

    code, _, err = run(capsys, "chapters", "suggest", episode, "--apply")
    assert code == 2 and "already has 9 chapter(s); add --replace" in err
    assert chapters(episode) == first
    code, _, err = run(capsys, "chapters", "suggest", episode, "--replace")
    assert code == 2 and "go with --apply" in err

    code, out, err = run(capsys, "chapters", "suggest", episode, "--apply", "--keep", "--json")
    assert code == 0 and len(json.loads(out)) == 9  # standard output holds the JSON alone
    assert "added 0 chapters" in err and err.count("left out") == 9
    code, out, _ = run(capsys, "chapters", "suggest", episode, "--apply", "--replace")
    assert code == 0 and "replacing 9" in out and chapters(episode) == first

    assert run(capsys, "undo", episode)[0] == 0  # the replacement, whole
    assert chapters(episode) == first
    assert run(capsys, "undo", episode)[0] == 0  # the first suggestions, all at once
    assert chapters(episode) == []


def test_without_a_page_chapters_come_from_changes_of_subject(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "plain.tep"
    transcript = Path(__file__).parent.parent / "data" / "episode-transcript.txt"
    assert run(capsys, "new", project, "--transcript", transcript)[0] == 0
    code, out, _ = run(capsys, "chapters", "suggest", project, "--json")
    found = json.loads(out)
    assert code == 0 and len(found) >= 2 and found[0]["start_ms"] == 0
    assert all(s["topic"] is None and s["words"] for s in found)
    assert all("subject changes" in s["why"] for s in found[1:])
    gaps = [b["start_ms"] - a["start_ms"] for a, b in itertools.pairwise(found)]
    assert all(3 * 60_000 <= gap <= 8 * 60_000 for gap in gaps)
