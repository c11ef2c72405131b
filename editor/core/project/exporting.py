"""The transcript as exporters should see it: with the project's glossary mark rule applied."""

from __future__ import annotations

from editor.core.glossary.marks import apply_mark_rule
from editor.core.glossary.matcher import GlossaryMatcher
from editor.core.glossary.scan import MarkRule
from editor.core.model import Transcript
from editor.core.project.store import ProjectStore


def transcript_for_export(store: ProjectStore) -> Transcript:
    transcript = store.transcript()
    terms = store.glossary.terms()
    if not terms:
        return transcript
    rule = MarkRule(store.glossary.mark_rule())
    return apply_mark_rule(transcript, GlossaryMatcher(terms), rule)
