"""The save state in the status bar: "Saved", "Not saved — why", "Draft kept" or "Read-only".

Every committed change is written at once (there is no Save step), so there is no "Saving…"
either: the label says "Saved" after each write (the time is in its tooltip), "Not saved — …"
when the disk refused one (disk full, the file made read-only …) until a later write goes
through, "Draft kept" while the open editor holds typing that is kept as a draft but not yet
committed, and "Read-only" for a project opened read-only.

It is given only what it watches (``Collaborators``: the status bar, the turn model, the
session's runner; and the draft keeper), not the window: the window builds it (issue 19).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel

from editor.core.errors import EditorError, ProjectError
from editor.core.project.store import ProjectStore

if TYPE_CHECKING:
    from editor.ui.collaborators import Collaborators
    from editor.ui.drafts import DraftKeeper

SAVED, NOT_SAVED, DRAFT, READ_ONLY = "Saved", "Not saved", "Draft kept", "Read-only"


class SaveStatus:
    """Owns the permanent status-bar label and keeps it true."""

    def __init__(self, parts: Collaborators, drafts: DraftKeeper) -> None:
        self.model = parts.model
        self.label = QLabel("")
        self.label.setObjectName("saveStatus")
        self.label.setAccessibleName("Save state")
        parts.status_bar.addPermanentWidget(self.label)
        self._store: ProjectStore | None = None
        self._saved_at: datetime | None = None
        self._refused: str | None = None
        self._draft = False
        parts.runner.write_listeners.append(self._on_write)
        drafts.kept_changed.connect(self._on_draft)
        drafts.draft_refused.connect(self._on_draft_refused)
        parts.model.modelReset.connect(self._on_project)
        self._show()

    @property
    def state(self) -> str:
        """The label's first words: one of the module's states, or "" with no project open."""
        return self.label.text().split(" — ", maxsplit=1)[0]

    def _on_project(self) -> None:
        store = self.model.store
        if store is not self._store:  # opened or closed, not a reload of the same project
            self._store, self._saved_at, self._refused, self._draft = store, None, None, False
            self._show()

    def _on_write(self, error: EditorError | None) -> None:
        if error is None:
            self._saved_at, self._refused = datetime.now(), None
        elif isinstance(error, ProjectError):
            self._refused = error.reason
        else:
            return  # an edit that does not fit the transcript: nothing was to be written
        self._show()

    def _on_draft(self, kept: bool) -> None:
        self._draft = kept
        self._show()

    def _on_draft_refused(self, reason: str) -> None:
        self._refused = f"your typing could not be kept as a draft: {reason}"
        self._show()

    def _show(self) -> None:
        text, tip = self._describe()
        self.label.setText(text)
        self.label.setToolTip(tip)
        self.label.setAccessibleDescription(tip)

    def _describe(self) -> tuple[str, str]:
        store = self._store
        if store is None:
            return "", ""
        name = store.path.name
        if store.readonly:
            return READ_ONLY, f"{name} was opened read-only: changes cannot be saved."
        if self._refused is not None:
            return (
                f"{NOT_SAVED} — {self._refused}",
                f"The last change was not written to {name}: {self._refused}. "
                "Your typing was kept (on the clipboard or as a draft); try again once "
                "this is fixed.",
            )
        if self._draft:
            return (
                DRAFT,
                "What you are typing is kept as a draft in the project; "
                "Enter commits it, Escape discards it.",
            )
        if self._saved_at is None:
            return SAVED, f"Every change is written to {name} as you make it."
        return SAVED, f"Saved to {name} at {self._saved_at:%H:%M:%S}."
