"""Fixing glossary findings: replace each found text with the term's canonical form."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace

from editor.core.changes import Changes
from editor.core.glossary.scan import Finding
from editor.core.project.store import ProjectStore
from editor.core.words import reconcile


def fix_findings(store: ProjectStore, findings: Iterable[Finding]) -> Changes:
    """Replace every given finding that is still in place; one step, ``count`` = fixes made."""
    by_turn: dict[int, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_turn[finding.turn_id].append(finding)
    with store.edit("Fix glossary terms") as session:
        for turn_id, found in by_turn.items():
            turn = store.find_turn(turn_id)
            if turn is None:
                continue
            text = turn.text
            for finding in sorted(found, key=lambda f: f.hit.start, reverse=True):
                hit = finding.hit
                if text[hit.start : hit.end] == hit.found and hit.found != hit.suggestion:
                    text = text[: hit.start] + hit.suggestion + text[hit.end :]
                    session.count += 1
            if text != turn.text:
                session.put_turn(replace(turn, text=text, words=reconcile(turn.words, text)), turn)
    return session.changes()
