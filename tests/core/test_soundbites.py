"""Soundbite tags: titles cut at a word boundary with a warning, lengths and the audio's end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from editor.cli import main
from editor.core.model import Clip
from editor.core.project.store import ProjectStore
from editor.core.soundbites import TITLE_MAX, cut_title, soundbite_tags
from editor.demo import ensure_demo_project

LONG = (
    "Why the people team cannot fix human debt alone and what every manager in the "
    "organisation has to do about it before the next engagement survey comes around again"
)


def test_a_long_title_is_cut_after_a_whole_word() -> None:
    assert len(LONG) > TITLE_MAX
    cut = cut_title(LONG)
    assert len(cut) <= TITLE_MAX and LONG.startswith(cut) and LONG[len(cut)] == " "
    assert cut.endswith("the next")
    assert cut_title("x" * 200) == "x" * 128  # one word longer than the limit
    assert cut_title("short") == "short"


def test_warnings_name_the_clip() -> None:
    clips = [
        Clip(1, 10_000, 40_000, LONG),
        Clip(2, 50_000, 55_000, "Too short"),
        Clip(3, 0, 240_000, "Past the end"),
    ]
    exported = soundbite_tags(clips, duration_ms=200_000)
    lines = str(exported.content).splitlines()
    assert f">{cut_title(LONG)}</podcast:soundbite>" in lines[0]
    assert lines[1].startswith('<podcast:soundbite startTime="50.000" duration="5.000">')
    warned = "\n".join(exported.warnings)
    assert "soundbite 1 (0:10): the title has 162 characters" in warned
    assert "soundbite 2 (0:50): lasts 5.0 s" in warned
    assert "soundbite 3 (0:00): lasts 240.0 s" in warned
    assert "soundbite 3 (0:00): ends at 4:00, after the end of the audio (3:20)" in warned
    assert sum("after the end" in w for w in exported.warnings) == 1
    assert soundbite_tags([Clip(1, 0, 30_000, "Fine")], 60_000).warnings == ()


def test_the_export_command_prints_the_warnings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = ensure_demo_project(tmp_path / "demo")
    with ProjectStore.open(project) as store:
        store.clips.add(Clip(0, 1_000, 4_000, LONG))
    capsys.readouterr()
    assert main(["export", str(project), "--format", "soundbites"]) == 0
    out, err = capsys.readouterr()
    assert cut_title(LONG) in out and "cut after a whole word" in err and "lasts 3.0 s" in err
    assert json.dumps(cut_title(LONG))  # plain text, fit for the tag
