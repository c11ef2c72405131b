"""Shared and synced folders in the window: the status bar note, the idle checkpoint in a sync
folder, and conflict copies compared and taken as one Ctrl+Z step."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from editor.core import ops
from editor.core.model import TranscriptTurn
from editor.core.project import storage
from editor.core.project.store import ProjectStore
from editor.ui.main_window import MainWindow
from tests.conftest import PATIENCE_MS


def _texts_of_file_alone(project: Path, tmp_path: Path) -> list[str]:
    """What a sync tool would carry: the project file copied without its -wal."""
    alone = tmp_path / "carried" / project.name
    alone.parent.mkdir(exist_ok=True)
    shutil.copyfile(project, alone)
    with ProjectStore.open(alone, readonly=True) as store:
        return [t.text for t in store.turns()]


@pytest.fixture
def synced(demo_project: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "Sync"
    (folder / ".stfolder").mkdir(parents=True)
    shutil.move(tmp_path / "sample10.mp3", folder / "sample10.mp3")
    shutil.move(demo_project, folder / "demo.tep")
    return folder / "demo.tep"


def _edit_first_turn(window: MainWindow, text: str) -> None:
    turn_id = window.model.turn(0).id
    window.edits.runner.run(lambda store: ops.edit_text(store, turn_id, text))


def test_sync_folder_checkpoints_when_idle_and_on_close(
    window: MainWindow, synced: Path, tmp_path: Path, qtbot: object
) -> None:
    assert window.open_project(synced)
    shared = window.shared
    assert "Syncthing folder" in shared.label.text()
    assert "Syncthing folder" in shared.label.toolTip()
    _edit_first_turn(window, "Edited in the synced folder.")
    assert "Edited in the synced folder." not in _texts_of_file_alone(synced, tmp_path)
    assert not shared.checkpoint_if_idle()  # just written: not idle yet
    assert shared.checkpoint_if_idle(now=time.time() + 10)
    assert _texts_of_file_alone(synced, tmp_path)[0] == "Edited in the synced folder."
    # The timer does it by itself a few seconds after the last change.
    _edit_first_turn(window, "Edited again, then a pause.")
    qtbot.waitUntil(lambda: shared.checkpoints >= 2, timeout=PATIENCE_MS)  # type: ignore[attr-defined]
    assert _texts_of_file_alone(synced, tmp_path)[0] == "Edited again, then a pause."
    _edit_first_turn(window, "Edited just before closing.")
    window.close_project()
    assert shared.label.text() == ""
    assert _texts_of_file_alone(synced, tmp_path)[0] == "Edited just before closing."


def test_network_folder_is_named_in_the_status_bar(
    window: MainWindow, demo_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(storage, "filesystem_type", lambda _folder: "nfs4")
    assert window.open_project(demo_project)
    assert window.shared.label.text() == "Network folder (nfs4): no WAL"
    assert not window.shared.timer.isActive()
    _edit_first_turn(window, "Edited on the share.")
    assert not demo_project.with_name("demo.tep-wal").exists()


def test_a_local_project_has_no_note_and_no_bar(opened: MainWindow) -> None:
    assert opened.shared.label.text() == ""
    assert opened.shared.banner.isHidden()
    assert not opened.shared.timer.isActive()


@pytest.fixture
def conflicted(demo_project: Path) -> tuple[Path, Path]:
    copy = demo_project.with_name("demo (Bo's conflicted copy 2026-12-01).tep")
    shutil.copy(demo_project, copy)
    with ProjectStore.open(copy, snapshot=False) as store:
        turns = store.turns()
        ops.edit_text(store, turns[1].id, "Bo fixed this turn in his copy.")
        ops.delete_turns(store, [turns[3].id])
        ops.insert_turns(store, [TranscriptTurn("Bo", "Bo added a turn.")], turns[0].id)
    with ProjectStore.open(demo_project, snapshot=False) as store:
        ops.edit_text(store, store.turns()[2].id, "Ann fixed another turn here.")
    return demo_project, copy


def test_conflict_copy_compared_taken_and_undone_with_ctrl_z(
    window: MainWindow, conflicted: tuple[Path, Path], qtbot: object
) -> None:
    here, copy = conflicted
    assert window.open_project(here)
    banner = window.shared.banner
    assert banner.isVisible()
    assert copy.name in banner.message.text()
    before = [t.text for t in window.model.turns()]
    dialog = window.shared.compare()
    assert dialog is not None
    descriptions = [dialog.list.item(row).text() for row in range(dialog.list.count())]
    assert len(descriptions) == 4  # Bo's text, Bo's new turn, Bo's removal, Ann's text
    assert not dialog.take.isEnabled()
    for row, text in enumerate(descriptions):
        if "Bo" in text or "not in the copy" in text:
            dialog.list.item(row).setCheckState(Qt.CheckState.Checked)
    assert len(dialog.chosen()) == 3 and dialog.take.isEnabled()
    dialog.take.click()
    texts = [t.text for t in window.model.turns()]
    assert "Bo fixed this turn in his copy." in texts and "Bo added a turn." in texts
    assert "Ann fixed another turn here." in texts
    assert len(texts) == len(before)  # one added, one removed
    assert dialog.list.count() == 1  # only Ann's own change is left
    assert window.edits.runner.stack.count() == 1  # one step
    dialog.close()
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # type: ignore[attr-defined]
    assert [t.text for t in window.model.turns()] == before
    with ProjectStore.open(here, readonly=True) as store:
        assert [t.text for t in store.turns()] == before
