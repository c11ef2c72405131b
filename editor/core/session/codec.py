"""How a history step is kept in the project file: compact JSON, compressed.

A turn is a list in ``rows.TURN_COLUMNS`` order; an after-state of a turn that existed before
keeps only the columns that differ (by index), so a replace all stores each turn's text and
words twice but its times, speaker and place once. Record states keep their columns and rows.
"""

from __future__ import annotations

import json
import zlib
from typing import Any

from editor.core.changes import Changes, RowStates
from editor.core.model import Speaker, Turn
from editor.core.project import rows
from editor.core.project.record_history import RecordChange, RecordKind, RecordState

_TURN_COLUMNS = tuple(c.strip() for c in rows.TURN_COLUMNS.split(","))
FORMAT = 1


def encode(changes: Changes, records: tuple[RecordChange, ...]) -> bytes:
    turns = [
        _turn_pair(turn_id, changes.before.turns.get(turn_id), turn)
        for turn_id, turn in changes.after.turns.items()
    ]
    speakers = [
        [speaker_id, _speaker(changes.before.speakers.get(speaker_id)), _speaker(speaker)]
        for speaker_id, speaker in changes.after.speakers.items()
    ]
    payload = {
        "v": FORMAT,
        "t": turns,
        "s": speakers,
        "r": [[r.label, _state(r.before), _state(r.after)] for r in records],
    }
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return zlib.compress(text.encode("utf-8"), 6)


def decode(label: str, count: int, blob: bytes) -> tuple[Changes, tuple[RecordChange, ...]]:
    payload = json.loads(zlib.decompress(blob).decode("utf-8"))
    before_turns: dict[int, Turn | None] = {}
    after_turns: dict[int, Turn | None] = {}
    for turn_id, before, after in payload["t"]:
        old = _row_turn(before)
        before_turns[turn_id] = old
        if isinstance(after, dict) and before is not None:
            merged = list(before)
            for index, value in after.items():
                merged[int(index)] = value
            after_turns[turn_id] = _row_turn(merged)
        else:
            after_turns[turn_id] = _row_turn(after)
    before_speakers = {i: _row_speaker(i, b) for i, b, _ in payload["s"]}
    after_speakers = {i: _row_speaker(i, a) for i, _, a in payload["s"]}
    changes = Changes(
        label,
        RowStates(before_turns, before_speakers),
        RowStates(after_turns, after_speakers),
        count,
    )
    records = tuple(
        RecordChange(name, _row_state(before), _row_state(after))
        for name, before, after in payload["r"]
    )
    return changes, records


def _turn_row(turn: Turn | None) -> list[Any] | None:
    if turn is None:
        return None
    row = rows.turn_to_row(turn)
    return [row[c] for c in _TURN_COLUMNS]


def _turn_pair(turn_id: int, before: Turn | None, after: Turn | None) -> list[Any]:
    old, new = _turn_row(before), _turn_row(after)
    if old is None or new is None:
        return [turn_id, old, new]
    diff = {str(i): value for i, value in enumerate(new) if value != old[i]}
    return [turn_id, old, diff]


def _row_turn(values: list[Any] | None) -> Turn | None:
    if values is None:
        return None
    return rows.turn_from_row(dict(zip(_TURN_COLUMNS, values, strict=True)))


def _speaker(speaker: Speaker | None) -> list[Any] | None:
    return None if speaker is None else [speaker.name, speaker.color]


def _row_speaker(speaker_id: int, values: list[Any] | None) -> Speaker | None:
    return None if values is None else Speaker(speaker_id, values[0], values[1])


def _state(state: RecordState) -> dict[str, Any]:
    return {
        "k": state.kind,
        "c": list(state.columns),
        "r": [list(r) for r in state.rows],
        "i": [list(i) for i in state.ignores],
        "m": [list(m) for m in state.meta],
    }


def _row_state(values: dict[str, Any]) -> RecordState:
    kind: RecordKind = values["k"]
    return RecordState(
        kind,
        tuple(values["c"]),
        tuple(tuple(r) for r in values["r"]),
        tuple((int(i[0]), str(i[1])) for i in values["i"]),
        tuple((str(m[0]), m[1]) for m in values["m"]),
    )
