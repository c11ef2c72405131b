"""Chapter suggestion speed on long transcripts: with the sample page's nine topics (scoring and
the ordered placement) and without topics (similarity dips), timed and untimed.

``python -m bench.chapters [TURNS]``; the suggestions are made as ``chapters suggest`` makes them.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from bench.generate import long_transcript
from editor.core.chapter_suggest import suggest_for
from editor.core.episode_page import read_episode_page
from editor.core.model import Turn
from editor.core.textfile import read_text

PAGE = Path(__file__).parent.parent / "tests" / "data" / "episode-page.txt"


def main(size: int = 12_000) -> None:
    topics = read_episode_page(read_text(PAGE)).meta.topics
    for timed in (True, False):
        transcript = long_transcript(size, timed=timed, with_words=False)
        turns = [
            Turn(i + 1, f"{i:06d}", None, t.text, t.start_ms, t.end_ms)
            for i, t in enumerate(transcript.turns)
        ]
        for label, wanted in ((f"{len(topics)} topics", topics), ("no topics", ())):
            runs = []
            for _ in range(3):
                started = time.perf_counter()
                found = suggest_for(turns, wanted)
                runs.append((time.perf_counter() - started) * 1000)
            kind = "timed" if timed else "untimed"
            print(
                f"[{size} turns] chapter suggestions, {label}, {kind}: best {min(runs):.0f} ms "
                f"({len(found)} chapters)"
            )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 12_000)
