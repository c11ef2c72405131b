"""Checking a whole transcript, and the mark rule ("™ on every mention" or "first mention only").

With the first-mention rule a later mention without its mark is correct, not a style issue.
Occurrences the user chose to ignore in a turn are left out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from editor.core.gc_pause import paused_gc
from editor.core.glossary.matcher import GlossaryMatcher, Hit, Kind
from editor.core.model import Turn


class MarkRule(Enum):
    EVERY = "every"
    FIRST = "first"


@dataclass(frozen=True, slots=True)
class Finding:
    turn_id: int
    turn_number: int  # 1-based, as the editor shows it
    hit: Hit

    @property
    def kind(self) -> Kind:
        return self.hit.kind

    def as_dict(self) -> dict[str, object]:
        return {
            "turn": self.turn_number,
            "offset": self.hit.start,
            "found": self.hit.found,
            "class": self.hit.kind.value,
            "suggestion": self.hit.suggestion,
            "score": self.hit.score,
        }


def relax_for_rule(hit: Hit, rule: MarkRule, seen: set[int]) -> Hit:
    """Apply the mark rule to one hit, given the terms already mentioned earlier."""
    mentioned_before = hit.term.id in seen
    if hit.kind in (Kind.CANONICAL, Kind.STYLE):
        seen.add(hit.term.id)
    if rule == MarkRule.FIRST and mentioned_before and hit.missing_mark_only:
        return Hit(hit.start, hit.end, hit.found, hit.term, Kind.CANONICAL, hit.score)
    return hit


def scan(
    matcher: GlossaryMatcher,
    turns: Iterable[Turn],
    rule: MarkRule = MarkRule.EVERY,
    ignored: set[tuple[int, str]] | None = None,
) -> list[Finding]:
    """Every term occurrence in the transcript, in order (canonical ones included)."""
    seen: set[int] = set()
    findings = []
    with paused_gc():
        for number, turn in enumerate(turns, 1):
            for hit in matcher.check(turn.text):
                if ignored and (turn.id, hit.found) in ignored:
                    continue
                findings.append(Finding(turn.id, number, relax_for_rule(hit, rule, seen)))
    return findings


def issues(findings: Iterable[Finding]) -> list[Finding]:
    """The findings that need attention (everything but canonical uses)."""
    return [f for f in findings if f.kind != Kind.CANONICAL]
