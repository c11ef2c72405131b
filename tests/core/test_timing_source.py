"""Where a turn's times came from is a ``TimingSource``, never None: a project file's NULL (what
files have always held for confirmed times) reads as CONFIRMED and CONFIRMED is written as NULL,
so old files open as they are, and a timing nothing changed is not written again."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from editor.core import ops
from editor.core.model import TimingSource
from editor.core.project.store import ProjectStore
from editor.core.session import ProjectSession


def _column(path: Path) -> list[str | None]:
    with sqlite3.connect(path) as conn:
        found = [r[0] for r in conn.execute("SELECT timing FROM turns ORDER BY position")]
    conn.close()
    return found


def test_old_values_map_to_the_enum_and_confirmed_is_stored_as_null(project_path: Path) -> None:
    with sqlite3.connect(project_path) as conn:  # as older versions and other programs wrote
        ids = [r[0] for r in conn.execute("SELECT id FROM turns ORDER BY position")][:4]
        for turn_id, value in zip(ids, (None, "confirmed", "aligned", "guessed"), strict=True):
            conn.execute("UPDATE turns SET timing = ? WHERE id = ?", (value, turn_id))
    conn.close()
    with ProjectStore.open(project_path) as store:
        read = [store.turn(i).timing for i in ids]
        assert read == [
            TimingSource.CONFIRMED,
            TimingSource.CONFIRMED,  # an older file's spelling of it
            TimingSource.ALIGNED,
            TimingSource.ESTIMATED,  # a word this version does not know: not trusted
        ]
        assert all(isinstance(t, TimingSource) for t in read)
    with ProjectSession.open(project_path, snapshot=False) as session:
        for turn_id in ids:  # each turn changed and changed back: its timing left as it was
            session.run(lambda s, t=turn_id: ops.edit_text(s, t, "Rewritten."))
            session.undo()
        assert _column(project_path)[:4] == [None, "confirmed", "aligned", "guessed"]
        for number, turn_id in enumerate(ids[2:]):  # times set by a person: stored as NULL
            session.run(lambda s, t=turn_id, n=number: ops.set_times(s, t, start_ms=n * 1000))
    assert _column(project_path)[:4] == [None, "confirmed", None, None]


def test_setting_times_confirms_them_and_an_estimate_says_so(project_path: Path) -> None:
    with ProjectSession.open(project_path, snapshot=False) as session:
        turns = session.store.turns()
        session.run(lambda s: ops.set_times(s, turns[0].id, start_ms=None, end_ms=None))
        session.run(ops.estimate_missing_times)
        estimated = session.store.turn(turns[0].id)
        assert estimated.timing is TimingSource.ESTIMATED and not estimated.is_confirmed
        session.run(lambda s: ops.confirm_times(s, [turns[0].id]))
        confirmed = session.store.turn(turns[0].id)
        assert confirmed.timing is TimingSource.CONFIRMED and confirmed.is_confirmed
        session.run(lambda s: ops.set_times(s, turns[1].id, start_ms=None, end_ms=None))
        untimed = session.store.turn(turns[1].id)
        assert untimed.timing is TimingSource.CONFIRMED and not untimed.is_confirmed
    assert _column(project_path)[:2] == [None, None]
