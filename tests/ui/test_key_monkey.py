"""A seeded monkey at the keyboard: hundreds of random editing keys in the real window.

Afterwards the list shows what the file holds, the file is sound, undoing everything gives back
the original project exactly, and redoing everything gives back the edited one. CI runs 4 seeds;
`scripts/nightly.sh` 200.
"""

from __future__ import annotations

import os
import random
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from editor.core.project.store import ProjectStore
from editor.ui.main_window import MainWindow
from tests.reliability.figures import count
from tests.ui.fakes import FakePlayer

pytestmark = pytest.mark.slow  # a long reliability run: `pytest -m "not slow"` skips it

K, M = Qt.Key, Qt.KeyboardModifier
NONE, CTRL, SHIFT, ALT = M.NoModifier, M.ControlModifier, M.ShiftModifier, M.AltModifier
# Keys a user presses while correcting; none of them opens a modal dialog.
KEYS: list[tuple[Qt.Key, Qt.KeyboardModifier]] = [
    *[(k, NONE) for k in (K.Key_Up, K.Key_Down, K.Key_Home, K.Key_End, K.Key_PageDown)],
    (K.Key_F2, NONE),
    (K.Key_Return, NONE),
    (K.Key_Escape, NONE),
    (K.Key_Backspace, NONE),
    (K.Key_Delete, NONE),
    (K.Key_Return, SHIFT),
    (K.Key_Return, CTRL),
    (K.Key_Left, NONE),
    (K.Key_Right, NONE),
    (K.Key_Home, CTRL),
    (K.Key_Z, CTRL),
    (K.Key_Z, CTRL | SHIFT),
    (K.Key_Y, CTRL),
    (K.Key_Backspace, CTRL),
    (K.Key_D, CTRL),
    (K.Key_D, CTRL | SHIFT),
    (K.Key_U, CTRL),
    (K.Key_1, ALT),
    (K.Key_2, ALT),
    (K.Key_K, CTRL),
    (K.Key_F9, NONE),
    (K.Key_Left, CTRL),
    (K.Key_Right, CTRL),
    (K.Key_Left, CTRL | SHIFT),
    (K.Key_Right, CTRL | SHIFT),
    (K.Key_T, CTRL | SHIFT),
    (K.Key_Space, CTRL),
    (K.Key_Right, ALT),
    (K.Key_F8, NONE),
    (K.Key_F2, SHIFT),
    (K.Key_A, CTRL),
    (K.Key_F, CTRL),
    (K.Key_F3, NONE),
    (K.Key_Tab, NONE),
    (K.Key_Space, CTRL | SHIFT),
]
LETTERS = "abc XYZ,.é™"


def project_state(path: Path) -> dict[str, Any]:
    """Everything a user edits, as another program reads it."""
    with sqlite3.connect(path) as conn:
        return {
            "turns": conn.execute(
                "SELECT id, position, speaker_id, text, start_ms, end_ms, reviewed, timing "
                "FROM turns ORDER BY position"
            ).fetchall(),
            "speakers": conn.execute("SELECT id, name FROM speakers ORDER BY id").fetchall(),
            "clips": conn.execute("SELECT * FROM clips ORDER BY id").fetchall(),
        }


def type_characters(target: QWidget, text: str) -> None:
    """Like typing on a keyboard; QTest's keyClicks handles ASCII only (it asserts on "é")."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(target, QKeyEvent(kind, 0, NONE, char))


def press_randomly(window: MainWindow, qtbot: Any, rng: random.Random, count: int) -> None:
    for _ in range(count):
        target = QApplication.focusWidget() or window.view
        if rng.random() < 0.3:
            type_characters(target, "".join(rng.choice(LETTERS) for _ in range(rng.randint(1, 4))))
        else:
            key, modifiers = rng.choice(KEYS)
            qtbot.keyClick(target, key, modifiers)


# CI runs a few seeds; MONKEY_SEEDS=200 (scripts/nightly.sh) looks much further.
SEEDS = range(1, 1 + int(os.environ.get("MONKEY_SEEDS", "4")))
PRESSES = int(os.environ.get("MONKEY_PRESSES", "600"))


@pytest.mark.parametrize("seed", SEEDS)
def test_random_keys_keep_file_window_and_history_in_step(
    opened: MainWindow, demo_project: Path, fake_player: FakePlayer, qtbot: Any, seed: int
) -> None:
    original = project_state(demo_project)
    fake_player.seek(61_000)  # F9 stamps somewhere inside the episode
    opened.view.setFocus()
    press_randomly(opened, qtbot, random.Random(seed), PRESSES)
    opened.view.commit_open_editor()
    edited = project_state(demo_project)
    stack = opened.edits.runner.stack
    kinds = {stack.text(i).split(" (")[0] for i in range(stack.count())}
    assert len(kinds) >= 5, f"too few kinds of edit to prove anything: {kinds}"

    with sqlite3.connect(demo_project) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert opened.store is not None
    in_file = [(t.id, t.text, t.speaker_id, t.start_ms, t.end_ms) for t in opened.store.turns()]
    in_list = [(t.id, t.text, t.speaker_id, t.start_ms, t.end_ms) for t in opened.model.turns()]
    assert in_list == in_file

    reached = stack.index()  # the monkey may have undone a few steps itself: redo stops here
    while stack.canUndo():
        stack.undo()
    assert project_state(demo_project) == original
    while stack.index() < reached:
        stack.redo()
    assert project_state(demo_project) == edited
    path = opened.store.path
    opened.close_project()
    with ProjectStore.open(path, readonly=True) as reopened:
        assert [t.text for t in reopened.turns()] == [row[3] for row in edited["turns"]]
    count("random key presses in the window, then undo all and redo all: runs", 1)
    count("random key presses in the window: keys", PRESSES)
    count("random key presses in the window: undo steps checked", reached)
