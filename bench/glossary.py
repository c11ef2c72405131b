"""Glossary checking speed: a full scan of a ~100k-word transcript with 200 terms, and one turn.

Goals (issue 6): full scan < 200 ms, one turn < 2 ms, so highlighting never slows typing.
"""

from __future__ import annotations

import random
import statistics
import sys
import time

from bench.generate import long_transcript
from editor.core.glossary import GlossaryMatcher, scan
from editor.core.glossary.scan import issues
from editor.core.model import GlossaryTerm, Turn

BRAND_PARTS = [
    "Human",
    "Debt",
    "Empathy",
    "Architecture",
    "People",
    "Tech",
    "Execution",
    "Signal",
    "Cloud",
    "North",
    "Bright",
    "Harbor",
    "Vertex",
    "Quantum",
    "Maple",
    "River",
    "Summit",
    "Atlas",
    "Nimbus",
    "Orbit",
]


def glossary(count: int = 200, seed: int = 3) -> list[GlossaryTerm]:
    rng = random.Random(seed)
    names = {"Human Debt™", "Empathy Architecture™", "Execution Debt", "PeopleNotTech", "KPMG"}
    while len(names) < count:
        kind = rng.random()
        if kind < 0.5:
            name = f"{rng.choice(BRAND_PARTS)} {rng.choice(BRAND_PARTS)}"
        elif kind < 0.8:
            name = rng.choice(BRAND_PARTS) + rng.choice(BRAND_PARTS) + rng.choice(["", "™", "®"])
        else:
            name = "".join(rng.choice("ABCDEFGHKLMNPRSTVW") for _ in range(rng.randint(3, 5)))
        names.add(name)
    return [GlossaryTerm(i, name) for i, name in enumerate(sorted(names), 1)]


def main(size: int = 12_000) -> None:
    transcript = long_transcript(size)
    turns = [Turn(i, str(i), None, t.text) for i, t in enumerate(transcript.turns)]
    words = sum(len(t.text.split()) for t in turns)
    terms = glossary()
    started = time.perf_counter()
    matcher = GlossaryMatcher(terms)
    tag = f"[{size} turns]"
    elapsed = (time.perf_counter() - started) * 1000
    print(f"{tag} glossary: prepare {len(terms)} terms: {elapsed:.1f} ms")
    runs = []
    for _ in range(7):
        started = time.perf_counter()
        findings = scan(GlossaryMatcher(terms), turns)
        runs.append((time.perf_counter() - started) * 1000)
    print(
        f"{tag} glossary full scan, {words} words, {len(terms)} terms: best {min(runs):.0f} ms, "
        f"median {statistics.median(runs):.0f} ms "
        f"({len(issues(findings))} issues, {len(findings)} mentions)"
    )
    per_turn = []
    longest = sorted(turns, key=lambda t: len(t.text))[-200:]
    for turn in longest:
        started = time.perf_counter()
        matcher.check(turn.text + " x")  # a changed text: nothing cached
        per_turn.append((time.perf_counter() - started) * 1000)
    most = len(longest[-1].text.split())
    print(
        f"{tag} glossary check of one turn (200 longest, up to {most} words): "
        f"median {statistics.median(per_turn):.3f} ms, max {max(per_turn):.3f} ms"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 12_000)
