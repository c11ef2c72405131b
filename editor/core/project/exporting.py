"""The transcript as exporters should see it (the glossary's mark rule applied), and the
episode's author as exports name it: its hosts."""

from __future__ import annotations

from editor.core.glossary.marks import apply_mark_rule
from editor.core.glossary.matcher import GlossaryMatcher
from editor.core.glossary.scan import MarkRule
from editor.core.model import EpisodeMeta, Transcript
from editor.core.project.store import ProjectStore


def transcript_for_export(store: ProjectStore) -> Transcript:
    return with_marks(store, store.transcript())


def with_marks(store: ProjectStore, transcript: Transcript) -> Transcript:
    """``transcript`` (the project's turns, in order) with the glossary's mark rule applied."""
    terms = store.glossary.terms()
    if not terms:
        return transcript
    rule = MarkRule(store.glossary.mark_rule())
    return apply_mark_rule(transcript, GlossaryMatcher(terms), rule)


def episode_author(episode: EpisodeMeta) -> str:
    """The hosts' names, ``"Ann, Bo"``; empty when the project names no host."""
    return ", ".join(p.name.strip() for p in episode.people if p.role == "host" and p.name.strip())
