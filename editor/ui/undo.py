"""The undo stack: every edit is a core operation; undo and redo replay its ``Changes``.

An operation runs (and is saved) before its command is pushed, so a refused operation never
reaches the stack. Undo and redo write to the project at once, like any edit.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication, QUndoCommand, QUndoStack

from editor.core import ops
from editor.core.changes import Changes
from editor.core.errors import EditorError
from editor.core.project import record_history
from editor.core.project.record_history import RecordChange, RecordKind
from editor.core.project.store import ProjectStore
from editor.ui.turn_model import TurnListModel

ErrorHandler = Callable[[str], None]
WriteListener = Callable[[EditorError | None], None]  # None: written; else why it was not
T = TypeVar("T")


class _RanBeforePush(QUndoCommand):
    """A command whose work was done (and saved) before it was pushed: QUndoStack calls
    ``redo`` on push, which must not do it again."""

    def __init__(self, label: str) -> None:
        super().__init__(label)
        self._pushed = False

    def redo(self) -> None:
        if self._pushed:
            self.redo_again()
        self._pushed = True

    def redo_again(self) -> None:
        raise NotImplementedError


class ChangesCommand(_RanBeforePush):
    def __init__(self, runner: OperationRunner, changes: Changes, label: str) -> None:
        super().__init__(label)
        self._runner = runner
        self.changes = changes

    def redo_again(self) -> None:
        self._runner.replay(lambda store: ops.redo(store, self.changes))

    def undo(self) -> None:
        self._runner.replay(lambda store: ops.undo(store, self.changes))


class RecordCommand(_RanBeforePush):
    """A step on clips, chapters or the glossary; ``refresh`` redraws what shows them."""

    def __init__(
        self, runner: OperationRunner, change: RecordChange, refresh: Callable[[], None]
    ) -> None:
        super().__init__(change.label)
        self._runner, self.change, self._refresh = runner, change, refresh

    def redo_again(self) -> None:
        self._runner.replay_records(self.change.after, self._refresh)

    def undo(self) -> None:
        self._runner.replay_records(self.change.before, self._refresh)


class OperationRunner:
    """Runs operations against the open project and keeps model and stack in step."""

    def __init__(self, model: TurnListModel, on_error: ErrorHandler) -> None:
        self.model = model
        self.stack = QUndoStack()
        self.on_error = on_error
        self.after_change: list[Callable[[Changes], None]] = []
        self.write_listeners: list[WriteListener] = []  # every write tried: done or refused

    @property
    def store(self) -> ProjectStore:
        assert self.model.store is not None, "no project is open"
        return self.model.store

    def run(
        self,
        operation: Callable[[ProjectStore], Changes],
        label: str | None = None,
        rescue: str | None = None,
    ) -> Changes | None:
        """Run an operation; on success apply it to the model and push it for undo.

        If it is refused, ``rescue`` (text the user typed) goes to the clipboard, so a full
        disk or a read-only project never costs the user what they wrote.
        """
        try:
            changes = operation(self.store)
        except EditorError as error:
            message = str(error)
            if rescue:
                QGuiApplication.clipboard().setText(rescue)
                message += ". Your text was copied to the clipboard"
            self.on_error(message)
            self._wrote(error)
            return None
        if not changes.is_empty:
            self._applied(changes)
            self._wrote(None)
            text = label or changes.label
            if changes.count > 1:
                text = f"{text} ({changes.count})"
            self.stack.push(ChangesCommand(self, changes, text))
        return changes

    def replay(self, restore: Callable[[ProjectStore], Changes]) -> None:
        try:
            changes = restore(self.store)
        except EditorError as error:
            # The file no longer matches the history; never overwrite newer work with it.
            self._abandon_history(error)
            return
        self._applied(changes)
        self._wrote(None)

    def run_records(
        self,
        kind: RecordKind,
        label: str,
        action: Callable[[ProjectStore], T],
        refresh: Callable[[], None],
    ) -> T | None:
        """Run a write to clips, chapters or the glossary as one transaction and one undo step;
        ``None`` if it was refused (the user is told why)."""
        store = self.store
        try:
            result, change = record_history.record_step(store, kind, label, lambda: action(store))
        except EditorError as error:
            self.on_error(str(error))
            self._wrote(error)
            refresh()
            return None
        if not change.is_empty:
            self.stack.push(RecordCommand(self, change, refresh))
            self._wrote(None)
        refresh()
        return result

    def replay_records(
        self, state: record_history.RecordState, refresh: Callable[[], None]
    ) -> None:
        try:
            record_history.restore(self.store, state)
        except EditorError as error:
            self._abandon_history(error)
        else:
            self._wrote(None)
        refresh()

    def macro(self, label: str) -> _Macro:
        return _Macro(self.stack, label)

    def reset(self) -> None:
        self.stack.clear()

    def _abandon_history(self, error: EditorError) -> None:
        """Called from inside a command's undo or redo: clearing the stack there would delete
        the command QUndoStack is still running, so it is cleared once that call returns."""
        QTimer.singleShot(0, self.stack.clear)
        self.on_error(f"{error}. The undo history was cleared.")
        self._wrote(error)

    def _wrote(self, error: EditorError | None) -> None:
        for listener in self.write_listeners:
            listener(error)

    def _applied(self, changes: Changes) -> None:
        self.model.apply(changes)
        for listener in self.after_change:
            listener(changes)


class _Macro:
    """Several operations as one undo step."""

    def __init__(self, stack: QUndoStack, label: str) -> None:
        self._stack, self._label = stack, label

    def __enter__(self) -> None:
        self._stack.beginMacro(self._label)

    def __exit__(self, *exc: object) -> None:
        self._stack.endMacro()
