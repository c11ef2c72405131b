"""The glossary in the window: highlights, hover hints, the right-click menu, F8 to the next
issue, and the panel's fix / ignore / term commands.

The controller is given the window's parts it works with (``Collaborators``: the turn model and
view, the session's runner, the status bar), not the window (issue 19)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLineEdit,
    QMenu,
    QMessageBox,
    QToolTip,
)

from editor.core import ops
from editor.core.errors import EditorError
from editor.core.glossary import Finding, Hit, Kind
from editor.core.glossary.csv_io import read_glossary_csv, write_glossary_csv
from editor.core.model import CaseRule
from editor.core.ops.bulk import BEFORE_FIX_ALL
from editor.core.project.store import ProjectStore
from editor.ui.glossary_panel import GlossaryPanel
from editor.ui.glossary_state import GlossaryState

if TYPE_CHECKING:
    from editor.ui.collaborators import Collaborators

CSV_FILTER = "Glossary CSV (*.csv)"


class GlossaryController(QObject):
    def __init__(self, parts: Collaborators) -> None:
        super().__init__(parts.parent)
        self.parts = parts
        self.state = GlossaryState(parts.model)
        self.panel = GlossaryPanel()
        parts.view.turn_delegate.providers.append(self.state.highlights)
        self.state.changed.connect(self._refresh_panel)
        parts.runner.after_change.append(lambda _changes: self.state.schedule())
        parts.view.text_tooltip.connect(self.show_tooltip)
        parts.view.text_context_menu.connect(self.show_menu)
        p = self.panel
        p.fix_requested.connect(self.fix)
        p.ignore_requested.connect(self.ignore)
        p.go_to_turn.connect(self._go_to_turn)
        p.add_term_requested.connect(lambda: self.add_term_dialog(""))
        p.remove_term_requested.connect(self.remove_term)
        p.import_requested.connect(self.import_dialog)
        p.export_requested.connect(self.export_dialog)
        p.rule_changed.connect(self.set_rule)

    # -- project and refresh -------------------------------------------------------------------

    def reload(self) -> None:
        self.state.reload()
        store = self.parts.model.store
        self.panel.show_terms(
            store.glossary.terms() if store else [],
            store.glossary.mark_rule() if store else "every",
        )
        self._refresh_panel()

    def _step(self, label: str, action: Callable[[ProjectStore], object]) -> object | None:
        """A glossary change as one undoable step; ``None`` if it was refused."""
        return self.parts.runner.run_records("glossary", label, action, self.reload)

    def _refresh_panel(self) -> None:
        self.panel.show_findings(self.state.issues(), self.state.findings)
        self.parts.view.viewport().update()

    # -- fixing and ignoring -------------------------------------------------------------------

    def fix(self, findings: list[Finding]) -> int:
        wanted = [f for f in findings if f.kind != Kind.CANONICAL]
        if not wanted:
            return 0
        if len(wanted) > 1:
            changes = self.parts.runner.run(
                lambda s: ops.fix_findings(s, wanted), snapshot=BEFORE_FIX_ALL
            )
        else:
            changes = self.parts.runner.run(lambda s: ops.fix_findings(s, wanted))
        count = changes.count if changes is not None else 0
        self.state.rescan()
        self.parts.message(f"Fixed {count} glossary issue(s)", 5000)
        return count

    def ignore(self, findings: list[Finding]) -> None:
        store = self.parts.model.store
        if store is None:
            return

        def ignore_all(s: ProjectStore) -> None:
            for finding in findings:
                s.glossary.ignore(finding.turn_id, finding.hit.found)

        self._step("Ignore here", ignore_all)

    def next_issue(self, direction: int = 1) -> bool:
        """Select the turn of the next (or previous) issue after the current turn."""
        issues = self.state.issues()
        if not issues:
            self.parts.message("No glossary issues.", 4000)
            return False
        current = self.parts.view.current_row()
        rows = sorted({self.parts.model.row_of(f.turn_id) or 0 for f in issues})
        if direction > 0:
            target = next((r for r in rows if current is None or r > current), rows[0])
        else:
            target = next(
                (r for r in reversed(rows) if current is not None and r < current), rows[-1]
            )
        self.parts.view.show_row(target, select=True)
        return True

    # -- pointing at a term in the text --------------------------------------------------------

    def hit_at(self, row: int, offset: int) -> Hit | None:
        return self.state.hit_at(self.parts.model.turn(row), offset) if offset >= 0 else None

    def show_tooltip(self, row: int, offset: int, where: QPoint) -> None:
        hit = self.hit_at(row, offset)
        if hit is None:
            QToolTip.hideText()
        else:
            QToolTip.showText(where, self.state.describe(hit), self.parts.view)

    def menu_for(self, row: int, offset: int) -> QMenu:
        turn = self.parts.model.turn(row)
        hit = self.hit_at(row, offset)
        menu = QMenu(self.parts.parent)
        if hit is not None and hit.kind != Kind.CANONICAL:
            finding = Finding(turn.id, row + 1, hit)
            menu.addAction(f"Replace with “{hit.suggestion}”", lambda: self.fix([finding]))
            if hit.kind == Kind.SUSPECT:
                menu.addAction(f"Add “{hit.found}” as a Variant", lambda: self.add_variant(hit))
            menu.addAction("Ignore Here", lambda: self.ignore([finding]))
            menu.addSeparator()
        word = hit.found if hit is not None else _word_at(turn.text, offset)
        menu.addAction("Add to Glossary…", lambda: self.add_term_dialog(word))
        return menu

    def show_menu(self, row: int, offset: int, where: QPoint) -> None:
        self.menu_for(row, offset).exec(where)

    # -- terms ---------------------------------------------------------------------------------

    def add_variant(self, hit: Hit) -> None:
        if self.parts.model.store is not None:
            self._step(
                f"Add “{hit.found}” as a variant",
                lambda s: s.glossary.add_variant(hit.term.id, hit.found),
            )

    def add_term(
        self, term: str, variants: tuple[str, ...] = (), note: str = "", ignore_case: bool = False
    ) -> None:
        store = self.parts.model.store
        if store is None:
            return
        rule = CaseRule.IGNORE if ignore_case else CaseRule.EXACT
        self._step(
            f"Add “{term.strip()}” to the glossary",
            lambda s: s.glossary.add(term.strip(), variants, rule, note),
        )

    def add_term_dialog(self, suggestion: str) -> None:
        dialog = QDialog(self.parts.parent)
        dialog.setWindowTitle("Add to Glossary")
        term, variants, note = QLineEdit(suggestion), QLineEdit(), QLineEdit()
        term.setPlaceholderText("as it should be written, with ™ or ® if it has one")
        variants.setPlaceholderText("mis-hearings to catch, separated by |")
        ignore_case = QCheckBox("Letter case does not matter")
        form = QFormLayout(dialog)
        form.addRow("&Term:", term)
        form.addRow("&Variants:", variants)
        form.addRow("&Note:", note)
        form.addRow(ignore_case)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        form.addRow(buttons)
        if dialog.exec() == QDialog.DialogCode.Accepted and term.text().strip():
            listed = tuple(v.strip() for v in variants.text().split("|") if v.strip())
            self.add_term(term.text(), listed, note.text().strip(), ignore_case.isChecked())

    def remove_term(self, term_id: int) -> None:
        if self.parts.model.store is not None:
            self._step("Remove glossary term", lambda s: s.glossary.remove(term_id))

    def set_rule(self, rule: str) -> None:
        if self.parts.model.store is not None:
            self._step("Change the ™ rule", lambda s: s.glossary.set_mark_rule(rule))

    def import_csv(self, path: Path) -> int:
        store = self.parts.model.store
        if store is None:
            return 0
        try:
            terms = read_glossary_csv(path)
        except EditorError as error:
            QMessageBox.warning(self.parts.parent, "Cannot Import Glossary", str(error))
            return 0
        done = self._step(
            f"Import glossary {path.name}",
            lambda s: s.glossary.add_new_terms(terms),
        )
        return 0 if done is None else len(terms)

    def import_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.parts.parent, "Import Glossary", "", CSV_FILTER)
        if path:
            self.import_csv(Path(path))

    def export_dialog(self) -> None:
        store = self.parts.model.store
        if store is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self.parts.parent, "Export Glossary", str(store.path.with_suffix(".csv")), CSV_FILTER
        )
        if not path:
            return
        try:
            Path(path).write_text(write_glossary_csv(store.glossary.terms()), encoding="utf-8")
        except OSError as error:
            self.parts.show_error(f"{path}: cannot write the glossary ({error.strerror})")

    def _go_to_turn(self, turn_id: int) -> None:
        row = self.parts.model.row_of(turn_id)
        if row is not None:
            self.parts.view.show_row(row, select=True)


def _word_at(text: str, offset: int) -> str:
    if not 0 <= offset < len(text) or not text[offset].isalnum():
        return ""
    start = offset
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "'’-"):
        start -= 1
    end = offset
    while end < len(text) and (text[end].isalnum() or text[end] in "'’-"):
        end += 1
    return text[start:end]
