"""Editing a long project: one edit made durable (p50/p99), replace-all, the follow lookup.

Goals (issue 10): an edit durable in p99 < 10 ms; the follow step < 1 ms. Prints one figure per
line; ``python -m bench.edits 12000``.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench.generate import project_file
from editor.core import ops
from editor.core.playback import TurnLocator
from editor.core.project.store import ProjectStore
from editor.core.search import SearchQuery


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main(turns: int = 12_000) -> None:
    folder = Path(tempfile.mkdtemp(prefix="bench-edits-"))
    project = project_file(folder, turns)
    rng = random.Random(5)
    with ProjectStore.open(project, snapshot=False) as store:
        listed = store.turns()
        ids = [t.id for t in listed]
        timings = []
        for number in range(400):
            turn_id = rng.choice(ids)
            text = store.turn(turn_id).text
            started = time.perf_counter()
            ops.edit_text(store, turn_id, f"{text} edit{number}")  # returns once on disk
            timings.append((time.perf_counter() - started) * 1000)
        print(
            f"[{turns} turns] one edit made durable (400 edits): "
            f"p50 {statistics.median(timings):.2f} ms, p99 {percentile(timings, 0.99):.2f} ms"
        )
        words = sum(len(t.text.split()) for t in listed)
        started = time.perf_counter()
        changes = ops.replace_all(store, SearchQuery("the", whole_word=True), "THE")
        elapsed = (time.perf_counter() - started) * 1000
        print(
            f"[{turns} turns] replace all over {words} words "
            f"({changes.count} replacements, {len(changes.turns_updated)} turns): {elapsed:.0f} ms"
        )
        started = time.perf_counter()
        ops.undo(store, changes)
        elapsed = (time.perf_counter() - started) * 1000
        print(f"[{turns} turns] undo that replace all: {elapsed:.0f} ms")
        starts = [t.start_ms for t in store.turns()]
        started = time.perf_counter()
        locator = TurnLocator(starts)
        build = (time.perf_counter() - started) * 1000
        end = max(s for s in starts if s is not None)
        positions = [rng.randrange(0, end) for _ in range(100_000)]
        started = time.perf_counter()
        for position in positions:
            locator.row_at(position)
        step = (time.perf_counter() - started) / len(positions) * 1_000_000
        print(
            f"[{turns} turns] follow lookup (position -> turn): {step:.2f} µs, index {build:.1f} ms"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 12_000)
