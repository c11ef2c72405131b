"""pytest-qt's waits default to the suite's patience, not to 5 s (see ``tests/conftest.py``)."""

from __future__ import annotations

import inspect

from pytestqt.qtbot import QtBot

from tests.conftest import PATIENCE_MS, QT_WAITS


def test_every_qt_wait_defaults_to_a_generous_timeout() -> None:
    defaults = {
        name: inspect.signature(getattr(QtBot, name)).parameters["timeout"].default
        for name in QT_WAITS
    }
    assert defaults == dict.fromkeys(QT_WAITS, PATIENCE_MS)
