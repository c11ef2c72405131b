"""``ProjectSession``: the one way to change an open project, with its history and its event.

Every change is an operation applied through ``run`` (turns and speakers: a core operation
returning ``Changes``) or ``apply`` (any writes, with the record kinds it touches): it runs in
one transaction together with its history step, and comes back as one ``Change`` that listeners
hear about, as Anki's ``col.undo()`` and ``operation_did_execute`` work. ``undo`` and ``redo``
take the steps from the project's own history, so the window and the command line share it.

A step that no longer fits the file (something changed the rows behind the history) is refused
with the reason, and the history is cleared so that it can never overwrite newer work.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from editor.core import clip_quotes
from editor.core.changes import Changes
from editor.core.errors import EditError
from editor.core.ops import history as row_history
from editor.core.project import record_history
from editor.core.project.record_history import RecordChange, RecordKind
from editor.core.project.store import ProjectStore
from editor.core.session.change import WINDOW, Action, Change, combine, combine_records
from editor.core.session.history import History, Step, current_user

T = TypeVar("T")
Listener = Callable[[Change], None]
Operation = Callable[[ProjectStore], Changes]
FollowUp = Callable[[ProjectStore, Changes], tuple[RecordChange, ...]]


class HistoryRefused(EditError):
    """An undo or redo the file no longer fits; the history was cleared."""


@dataclass(frozen=True)
class _Subscription:
    listener: Listener
    touching: frozenset[str]
    origins: frozenset[str] | None

    def wants(self, change: Change) -> bool:
        if self.origins is not None and change.origin not in self.origins:
            return False
        return change.touches(*self.touching)


class ProjectSession:
    """An open project with its history. ``origin`` names who makes its changes by default."""

    def __init__(self, store: ProjectStore, *, origin: str = WINDOW, user: str | None = None):
        self.store = store
        self.origin = origin
        self.user = current_user() if user is None else user
        self.history = History(store)
        self._subscriptions: list[_Subscription] = []
        self._history_listeners: list[Callable[[], None]] = []
        self._group: list[Change] | None = None  # the changes of an open ``group``
        # Run after each operation that changed turns, in its transaction: quotes of clips.
        self.follow_ups: list[FollowUp] = [clip_quotes.follow_text]

    @classmethod
    def open(cls, path: str | Path, *, origin: str = WINDOW, **options: Any) -> ProjectSession:
        return cls(ProjectStore.open(path, **options), origin=origin)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> ProjectSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- listening -------------------------------------------------------------------------------

    def subscribe(
        self,
        listener: Listener,
        *,
        touching: Iterable[str] = (),
        origins: Iterable[str] | None = None,
    ) -> Callable[[], None]:
        """Hear every change (or only those touching one of ``touching``, made by one of
        ``origins``); returns the function that stops it."""
        subscription = _Subscription(
            listener, frozenset(touching), None if origins is None else frozenset(origins)
        )
        self._subscriptions.append(subscription)
        return lambda: self._subscriptions.remove(subscription)

    def on_history(self, listener: Callable[[], None]) -> Callable[[], None]:
        """Hear that the history changed (a step recorded, undone, redone, or the history
        cleared or bounded); returns the function that stops it."""
        self._history_listeners.append(listener)
        return lambda: self._history_listeners.remove(listener)

    def _history_changed(self) -> None:
        for listener in list(self._history_listeners):
            listener()

    def _tell(self, change: Change) -> None:
        for subscription in list(self._subscriptions):
            if subscription.wants(change):
                subscription.listener(change)

    # -- changing --------------------------------------------------------------------------------

    def run(
        self,
        operation: Operation,
        *,
        label: str | None = None,
        origin: str | None = None,
        snapshot: str | None = None,
        records: Iterable[RecordKind] = (),
    ) -> Change:
        """Apply a core operation (``ops.*``) as one step; ``snapshot`` takes a snapshot with
        that reason first (bulk steps). ``EditorError`` if refused: nothing changed."""
        _, change = self.apply(
            lambda store: (None, operation(store)),
            label=label,
            origin=origin,
            snapshot=snapshot,
            records=records,
        )
        return change

    def apply(
        self,
        action: Callable[[ProjectStore], tuple[T, Changes | None]],
        *,
        label: str | None = None,
        origin: str | None = None,
        snapshot: str | None = None,
        records: Iterable[RecordKind] = (),
        follow: bool = True,
        merge: bool = False,
    ) -> tuple[T, Change]:
        """Run ``action`` (its writes to rows come back as ``Changes``, its writes to the
        ``records`` kinds are captured) as one transaction and one step. ``merge``: join the
        newest step when it is the same change continued (a form saved as it is typed in)."""
        kinds = tuple(dict.fromkeys(records))
        if snapshot is not None:
            self.store.snapshot(snapshot)
        with self.store.writing():
            before = {kind: record_history.capture(self.store, kind) for kind in kinds}
            result, rows = action(self.store)
            rows = rows if rows is not None else Changes(label or "")
            step_label = label or rows.label
            if label is not None and rows.label != label:
                rows = Changes(label, rows.before, rows.after, rows.count)
            found = [
                RecordChange(step_label, state, record_history.capture(self.store, kind))
                for kind, state in before.items()
            ]
            if follow and rows.after.turns:
                for follow_up in self.follow_ups:
                    found.extend(follow_up(self.store, rows))
            changed = combine_records(step_label, found)
            change = Change(step_label, rows, changed, origin or self.origin)
            if not change.is_empty and self._group is not None:
                self._group.append(change)  # recorded with the group, when it ends
            elif not change.is_empty:
                step_id = self._record(rows, changed, change.origin, merge)
                change = Change(step_label, rows, changed, change.origin, "do", step_id)
        if not change.is_empty:
            self._tell(change)
            if self._group is None:
                self._history_changed()
        return result, change

    def _record(
        self, rows: Changes, records: tuple[RecordChange, ...], origin: str, merge: bool
    ) -> int:
        last = self.history.mergeable(rows.label, origin, self.user) if merge else None
        if last is None:
            return self.history.record(rows, records, origin, self.user)
        old_rows, old_records = self.history.load(last)
        self.history.replace(
            last,
            combine(rows.label, [old_rows, rows], rows.count),
            combine_records(rows.label, [*old_records, *records]),
        )
        return last.id

    @contextmanager
    def group(self, label: str, *, origin: str | None = None) -> Iterator[None]:
        """Several operations as one transaction and one step of the history (each is heard
        as it is applied). An operation refused inside leaves the others; an error let out of
        the block undoes them all."""
        if self._group is not None:
            yield
            return
        parts: list[Change] = []
        self._group = parts
        try:
            with self.store.writing():
                yield
                rows = combine(label, [c.rows for c in parts])
                records = combine_records(label, [r for c in parts for r in c.records])
                if not Change(label, rows, records).is_empty:
                    self.history.record(rows, records, origin or self.origin, self.user)
        finally:
            self._group = None
        self._history_changed()

    def run_records(
        self,
        kind: RecordKind,
        label: str,
        action: Callable[[ProjectStore], T],
        *,
        origin: str | None = None,
        merge: bool = False,
    ) -> tuple[T, Change]:
        """A write to one kind of record (clips, chapters, glossary …) as one step."""
        return self.apply(
            lambda store: (action(store), None),
            label=label,
            origin=origin,
            records=(kind,),
            merge=merge,
        )

    def write_unrecorded(self, action: Callable[[ProjectStore], T]) -> T:
        """A write that is no step of the history and no change a listener shows: typing kept
        as a draft (``store.drafts``). It is one durable transaction of its own (or a part of
        an open ``group``'s); ``EditorError`` if the disk refused it: nothing changed."""
        with self.store.writing():
            return action(self.store)

    # -- history ---------------------------------------------------------------------------------

    def clear_history(self) -> None:
        self.history.clear()
        self._history_changed()

    def set_history_limit(self, steps: int) -> None:
        self.history.set_limit(steps)
        self._history_changed()

    def can_undo(self) -> bool:
        return self.history.undo_step() is not None

    def can_redo(self) -> bool:
        return self.history.redo_step() is not None

    def undo(self, *, origin: str | None = None) -> Change | None:
        """Undo the newest done step; ``None`` when there is none."""
        step = self.history.undo_step()
        return None if step is None else self._replay(step, "undo", origin)

    def redo(self, *, origin: str | None = None) -> Change | None:
        """Redo the oldest undone step; ``None`` when there is none."""
        step = self.history.redo_step()
        return None if step is None else self._replay(step, "redo", origin)

    def go_back_to(self, step_id: int, *, origin: str | None = None) -> Change:
        """Make the project as it was just after step ``step_id`` (0: before every step), as
        one new step that can itself be undone."""
        steps = self.history.steps()
        later = [s for s in steps if not s.undone and s.id > step_id]
        if not later:
            raise EditError("the project is already at that point of its history")
        target = next((s for s in steps if s.id == step_id), None)
        where = f"to after “{target.shown_label}”" if target else "to the start of the history"
        label = f"Go back {where}"
        kinds = {r.before.kind for s in later for r in self.history.load(s)[1]}

        def back(_store: ProjectStore) -> tuple[None, Changes]:
            rows = [self._restore(step, "undo")[0] for step in reversed(later)]
            return None, combine(label, rows, len(later))

        _, change = self.apply(back, label=label, origin=origin, records=kinds, follow=False)
        return change

    def _replay(self, step: Step, action: Action, origin: str | None) -> Change:
        try:
            with self.store.writing():
                rows, records = self._restore(step, action)
                self.history.mark(step, undone=action == "undo")
        except EditError as error:
            self.clear_history()
            raise HistoryRefused(f"{error}. The undo history was cleared.") from error
        change = Change(step.label, rows, records, origin or step.origin, action, step.id)
        self._tell(change)
        self._history_changed()
        return change

    def _restore(self, step: Step, action: Action) -> tuple[Changes, tuple[RecordChange, ...]]:
        """Write a step's before (undo) or after (redo) state back, checking the file first;
        returns what was written, in the direction it went."""
        rows, records = self.history.load(step)
        if action == "undo":
            rows = Changes(rows.label, rows.after, rows.before, rows.count)
            records = tuple(RecordChange(r.label, r.after, r.before) for r in records)
        for record in records:
            record_history.check_unchanged(self.store, record.before, step.label)
        if not rows.is_empty:  # ops.history checks the rows are as the step left them
            row_history.redo(self.store, rows)
        for record in records:
            record_history.restore(self.store, record.after)
        return rows, records
