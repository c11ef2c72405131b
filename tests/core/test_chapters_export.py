"""Podcasting 2.0 chapters: the first at 0, endTime on all or none, no two at one start,
podcastName and author from the project, and ``toc`` settable from the command line."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from editor.cli import main
from editor.core.chapters import chapter_lines, chapters_json
from editor.core.errors import EditError
from editor.core.model import Chapter, EpisodeMeta, Person
from editor.core.project.store import ProjectStore
from editor.demo import ensure_demo_project


def _json(chapters: list[Chapter], duration_ms: int | None = None) -> dict[str, object]:
    data: dict[str, object] = json.loads(str(chapters_json(chapters, duration_ms).content))
    return data


def _starts_and_ends(data: dict[str, object]) -> list[tuple[float, float | None]]:
    items = data["chapters"]
    assert isinstance(items, list)
    return [(c["startTime"], c.get("endTime")) for c in items]


def test_a_first_chapter_within_a_second_starts_at_zero() -> None:
    data = _json([Chapter(1, 30, "Welcome"), Chapter(2, 42_550, "Mandate")], 168_881)
    assert _starts_and_ends(data) == [(0.0, 42.55), (42.55, 168.881)]


def test_a_later_first_chapter_begins_at_zero_with_a_warning_and_the_notes_agree() -> None:
    chapters = [Chapter(2, 42_550, "Mandate"), Chapter(3, 90_000, "Next")]
    exported = chapters_json(chapters, 168_881)
    data = json.loads(str(exported.content))
    assert [(c["startTime"], c["title"]) for c in data["chapters"]] == [
        (0.0, "Mandate"),
        (90.0, "Next"),
    ]
    assert chapter_lines(chapters) == [("00:00:00", "Mandate"), ("00:01:30", "Next")]
    assert len(exported.warnings) == 1 and "'Mandate', is marked at 0:42" in exported.warnings[0]


def test_end_times_on_every_chapter_or_on_none() -> None:
    chapters = [Chapter(1, 0, "A"), Chapter(2, 10_000, "B"), Chapter(3, 20_000, "C")]
    assert [end for _, end in _starts_and_ends(_json(chapters, 30_000))] == [10.0, 20.0, 30.0]
    assert [end for _, end in _starts_and_ends(_json(chapters))] == [None, None, None]
    past_the_end = chapters_json(chapters, 15_000)
    assert "endTime" not in str(past_the_end.content)
    assert "after the end of the audio" in past_the_end.warnings[0]


def test_two_chapters_at_one_start_are_refused(tmp_path: Path) -> None:
    with pytest.raises(EditError, match="'A' and 'B' both start at 0:10"):
        chapters_json([Chapter(1, 10_000, "A"), Chapter(2, 10_000, "B")])
    project = ensure_demo_project(tmp_path / "demo")
    with ProjectStore.open(project) as store:
        first = store.chapters.add(Chapter(0, 10_000, "A"))
        with pytest.raises(EditError, match="'A' already starts at 0:10"):
            store.chapters.add(Chapter(0, 10_000, "B"))
        second = store.chapters.add(Chapter(0, 20_000, "B"))
        with pytest.raises(EditError, match="already starts"):
            store.chapters.update(replace(second, start_ms=10_000))
        store.chapters.update(replace(first, title="A again"))  # its own start is fine
        assert [c.title for c in store.chapters.all()] == ["A again", "B"]


def test_podcast_name_author_and_toc_from_the_project(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = ensure_demo_project(tmp_path / "demo")
    with ProjectStore.open(project) as store:
        store.set_episode(
            replace(
                store.episode(),
                title="Episode 12",
                show="Human Debt™ Fighters",
                people=(
                    Person("Alessandria Polizzi", "host"),
                    Person("Duena Blomstrom", "host"),
                    Person("A Guest", "guest"),
                ),
            )
        )
    assert main(["chapter", "add", str(project), "--turn", "1", "--title", "Welcome"]) == 0
    args = ["chapter", "add", str(project), "--turn", "5", "--title", "Ad", "--no-toc"]
    assert main(args) == 0
    capsys.readouterr()
    assert main(["export", str(project), "--format", "chapters"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["title"] == "Episode 12"
    assert data["podcastName"] == "Human Debt™ Fighters"
    assert data["author"] == "Alessandria Polizzi, Duena Blomstrom"
    assert data["chapters"][0]["startTime"] == 0
    assert [c.get("toc", True) for c in data["chapters"]] == [True, False]
    assert main(["chapter", "list", str(project), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [c["toc"] for c in listed] == [True, False]
    assert main(["chapter", "toc", str(project), str(listed[1]["id"]), "yes"]) == 0
    assert main(["chapter", "toc", str(project), "999", "no"]) == 2
    capsys.readouterr()
    assert main(["export", str(project), "--format", "chapters"]) == 0
    assert "toc" not in json.loads(capsys.readouterr().out)["chapters"][1]
    assert main(["chapter", "add", str(project), "--turn", "1", "--title", "Again"]) == 2
    assert "already starts at" in capsys.readouterr().err


def test_no_podcast_fields_when_the_project_has_none() -> None:
    data = _json([Chapter(1, 0, "Only")])
    assert set(data) == {"version", "chapters"}
    assert EpisodeMeta().show == ""
