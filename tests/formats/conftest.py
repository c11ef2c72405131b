"""Helpers for the format tests: the corpus folder and a timed transcript with known answers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from editor.core.formats import read_transcript
from editor.core.model import Transcript, TranscriptTurn

CORPUS = Path(__file__).parent.parent / "data" / "formats"
TRUTH = Path(__file__).parent.parent / "data" / "sample10-truth.json"


def corpus(name: str) -> Path:
    return CORPUS / name


def rows(transcript: Transcript) -> list[tuple[str | None, str, int | None, int | None]]:
    return [(t.speaker, t.text, t.start_ms, t.end_ms) for t in transcript.turns]


def read(name: str, **options: object) -> Transcript:
    from editor.core.formats import ImportOptions

    return read_transcript(corpus(name), options=ImportOptions(**options))  # type: ignore[arg-type]


@pytest.fixture
def timed_sample() -> Transcript:
    """The ten spoken paragraphs with their ground-truth times (two speakers)."""
    truth = json.loads(TRUTH.read_text(encoding="utf-8"))
    return Transcript(
        tuple(
            TranscriptTurn(
                t["speaker"], t["text"], round(t["start"] * 1000), round(t["end"] * 1000)
            )
            for t in truth["turns"]
        )
    )
