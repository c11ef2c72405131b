"""A thin list model over the project's turns.

The model keeps the turns in memory (a 12,000-turn episode is a few megabytes) and applies the
``Changes`` of each operation row by row, so selection and scroll position survive edits. Its
turns carry no word timings (``words`` is empty): what needs them reads the turn from the store.
"""

from __future__ import annotations

import bisect
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from editor.core.changes import Changes
from editor.core.model import Speaker, Turn
from editor.core.playback import TurnLocator
from editor.core.project.store import ProjectStore

TurnRole = Qt.ItemDataRole.UserRole + 1
SpeakerNameRole = Qt.ItemDataRole.UserRole + 2
SpeakerColorRole = Qt.ItemDataRole.UserRole + 3
StartRole = Qt.ItemDataRole.UserRole + 4
CurrentRole = Qt.ItemDataRole.UserRole + 5
ReviewedRole = Qt.ItemDataRole.UserRole + 6
NumberRole = Qt.ItemDataRole.UserRole + 7

Index = QModelIndex | QPersistentModelIndex
BULK_CHANGE_ROWS = 200


class TurnListModel(QAbstractListModel):
    current_changed = Signal(object, object)  # previous row, new row (or None): repaint them

    # Turn starts changed (an alignment, an undo of one, a stamp): the turn under the playhead
    # may be another one, or none, without the playhead moving.
    times_changed = Signal()

    def __init__(self, store: ProjectStore | None = None) -> None:
        super().__init__()
        self.store = store
        self._turns: list[Turn] = []
        self._positions: list[str] = []
        self._rows: dict[int, int] = {}
        self._speakers: dict[int, Speaker] = {}
        self._current_id: int | None = None
        self._locator = TurnLocator([])
        if store is not None:
            self.set_store(store)

    # -- loading -------------------------------------------------------------------------------

    def set_store(self, store: ProjectStore | None) -> None:
        self.beginResetModel()
        self.store = store
        self._turns = store.turns(with_words=False) if store is not None else []
        self._speakers = {s.id: s for s in store.speakers()} if store is not None else {}
        self._reindex()
        self.endResetModel()

    def _reindex(self) -> None:
        self._positions = [t.position for t in self._turns]
        self._rows = {t.id: row for row, t in enumerate(self._turns)}
        self._locator = TurnLocator([t.start_ms for t in self._turns])

    # -- Qt model API --------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._turns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._turns):
            return None
        turn = self._turns[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return turn.text
        if role == TurnRole:
            return turn
        if role == SpeakerNameRole:
            return self.speaker_name(turn)
        if role == SpeakerColorRole:
            speaker = self._speakers.get(turn.speaker_id) if turn.speaker_id else None
            return speaker.color if speaker else None
        if role == StartRole:
            return turn.start_ms
        if role == CurrentRole:
            return turn.id == self._current_id
        if role == ReviewedRole:
            return turn.reviewed
        if role == NumberRole:
            return index.row() + 1
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{self.speaker_name(turn)}: {turn.text}"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    # -- lookups -------------------------------------------------------------------------------

    def speaker_name(self, turn: Turn) -> str:
        speaker = self._speakers.get(turn.speaker_id) if turn.speaker_id is not None else None
        return speaker.name if speaker else ""

    def speakers(self) -> list[Speaker]:
        return list(self._speakers.values())

    def turn(self, row: int) -> Turn:
        return self._turns[row]

    def turns(self) -> list[Turn]:
        return list(self._turns)

    def row_of(self, turn_id: int) -> int | None:
        return self._rows.get(turn_id)

    def row_at_time(self, position_ms: int) -> int | None:
        return self._locator.row_at(position_ms)

    def current_row(self) -> int | None:
        return self._rows.get(self._current_id) if self._current_id is not None else None

    def set_current_row(self, row: int | None) -> None:
        """Mark the turn under the playhead (painted differently from the selection)."""
        new_id = self._turns[row].id if row is not None and 0 <= row < len(self._turns) else None
        if new_id == self._current_id:
            return
        previous = self.current_row()
        self._current_id = new_id
        # Not dataChanged: after one, a list of rows of their own heights is laid out again
        # whole (12,000 turns: half a second at every turn change), and the mark moves no row.
        self.current_changed.emit(previous, row if new_id is not None else None)

    # -- applying changes ----------------------------------------------------------------------

    def apply(self, changes: Changes) -> None:
        """Bring the model in line with an operation's (or an undo's) changes."""
        if len(changes.turns_inserted) + len(changes.turns_deleted) > BULK_CHANGE_ROWS:
            self.set_store(self.store)  # one reset beats thousands of row moves
            return
        if changes.speakers_changed and self.store is not None:
            self._speakers = {s.id: s for s in self.store.speakers()}
        for turn_id in changes.turns_deleted:
            row = self._rows.get(turn_id)
            if row is not None:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._turns[row]
                self._reindex()
                self.endRemoveRows()
        times_changed = bool(changes.turns_deleted or changes.turns_inserted)
        for turn_id in changes.turns_updated:
            new = changes.after.turns[turn_id]
            row = self._rows.get(turn_id)
            if new is None or row is None:
                continue
            new = replace(new, words=())
            times_changed = times_changed or new.start_ms != self._turns[row].start_ms
            if new.position != self._turns[row].position:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._turns[row]
                self._reindex()
                self.endRemoveRows()
                self._insert(new)
            else:
                self._turns[row] = new
                index = self.index(row)
                self.dataChanged.emit(index, index)
        for turn_id in changes.turns_inserted:
            new = changes.after.turns[turn_id]
            if new is not None:
                self._insert(replace(new, words=()))
        if times_changed:  # an edit of text alone keeps the playback index as it is
            self._locator = TurnLocator([t.start_ms for t in self._turns])
            self.times_changed.emit()
        if changes.speakers_changed and self._turns:
            self.dataChanged.emit(self.index(0), self.index(len(self._turns) - 1))

    def _insert(self, turn: Turn) -> None:
        row = bisect.bisect_left(self._positions, turn.position)
        self.beginInsertRows(QModelIndex(), row, row)
        self._turns.insert(row, turn)
        self._reindex()
        self.endInsertRows()
