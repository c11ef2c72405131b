"""``ProjectStore``: the one way into a project file.

Reads return domain dataclasses. Writes to turns and speakers go through ``edit()``, one
transaction per operation, committed with ``synchronous=FULL`` in WAL mode: when ``edit()``
returns, the change is on disk. On a network filesystem the project uses a rollback journal
under an exclusive lock instead (see ``storage``); in a sync folder the WAL is folded into the
file on ``checkpoint()`` and on closing (see ``sync_folders``).
"""

from __future__ import annotations

import dataclasses
import functools
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from editor import __version__
from editor.core.errors import EditError, ProjectError
from editor.core.gc_pause import paused_gc
from editor.core.model import EpisodeMeta, MediaLink, Speaker, Transcript, TranscriptTurn, Turn
from editor.core.project import file as project_file
from editor.core.project import media_link, rows, schema_check, snapshots, storage
from editor.core.project.drafts import Drafts
from editor.core.project.edit_session import EditSession
from editor.core.project.lock import ProjectLock
from editor.core.project.records import Chapters, Clips, Glossary
from editor.core.project.schema import APPLICATION_ID, SCHEMA_VERSION, migrations
from editor.core.project.sync_folders import SyncFolder, sync_folder


def upgraded_copy(conn: sqlite3.Connection) -> sqlite3.Connection:
    """An older project opened read-only: read it through an upgraded copy in memory, so the
    file is never written and every query still sees the current schema."""
    memory = sqlite3.connect(":memory:")
    conn.backup(memory)
    conn.close()
    schema_check.harden(memory)
    migrations.apply(Database(memory))
    return memory


class ProjectStore:
    """An open project file. Use ``open``/``create``, and ``close`` (or ``with``) when done."""

    def __init__(
        self,
        db: Database,
        path: Path,
        *,
        readonly: bool,
        lock: ProjectLock | None = None,
        kept: storage.Storage | None = None,
    ) -> None:
        self.db = db
        self.path = path
        self.readonly = readonly
        self._lock = lock
        # Set when the snapshot taken on opening failed: worth telling, not worth refusing.
        self.snapshot_problem: str | None = None
        # What in the file's schema the app does not make (read-only opens only; see schema_check).
        self.foreign_schema: list[str] = []
        # How the file is kept where it lies: its journal (and ``sync_folder``, looked up once
        # asked: it lists the parent folders).
        self.storage = kept or storage.storage_for(path.parent)
        self.glossary = Glossary(self)
        self.clips = Clips(self)
        self.chapters = Chapters(self)
        self.drafts = Drafts(self)

    # -- lifecycle -----------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        readonly: bool = False,
        break_foreign_lock: bool = False,
        snapshot: bool = True,
    ) -> ProjectStore:
        """Open an existing project; raise ``ProjectError`` with a clear reason otherwise.

        Writable opens take the project's lock (``ProjectLocked`` if another instance holds it)
        and a snapshot, before any migration touches the file.
        """
        path = Path(path)
        project_file.check_is_project_file(path)
        version = project_file.read_schema_version(path)
        if readonly:
            conn = project_file.connect_readonly(path)
            foreign = project_file.foreign_schema_of(conn, version)  # before any upgrade
            if version < SCHEMA_VERSION:
                conn = upgraded_copy(conn)
            store = cls(Database(conn), path, readonly=True)
            store.foreign_schema = foreign
            return store
        project_file.check_own_schema(path, version)
        project_file.check_writable(path)
        lock = ProjectLock(path)
        lock.acquire(break_foreign=break_foreign_lock)
        try:
            store = cls._connect(path, lock)
            if snapshot:
                store._snapshot_on_open(version)
            if version < SCHEMA_VERSION:
                store._migrate()
        except BaseException:
            lock.release()
            raise
        return store

    @classmethod
    def create(cls, path: str | Path, *, title: str = "") -> ProjectStore:
        """Create a new, empty project; refuses to overwrite anything."""
        path = Path(path)
        if path.exists():
            raise ProjectError(path, "already exists; open it, or import into it")
        if not os.access(path.parent if str(path.parent) else ".", os.W_OK):
            raise ProjectError(path, f"cannot create it: folder {path.parent} is not writable")
        lock = ProjectLock(path)
        lock.acquire()
        store = cls._connect(path, lock)
        try:
            store.db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            store._migrate()
            now = datetime.now(UTC).isoformat(timespec="seconds")
            with store.writing():
                store._set_meta({"created_at": now, "created_by": __version__})
                if title:
                    store.db.execute("UPDATE episode SET title = ? WHERE id = 1", (title,))
            store.checkpoint()  # a new project is whole in its file, even before the first edit
        except BaseException:
            store.close()
            raise
        return store

    @classmethod
    def _connect(cls, path: Path, lock: ProjectLock) -> ProjectStore:
        kept = storage.storage_for(path.parent)
        try:
            conn = sqlite3.connect(str(path))
            project_file.configure(conn, kept.mode)
        except sqlite3.Error as error:
            lock.release()
            raise ProjectError(path, f"cannot be opened for writing ({error})") from error
        return cls(Database(conn), path, readonly=False, lock=lock, kept=kept)

    def _snapshot_on_open(self, version: int) -> None:
        reason = snapshots.OPENED if version == SCHEMA_VERSION else "Before upgrade"
        try:
            snapshots.take(self.db.conn, self.path, reason)
        except ProjectError as error:
            self.snapshot_problem = error.reason

    def _migrate(self) -> None:
        migrations.apply(self.db)
        with self.db.atomic():
            self._set_meta({"schema_version": str(SCHEMA_VERSION), "app_version": __version__})

    @functools.cached_property
    def sync_folder(self) -> SyncFolder | None:
        """The sync tool whose folder holds the project, if any."""
        return sync_folder(self.path)

    @property
    def storage_note(self) -> str | None:
        """Why this project is kept differently where it lies, or ``None`` (a local disk)."""
        notes = [n for n in (self.storage.note, self.sync_folder and self.sync_folder.note) if n]
        return "; ".join(notes) or None

    @property
    def uses_wal(self) -> bool:
        return not self.readonly and self.storage.mode is storage.JournalMode.WAL

    def checkpoint(self) -> bool:
        """Fold the WAL into the project file and empty it; ``False`` if a reader held it back
        (nothing is lost: the WAL still has it, and the next checkpoint finishes the job)."""
        if not self.uses_wal:
            return True
        try:
            busy = self.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        except sqlite3.Error:
            return False
        return bool(busy == 0)

    def close(self) -> None:
        self.checkpoint()  # cheap, and the file alone is the project even if the WAL is kept
        self.db.close()
        if self._lock is not None:
            self._lock.release()

    def __enter__(self) -> ProjectStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- meta ----------------------------------------------------------------------------------

    def meta(self) -> dict[str, str]:
        return {r["key"]: r["value"] for r in self.query("SELECT key, value FROM meta")}

    @property
    def schema_version(self) -> int:
        return int(self.meta().get("schema_version", "0"))

    def _set_meta(self, values: dict[str, str]) -> None:
        for key, value in values.items():
            self.db.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    # -- reading turns and speakers ------------------------------------------------------------

    def turns(self, *, with_words: bool = True) -> list[Turn]:
        """Every turn in order; ``with_words=False`` skips decoding the word timings (the
        window's list needs only text and times, and a long episode has ~100k words)."""
        columns = rows.TURN_COLUMNS if with_words else rows.TURN_COLUMNS_WITHOUT_WORDS
        sql = f"SELECT {columns} FROM turns ORDER BY position"
        with paused_gc():  # thousands of turns and their words: no cycles to look for
            return [rows.turn_from_row(r) for r in self.query(sql)]

    def turn_texts(self) -> list[tuple[int, int | None, str]]:
        """(id, speaker id, text) of every turn in order: for searching without the words."""
        cursor = self.db.conn.execute("SELECT id, speaker_id, text FROM turns ORDER BY position")
        return cursor.fetchall()

    def find_turn(self, turn_id: int) -> Turn | None:
        sql = f"SELECT {rows.TURN_COLUMNS} FROM turns WHERE id = ?"
        found = self.query(sql, (turn_id,))
        return rows.turn_from_row(found[0]) if found else None

    def turn(self, turn_id: int) -> Turn:
        turn = self.find_turn(turn_id)
        if turn is None:
            raise EditError(f"no turn with id {turn_id}")
        return turn

    def turn_count(self) -> int:
        return int(self.query("SELECT count(*) AS n FROM turns")[0]["n"])

    def previous_turn(self, turn: Turn) -> Turn | None:
        sql = f"SELECT {rows.TURN_COLUMNS} FROM turns WHERE position < ? ORDER BY position DESC"
        found = self.query(sql + " LIMIT 1", (turn.position,))
        return rows.turn_from_row(found[0]) if found else None

    def next_turn(self, turn: Turn) -> Turn | None:
        sql = f"SELECT {rows.TURN_COLUMNS} FROM turns WHERE position > ? ORDER BY position"
        found = self.query(sql + " LIMIT 1", (turn.position,))
        return rows.turn_from_row(found[0]) if found else None

    def last_position(self) -> str | None:
        found = self.query("SELECT max(position) AS p FROM turns")
        return found[0]["p"] if found else None

    def speakers(self) -> list[Speaker]:
        found = self.query("SELECT id, name, color FROM speakers ORDER BY id")
        return [rows.speaker_from_row(r) for r in found]

    def find_speaker(self, speaker_id: int) -> Speaker | None:
        found = self.query("SELECT id, name, color FROM speakers WHERE id = ?", (speaker_id,))
        return rows.speaker_from_row(found[0]) if found else None

    def speaker(self, speaker_id: int) -> Speaker:
        speaker = self.find_speaker(speaker_id)
        if speaker is None:
            raise EditError(f"no speaker with id {speaker_id}")
        return speaker

    def speaker_by_name(self, name: str) -> Speaker | None:
        found = self.query("SELECT id, name, color FROM speakers WHERE name = ?", (name,))
        return rows.speaker_from_row(found[0]) if found else None

    def speaker_turn_counts(self) -> dict[int, int]:
        sql = "SELECT speaker_id, count(*) AS n FROM turns GROUP BY speaker_id"
        return {r["speaker_id"]: r["n"] for r in self.query(sql)}

    def transcript(self) -> Transcript:
        """The turns in order, speakers by name: what exporters write."""
        names = {s.id: s.name for s in self.speakers()}
        return Transcript(
            tuple(
                TranscriptTurn(
                    speaker=names.get(t.speaker_id) if t.speaker_id is not None else None,
                    text=t.text,
                    start_ms=t.start_ms,
                    end_ms=t.end_ms,
                    words=t.words,
                    reviewed=t.reviewed,
                )
                for t in self.turns()
            )
        )

    # -- writing turns and speakers ------------------------------------------------------------

    @contextmanager
    def edit(self, label: str) -> Iterator[EditSession]:
        """One operation = one transaction; the session records what changed for undo."""
        with self.writing():
            yield EditSession(self, label)

    @contextmanager
    def writing(self) -> Iterator[None]:
        """One transaction for any write; a write the disk refuses leaves the project as it
        was and raises ``ProjectError`` saying why (disk full, read-only media …)."""
        self.require_writable()
        try:
            with self.db.atomic():
                yield
        except sqlite3.Error as error:
            raise ProjectError(self.path, project_file.explain_write_error(error)) from error

    def require_writable(self) -> None:
        if self.readonly:
            raise ProjectError(self.path, "is open read-only; nothing can be changed")

    # -- episode metadata and media ------------------------------------------------------------

    def episode(self) -> EpisodeMeta:
        meta = rows.episode_from_row(self.query("SELECT * FROM episode WHERE id = 1")[0])
        page = rows.page_from_json(self.meta().get(rows.EPISODE_PAGE_KEY, ""))
        return meta if page is None else dataclasses.replace(meta, page=page)

    def set_episode(self, meta: EpisodeMeta) -> None:
        """Store the metadata; the published page stays unless ``meta`` brings another one
        (an edit made by a form that knows nothing of it keeps the page's layout)."""
        with self.writing():
            self.db.table("episode").update(1, rows.episode_to_row(meta))
            if meta.page is not None:
                self._set_meta({rows.EPISODE_PAGE_KEY: rows.page_to_json(meta.page)})

    def media_link(self) -> MediaLink | None:
        found = self.query("SELECT * FROM media WHERE id = 1")
        return rows.media_from_row(found[0]) if found else None

    def link_media(self, media: str | Path) -> MediaLink:
        self.require_writable()
        link = media_link.make_link(Path(media), self.path)
        with self.writing():
            self.db.table("media").upsert(
                {
                    "id": 1,
                    "relative_path": link.relative_path,
                    "absolute_path": link.absolute_path,
                    "size": link.size,
                    "head_sha256": link.head_sha256,
                    "duration_ms": link.duration_ms,
                },
                pk="id",
            )
        return link

    def media_path(self, search_folders: tuple[Path, ...] = ()) -> Path | None:
        link = self.media_link()
        return media_link.resolve(link, self.path, search_folders) if link else None

    # -- copies --------------------------------------------------------------------------------

    def save_copy(self, destination: str | Path) -> None:
        """Write a consistent copy of the project (SQLite's online backup) to ``destination``."""
        destination = Path(destination)
        if destination.resolve() == self.path.resolve():
            raise ProjectError(destination, "is the open project itself; choose another name")
        temporary = destination.with_name(f".{destination.name}.{os.getpid()}.copy")
        try:
            snapshots.write_backup(self.db.conn, destination, temporary)
        except (sqlite3.Error, OSError) as error:
            raise ProjectError(destination, f"cannot save a copy there ({error})") from error

    def snapshot(self, reason: str) -> Path:
        """Take a snapshot now, e.g. before a bulk step; raises ``ProjectError`` if it fails."""
        return snapshots.take(self.db.conn, self.path, reason)

    def restore_snapshot(self, snapshot: Path) -> None:
        """Replace the whole project with ``snapshot``, after taking one of the current state."""
        self.require_writable()
        self.snapshot("Before restoring a snapshot")
        try:
            snapshots.restore_into(self.db.conn, snapshot)
        except sqlite3.Error as error:
            raise ProjectError(snapshot, f"cannot be restored ({error})") from error
        self._migrate()

    # -- helpers -------------------------------------------------------------------------------

    def query(self, sql: str, params: tuple[Any, ...] = ()) -> list[sqlite3.Row]:
        cursor = self.db.conn.cursor()
        cursor.row_factory = sqlite3.Row
        return list(cursor.execute(sql, params))
