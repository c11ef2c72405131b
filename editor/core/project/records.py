"""The project's side records: glossary terms, clips and chapters.

Small repositories over one table each; every write is its own transaction.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from editor.core.errors import EditError
from editor.core.model import CaseRule, Chapter, Clip, GlossaryTerm
from editor.core.project import rows

if TYPE_CHECKING:
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
        self._store.require_writable()
        with self._store.db.atomic():
            cursor = self._store.db.conn.execute(
                "INSERT INTO glossary_terms (term, variants, case_rule, note) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(term) DO UPDATE SET variants = excluded.variants, "
                "case_rule = excluded.case_rule, note = excluded.note RETURNING id",
                (term, rows.dumps(list(variants)), case_rule.value, note),
            )
            term_id = cursor.fetchone()[0]
        return GlossaryTerm(term_id, term, variants, case_rule, note)

    def remove(self, term_id: int) -> None:
        self._store.require_writable()
        with self._store.db.atomic():
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
        self._store.require_writable()
        with self._store.db.atomic():
            self._store.db.conn.execute(
                "INSERT OR IGNORE INTO glossary_ignores (turn_id, found) VALUES (?, ?)",
                (turn_id, found),
            )

    def mark_rule(self) -> str:
        return self._store.meta().get("mark_rule", "every")

    def set_mark_rule(self, rule: str) -> None:
        if rule not in ("every", "first"):
            raise EditError(f"the mark rule is 'every' or 'first', not {rule!r}")
        self._store.require_writable()
        with self._store.db.atomic():
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

    def add(
        self,
        start_ms: int,
        end_ms: int,
        *,
        title: str = "",
        quote: str = "",
        tags: tuple[str, ...] = (),
        note: str = "",
    ) -> Clip:
        if start_ms < 0 or end_ms <= start_ms:
            raise EditError(f"a clip must end after it starts ({start_ms}–{end_ms} ms)")
        self._store.require_writable()
        with self._store.db.atomic():
            cursor = self._store.db.conn.execute(
                "INSERT INTO clips (start_ms, end_ms, title, quote, tags, note) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (start_ms, end_ms, title, quote, rows.dumps(list(tags)), note),
            )
        assert cursor.lastrowid is not None
        return Clip(cursor.lastrowid, start_ms, end_ms, title, quote, tags, note)

    def remove(self, clip_id: int) -> None:
        self._store.require_writable()
        with self._store.db.atomic():
            self._store.db.conn.execute("DELETE FROM clips WHERE id = ?", (clip_id,))


class Chapters:
    def __init__(self, store: ProjectStore) -> None:
        self._store = store

    def all(self) -> list[Chapter]:
        found = self._store.query("SELECT * FROM chapters ORDER BY start_ms, id")
        return [rows.chapter_from_row(r) for r in found]

    def add(
        self,
        start_ms: int,
        title: str,
        *,
        url: str = "",
        img: str = "",
        toc: bool = True,
        turn_id: int | None = None,
    ) -> Chapter:
        if start_ms < 0:
            raise EditError(f"a chapter cannot start before 0 ms ({start_ms})")
        if not title.strip():
            raise EditError("a chapter needs a title")
        self._store.require_writable()
        with self._store.db.atomic():
            cursor = self._store.db.conn.execute(
                "INSERT INTO chapters (start_ms, title, url, img, toc, turn_id) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (start_ms, title, url, img, int(toc), turn_id),
            )
        assert cursor.lastrowid is not None
        return Chapter(cursor.lastrowid, start_ms, title, url, img, toc, turn_id)

    def remove(self, chapter_id: int) -> None:
        self._store.require_writable()
        with self._store.db.atomic():
            self._store.db.conn.execute("DELETE FROM chapters WHERE id = ?", (chapter_id,))
