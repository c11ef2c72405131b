"""Operations on turn text: edit in place, find, replace one, replace all."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from editor.core.changes import Changes
from editor.core.gc_pause import paused_gc
from editor.core.model import Turn
from editor.core.project.store import ProjectStore
from editor.core.search import SearchQuery
from editor.core.words import reconcile


@dataclass(frozen=True, slots=True)
class Match:
    turn_id: int
    start: int
    end: int


def edit_text(store: ProjectStore, turn_id: int, text: str) -> Changes:
    """Set a turn's text; word timings stay on the words that did not change."""
    with store.edit("Edit text") as session:
        turn = store.turn(turn_id)
        if text != turn.text:
            session.put_turn(replace(turn, text=text, words=reconcile(turn.words, text)), turn)
    return session.changes()


def find(store: ProjectStore, query: SearchQuery, speaker_id: int | None = None) -> list[Match]:
    """Every match in transcript order, optionally only in one speaker's turns."""
    return find_in(store.turns(), query, speaker_id)


def find_in(
    turns: Iterable[Turn], query: SearchQuery, speaker_id: int | None = None
) -> list[Match]:
    """``find`` over turns already in hand (the window's list holds them in memory)."""
    found: list[Match] = []
    for turn in turns:
        if speaker_id is None or turn.speaker_id == speaker_id:
            found.extend(Match(turn.id, a, b) for a, b in query.spans(turn.text))
    return found


def replace_match(
    store: ProjectStore, query: SearchQuery, match: Match, replacement: str
) -> Changes:
    """Replace one match (as found by ``find``) in its turn."""
    with store.edit("Replace") as session:
        turn = store.turn(match.turn_id)
        text = query.replace_at(turn.text, match.start, replacement)
        session.put_turn(replace(turn, text=text, words=reconcile(turn.words, text)))
        session.count = 1
    return session.changes()


def replace_all(
    store: ProjectStore,
    query: SearchQuery,
    replacement: str,
    speaker_id: int | None = None,
    turn_ids: Iterable[int] | None = None,
) -> Changes:
    """Replace every match, as one step; ``Changes.count`` is the number of replacements."""
    only = set(turn_ids) if turn_ids is not None else None
    query.compiled  # noqa: B018 - raise on a bad pattern before opening a transaction
    with store.edit("Replace all") as session, paused_gc():
        # Search the texts alone; read whole turns (with their words) only where text changes.
        for turn_id, turn_speaker, old_text in store.turn_texts():
            if speaker_id is not None and turn_speaker != speaker_id:
                continue
            if only is not None and turn_id not in only:
                continue
            text, count = query.replace(old_text, replacement)
            if count:
                session.count += count
                turn = store.turn(turn_id)
                new = replace(turn, text=text, words=reconcile(turn.words, text))
                session.put_turn(new, turn)
    return session.changes()
