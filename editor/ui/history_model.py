"""The project's history as the window shows it: a list model over the session's steps, and
the signal that turns the session's change event into Qt's.

Row 0 is the project as it was before the oldest step kept ("Start of history"), then one row
per step, oldest first: those done, then those undone (greyed). ``HistoryStack`` answers what a
``QUndoStack`` would (``count``, ``index``, ``canUndo``, ``undoText`` …), so the Edit menu's
Undo and Redo and the tests read it the same way; undo and redo go to the session.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtCore import Signal as QtSignal
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import QApplication

from editor.core.session import ProjectSession, Step

START = "Start of history"
STEP_ROLE = Qt.ItemDataRole.UserRole + 1  # the step's id (0 for the start)
Index = QModelIndex | QPersistentModelIndex


def _when(made_at: str) -> str:
    """The step's time in local time, as the list shows it."""
    try:
        return datetime.fromisoformat(made_at).astimezone().strftime("%d %b %H:%M:%S")
    except ValueError:
        return made_at


class SessionEvents(QObject):
    """The session's change event as a Qt signal (``changed``), and its history's (``moved``)."""

    changed = QtSignal(object)  # a Change
    moved = QtSignal()

    def attach(self, session: ProjectSession) -> Callable[[], None]:
        """Listen to ``session``; returns the function that stops it."""
        stop_changes = session.subscribe(self.changed.emit)
        stop_history = session.on_history(self.moved.emit)

        def stop() -> None:
            stop_changes()
            stop_history()

        return stop


class HistoryModel(QAbstractListModel):
    """The steps of the open project's history; empty without a project."""

    state_changed = QtSignal()  # can undo / redo or their texts may differ

    def __init__(self) -> None:
        super().__init__()
        self._steps: list[Step] = []
        self._session: ProjectSession | None = None
        # While no view shows the list (the History panel is closed), a change only marks it
        # stale, and it is read again when asked: an edit costs no list of every step.
        self.shown = False
        self._stale = False

    @property
    def session(self) -> ProjectSession | None:
        return self._session

    def set_session(self, session: ProjectSession | None) -> None:
        self._session = session
        self.reload()

    def reload(self) -> None:
        if self.shown:
            self.beginResetModel()
            self._steps = self._read()
            self._stale = False
            self.endResetModel()
        else:
            self._stale = True
        self.state_changed.emit()

    def show(self, shown: bool) -> None:
        """A view of the list appeared (read it now) or went away (from then on, read later)."""
        self.shown = shown
        if shown:
            self.reload()

    def _read(self) -> list[Step]:
        return self._session.history.steps() if self._session is not None else []

    def _fresh(self) -> list[Step]:
        if self._stale:  # no view is showing it: nothing to tell
            self._steps = self._read()
            self._stale = False
        return self._steps

    # -- Qt ------------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 0 if parent.isValid() else len(self._fresh()) + 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        steps = self._fresh()
        step = steps[index.row() - 1] if 0 < index.row() <= len(steps) else None
        if role == Qt.ItemDataRole.DisplayRole:
            if step is None:
                return START
            who = f" — {step.user}" if step.user else ""
            via = " (command line)" if step.origin == "command line" else ""
            return f"{step.shown_label}   {_when(step.made_at)}{who}{via}"
        if role == Qt.ItemDataRole.ToolTipRole and step is not None:
            return f"{step.shown_label}\n{step.made_at} by {step.user or '?'} ({step.origin})"
        if role == Qt.ItemDataRole.ForegroundRole and step is not None and step.undone:
            return QBrush(QApplication.palette().color(QPalette.ColorRole.PlaceholderText))
        if role == Qt.ItemDataRole.FontRole and index.row() == self.done():
            font = QApplication.font()
            font.setBold(True)
            return font
        if role == STEP_ROLE:
            return step.id if step is not None else 0
        return None

    def steps(self) -> list[Step]:
        return list(self._fresh())

    def done(self) -> int:
        """How many steps are done (the rest are undone, waiting to be redone)."""
        return sum(not s.undone for s in self._fresh())

    def step_id(self, row: int) -> int:
        """The id of the step at list row ``row`` (0: the start)."""
        steps = self._fresh()
        return steps[row - 1].id if 0 < row <= len(steps) else 0


class HistoryStack:
    """What a ``QUndoStack`` would say about the history, for the Edit menu and the tests."""

    def __init__(
        self, model: HistoryModel, undo: Callable[[], None], redo: Callable[[], None]
    ) -> None:
        self.model = model
        self.undo, self.redo = undo, redo

    def count(self) -> int:
        return self.model.rowCount() - 1

    def index(self) -> int:
        return self.model.done()

    def text(self, row: int) -> str:
        steps = self.model.steps()
        return steps[row].shown_label if 0 <= row < len(steps) else ""

    # These four ask the history itself (one indexed query each): the Edit menu asks them
    # after every change.

    def canUndo(self) -> bool:
        return self._undo_step() is not None

    def canRedo(self) -> bool:
        return self._redo_step() is not None

    def undoText(self) -> str:
        step = self._undo_step()
        return step.shown_label if step is not None else ""

    def redoText(self) -> str:
        step = self._redo_step()
        return step.shown_label if step is not None else ""

    def _undo_step(self) -> Step | None:
        session = self.model.session
        return session.history.undo_step() if session is not None else None

    def _redo_step(self) -> Step | None:
        session = self.model.session
        return session.history.redo_step() if session is not None else None
