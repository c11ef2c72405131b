"""Alignment accuracy and speed: turn starts against the ground truth, and seconds taken.

Cases: the spoken sample (its own untimed transcript), the committed harder audio (12 turns:
music intro and outro, other voices and rates, overlaps, long inner pauses, a tone and noise bed,
a transcript that differs a little from the speech), and two longer harder files built on first
use in ``bench/out`` (40 turns, ~14 min; the whole episode and a bit more, ~20 min).
Goal: median and 90th percentile of start errors < 0.3 s and < 1 s; 20 minutes in < ~20 s.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

import numpy as np

from bench import hard_audio
from editor.core.align.aligner import align_file
from editor.core.formats import read_transcript

ROOT = Path(__file__).parent.parent
OUT = Path(__file__).parent / "out"


def _case(media: Path, texts: list[str], starts: list[float], name: str) -> list[float]:
    began = time.perf_counter()
    aligned = align_file(media, texts)
    seconds = time.perf_counter() - began
    errors = [abs(a.start_ms / 1000 - s) for a, s in zip(aligned, starts, strict=True) if a]
    duration = _duration(media)
    print(
        f"{name}: {len(texts)} turns, {duration / 60:.1f} min audio, aligned in {seconds:.1f} s; "
        f"start error median {statistics.median(errors):.3f} s, "
        f"p90 {float(np.percentile(errors, 90)):.3f} s, max {max(errors):.3f} s"
    )
    return errors


def _duration(media: Path) -> float:
    import av

    with av.open(str(media)) as container:
        return float(container.duration or 0) / 1_000_000


def _built(name: str, first: int, last: int) -> Path:
    media = OUT / f"{name}.ogg"
    if not media.exists():
        OUT.mkdir(exist_ok=True)
        hard_audio.write(hard_audio.build(first, last), OUT / name)
    return media


def main(quick: bool = False) -> None:
    truth = json.loads((ROOT / "tests/data/sample10-truth.json").read_text())["turns"]
    texts = [t.text for t in read_transcript(ROOT / "tests/data/sample10-transcript.txt").turns]
    all_errors: list[float] = []
    for suffix in ("mp3", "ogg"):
        _case(
            ROOT / f"resources/demo/sample10.{suffix}",
            texts,
            [t["start"] for t in truth],
            f"sample10.{suffix}",
        )
    cases = [(ROOT / "tests/data/hard/hard12.ogg", "hard12 (committed)")]
    if not quick:
        cases += [(_built("hard40", 10, 50), "hard40"), (_built("episode20", 0, 62), "episode20")]
    for media, name in cases:
        data = json.loads(media.with_suffix(".json").read_text())["turns"]
        all_errors += _case(media, [t["text"] for t in data], [t["start"] for t in data], name)
    print(
        f"harder audio, all turns: median {statistics.median(all_errors):.3f} s, "
        f"p90 {float(np.percentile(all_errors, 90)):.3f} s over {len(all_errors)} turns"
    )


if __name__ == "__main__":
    main(quick="--quick" in sys.argv)
