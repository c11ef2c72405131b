"""The bundled demo episode: the first ten paragraphs of the show, spoken, with exact times."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from platformdirs import user_data_dir

from editor import APP_NAME
from editor.core.formats import read_transcript
from editor.core.glossary.csv_io import read_glossary_csv
from editor.core.model import Transcript, TranscriptTurn
from editor.core.project.create import create_project
from editor.core.project.store import ProjectStore
from editor.resources import resource

DEMO_NAME = "Demo - Secret Society of Human Debt Fighters.tep"


def demo_transcript() -> Transcript:
    """The sample transcript with each turn's ground-truth start and end."""
    text = read_transcript(resource("demo", "sample10-transcript.txt"))
    truth = json.loads(resource("demo", "sample10-truth.json").read_text(encoding="utf-8"))
    return Transcript(
        tuple(
            TranscriptTurn(
                turn.speaker, turn.text, round(t["start"] * 1000), round(t["end"] * 1000)
            )
            for turn, t in zip(text.turns, truth["turns"], strict=True)
        )
    )


def ensure_demo_project(folder: Path | None = None) -> Path:
    """Create the demo project (and its audio) in the user's data folder, once; return its path."""
    folder = folder or Path(user_data_dir(APP_NAME, appauthor=False)) / "demo"
    project = folder / DEMO_NAME
    if project.exists():
        return project
    folder.mkdir(parents=True, exist_ok=True)
    media = folder / "sample10.mp3"
    if not media.exists():
        shutil.copy(resource("demo", "sample10.mp3"), media)
    create_project(
        project,
        title="Amazon's return-to-office mandate (demo: first ten paragraphs)",
        media=media,
        transcript=demo_transcript(),
    )
    with ProjectStore.open(project) as store:
        store.glossary.add_new_terms(read_glossary_csv(resource("glossary", "secret-society.csv")))
    return project
