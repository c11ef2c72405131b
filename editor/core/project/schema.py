"""The project file's schema, as sqlite-utils migrations.

Each migration is applied once, in order, inside its own transaction, and recorded in
``_sqlite_migrations``. Never edit a migration that has shipped: add a new one and append its
name to ``MIGRATION_NAMES``; the schema version is the number of migrations.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATION_SET = "transcript-editor"
# PRAGMA application_id marks the file as ours ("TEP1"); file(1) and the MIME sniffing use it.
APPLICATION_ID = 0x54455031

migrations = Migrations(MIGRATION_SET)


@migrations()
def m001_initial(db: Database) -> None:
    db.execute("""
        CREATE TABLE meta (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        )""")
    db.execute("""
        CREATE TABLE speakers (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL UNIQUE,
            color TEXT
        )""")
    db.execute("""
        CREATE TABLE turns (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            position TEXT NOT NULL UNIQUE,
            speaker_id INTEGER REFERENCES speakers(id) ON DELETE RESTRICT,
            text TEXT NOT NULL DEFAULT '',
            start_ms INTEGER,
            end_ms INTEGER,
            reviewed INTEGER NOT NULL DEFAULT 0,
            words TEXT
        )""")
    db.execute("CREATE INDEX turns_speaker ON turns(speaker_id)")
    db.execute("""
        CREATE TABLE episode (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            title TEXT NOT NULL DEFAULT '',
            show TEXT NOT NULL DEFAULT '',
            season INTEGER,
            number INTEGER,
            summary TEXT NOT NULL DEFAULT '',
            topics TEXT NOT NULL DEFAULT '[]',
            people TEXT NOT NULL DEFAULT '[]',
            links TEXT NOT NULL DEFAULT '[]'
        )""")
    db.execute("INSERT INTO episode (id) VALUES (1)")
    db.execute("""
        CREATE TABLE media (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            relative_path TEXT,
            absolute_path TEXT NOT NULL,
            size INTEGER NOT NULL,
            head_sha256 TEXT NOT NULL,
            duration_ms INTEGER
        )""")
    db.execute("""
        CREATE TABLE glossary_terms (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            term TEXT NOT NULL UNIQUE,
            variants TEXT NOT NULL DEFAULT '[]',
            case_rule TEXT NOT NULL DEFAULT 'exact',
            note TEXT NOT NULL DEFAULT ''
        )""")
    db.execute("""
        CREATE TABLE clips (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            start_ms INTEGER NOT NULL,
            end_ms INTEGER NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            quote TEXT NOT NULL DEFAULT '',
            tags TEXT NOT NULL DEFAULT '[]',
            note TEXT NOT NULL DEFAULT '',
            CHECK (end_ms >= start_ms)
        )""")
    db.execute("""
        CREATE TABLE chapters (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            start_ms INTEGER NOT NULL,
            title TEXT NOT NULL,
            url TEXT NOT NULL DEFAULT '',
            img TEXT NOT NULL DEFAULT '',
            toc INTEGER NOT NULL DEFAULT 1,
            turn_id INTEGER REFERENCES turns(id) ON DELETE SET NULL
        )""")


@migrations()
def m002_glossary_ignores(db: Database) -> None:
    """Occurrences the user chose to ignore in one turn ("Ignore here")."""
    db.execute("""
        CREATE TABLE glossary_ignores (
            turn_id INTEGER NOT NULL REFERENCES turns(id) ON DELETE CASCADE,
            found TEXT NOT NULL,
            PRIMARY KEY (turn_id, found)
        )""")


@migrations()
def m003_clip_details(db: Database) -> None:
    """Clips remember who speaks in them and whether they go into the show notes."""
    db.execute("ALTER TABLE clips ADD COLUMN speaker TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE clips ADD COLUMN in_notes INTEGER NOT NULL DEFAULT 1")


@migrations()
def m004_turn_timing(db: Database) -> None:
    """Where a turn's times came from (confirmed, aligned, estimated) and how sure we are."""
    db.execute("ALTER TABLE turns ADD COLUMN timing TEXT")
    db.execute("ALTER TABLE turns ADD COLUMN confidence REAL")


@migrations()
def m005_waveform(db: Database) -> None:
    """The media's peak envelope, computed once and kept with the project."""
    db.execute("""
        CREATE TABLE waveform (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            head_sha256 TEXT NOT NULL,
            bucket_ms INTEGER NOT NULL,
            peaks BLOB NOT NULL
        )""")


@migrations()
def m006_drafts(db: Database) -> None:
    """Text typed in an open turn editor, kept until it is committed or cancelled.

    The trigger clears a draft in the same transaction that commits a different text to its
    turn, so a crash between the two can never bring back text that was already saved. Drafts
    the user chose to decide on later (``deferred``) are kept until that turn is edited again.
    """
    db.execute("""
        CREATE TABLE drafts (
            turn_id INTEGER PRIMARY KEY REFERENCES turns(id) ON DELETE CASCADE,
            text TEXT NOT NULL,
            base_text TEXT NOT NULL,
            saved_at TEXT NOT NULL,
            deferred INTEGER NOT NULL DEFAULT 0
        )""")
    db.execute("""
        CREATE TRIGGER drafts_clear_on_commit AFTER UPDATE OF text ON turns
        WHEN NEW.text IS NOT OLD.text
        BEGIN
            DELETE FROM drafts WHERE turn_id = NEW.id AND NOT deferred;
        END""")


@migrations()
def m007_dictionary(db: Database) -> None:
    """The project's own dictionary: words the spelling checker accepts in this project."""
    db.execute("""
        CREATE TABLE dictionary_words (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            word TEXT NOT NULL UNIQUE,
            added_at TEXT NOT NULL
        )""")


@migrations()
def m008_history(db: Database) -> None:
    """The undo history, kept in the project: one row per step, done (``undone`` 0, oldest
    first) or undone and waiting to be redone (``undone`` 1). ``payload`` holds the step's
    before and after states (see ``editor.core.session.codec``)."""
    db.execute("""
        CREATE TABLE history (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            label TEXT NOT NULL,
            count INTEGER NOT NULL DEFAULT 0,
            made_at TEXT NOT NULL,
            user TEXT NOT NULL DEFAULT '',
            origin TEXT NOT NULL DEFAULT '',
            undone INTEGER NOT NULL DEFAULT 0,
            payload BLOB NOT NULL
        )""")
    db.execute("CREATE INDEX history_undone ON history(undone, id)")


MIGRATION_NAMES: tuple[str, ...] = (
    "m001_initial",
    "m002_glossary_ignores",
    "m003_clip_details",
    "m004_turn_timing",
    "m005_waveform",
    "m006_drafts",
    "m007_dictionary",
    "m008_history",
)
SCHEMA_VERSION = len(MIGRATION_NAMES)
