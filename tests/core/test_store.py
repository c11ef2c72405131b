"""The project file: creation, pragmas, durability, order, and refusing what it must not open."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from editor import __version__
from editor.core import ops
from editor.core.errors import ProjectError
from editor.core.model import TranscriptTurn
from editor.core.project.schema import APPLICATION_ID, MIGRATION_NAMES, SCHEMA_VERSION, migrations
from editor.core.project.store import ProjectStore


def test_new_project_has_schema_meta_and_pragmas(tmp_path: Path) -> None:
    path = tmp_path / "new.tep"
    with ProjectStore.create(path, title="Pilot") as store:
        meta = store.meta()
        assert meta["schema_version"] == str(SCHEMA_VERSION)
        assert meta["app_version"] == __version__
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store.db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert store.episode().title == "Pilot"
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    applied = [r[0] for r in raw.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
    assert applied == list(MIGRATION_NAMES)


def test_migration_names_match_the_registered_migrations() -> None:
    from sqlite_utils import Database

    assert [m.name for m in migrations.pending(Database(memory=True))] == list(MIGRATION_NAMES)


def test_create_refuses_to_overwrite(project_path: Path) -> None:
    before = project_path.read_bytes()
    with pytest.raises(ProjectError, match="already exists"):
        ProjectStore.create(project_path)
    assert project_path.read_bytes() == before


def test_acknowledged_edit_is_visible_to_another_process(store: ProjectStore) -> None:
    turn = store.turns()[0]
    ops.edit_text(store, turn.id, "Durable words.")
    script = (
        "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]);"
        "print(c.execute('SELECT text FROM turns WHERE id = ?', (int(sys.argv[2]),)).fetchone()[0])"
    )
    out = subprocess.run(
        [sys.executable, "-c", script, str(store.path), str(turn.id)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == "Durable words."


def test_turns_keep_ids_and_order_through_inserts_and_splits(store: ProjectStore) -> None:
    original = store.turns()
    ids = [t.id for t in original]
    ops.insert_turns(store, [TranscriptTurn("Guest", "Inserted.")], after_id=ids[0])
    ops.split_turn(store, ids[1], 10)
    after = store.turns()
    assert len(after) == len(original) + 2
    assert after[0].id == ids[0]
    assert after[1].text == "Inserted."
    assert after[2].id == ids[1]
    assert [t.id for t in after[4:]] == ids[2:]
    positions = [t.position for t in after]
    assert positions == sorted(positions)


def test_many_inserts_at_one_place_keep_order(store: ProjectStore) -> None:
    first = store.turns()[0]
    for n in range(60):
        ops.insert_turns(store, [TranscriptTurn("X", f"n{n}")], after_id=first.id)
    texts = [t.text for t in store.turns()[1:61]]
    assert texts == [f"n{n}" for n in reversed(range(60))]


def test_deleting_a_speaker_in_use_is_refused_by_the_schema(store: ProjectStore) -> None:
    speaker = store.speakers()[0]
    with pytest.raises(sqlite3.IntegrityError):
        store.db.conn.execute("DELETE FROM speakers WHERE id = ?", (speaker.id,))


def test_failed_operation_rolls_back_everything(store: ProjectStore) -> None:
    before = store.turns()
    with pytest.raises(RuntimeError), store.edit("broken") as session:
        session.put_turn(before[0].__class__(**{**_fields(before[0]), "text": "half"}))
        raise RuntimeError("boom")
    assert store.turns() == before


def _fields(turn: object) -> dict[str, object]:
    return {name: getattr(turn, name) for name in turn.__dataclass_fields__}  # type: ignore[attr-defined]


def test_readonly_store_refuses_edits(project_path: Path) -> None:
    with ProjectStore.open(project_path, readonly=True) as store:
        assert len(store.turns()) == 50
        with pytest.raises(ProjectError, match="read-only"):
            ops.edit_text(store, store.turns()[0].id, "x")


# -- files that must be refused, untouched ------------------------------------------------------


def _refused(path: Path, match: str, readonly: bool = False) -> None:
    before = path.read_bytes() if path.is_file() else None
    with pytest.raises(ProjectError, match=match) as info:
        ProjectStore.open(path, readonly=readonly)
    assert str(path) in str(info.value)
    if before is not None:
        assert path.read_bytes() == before


def test_missing_file(tmp_path: Path) -> None:
    _refused(tmp_path / "nope.tep", "no such project file")


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.tep"
    path.write_bytes(b"")
    _refused(path, "is empty")


def test_text_file_is_not_a_project(data_dir: Path) -> None:
    _refused(data_dir / "episode-transcript.txt", "not a Transcript Editor project")


def test_other_programs_sqlite_database(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    _refused(path, "another program")


def test_newer_schema_is_refused(project_path: Path) -> None:
    conn = sqlite3.connect(project_path)
    conn.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    _refused(project_path, "newer version")
    _refused(project_path, "newer version", readonly=True)


def test_truncated_project_is_refused(project_path: Path) -> None:
    data = project_path.read_bytes()
    project_path.write_bytes(data[: len(data) // 3])
    _refused(project_path, "damaged|not a Transcript Editor project")


def test_readonly_file_is_refused_for_writing_but_opens_readonly(project_path: Path) -> None:
    project_path.chmod(0o444)
    try:
        _refused(project_path, "read-only")
        with ProjectStore.open(project_path, readonly=True) as store:
            assert store.turn_count() == 50
    finally:
        project_path.chmod(0o644)


def test_save_copy_is_a_complete_independent_project(store: ProjectStore, tmp_path: Path) -> None:
    ops.edit_text(store, store.turns()[0].id, "Edited before the copy.")
    copy = tmp_path / "copy.tep"
    store.save_copy(copy)
    ops.edit_text(store, store.turns()[0].id, "Edited after the copy.")
    with ProjectStore.open(copy) as copied:
        assert copied.turns()[0].text == "Edited before the copy."
        assert copied.turn_count() == 50
    with pytest.raises(ProjectError, match="open project itself"):
        store.save_copy(store.path)
