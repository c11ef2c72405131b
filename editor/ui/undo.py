"""The window's way to change the project: every edit goes through the project's session.

The history is the session's, kept in the project file (``editor.core.session``): the window
has no undo stack of its own, so after reopening Ctrl+Z undoes the last step, even one made on
the command line. The session's change event reaches the window as a Qt signal
(``SessionEvents.changed``); every change — made here, undone, redone — brings the turn list,
the listeners in ``after_change`` and the panels of the records it touched up to date.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from PySide6.QtGui import QGuiApplication

from editor.core.changes import Changes
from editor.core.errors import EditorError
from editor.core.project.record_history import RecordKind
from editor.core.project.store import ProjectStore
from editor.core.session import WINDOW, Change, ProjectSession
from editor.ui.history_model import HistoryModel, HistoryStack, SessionEvents
from editor.ui.turn_model import TurnListModel

ErrorHandler = Callable[[str], None]
WriteListener = Callable[[EditorError | None], None]  # None: written; else why it was not
T = TypeVar("T")


class OperationRunner:
    """Runs operations through the open project's session and keeps the window in step."""

    def __init__(self, model: TurnListModel, on_error: ErrorHandler) -> None:
        self.model = model
        self.on_error = on_error
        self.session: ProjectSession | None = None
        self.events = SessionEvents()
        self.events.changed.connect(self._on_change)
        self.history = HistoryModel()
        self.events.moved.connect(self.history.reload)
        self.stack = HistoryStack(self.history, self.undo, self.redo)
        self.after_change: list[Callable[[Changes], None]] = []
        self.write_listeners: list[WriteListener] = []  # every write tried: done or refused
        # What redraws each kind of record after a change to it (clips, chapters, glossary …).
        self.refreshers: dict[str, Callable[[], None]] = {}
        self._stop: Callable[[], None] | None = None
        self._writing: str | None = None  # the kind of record ``run_records`` is writing

    @property
    def store(self) -> ProjectStore:
        assert self.model.store is not None, "no project is open"
        return self.model.store

    # -- the open project ------------------------------------------------------------------------

    def attach(self, store: ProjectStore | None) -> None:
        """Work on ``store`` (``None``: no project), through a session of its own."""
        if self._stop is not None:
            self._stop()
            self._stop = None
        self.session = ProjectSession(store, origin=WINDOW) if store is not None else None
        if self.session is not None:
            self._stop = self.events.attach(self.session)
        self.history.set_session(self.session)

    def reset(self) -> None:
        """Start again on the model's project (after opening it or restoring a snapshot)."""
        self.attach(self.model.store)

    def _session(self) -> ProjectSession:
        if self.session is None or self.session.store is not self.model.store:
            self.attach(self.model.store)
        assert self.session is not None, "no project is open"
        return self.session

    # -- changing ----------------------------------------------------------------------------------

    def run(
        self,
        operation: Callable[[ProjectStore], Changes],
        label: str | None = None,
        rescue: str | None = None,
        *,
        snapshot: str | None = None,
        records: tuple[RecordKind, ...] = (),
    ) -> Changes | None:
        """Run an operation as one step; ``None`` if it was refused (the user is told why).

        If it is refused, ``rescue`` (text the user typed) goes to the clipboard, so a full
        disk or a read-only project never costs the user what they wrote.
        """
        try:
            change = self._session().run(operation, label=label, snapshot=snapshot, records=records)
        except EditorError as error:
            message = str(error)
            if rescue:
                QGuiApplication.clipboard().setText(rescue)
                message += ". Your text was copied to the clipboard"
            self.on_error(message)
            self._wrote(error)
            return None
        if not change.is_empty:
            self._wrote(None)
        return change.rows

    def run_records(
        self,
        kind: RecordKind,
        label: str,
        action: Callable[[ProjectStore], T],
        refresh: Callable[[], None],
        *,
        merge: bool = False,
    ) -> T | None:
        """Run a write to one kind of record as one step; ``None`` if it was refused (the
        user is told why). ``refresh`` redraws what shows that kind, now and after an undo."""
        self.refreshers.setdefault(kind, refresh)
        self._writing = kind  # its panel is redrawn by ``refresh`` below, not by the event
        try:
            result, change = self._session().run_records(kind, label, action, merge=merge)
        except EditorError as error:
            self.on_error(str(error))
            self._wrote(error)
            refresh()
            return None
        finally:
            self._writing = None
        if not change.is_empty:
            self._wrote(None)
        refresh()
        return result

    def write_aside(
        self, action: Callable[[ProjectStore], object], refused: str, *, quiet: bool = False
    ) -> EditorError | None:
        """A write that is no step of the history (typing kept as a draft), through the session;
        the refusal if the disk refused it (``None``: written). As for every write, the write
        listeners hear a refusal and the user is told (``refused``: what was not kept), unless
        ``quiet``: they were told already."""
        try:
            self._session().write_unrecorded(action)
        except EditorError as error:
            if not quiet:
                self.on_error(f"{refused}: {error}")
            self._wrote(error)
            return error
        return None

    @contextmanager
    def macro(self, label: str) -> Iterator[None]:
        """Several operations as one step."""
        try:
            with self._session().group(label):
                yield
        except EditorError as error:  # the disk refused the whole: the window shows the file
            self.on_error(str(error))
            self._wrote(error)
            self.model.set_store(self.model.store)

    # -- history -----------------------------------------------------------------------------------

    def undo(self) -> None:
        self._replay(lambda session: session.undo())

    def redo(self) -> None:
        self._replay(lambda session: session.redo())

    def go_back_to(self, step_id: int) -> None:
        """Back to just after step ``step_id`` (0: the start), as one step."""
        self._replay(lambda session: session.go_back_to(step_id))

    def clear_history(self) -> None:
        if self.model.store is not None:
            self._replay(lambda session: session.clear_history())

    def set_history_limit(self, steps: int) -> None:
        if self.model.store is not None:
            self._replay(lambda session: session.set_history_limit(steps))

    def _replay(self, act: Callable[[ProjectSession], object]) -> None:
        if self.model.store is None:
            return
        try:
            done = act(self._session())
        except EditorError as error:
            # The file no longer fits the history: it was cleared rather than overwrite work.
            self.on_error(str(error))
            self._wrote(error)
            return
        if isinstance(done, Change):
            self._wrote(None)

    # -- hearing the session -------------------------------------------------------------------

    def _on_change(self, change: Change) -> None:
        if not change.rows.is_empty:
            self.model.apply(change.rows)
            for listener in self.after_change:
                listener(change.rows)
        refreshed: list[Callable[[], None]] = []
        for kind in sorted(change.touched - {self._writing}):
            refresh = self.refreshers.get(kind)
            if refresh is not None and refresh not in refreshed:  # a panel shows several kinds
                refreshed.append(refresh)
                refresh()

    def _wrote(self, error: EditorError | None) -> None:
        for listener in self.write_listeners:
            listener(error)
