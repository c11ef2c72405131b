"""Applying the mark rule when exporting: ™/® on every mention, or on the first one only."""

from __future__ import annotations

from dataclasses import replace

from editor.core.glossary.matcher import GlossaryMatcher, Kind, split_mark
from editor.core.glossary.scan import MarkRule
from editor.core.model import Transcript


def apply_mark_rule(transcript: Transcript, matcher: GlossaryMatcher, rule: MarkRule) -> Transcript:
    """The transcript with each correctly spelled mention carrying its mark as the rule says.

    Only mentions whose words and case are right are touched; mis-hearings and case problems
    are left for a person to fix in the editor.
    """
    texts = mark_texts([turn.text for turn in transcript.turns], matcher, rule)
    turns = tuple(
        replace(turn, text=text) for turn, text in zip(transcript.turns, texts, strict=True)
    )
    return replace(transcript, turns=turns)


def mark_texts(texts: list[str], matcher: GlossaryMatcher, rule: MarkRule) -> list[str]:
    """The same for any texts read in order (show notes: summary, topics, quotes …)."""
    seen: set[int] = set()
    result = []
    for original in texts:
        edits: list[tuple[int, int, str]] = []
        for hit in matcher.check(original):
            if hit.kind not in (Kind.CANONICAL, Kind.STYLE):
                continue
            first = hit.term.id not in seen
            seen.add(hit.term.id)
            surface, mark = split_mark(hit.term.term)
            if mark and split_mark(hit.found)[0] == surface:
                wanted = mark if rule == MarkRule.EVERY or first else ""
                edits.append((hit.start, hit.end, surface + wanted))
        text = original
        for start, end, replacement in reversed(edits):
            text = text[:start] + replacement + text[end:]
        result.append(text)
    return result
