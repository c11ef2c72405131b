"""Operations on speakers: assign turns, rename everywhere, merge two into one."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from editor.core.changes import Changes
from editor.core.errors import EditError
from editor.core.project.store import ProjectStore


def clean_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise EditError("a speaker name cannot be empty")
    return cleaned


def set_speaker(store: ProjectStore, turn_ids: Iterable[int], name: str | None) -> Changes:
    """Give the turns the speaker called ``name`` (created if new), or no speaker for None."""
    with store.edit("Set speaker") as session:
        speaker_id = session.speaker_named(clean_name(name)).id if name is not None else None
        for turn_id in turn_ids:
            turn = store.turn(turn_id)
            if turn.speaker_id != speaker_id:
                session.put_turn(replace(turn, speaker_id=speaker_id), turn)
                session.count += 1
    return session.changes()


def rename_speaker(store: ProjectStore, speaker_id: int, new_name: str) -> Changes:
    """Rename a speaker; every turn of theirs shows the new name."""
    with store.edit("Rename speaker") as session:
        speaker = store.speaker(speaker_id)
        name = clean_name(new_name)
        other = store.speaker_by_name(name)
        if other is not None and other.id != speaker_id:
            raise EditError(f"a speaker named {name!r} already exists; merge the two instead")
        if name != speaker.name:
            session.put_speaker(replace(speaker, name=name))
            session.count = store.speaker_turn_counts().get(speaker_id, 0)
    return session.changes()


def merge_speakers(store: ProjectStore, source_id: int, target_id: int) -> Changes:
    """Move every turn of ``source`` to ``target`` and remove ``source``."""
    if source_id == target_id:
        raise EditError("cannot merge a speaker into itself")
    with store.edit("Merge speakers") as session:
        store.speaker(target_id)
        store.speaker(source_id)
        for turn in store.turns():
            if turn.speaker_id == source_id:
                session.put_turn(replace(turn, speaker_id=target_id), turn)
                session.count += 1
        session.delete_speaker(source_id)
    return session.changes()
