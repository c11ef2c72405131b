"""The glossary panel: every finding (fix selected, fix all, ignore) and the terms themselves."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from editor.core.glossary import Finding
from editor.core.model import GlossaryTerm

RULES = (("every", "™ on every mention"), ("first", "™ on the first mention only"))


def _table(headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAccessibleName(name)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _cell(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    return item


class GlossaryPanel(QWidget):
    fix_requested = Signal(list)  # list[Finding]
    ignore_requested = Signal(list)  # list[Finding]
    go_to_turn = Signal(int)  # turn id
    add_term_requested = Signal()
    remove_term_requested = Signal(int)  # term id
    import_requested = Signal()
    export_requested = Signal()
    rule_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.findings: list[Finding] = []
        self.terms: list[GlossaryTerm] = []
        self.issues_table = _table(["Turn", "Found", "Problem", "Suggestion", "Score"], "Issues")
        self.terms_table = _table(["Term", "Variants", "Note", "Mentions"], "Glossary terms")
        self.fix_selected = QPushButton("Fix Selected")
        self.fix_all = QPushButton("Fix All")
        self.ignore = QPushButton("Ignore Here")
        self.rule = QComboBox()
        self.rule.setAccessibleName("Trademark mark rule")
        for value, label in RULES:
            self.rule.addItem(label, value)
        self.rule.setToolTip("How exports write ™/®: the mark rule")
        issues = QWidget()
        issue_layout = QVBoxLayout(issues)
        issue_layout.addWidget(self.issues_table)
        issue_buttons = QHBoxLayout()
        for button in (self.fix_selected, self.fix_all, self.ignore):
            issue_buttons.addWidget(button)
        issue_layout.addLayout(issue_buttons)
        terms = QWidget()
        term_layout = QVBoxLayout(terms)
        term_layout.addWidget(self.terms_table)
        term_buttons = QGridLayout()
        remove = QPushButton("Remove")
        remove.clicked.connect(self._remove)
        buttons = [
            ("Add Term…", self.add_term_requested.emit),
            ("Remove", None),
            ("Import CSV…", self.import_requested.emit),
            ("Export CSV…", self.export_requested.emit),
        ]
        for position, (label, action) in enumerate(buttons):
            button = remove if action is None else QPushButton(label)
            if action is not None:
                button.clicked.connect(action)
            term_buttons.addWidget(button, position // 2, position % 2)
        term_layout.addLayout(term_buttons)
        term_layout.addWidget(self.rule)
        self.tabs = QTabWidget()
        self.tabs.addTab(issues, "Issues")
        self.tabs.addTab(terms, "Terms")
        QVBoxLayout(self).addWidget(self.tabs)
        self.fix_selected.clicked.connect(lambda: self.fix_requested.emit(self.selected()))
        self.fix_all.clicked.connect(lambda: self.fix_requested.emit(list(self.findings)))
        self.ignore.clicked.connect(lambda: self.ignore_requested.emit(self.selected()))
        self.issues_table.cellDoubleClicked.connect(self._go)
        self.rule.activated.connect(lambda i: self.rule_changed.emit(self.rule.itemData(i)))

    def show_findings(self, findings: list[Finding], all_findings: list[Finding]) -> None:
        self.findings = findings
        self.issues_table.setRowCount(len(findings))
        for row, finding in enumerate(findings):
            hit = finding.hit
            values = [
                str(finding.turn_number),
                hit.found,
                hit.kind.value,
                hit.suggestion,
                f"{hit.score:g}",
            ]
            for column, value in enumerate(values):
                self.issues_table.setItem(row, column, _cell(value))
        self.issues_table.resizeColumnsToContents()
        self.tabs.setTabText(0, f"Issues ({len(findings)})")
        mentions: dict[int, int] = {}
        for finding in all_findings:
            mentions[finding.hit.term.id] = mentions.get(finding.hit.term.id, 0) + 1
        for row, term in enumerate(self.terms):
            self.terms_table.setItem(row, 3, _cell(str(mentions.get(term.id, 0))))

    def show_terms(self, terms: list[GlossaryTerm], rule: str) -> None:
        self.terms = terms
        self.terms_table.setRowCount(len(terms))
        for row, term in enumerate(terms):
            for column, value in enumerate([term.term, " | ".join(term.variants), term.note, ""]):
                self.terms_table.setItem(row, column, _cell(value))
        self.rule.setCurrentIndex(max(0, self.rule.findData(rule)))
        self.tabs.setTabText(1, f"Terms ({len(terms)})")

    def selected(self) -> list[Finding]:
        rows = sorted({index.row() for index in self.issues_table.selectedIndexes()})
        return [self.findings[r] for r in rows if r < len(self.findings)]

    def _go(self, row: int, _column: int) -> None:
        if row < len(self.findings):
            self.go_to_turn.emit(self.findings[row].turn_id)

    def _remove(self) -> None:
        rows = sorted({i.row() for i in self.terms_table.selectedIndexes()})
        for row in rows:
            if row < len(self.terms):
                self.remove_term_requested.emit(self.terms[row].id)
