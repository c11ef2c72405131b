"""Realistic long transcripts for benchmarks: many turns, several speakers, word timings."""

from __future__ import annotations

import random
from pathlib import Path

from editor.core.model import Transcript, TranscriptTurn, Word
from tests.conftest import EPISODE_TRANSCRIPT

SPEAKERS = (
    "Duena Blomstrom",
    "Alessandria Polizzi",
    "Sam Okafor",
    "Priya Raman",
    "Lee Chen",
    "Marta Ruiz",
)


def _vocabulary() -> list[str]:
    return EPISODE_TRANSCRIPT.read_text(encoding="utf-8").split()


def long_transcript(
    turns: int = 12_000,
    speakers: int = 4,
    timed: bool = True,
    with_words: bool = True,
    seed: int = 7,
) -> Transcript:
    """About 8 words a turn (~100k words at 12k turns), times and word timings when asked."""
    rng = random.Random(seed)
    vocabulary = [w for w in _vocabulary() if w.rstrip(".,?!").isalpha()]
    clock = 0
    result = []
    for index in range(turns):
        count = max(1, int(rng.expovariate(1 / 8)))
        tokens = [rng.choice(vocabulary) for _ in range(count)]
        tokens[-1] = tokens[-1].rstrip(".,?!") + "."
        start = clock
        words = []
        for token in tokens:
            length = 180 + 40 * len(token)
            words.append(Word(token, clock, clock + length, round(rng.uniform(0.4, 1.0), 2)))
            clock += length + rng.randint(20, 120)
        end = clock
        clock += rng.randint(150, 1200)
        result.append(
            TranscriptTurn(
                SPEAKERS[index % speakers if rng.random() < 0.8 else rng.randrange(speakers)],
                " ".join(tokens),
                start if timed else None,
                end if timed else None,
                tuple(words) if timed and with_words else (),
            )
        )
    return Transcript(tuple(result))


def project_file(folder: Path | str, turns: int, speakers: int = 4) -> Path:
    """A project with a long transcript, made once per folder and size."""
    from editor.core.project.create import create_project

    path = Path(folder) / f"bench-{turns}.tep"
    if not path.exists():
        create_project(path, transcript=long_transcript(turns, speakers))
    return path
