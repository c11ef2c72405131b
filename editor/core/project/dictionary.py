"""The project's own dictionary: words the user told the spelling checker to accept here.

Kept in the project file (``dictionary_words``, migration m007), so everyone who opens the
project shares it. Writes are one transaction each; the window wraps them in
``record_history`` steps (kind ``"dictionary"``) so adding a word can be undone. The spelling
language is the project's ``language`` meta entry (a tag like ``en_GB``), else ``en_US``.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from editor.core.errors import EditError

if TYPE_CHECKING:
    from editor.core.project.store import ProjectStore

DEFAULT_LANGUAGE = "en_US"


def words(store: ProjectStore) -> list[str]:
    """Every word of the project's dictionary, in the order they were added."""
    found = store.db.conn.execute("SELECT word FROM dictionary_words ORDER BY id")
    return [str(row[0]) for row in found]


def add(store: ProjectStore, word: str) -> None:
    """Accept ``word`` in this project (adding it twice is harmless)."""
    word = word.strip()
    if not word or any(c.isspace() for c in word):
        raise EditError("a dictionary word must be one word")
    now = datetime.now(UTC).isoformat(timespec="seconds")
    with store.writing():
        store.db.conn.execute(
            "INSERT INTO dictionary_words (word, added_at) VALUES (?, ?) "
            "ON CONFLICT(word) DO NOTHING",
            (word, now),
        )


def remove(store: ProjectStore, word: str) -> None:
    with store.writing():
        store.db.conn.execute("DELETE FROM dictionary_words WHERE word = ?", (word,))


_TAG = re.compile(r"^[a-z]{2,3}(_[A-Z]{2})?$")


def set_language(store: ProjectStore, tag: str) -> None:
    """Check this project's spelling in ``tag`` (``en_GB``, ``de``); kept in the project."""
    tag = tag.strip().replace("-", "_")
    if not _TAG.match(tag):
        raise EditError(f"{tag!r} is not a language tag like en_GB or de")
    with store.writing():
        store.db.conn.execute(
            "INSERT INTO meta (key, value) VALUES ('language', ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (tag,),
        )


def language(store: ProjectStore) -> str:
    """The language to check spelling in: the project's ``language`` entry, else en_US."""
    tag = store.meta().get("language", "").strip().replace("-", "_")
    return tag or DEFAULT_LANGUAGE
