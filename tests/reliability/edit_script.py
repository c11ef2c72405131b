"""A long, deterministic series of edits for the crash harness, and a fingerprint of a project.

Step ``n`` of seed ``s`` always makes the same change to the same state, so the harness can
replay the steps a killed process acknowledged into a reference project and compare the two.
Every step is exactly one committed operation of the core, as the window would make it.
"""

from __future__ import annotations

import random
from typing import Any

from editor.core import ops
from editor.core.errors import EditError
from editor.core.model import Clip, TranscriptTurn
from editor.core.project.store import ProjectStore
from editor.core.search import SearchQuery

WORDS = [
    "human",
    "debt",
    "secret",
    "society",
    "workplace",
    "trauma",
    "leaders",
    "people",
    "care",
    "listen",
    "repair",
]
NAMES = ("Alessandria", "Thomas", "Guest", "Producer")


def _sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 12))) + f" (step {n})."


def apply_step(store: ProjectStore, seed: int, n: int) -> str:
    """Make edit ``n``; returns what it did. A step the core refuses changes nothing."""
    try:
        return _step(store, seed, n)
    except EditError as error:
        return f"refused: {error}"


def _step(store: ProjectStore, seed: int, n: int) -> str:
    rng = random.Random(seed * 1_000_003 + n)
    turns = store.turns()
    turn = turns[rng.randrange(len(turns))] if turns else None
    roll = rng.random()
    if turn is None or (len(turns) < 20 and roll < 0.5):
        count = rng.randint(1, 3)
        new = [TranscriptTurn(rng.choice(NAMES), _sentence(rng, n)) for _ in range(count)]
        ops.insert_turns(store, new, after_id=turn.id if turn else None)
        return f"insert {count}"
    if len(turns) > 120 and roll < 0.5:
        ops.delete_turns(store, [turn.id])
        return f"delete {turn.id} (shrinking)"
    if roll < 0.40:
        words = turn.text.split()
        words[rng.randrange(len(words))] = rng.choice(WORDS) if words else ""
        ops.edit_text(store, turn.id, " ".join(words) + f" e{n}")
        return f"edit text of {turn.id}"
    if roll < 0.50:
        ops.split_turn(store, turn.id, rng.randint(1, max(1, len(turn.text) - 1)))
        return f"split {turn.id}"
    if roll < 0.58 and turn is not turns[0]:
        ops.merge_with_previous(store, turn.id)
        return f"merge {turn.id}"
    if roll < 0.66:
        ids = [t.id for t in rng.sample(turns, min(len(turns), rng.randint(1, 4)))]
        ops.set_speaker(store, ids, rng.choice(NAMES))
        return f"set speaker of {ids}"
    if roll < 0.70:
        speaker = rng.choice(store.speakers())
        ops.rename_speaker(store, speaker.id, f"{speaker.name.split()[0]} {n}")
        return f"rename speaker {speaker.id}"
    if roll < 0.78:
        ops.mark_reviewed(store, [turn.id], rng.random() < 0.8)
        return f"review {turn.id}"
    if roll < 0.84:
        start = rng.randrange(0, 3_600_000)
        ops.set_times(store, turn.id, start_ms=start, end_ms=start + rng.randrange(500, 30_000))
        return f"times of {turn.id}"
    if roll < 0.89:
        ops.insert_turns(store, [TranscriptTurn(rng.choice(NAMES), _sentence(rng, n))], turn.id)
        return f"insert after {turn.id}"
    if roll < 0.92:
        ops.delete_turns(store, [turn.id])
        return f"delete {turn.id}"
    if roll < 0.95:
        start = rng.randrange(0, 3_000_000)
        store.clips.add(Clip(0, start, start + 15_000, title=f"Clip {n}", quote=turn.text[:80]))
        return "add clip"
    if roll < 0.98:
        store.glossary.add(f"Term {n}™", (f"term {n}",), note=f"step {n}")
        return "add glossary term"
    ops.bulk_step(store, "Before replace all", lambda s: ops.replace_all(s, _query(rng), "DEBT"))
    return "replace all"


def _query(rng: random.Random) -> SearchQuery:
    return SearchQuery(rng.choice(("debt", "people", "care")), whole_word=True)


def fingerprint(store: ProjectStore) -> dict[str, Any]:
    """Everything a user would miss: turns in order with speaker names, clips, glossary."""
    names = {s.id: s.name for s in store.speakers()}
    return {
        "turns": [
            (t.id, names.get(t.speaker_id or -1), t.text, t.start_ms, t.end_ms, t.reviewed)
            for t in store.turns()
        ],
        "speakers": sorted(names.items()),
        "clips": [(c.id, c.title, c.start_ms, c.end_ms, c.quote) for c in store.clips.all()],
        "glossary": [(g.id, g.term, g.variants, g.note) for g in store.glossary.terms()],
    }
