"""Importing an episode page: its metadata, its glossary terms and, into an empty project, its
transcript. The window and the command line both call this (through the session, with the
records ``episode`` and ``glossary``, so the whole import is one step)."""

from __future__ import annotations

from editor.core.changes import Changes
from editor.core.episode_page import EpisodePage
from editor.core.ops.structure import insert_turns
from editor.core.project.record_history import RecordKind
from editor.core.project.store import ProjectStore

PAGE_RECORDS: tuple[RecordKind, ...] = ("episode", "glossary")


def import_episode_page(store: ProjectStore, page: EpisodePage) -> Changes:
    """The page's metadata and glossary, and its transcript when the project has no turns."""
    store.set_episode(page.meta)
    store.glossary.add_new_terms(page.glossary)
    if page.transcript is not None and store.turn_count() == 0:
        return insert_turns(store, page.transcript.turns, label="Import episode page")
    return Changes("Import episode page")
