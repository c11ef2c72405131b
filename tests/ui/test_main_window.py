"""The window with a project open: focus, navigation, click to seek, follow, transport keys."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from editor.core.model import Transcript, TranscriptTurn
from editor.core.playback import PlaybackState
from editor.core.project.create import create_project
from editor.ui.main_window import MainWindow
from editor.ui.turn_model import CurrentRole
from tests.conftest import PATIENCE_MS
from tests.ui.fakes import FakePlayer


def ms(seconds: float) -> int:
    return round(seconds * 1000)


def test_open_gives_the_list_focus_with_the_first_turn_selected(
    opened: MainWindow, fake_player: FakePlayer, qtbot: object
) -> None:
    assert opened.model.rowCount() == 10
    assert "demo" in opened.windowTitle()
    qtbot.waitUntil(opened.view.hasFocus, timeout=PATIENCE_MS)  # type: ignore[attr-defined]
    assert opened.view.selected_rows() == [0]
    assert fake_player.loaded is not None and fake_player.loaded.name == "sample10.mp3"
    assert opened.transport.play.isEnabled()
    assert opened.labels.player_label.text() == "Fake player"


def test_keyboard_moves_between_turns(opened: MainWindow, qtbot: object) -> None:
    view = opened.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Down)  # type: ignore[attr-defined]
    qtbot.keyClick(view, Qt.Key.Key_Down)  # type: ignore[attr-defined]
    assert view.current_row() == 2
    qtbot.keyClick(view, Qt.Key.Key_End)  # type: ignore[attr-defined]
    assert view.current_row() == 9
    qtbot.keyClick(view, Qt.Key.Key_Home)  # type: ignore[attr-defined]
    assert view.current_row() == 0
    qtbot.keyClick(view, Qt.Key.Key_PageDown)  # type: ignore[attr-defined]
    assert view.current_row() is not None and view.current_row() > 0  # type: ignore[operator]


def test_clicking_turn_6_seeks_to_its_start(
    opened: MainWindow, fake_player: FakePlayer, truth: list[dict[str, float]], qtbot: object
) -> None:
    view = opened.view
    index = opened.model.index(5)
    view.scrollTo(index)
    point = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)  # type: ignore[attr-defined]
    assert fake_player.seeks[-1] == ms(truth[5]["start"])
    assert opened.model.current_row() == 5
    assert view.selected_rows() == [5]


def test_a_key_seeks_to_the_selected_turn(
    opened: MainWindow, fake_player: FakePlayer, truth: list[dict[str, float]], qtbot: object
) -> None:
    opened.view.select_row(7)
    qtbot.keyClick(opened.view, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)  # type: ignore[attr-defined]
    assert fake_player.seeks[-1] == ms(truth[7]["start"])
    assert fake_player.state() == PlaybackState.PLAYING


def test_model_passes_the_model_tester(opened: MainWindow, qtmodeltester: object) -> None:
    qtmodeltester.check(opened.model)  # type: ignore[attr-defined]


def _project_with_gaps(tmp_path: Path) -> Path:
    path = tmp_path / "gaps.tep"
    turns = (
        TranscriptTurn("A", "first", 1000, 2000),
        TranscriptTurn("B", "second", 3000, 4000),
        TranscriptTurn("A", "no time yet"),
        TranscriptTurn("B", "last", 6000, 7000),
    )
    create_project(path, transcript=Transcript(turns))
    return path


def test_follow_finds_the_turn_at_the_edges(window: MainWindow, tmp_path: Path) -> None:
    window.open_project(_project_with_gaps(tmp_path))
    follow, model = window.follow, window.model
    expected = {0: None, 999: None, 1000: 0, 1999: 0, 2500: 0, 3000: 1, 5000: 1, 6500: 3, 9000: 3}
    for position, row in expected.items():
        follow.on_position(position)
        assert model.current_row() == row, position
        if row is not None:
            assert model.index(row).data(CurrentRole) is True
            assert window.view.selected_rows() == [row]


def test_follow_pauses_when_the_user_scrolls_and_jump_brings_it_back(
    opened: MainWindow, truth: list[dict[str, float]], qtbot: object
) -> None:
    follow = opened.follow
    follow.on_position(ms(truth[2]["start"]) + 100)
    assert opened.view.selected_rows() == [2]
    opened.view.user_scrolled.emit()
    assert follow.suspended
    assert "Following paused" in opened.labels.follow_label.text()
    follow.on_position(ms(truth[6]["start"]) + 100)
    assert opened.model.current_row() == 6
    assert opened.view.selected_rows() == [2]  # the user's place is kept
    opened.action("jump_current").trigger()
    assert not follow.suspended
    assert opened.view.selected_rows() == [6]


def test_keyboard_navigation_elsewhere_pauses_follow(opened: MainWindow, qtbot: object) -> None:
    opened.follow.on_position(500)
    opened.view.setFocus()
    qtbot.keyClick(opened.view, Qt.Key.Key_Down)  # type: ignore[attr-defined]
    qtbot.keyClick(opened.view, Qt.Key.Key_Down)  # type: ignore[attr-defined]
    assert opened.follow.suspended


def test_transport_shortcuts(opened: MainWindow, fake_player: FakePlayer, qtbot: object) -> None:
    def press(sequence: str) -> None:
        key = QKeySequence(sequence)[0]
        qtbot.keyClick(QApplication.focusWidget(), key.key(), key.keyboardModifiers())  # type: ignore[attr-defined]

    opened.view.setFocus()
    press("Ctrl+Space")
    assert fake_player.state() == PlaybackState.PLAYING
    press("Ctrl+Space")
    assert fake_player.state() == PlaybackState.PAUSED
    opened.player.seek(20_000)
    press("Alt+Left")
    assert fake_player.seeks[-1] == 15_000
    press("Alt+Right")
    assert fake_player.seeks[-1] == 20_000
    press("Alt+Up")
    press("Alt+Up")
    assert fake_player.rate() == 1.2
    press("Alt+Down")
    assert fake_player.rate() == 1.1
    assert opened.transport.speed.currentText() == "1.1×"


def test_transport_keys_work_while_typing_in_a_text_field(
    opened: MainWindow, fake_player: FakePlayer, qtbot: object
) -> None:
    from PySide6.QtWidgets import QPlainTextEdit

    editor = QPlainTextEdit(opened)  # stands in for the turn editor
    editor.show()
    editor.setFocus()
    qtbot.keyClicks(editor, "typing")  # type: ignore[attr-defined]
    qtbot.keyClick(editor, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)  # type: ignore[attr-defined]
    assert fake_player.state() == PlaybackState.PLAYING
    started = time.monotonic()
    opened.player.seek(9_000)
    qtbot.keyClick(editor, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)  # type: ignore[attr-defined]
    played_ms = (time.monotonic() - started) * 1000  # it is playing, so time moves on a little
    assert 4_000 <= fake_player.seeks[-1] <= 4_000 + played_ms + 1, fake_player.seeks[-1]
    assert editor.toPlainText() == "typing"


def test_rewind_on_resume(opened: MainWindow, fake_player: FakePlayer) -> None:
    opened.player.rewind_on_resume_ms = 1500
    opened.player.seek(30_000)
    opened.player.play()
    opened.player.pause()
    opened.player.seek(40_000)
    opened.player.play()
    assert fake_player.seeks[-1] == 38_500


def test_missing_media_banner_and_search_by_fingerprint(
    window: MainWindow, demo_project: Path, tmp_path: Path
) -> None:
    from editor.ui import file_commands

    archive = tmp_path / "archive"
    archive.mkdir()
    (demo_project.parent / "sample10.mp3").rename(archive / "renamed.mp3")
    window.open_project(demo_project)
    assert window.banner.isVisible()
    assert not window.transport.play.isEnabled()
    assert window.model.rowCount() == 10  # the transcript opens all the same
    assert file_commands.search_media_folder(window, archive)
    assert not window.banner.isVisible()
    assert window.transport.play.isEnabled()
    assert window.store is not None and window.store.media_path() == archive / "renamed.mp3"


def test_help_lists_every_transport_shortcut() -> None:
    from editor.ui.actions import shortcut_table

    keys = " ".join(row[2] for row in shortcut_table())
    for needed in (
        "Ctrl+Space",
        "Alt+Left",
        "Alt+Right",
        "Alt+Up",
        "Alt+Down",
        "Ctrl+J",
        "Ctrl+L",
        "Ctrl+Shift+Space",
    ):
        assert needed in keys
