"""Typing is never lost: the open turn editor's text is kept as a draft in the project.

While the user types, the text is saved about once a second (not on every key: each save is a
durable write). Committing clears the draft in the same transaction (see the core), Escape
discards it, and a commit the disk refused keeps it. When a project opens with drafts left
over from a crash, the user is asked whether to restore them, as one undoable step; a draft
left for later comes back in the editor when its turn is next edited.

Drafts are written through the session like every other write (``OperationRunner.write_aside``:
no step of the history, the same handling of a refusal). Both are given the window's parts
(``Collaborators``), not the window (issue 19).
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from editor.core import ops
from editor.core.changes import Changes
from editor.core.model import Turn
from editor.core.project.drafts import Draft
from editor.core.project.store import ProjectStore
from editor.ui.turn_editor import TurnTextEditor

if TYPE_CHECKING:
    from editor.ui.collaborators import Collaborators

SAVE_INTERVAL_MS = 1000
RESTORE, DISCARD = "restore", "discard"
PREVIEW_CHARS = 90


class DraftKeeper(QObject):
    """Keeps the text of the one open turn editor as a draft until it is committed."""

    kept_changed = Signal(bool)  # the open editor has typing kept as a draft, not committed
    draft_refused = Signal(str)  # why the disk refused to keep the typing

    def __init__(self, parts: Collaborators) -> None:
        super().__init__(parts.parent)
        self.parts = parts
        self._editor: TurnTextEditor | None = None
        self._base_text = ""
        self._saved: str | None = None  # the draft text on disk for the open editor
        self._warned = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_INTERVAL_MS)
        self._timer.timeout.connect(self.save_now)
        delegate = parts.view.turn_delegate
        delegate.editor_opened.connect(self._opened)
        delegate.editor_closing.connect(self._closing)

    def _opened(self, editor: TurnTextEditor, base_text: str) -> None:
        self._editor, self._base_text, self._saved, self._warned = editor, base_text, None, False
        store = self.parts.model.store
        kept = store.drafts.saved_text(editor.turn_id) if store is not None else None
        if kept is not None and kept != base_text:
            # Left for later when the project was opened: carry on from it, Escape drops it.
            editor.setPlainText(kept)
            editor.moveCursor(editor.textCursor().MoveOperation.End)
            self._saved = kept
            self.kept_changed.emit(True)
            self.parts.message(
                "This turn has text you typed earlier and never committed: Enter keeps it, "
                "Escape discards it",
                10_000,
            )
        # Not restarted on every key: someone typing without a pause is still saved each second.
        editor.document().contentsChanged.connect(
            lambda: None if self._timer.isActive() else self._timer.start()
        )

    def save_now(self) -> None:
        editor, store = self._editor, self.parts.model.store
        if editor is None or editor.finished or store is None or store.readonly:
            return
        text = editor.toPlainText()
        if text == self._saved or (self._saved is None and text == self._base_text):
            return
        turn_id, base = editor.turn_id, self._base_text
        refused = self.parts.runner.write_aside(
            lambda s: s.drafts.save(turn_id, text, base),
            "Your typing could not be kept as a draft",
            quiet=self._warned,  # once per editor: the commit will say it again if it fails
        )
        if refused is not None:
            self._warned = True
            self.draft_refused.emit(getattr(refused, "reason", str(refused)))
            return
        self._saved = text
        self.kept_changed.emit(True)

    def _closing(self, editor: TurnTextEditor) -> None:
        if editor is not self._editor:
            return
        self._timer.stop()
        store = self.parts.model.store
        if store is not None and not store.readonly:
            self._settle(editor, store.find_turn(editor.turn_id))
        self._editor = None
        self.kept_changed.emit(False)

    def _settle(self, editor: TurnTextEditor, turn: Turn | None) -> None:
        turn_id, text, base = editor.turn_id, editor.toPlainText(), self._base_text
        cancelled = not editor.finished
        # A refusal here was told by the commit, which copied the text to the clipboard.
        if cancelled or turn is None or turn.text == text:
            if self._saved is not None:
                self.parts.runner.write_aside(
                    lambda s: s.drafts.discard(turn_id), "The draft was not dropped", quiet=True
                )
        elif text != self._saved:
            # Handed over to a split or merge (which clears it when it lands), or a refused
            # commit: either way the latest typing is kept until the text is saved.
            self.parts.runner.write_aside(
                lambda s: s.drafts.save(turn_id, text, base),
                "Your typing could not be kept as a draft",
                quiet=True,
            )


def ask_restore(parent: QWidget, drafts: list[Draft]) -> str | None:
    """Ask what to do with typing left over from a session that ended before committing it;
    ``None`` keeps the drafts for later."""
    lines = []
    for draft in drafts[:5]:
        text = " ".join(draft.text.split())
        preview = text if len(text) <= PREVIEW_CHARS else text[:PREVIEW_CHARS].rstrip() + "…"
        who = f" ({draft.speaker})" if draft.speaker else ""
        changed = " — the turn was changed since" if draft.turn_changed_since else ""
        lines.append(f"• Turn {draft.number}{who}{changed}: “{preview}”")
    if len(drafts) > 5:
        lines.append(f"• and {len(drafts) - 5} more")
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "Restore Typed Text?",
        f"Text you typed in {len(drafts)} {'turn' if len(drafts) == 1 else 'turns'} was never "
        "committed: the editor closed before you pressed Enter (the app or the computer "
        "stopped).\n\n" + "\n".join(lines),
    )
    box.setParent(parent, box.windowFlags())
    restore = box.addButton("Restore", QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton("Discard", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton("Decide Later", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore)
    box.exec()
    clicked = box.clickedButton()
    return RESTORE if clicked is restore else DISCARD if clicked is discard else None


def _restore_text(store: ProjectStore, draft: Draft) -> Changes:
    return ops.edit_text(store, draft.turn_id, draft.text)


def offer_restore(parts: Collaborators) -> None:
    """On opening a project for editing: bring back typing a crash left uncommitted."""
    store = parts.model.store
    if store is None or store.readonly:
        return
    pending = store.drafts.pending()
    if not pending:
        return
    choice = ask_restore(parts.parent, pending)
    if choice == DISCARD:
        parts.runner.write_aside(
            lambda s: s.drafts.discard_all(), "The typed text could not be discarded"
        )
    elif choice is None:
        parts.runner.write_aside(
            lambda s: s.drafts.defer_all(), "The typed text could not be left for later"
        )
    elif choice == RESTORE:
        runner = parts.runner
        with runner.macro("Restore typed text"):
            for draft in pending:
                runner.run(
                    partial(_restore_text, draft=draft),
                    label=f"Restore typed text in turn {draft.number}",
                    rescue=draft.text,
                )
        row = parts.model.row_of(pending[0].turn_id)
        if row is not None:
            parts.view.select_row(row)
        parts.message(f"Restored typed text in {len(pending)} turn(s); Undo takes it back", 10_000)
