"""The project's side records: glossary terms, clips and chapters.

Small repositories over one table each; every write is its own transaction.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from editor.core.chapters import duplicate_start
from editor.core.errors import EditError
from editor.core.model import CaseRule, Chapter, Clip, GlossaryTerm
from editor.core.project import rows
from editor.core.timecode import format_clock, format_precise
from editor.core.urls import is_web_url

if TYPE_CHECKING:
    from collections.abc import Iterable

    from editor.core.glossary.csv_io import NewTerm
    from editor.core.project.store import ProjectStore


class Glossary:
    def __init__(self, store: ProjectStore) -> None:
        self._store = store

    def terms(self) -> list[GlossaryTerm]:
        found = self._store.query("SELECT * FROM glossary_terms ORDER BY term")
        return [rows.glossary_from_row(r) for r in found]

    def add(
        self,
        term: str,
        variants: tuple[str, ...] = (),
        case_rule: CaseRule = CaseRule.EXACT,
        note: str = "",
    ) -> GlossaryTerm:
        if not term.strip():
            raise EditError("a glossary term cannot be empty")
        with self._store.writing():
            cursor = self._store.db.conn.execute(
                "INSERT INTO glossary_terms (term, variants, case_rule, note) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(term) DO UPDATE SET variants = excluded.variants, "
                "case_rule = excluded.case_rule, note = excluded.note RETURNING id",
                (term, rows.dumps(list(variants)), case_rule.value, note),
            )
            term_id = cursor.fetchone()[0]
        return GlossaryTerm(term_id, term, variants, case_rule, note)

    def add_new_terms(self, terms: Iterable[NewTerm]) -> None:
        """Add (or update) terms read from a CSV file or an episode page, in one transaction."""
        with self._store.writing():
            for new in terms:
                self.add(new.term, new.variants, new.case_rule, new.note)

    def remove(self, term_id: int) -> None:
        with self._store.writing():
            self._store.db.conn.execute("DELETE FROM glossary_terms WHERE id = ?", (term_id,))

    def add_variant(self, term_id: int, variant: str) -> GlossaryTerm:
        """Remember a mis-hearing as a known variant of a term."""
        term = next((t for t in self.terms() if t.id == term_id), None)
        if term is None:
            raise EditError(f"no glossary term with id {term_id}")
        variants = term.variants if variant in term.variants else (*term.variants, variant)
        return self.add(term.term, variants, term.case_rule, term.note)

    def ignored(self) -> set[tuple[int, str]]:
        if not self._store.query(
            "SELECT 1 FROM sqlite_master WHERE name = 'glossary_ignores'"
        ):  # an older project opened read-only, not yet migrated
            return set()
        rows = self._store.query("SELECT turn_id, found FROM glossary_ignores")
        return {(r["turn_id"], r["found"]) for r in rows}

    def ignore(self, turn_id: int, found: str) -> None:
        with self._store.writing():
            self._store.db.conn.execute(
                "INSERT OR IGNORE INTO glossary_ignores (turn_id, found) VALUES (?, ?)",
                (turn_id, found),
            )

    def mark_rule(self) -> str:
        return self._store.meta().get("mark_rule", "every")

    def set_mark_rule(self, rule: str) -> None:
        if rule not in ("every", "first"):
            raise EditError(f"the mark rule is 'every' or 'first', not {rule!r}")
        with self._store.writing():
            self._store.db.conn.execute(
                "INSERT INTO meta (key, value) VALUES ('mark_rule', ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (rule,),
            )


class Clips:
    def __init__(self, store: ProjectStore) -> None:
        self._store = store

    def all(self) -> list[Clip]:
        found = self._store.query("SELECT * FROM clips ORDER BY start_ms, id")
        return [rows.clip_from_row(r) for r in found]

    def get(self, clip_id: int) -> Clip:
        found = self._store.query("SELECT * FROM clips WHERE id = ?", (clip_id,))
        if not found:
            raise EditError(f"no clip with id {clip_id}")
        return rows.clip_from_row(found[0])

    def add(self, clip: Clip) -> Clip:
        """Store a new clip (its ``id`` is ignored) and return it with its id."""
        self._check(clip)
        with self._store.writing():
            cursor = self._store.db.conn.execute(
                "INSERT INTO clips (start_ms, end_ms, title, quote, tags, note, speaker, in_notes) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                _clip_values(clip),
            )
        assert cursor.lastrowid is not None
        return replace(clip, id=cursor.lastrowid)

    def update(self, clip: Clip) -> Clip:
        self._check(clip)
        with self._store.writing():
            self._store.db.conn.execute(
                "UPDATE clips SET start_ms = ?, end_ms = ?, title = ?, quote = ?, tags = ?, "
                "note = ?, speaker = ?, in_notes = ? WHERE id = ?",
                (*_clip_values(clip), clip.id),
            )
        return clip

    def remove(self, *ids: int) -> None:
        with self._store.writing():
            self._store.db.conn.executemany("DELETE FROM clips WHERE id = ?", [(i,) for i in ids])

    def _check(self, clip: Clip) -> None:
        _check_clip(clip)
        link = self._store.media_link()
        duration = link.duration_ms if link is not None else None
        if duration and clip.end_ms > duration + CLIP_END_SLACK_MS:
            raise EditError(
                f"the clip ends at {format_precise(clip.end_ms)}, after the end of the audio "
                f"({format_precise(duration)})"
            )


CLIP_END_SLACK_MS = 500  # a duration read from the file header can be a little short


def _check_clip(clip: Clip) -> None:
    if clip.start_ms < 0 or clip.end_ms <= clip.start_ms:
        raise EditError(f"a clip must end after it starts ({clip.start_ms}–{clip.end_ms} ms)")


def _clip_values(clip: Clip) -> tuple[object, ...]:
    return (
        clip.start_ms,
        clip.end_ms,
        clip.title,
        clip.quote,
        rows.dumps(list(clip.tags)),
        clip.note,
        clip.speaker,
        int(clip.in_notes),
    )


class Chapters:
    def __init__(self, store: ProjectStore) -> None:
        self._store = store

    def all(self) -> list[Chapter]:
        found = self._store.query("SELECT * FROM chapters ORDER BY start_ms, id")
        return [rows.chapter_from_row(r) for r in found]

    def add(self, chapter: Chapter) -> Chapter:
        """Store a new chapter (its ``id`` is ignored) and return it with its id."""
        _check_chapter(chapter)
        self._check_start(replace(chapter, id=0))
        with self._store.writing():
            cursor = self._store.db.conn.execute(
                "INSERT INTO chapters (start_ms, title, url, img, toc, turn_id) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                _chapter_values(chapter),
            )
        assert cursor.lastrowid is not None
        return replace(chapter, id=cursor.lastrowid)

    def update(self, chapter: Chapter) -> Chapter:
        _check_chapter(chapter)
        self._check_start(chapter)
        with self._store.writing():
            self._store.db.conn.execute(
                "UPDATE chapters SET start_ms = ?, title = ?, url = ?, img = ?, toc = ?, "
                "turn_id = ? WHERE id = ?",
                (*_chapter_values(chapter), chapter.id),
            )
        return chapter

    def remove(self, *ids: int) -> None:
        with self._store.writing():
            self._store.db.conn.executemany(
                "DELETE FROM chapters WHERE id = ?", [(i,) for i in ids]
            )

    def _check_start(self, chapter: Chapter) -> None:
        """Two chapters cannot start at the same time (players could show only one)."""
        other = duplicate_start(self.all(), chapter)
        if other is not None:
            raise EditError(
                f"chapter {other.title!r} already starts at {format_clock(chapter.start_ms)}; "
                "two chapters cannot start at the same time"
            )


def _check_chapter(chapter: Chapter) -> None:
    if chapter.start_ms < 0:
        raise EditError(f"a chapter cannot start before 0 ms ({chapter.start_ms})")
    if not chapter.title.strip():
        raise EditError("a chapter needs a title")
    for field, value in (("link", chapter.url), ("image", chapter.img)):
        if value.strip() and not is_web_url(value):
            raise EditError(f"a chapter's {field} must be a web address (http:// or https://)")


def _chapter_values(chapter: Chapter) -> tuple[object, ...]:
    return (
        chapter.start_ms,
        chapter.title,
        chapter.url,
        chapter.img,
        int(chapter.toc),
        chapter.turn_id,
    )
