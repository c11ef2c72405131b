"""Caption cues join into turns at speaker changes and pauses, never at a hidden length limit.

The Podcasting 2.0 example SRT (in ``../shared/corpora``; skipped when absent) labels each of its
10 paragraphs with the speaker: it gives 10 turns, and 12 only when ``--max-turn-chars 1500``
asks for long turns to be cut at a sentence end.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from editor.cli import main
from editor.core.formats import ImportOptions, read_transcript
from editor.core.formats.base import Cue
from editor.core.formats.grouping import group

EXAMPLE = Path(__file__).resolve().parents[3] / "shared/corpora/podcast-namespace/example.srt"
needs_example = pytest.mark.skipif(not EXAMPLE.is_file(), reason="../shared/corpora is not here")


def _monologue(cues: int) -> list[Cue]:
    sentence = "This sentence is forty characters long."
    return [Cue(i, i * 1000, i * 1000 + 1000, sentence, "Ann") for i in range(cues)]


def test_a_long_monologue_without_pauses_stays_one_turn() -> None:
    (turn,) = group(_monologue(100), ImportOptions())
    assert len(turn.text) > 3900


def test_max_turn_chars_cuts_at_the_first_sentence_end_past_the_limit() -> None:
    turns = group(_monologue(100), ImportOptions(max_turn_chars=1000))
    assert len(turns) == 4
    assert [len(t.text) for t in turns] == [999, 999, 999, 999]  # 25 cues and their spaces
    assert [t.start_ms for t in turns] == [0, 25_000, 50_000, 75_000]


@needs_example
def test_the_podcasting_example_gives_one_turn_per_labelled_paragraph() -> None:
    turns = read_transcript(EXAMPLE).turns
    assert len(turns) == 10
    assert [t.speaker for t in turns][:3] == ["Travis", "Sarah", "Travis"]
    assert len(read_transcript(EXAMPLE, options=ImportOptions(max_turn_chars=1500)).turns) == 12


@needs_example
def test_the_command_line_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = tmp_path / "p.tep"
    assert main(["new", str(project), "--transcript", str(EXAMPLE)]) == 0
    assert (
        main(["import", str(project), str(EXAMPLE), "--replace", "--max-turn-chars", "1500"]) == 0
    )
    capsys.readouterr()
    assert main(["info", str(project), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["turns"] == 12
    assert main(["import", str(project), str(EXAMPLE), "--replace", "--max-turn-chars", "0"]) == 2
    assert "--max-turn-chars must be at least 1" in capsys.readouterr().err
