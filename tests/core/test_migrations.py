"""Projects made by an older version are upgraded on open, and only then."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from editor.core.project.schema import APPLICATION_ID, MIGRATION_NAMES, SCHEMA_VERSION, migrations
from editor.core.project.store import ProjectStore


def _old_project(path: Path) -> None:
    """A project as version 0.1.0 wrote it: only the first migration applied."""
    db = Database(path)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    migrations.apply(db, stop_before=MIGRATION_NAMES[1])
    db.execute("INSERT INTO meta (key, value) VALUES ('schema_version', '1')")
    db.execute("INSERT INTO speakers (name) VALUES ('Host')")
    db.execute("INSERT INTO turns (position, speaker_id, text) VALUES ('V', 1, 'Hello.')")
    db.conn.commit()
    db.close()


def test_old_project_is_read_untouched_and_upgraded_when_opened_for_writing(tmp_path: Path) -> None:
    path = tmp_path / "old.tep"
    _old_project(path)
    before = path.read_bytes()
    with ProjectStore.open(path, readonly=True) as store:
        assert store.schema_version == 1
        assert store.glossary.ignored() == set()
        assert store.turns()[0].text == "Hello."
    assert path.read_bytes() == before
    with ProjectStore.open(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        store.glossary.ignore(store.turns()[0].id, "Hello")
    conn = sqlite3.connect(path)
    names = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
    assert names == list(MIGRATION_NAMES)
