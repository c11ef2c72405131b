"""The open project's glossary as the window sees it: matcher, findings, highlights.

A full scan runs shortly after each change (debounced, ~150 ms for 100k words) and applies the
first-mention rule; a turn whose text changed since then is re-checked on its own when painted,
so highlights follow typing at once.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from editor.core.glossary import Finding, GlossaryMatcher, Hit, Kind, MarkRule, scan
from editor.core.glossary.scan import issues
from editor.core.model import Turn
from editor.ui.text_layout import Highlight
from editor.ui.turn_model import TurnListModel

STYLE_OF = {
    Kind.CANONICAL: "glossary_ok",
    Kind.STYLE: "glossary_style",
    Kind.VARIANT: "glossary_variant",
    Kind.SUSPECT: "glossary_suspect",
}
DESCRIPTION = {
    Kind.CANONICAL: "Glossary term",
    Kind.STYLE: "Style: write it as",
    Kind.VARIANT: "Known variant of",
    Kind.SUSPECT: "Possibly mis-heard:",
}


class GlossaryState(QObject):
    changed = Signal()  # findings were recomputed

    def __init__(self, model: TurnListModel) -> None:
        super().__init__()
        self.model = model
        self.matcher = GlossaryMatcher([])
        self.rule = MarkRule.EVERY
        self.ignored: set[tuple[int, str]] = set()
        self.findings: list[Finding] = []
        self._by_turn: dict[int, tuple[str, list[Hit]]] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.rescan)

    def reload(self) -> None:
        """Read terms, rule and ignores from the project again, and rescan now."""
        store = self.model.store
        if store is None:
            self.matcher, self.ignored = GlossaryMatcher([]), set()
        else:
            self.matcher = GlossaryMatcher(store.glossary.terms())
            self.rule = MarkRule(store.glossary.mark_rule())
            self.ignored = store.glossary.ignored()
        self.rescan()

    def schedule(self) -> None:
        self._timer.start()

    def rescan(self) -> None:
        self._timer.stop()
        turns = self.model.turns()
        self.findings = scan(self.matcher, turns, self.rule, self.ignored)
        grouped: dict[int, tuple[str, list[Hit]]] = {t.id: (t.text, []) for t in turns}
        for finding in self.findings:
            grouped[finding.turn_id][1].append(finding.hit)
        self._by_turn = grouped
        self.changed.emit()

    def issues(self) -> list[Finding]:
        return issues(self.findings)

    def hits(self, turn: Turn) -> list[Hit]:
        cached = self._by_turn.get(turn.id)
        if cached is not None and cached[0] == turn.text:
            return cached[1]
        hits = [h for h in self.matcher.check(turn.text) if (turn.id, h.found) not in self.ignored]
        self._by_turn[turn.id] = (turn.text, hits)
        return hits

    def hit_at(self, turn: Turn, offset: int) -> Hit | None:
        return next((h for h in self.hits(turn) if h.start <= offset < h.end), None)

    def highlights(self, turn: Turn) -> list[Highlight]:
        return [Highlight(h.start, h.end, STYLE_OF[h.kind]) for h in self.hits(turn)]

    @staticmethod
    def describe(hit: Hit) -> str:
        if hit.kind == Kind.CANONICAL:
            note = f" — {hit.term.note}" if hit.term.note else ""
            return f"{DESCRIPTION[hit.kind]}: {hit.term.term}{note}"
        score = f" (score {hit.score:g})" if hit.kind == Kind.SUSPECT else ""
        return f"{DESCRIPTION[hit.kind]} “{hit.suggestion}”{score}"
