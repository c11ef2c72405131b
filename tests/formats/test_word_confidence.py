"""Word confidence survives import: every Whisper-family key, Podcasting 2.0, the project file.

The whisper-timestamped files are real recogniser output kept in ``../shared/corpora``; the tests
read them from there and skip when that folder is absent (they are never copied in here).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from editor.core.formats import read_transcript
from editor.core.formats.base import ImportOptions
from editor.core.formats.json_formats import read_p20, read_whisper
from editor.core.project.create import create_project
from editor.core.project.store import ProjectStore
from editor.core.textfile import DecodedText

SHARED = Path(__file__).resolve().parents[3] / "shared" / "corpora"
TIMESTAMPED = SHARED / "stt" / "whisper-timestamped"
P20_EXAMPLE = SHARED / "podcast-namespace" / "example.json"
TIMESTAMPED_FILES = sorted(TIMESTAMPED.glob("*.words.json")) if TIMESTAMPED.is_dir() else []


def _source(data: object, name: str = "t.json") -> DecodedText:
    return DecodedText(json.dumps(data), "utf-8", name)


def _raw_words(path: Path) -> list[dict[str, object]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [
        w
        for s in data["segments"]
        for w in s.get("words") or []
        if isinstance(w.get("text"), str) and w["text"].strip()
    ]


@pytest.mark.parametrize("key", ["probability", "score", "confidence"])
def test_each_whisper_family_key_gives_the_word_its_confidence(key: str) -> None:
    data = {
        "segments": [
            {
                "start": 0.0,
                "end": 1.0,
                "text": " Hello there",
                "words": [
                    {"text": " Hello", "start": 0.0, "end": 0.4, key: 0.25},
                    {"word": " there", "start": 0.5, "end": 1.0, key: 0.875},
                ],
            }
        ]
    }
    words = read_whisper(_source(data), ImportOptions()).turns[0].words
    assert [(w.text, w.start_ms, w.end_ms, w.confidence) for w in words] == [
        ("Hello", 0, 400, 0.25),
        ("there", 500, 1000, 0.875),
    ]


def test_a_word_without_confidence_takes_its_segments_and_nonsense_is_dropped() -> None:
    data = {
        "segments": [
            {
                "start": 0.0,
                "end": 2.0,
                "text": "a b c d",
                "confidence": 0.4,
                "words": [
                    {"text": "a", "start": 0.0, "end": 0.5},
                    {"text": "b", "start": 0.5, "end": 1.0, "confidence": True},
                    {"text": "c", "start": 1.0, "end": 1.5, "confidence": 7},
                    {"text": "d", "start": 1.5, "end": 2.0, "confidence": 0.9},
                ],
            }
        ]
    }
    words = read_whisper(_source(data), ImportOptions()).turns[0].words
    assert [w.confidence for w in words] == [0.4, 0.4, 0.4, 0.9]


def test_podcasting_2_word_segments_keep_a_confidence_when_they_carry_one() -> None:
    data = {
        "version": "1.0.0",
        "segments": [
            {"speaker": "A", "startTime": 0.5, "endTime": 0.75, "body": "I", "confidence": 0.2},
            {"speaker": "A", "startTime": 1.0, "endTime": 1.25, "body": "am"},
        ],
    }
    words = read_p20(_source(data), ImportOptions()).turns[0].words
    assert [(w.text, w.start_ms, w.end_ms, w.confidence) for w in words] == [
        ("I", 500, 750, 0.2),
        ("am", 1000, 1250, None),
    ]


@pytest.mark.skipif(not P20_EXAMPLE.is_file(), reason="../shared/corpora is not here")
def test_the_podcast_namespace_example_keeps_its_word_times() -> None:
    transcript = read_transcript(P20_EXAMPLE)
    words = [(w.text, w.start_ms, w.end_ms) for t in transcript.turns for w in t.words]
    assert words == [
        ("I", 500, 750),
        ("am", 1000, 1250),
        ("your", 1500, 2000),
        ("father.", 2250, 2500),
        ("Nooooo", 2750, 3000),
    ]
    # the example carries no confidence, and none is made up
    assert all(w.confidence is None for t in transcript.turns for w in t.words)


@pytest.mark.skipif(len(TIMESTAMPED_FILES) < 13, reason="../shared/corpora is not here")
def test_all_13_whisper_timestamped_files_keep_every_words_confidence() -> None:
    kept = 0
    for path in TIMESTAMPED_FILES:
        raw = _raw_words(path)
        words = [w for t in read_transcript(path).turns for w in t.words]
        assert [w.text for w in words] == [str(r["text"]).strip() for r in raw], path.name
        assert [w.confidence for w in words] == [r["confidence"] for r in raw], path.name
        kept += bool(words) and all(w.confidence is not None for w in words)
    assert kept == 13


@pytest.mark.skipif(len(TIMESTAMPED_FILES) < 13, reason="../shared/corpora is not here")
def test_confidence_survives_the_project_file(tmp_path: Path) -> None:
    path = TIMESTAMPED / "medium_auto_radio_short.mp3.words.json"
    raw = _raw_words(path)
    project = tmp_path / "radio.tep"
    create_project(project, transcript=read_transcript(path))
    with ProjectStore.open(project) as store:
        words = [w for t in store.turns() for w in t.words]
    assert len(words) == len(raw) == 61
    assert [w.confidence for w in words] == [r["confidence"] for r in raw]
    assert min(w.confidence or 1 for w in words) == pytest.approx(0.029)
