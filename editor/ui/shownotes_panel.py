"""The Show Notes panel: the episode's metadata as plain fields, and a live preview.

People are written one per line as ``role: Name — https://…``, links as ``Title → https://…``;
the fields are saved to the project as you type (after a short pause).
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from editor.core.model import EpisodeMeta, Link, Person

PREVIEW_KINDS = (("md", "Markdown"), ("html", "HTML (RSS description)"), ("txt", "Plain text"))
_PERSON = re.compile(r"^\s*(?:(?P<role>[\w -]+):\s*)?(?P<name>[^—]+?)\s*(?:—\s*(?P<url>\S+))?\s*$")
_LINK = re.compile(r"^\s*(?P<title>.*?)\s*(?:→|->)\s*(?P<url>\S+)\s*$")


def people_lines(people: tuple[Person, ...]) -> str:
    return "\n".join(
        f"{p.role + ': ' if p.role else ''}{p.name}{' — ' + p.url if p.url else ''}" for p in people
    )


def parse_people(text: str, old: tuple[Person, ...] = ()) -> tuple[Person, ...]:
    bios = {p.name: p.bio for p in old}
    result = []
    for line in text.splitlines():
        match = _PERSON.match(line)
        if match and match["name"].strip():
            name = match["name"].strip()
            result.append(
                Person(
                    name,
                    (match["role"] or "").strip().lower(),
                    match["url"] or "",
                    bios.get(name, ""),
                )
            )
    return tuple(result)


def links_lines(links: tuple[Link, ...]) -> str:
    return "\n".join(f"{link.title} → {link.url}" for link in links)


def parse_links(text: str) -> tuple[Link, ...]:
    result = []
    for line in text.splitlines():
        match = _LINK.match(line)
        if match:
            result.append(Link(match["title"].strip(), match["url"]))
        elif line.strip().startswith(("http://", "https://")):
            result.append(Link("", line.strip()))
    return tuple(result)


class ShowNotesPanel(QWidget):
    changed = Signal(object)  # EpisodeMeta, after a pause in typing
    preview_requested = Signal(str)  # kind

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLineEdit()
        self.show_name = QLineEdit()
        self.season, self.number = QSpinBox(), QSpinBox()
        for box in (self.season, self.number):
            box.setRange(0, 9999)
            box.setSpecialValueText("—")
        self.summary = QPlainTextEdit()
        self.topics = QPlainTextEdit()
        self.topics.setPlaceholderText("one topic a line")
        self.people = QPlainTextEdit()
        self.people.setPlaceholderText("host: Name — https://…")
        self.links = QPlainTextEdit()
        self.links.setPlaceholderText("Title → https://…")
        form_widget = QWidget()
        form = QFormLayout(form_widget)
        for label, widget in (
            ("&Title:", self.title),
            ("&Show:", self.show_name),
            ("Season:", self.season),
            ("Episode:", self.number),
            ("S&ummary:", self.summary),
            ("T&opics:", self.topics),
            ("&People:", self.people),
            ("&Links:", self.links),
        ):
            form.addRow(label, widget)
        self.kind = QComboBox()
        self.kind.setAccessibleName("Preview format")
        for value, label in PREVIEW_KINDS:
            self.kind.addItem(label, value)
        self.preview = QTextBrowser()
        self.preview.setAccessibleName("Show notes preview")
        self.preview.setOpenExternalLinks(False)
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        preview = QWidget()
        preview_layout = QVBoxLayout(preview)
        preview_layout.addWidget(self.kind)
        preview_layout.addWidget(self.preview, 1)
        preview_layout.addWidget(self.warnings)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # The panel is tall and narrow: the form above the preview, so the title field gets the
        # panel's whole width (side by side it showed one word).
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(form_widget)
        splitter.addWidget(preview)
        splitter.setStretchFactor(1, 1)
        QVBoxLayout(self).addWidget(splitter)
        self._meta = EpisodeMeta()
        self._loading = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(600)
        self._timer.timeout.connect(self._emit_change)
        for edit in (self.title, self.show_name):
            edit.textEdited.connect(self._timer.start)
        for box in (self.season, self.number):
            box.valueChanged.connect(self._on_value)
        for text in (self.summary, self.topics, self.people, self.links):
            text.textChanged.connect(self._on_value)
        self.kind.currentIndexChanged.connect(
            lambda _i: self.preview_requested.emit(self.kind.currentData())
        )

    def load(self, meta: EpisodeMeta) -> None:
        self._loading = True
        self._meta = meta
        self.title.setText(meta.title)
        self.show_name.setText(meta.show)
        self.season.setValue(meta.season or 0)
        self.number.setValue(meta.number or 0)
        self.summary.setPlainText(meta.summary)
        self.topics.setPlainText("\n".join(meta.topics))
        self.people.setPlainText(people_lines(meta.people))
        self.links.setPlainText(links_lines(meta.links))
        self._loading = False

    def meta(self) -> EpisodeMeta:
        return EpisodeMeta(
            title=self.title.text().strip(),
            show=self.show_name.text().strip(),
            season=self.season.value() or None,
            number=self.number.value() or None,
            summary=self.summary.toPlainText().strip(),
            topics=tuple(t.strip() for t in self.topics.toPlainText().splitlines() if t.strip()),
            people=parse_people(self.people.toPlainText(), self._meta.people),
            links=parse_links(self.links.toPlainText()),
        )

    def flush(self) -> None:
        """Save a pending change now (before the project closes)."""
        if self._timer.isActive():
            self._emit_change()

    def show_preview(self, kind: str, text: str, warnings: tuple[str, ...]) -> None:
        if kind == "html":
            self.preview.setHtml(text)
        elif kind == "md":
            self.preview.setMarkdown(text)
        else:
            self.preview.setPlainText(text)
        self.warnings.setText("\n".join(warnings))

    def _on_value(self) -> None:
        if not self._loading:
            self._timer.start()

    def _emit_change(self) -> None:
        self._timer.stop()
        self._meta = self.meta()
        self.changed.emit(self._meta)
