"""Safety in the window: locked and read-only projects, a full disk, restoring a snapshot."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication

from editor.core.project import snapshots
from editor.core.project.lock import lock_path_for
from editor.core.search import SearchQuery
from editor.ui import safety
from editor.ui.main_window import MainWindow

# Holds the project until the test kills it (or its stdin closes), however long the test takes.
HOLD = """
import sys
from editor.core.project.store import ProjectStore
store = ProjectStore.open(sys.argv[1], snapshot=False)
print("open", flush=True)
sys.stdin.read()
"""


@pytest.fixture
def held(demo_project: Path) -> Iterator[subprocess.Popen[str]]:
    process = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(demo_project)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None and process.stdout.readline().strip() == "open"
    yield process
    process.kill()
    process.wait()


class Asker:
    """Stands in for the open-read-only question: records it and gives ``answer``."""

    def __init__(self) -> None:
        self.questions: list[tuple[str, bool]] = []
        self.answer: str | None = safety.READ_ONLY

    def __call__(self, _window: object, message: str, take_over: bool) -> str | None:
        self.questions.append((message, take_over))
        return self.answer

    def __getitem__(self, index: int) -> tuple[str, bool]:
        return self.questions[index]


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> Asker:
    asker = Asker()
    monkeypatch.setattr(safety, "ask_fallback", asker)
    return asker


def test_a_project_open_elsewhere_opens_read_only_on_request(
    window: MainWindow, demo_project: Path, held: subprocess.Popen[str], asked: Asker
) -> None:
    before = demo_project.read_bytes()
    assert window.open_project(demo_project)
    message, take_over = asked[0]
    assert f"process {held.pid}" in message and not take_over
    assert window.store is not None and window.store.readonly
    assert "[read-only]" in window.windowTitle()
    assert window.model.rowCount() == 10
    turn = window.model.turn(0)
    window.view.turn_delegate.text_committed.emit(turn.id, "Typed while read-only.")
    assert window.model.turn(0).text == turn.text
    assert "read-only" in window.statusBar().currentMessage()
    assert "copied to the clipboard" in window.statusBar().currentMessage()
    assert QGuiApplication.clipboard().text() == "Typed while read-only."
    window.close_project()
    assert demo_project.read_bytes() == before


def test_cancelling_keeps_the_current_project(
    opened: MainWindow, tmp_path: Path, asked: Asker
) -> None:
    other = tmp_path / "other.tep"
    opened.store.save_copy(other)  # type: ignore[union-attr]
    lock_path_for(other).write_text(
        json.dumps({"pid": 1, "host": "studio-mac", "user": "ann", "since": "2026-11-27"})
    )
    asked.answer = None
    assert not opened.open_project(other)
    assert asked[0][1] is True  # another computer's lock may be taken over
    assert opened.store is not None and opened.store.path.name == "demo.tep"


def test_another_computers_lock_can_be_taken_over(
    window: MainWindow, demo_project: Path, asked: Asker
) -> None:
    lock_path_for(demo_project).write_text(
        json.dumps({"pid": 1, "host": "studio-mac", "user": "ann", "since": "2026-11-27"})
    )
    asked.answer = safety.TAKE_OVER
    assert window.open_project(demo_project)
    assert "ann on studio-mac" in asked[0][0]
    assert window.store is not None and not window.store.readonly
    assert json.loads(lock_path_for(demo_project).read_text())["host"] != "studio-mac"


def test_a_read_only_file_is_offered_read_only(
    window: MainWindow, demo_project: Path, asked: Asker
) -> None:
    demo_project.chmod(0o444)
    try:
        assert window.open_project(demo_project)
        assert "is read-only" in asked[0][0]
        assert window.store is not None and window.store.readonly
    finally:
        window.close_project()
        demo_project.chmod(0o644)


def test_a_full_disk_refuses_the_edit_and_keeps_what_was_typed(opened: MainWindow) -> None:
    store = opened.store
    assert store is not None
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages}")
    turn = opened.model.turn(2)
    typed = "A long correction. " * 5000
    opened.view.turn_delegate.text_committed.emit(turn.id, typed)
    assert opened.model.turn(2).text == turn.text
    assert "disk is full" in opened.statusBar().currentMessage()
    assert QGuiApplication.clipboard().text() == typed
    assert opened.edits.runner.stack.count() == 0
    store.db.execute(f"PRAGMA max_page_count = {pages * 100}")
    opened.view.turn_delegate.text_committed.emit(turn.id, "Saved after all.")
    assert store.turn(turn.id).text == "Saved after all."


def test_restoring_the_snapshot_taken_before_replace_all(opened: MainWindow) -> None:
    store = opened.store
    assert store is not None
    original = [t.text for t in opened.model.turns()]
    count = opened.edits.replace_all(SearchQuery("the"), "THE", None)
    assert count > 3
    newest = snapshots.list_snapshots(store.path)[0]
    assert newest.reason == "Before replace all"
    dialog = safety.SnapshotDialog(snapshots.list_snapshots(store.path), opened)
    assert dialog.list.count() >= 2 and dialog.chosen() == newest.path
    assert safety.restore(opened, newest.path)
    assert [t.text for t in opened.model.turns()] == original
    assert opened.edits.runner.stack.count() == 0
    assert [t.text for t in store.turns()] == original
    assert "Restored the snapshot" in opened.statusBar().currentMessage()


def test_a_project_changed_outside_the_app_is_offered_read_only_or_a_rescue(
    window: MainWindow, demo_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    from PySide6.QtWidgets import QFileDialog

    conn = sqlite3.connect(demo_project)
    conn.execute("CREATE TRIGGER wipe AFTER UPDATE ON turns BEGIN DELETE FROM turns; END")
    conn.commit()
    conn.close()
    before = demo_project.read_bytes()
    asked: list[tuple[str, bool]] = []

    def ask(_window: object, message: str, take_over: bool, rescue: bool = False) -> str:
        asked.append((message, rescue))
        return safety.RESCUE

    monkeypatch.setattr(safety, "ask_fallback", ask)
    clean = tmp_path / "clean.tep"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (str(clean), ""))
    assert window.open_project(demo_project)
    message, offered_rescue = asked[0]
    assert "trigger 'wipe'" in message and offered_rescue
    assert window.store is not None and window.store.path == clean
    assert not window.store.readonly and window.model.rowCount() == 10
    assert demo_project.read_bytes() == before
