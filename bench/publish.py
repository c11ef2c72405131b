"""Publishing an episode (``transcript-editor publish``): how long it takes at N turns, and how
much of it the window's thread would carry if it read the project itself.

Prints ``name: value unit`` lines, best of several runs, with the CPU time beside the clock's
(the machine is shared). The project gets 20 chapters and 5 clips, so every file is written.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.generate import project_file
from editor.core.model import Chapter, Clip
from editor.core.project.store import ProjectStore
from editor.core.publish import plan_publication, publish_project


def best(action: Callable[[], object], repeat: int = 3) -> tuple[float, float]:
    """(wall ms, CPU ms) of the quickest run."""
    runs = []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        action()
        runs.append(((time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000))
    return min(runs)


def main(turns: int = 12_000) -> None:
    tag = f"[{turns} turns]"
    with tempfile.TemporaryDirectory(prefix="bench-publish-") as folder:
        project = project_file(folder, turns)
        with ProjectStore.open(project) as store:
            end = store.turns(with_words=False)[-1].end_ms or 0
            for number in range(20):
                store.chapters.add(Chapter(0, end * number // 20, f"Chapter {number + 1}"))
            for number in range(5):
                start = end * (2 * number + 1) // 10
                store.clips.add(Clip(0, start, start + 30_000, f"Clip {number + 1}"))
        out = Path(folder) / "out"
        publication = publish_project(project, out, "https://cdn.example.com/ep")
        size = sum(s for _path, _what, s in publication.files)
        print(f"{tag} publish: {len(publication.files)} files, {size / 1e6:.1f} MB")
        wall, cpu = best(lambda: publish_project(project, out, "https://cdn.example.com/ep"))
        print(f"{tag} publish, all of it (read, render, write): {wall:.0f} ms ({cpu:.0f} ms CPU)")
        with ProjectStore.open(project, readonly=True) as store:
            wall, cpu = best(lambda: plan_publication(store, out, None))
        print(
            f"{tag} publish, reading the project and the small pieces (what the window's "
            f"thread does under an exclusive lock): {wall:.0f} ms ({cpu:.0f} ms CPU)"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 12_000)
