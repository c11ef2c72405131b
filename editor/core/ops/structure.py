"""Operations that add, remove, split and merge turns."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from editor.core.changes import Changes
from editor.core.errors import EditError
from editor.core.model import Transcript, TranscriptTurn, Turn, Word
from editor.core.ordering import key_between, keys_between
from editor.core.project.edit_session import EditSession
from editor.core.project.store import ProjectStore
from editor.core.words import first_start, split_words


def split_turn(
    store: ProjectStore, turn_id: int, offset: int, playhead_ms: int | None = None
) -> Changes:
    """Split a turn at a character offset; the second part becomes a new turn after it.

    The new turn starts at its first timed word, else at ``playhead_ms`` when that falls inside
    the turn, else at a time interpolated from the offset.
    """
    with store.edit("Split turn") as session:
        turn = store.turn(turn_id)
        head, tail = turn.text[:offset].rstrip(), turn.text[offset:].lstrip()
        if not 0 < offset < len(turn.text) or not head or not tail:
            raise EditError(f"cannot split turn {turn_id} at offset {offset}: nothing on one side")
        head_words, tail_words = split_words(turn.words, turn.text, offset)
        split_ms = _split_time(turn, offset, tail_words, playhead_ms)
        following = store.next_turn(turn)
        session.put_turn(
            replace(turn, text=head, words=head_words, end_ms=split_ms or turn.end_ms), turn
        )
        session.insert_turn(
            replace(
                turn,
                position=key_between(turn.position, following.position if following else None),
                text=tail,
                words=tail_words,
                start_ms=split_ms,
            )
        )
    return session.changes()


def _split_time(
    turn: Turn, offset: int, tail_words: tuple[Word, ...], playhead_ms: int | None
) -> int | None:
    from_words = first_start(tail_words)
    if from_words is not None:
        return from_words
    start, end = turn.start_ms, turn.end_ms
    if playhead_ms is not None and _inside(playhead_ms, start, end):
        return playhead_ms
    if start is not None and end is not None and end > start:
        return start + round((end - start) * offset / len(turn.text))
    return None


def _inside(ms: int, start: int | None, end: int | None) -> bool:
    return (start is None or ms > start) and (end is None or ms < end)


def merge_with_previous(store: ProjectStore, turn_id: int) -> Changes:
    """Append a turn to the one before it (which keeps its speaker and start) and remove it."""
    with store.edit("Merge turns") as session:
        turn = store.turn(turn_id)
        previous = store.previous_turn(turn)
        if previous is None:
            raise EditError("the first turn has no previous turn to merge with")
        text = " ".join(part for part in (previous.text, turn.text) if part)
        merged = replace(
            previous,
            text=text,
            words=previous.words + turn.words,
            start_ms=previous.start_ms if previous.start_ms is not None else turn.start_ms,
            end_ms=turn.end_ms if turn.end_ms is not None else previous.end_ms,
            reviewed=previous.reviewed and turn.reviewed,
        )
        session.delete_turn(turn.id, turn)
        session.put_turn(merged, previous)
    return session.changes()


def insert_turns(
    store: ProjectStore,
    turns: Sequence[TranscriptTurn],
    after_id: int | None = None,
    label: str = "Insert turns",
) -> Changes:
    """Insert turns after ``after_id`` (at the end when None), creating speakers by name."""
    with store.edit(label) as session:
        _insert(store, session, turns, after_id)
    return session.changes()


def delete_turns(store: ProjectStore, turn_ids: Sequence[int]) -> Changes:
    with store.edit("Delete turns") as session:
        for turn_id in turn_ids:
            session.delete_turn(turn_id, store.turn(turn_id))
    return session.changes()


def replace_transcript(store: ProjectStore, transcript: Transcript) -> Changes:
    """Swap every turn for the imported ones; speakers left without turns are removed."""
    with store.edit("Replace transcript") as session:
        for turn in store.turns():
            session.delete_turn(turn.id, turn)
        _insert(store, session, transcript.turns, None)
        used = set(store.speaker_turn_counts())
        for speaker in store.speakers():
            if speaker.id not in used:
                session.delete_speaker(speaker.id)
    return session.changes()


def _insert(
    store: ProjectStore,
    session: EditSession,
    turns: Sequence[TranscriptTurn],
    after_id: int | None,
) -> None:
    if after_id is None:
        low, high = store.last_position(), None
    else:
        anchor = store.turn(after_id)
        following = store.next_turn(anchor)
        low, high = anchor.position, following.position if following else None
    speaker_ids: dict[str, int] = {}
    for position, draft in zip(keys_between(low, high, len(turns)), turns, strict=True):
        speaker_id = None
        if draft.speaker is not None:
            if draft.speaker not in speaker_ids:
                speaker_ids[draft.speaker] = session.speaker_named(draft.speaker).id
            speaker_id = speaker_ids[draft.speaker]
        session.insert_turn(
            Turn(
                id=0,
                position=position,
                speaker_id=speaker_id,
                text=draft.text,
                start_ms=draft.start_ms,
                end_ms=draft.end_ms,
                reviewed=draft.reviewed,
                words=draft.words,
            )
        )
