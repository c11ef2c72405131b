"""Guard against the PySide6 6.12.0 bug that drops a reference to ``True`` on every emit of a
C++ signal: the model emits ``dataChanged`` on each edit and playhead move, so after a few
hundred the interpreter aborts ("bool_dealloc"). Python 3.12+ hides it (immortal booleans)."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt


class _Model(QAbstractListModel):
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 3

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        return None


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="booleans are immortal on 3.12+")
def test_emitting_model_signals_keeps_true_alive(qapp: object) -> None:
    model = _Model()
    before = sys.getrefcount(True)
    for _ in range(200):
        model.dataChanged.emit(model.index(0), model.index(0), [Qt.ItemDataRole.UserRole])
    assert sys.getrefcount(True) >= before - 5
