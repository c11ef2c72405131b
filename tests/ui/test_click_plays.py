"""A click on a turn plays from its start, also while paused (README: "Clicking a turn plays")."""

from __future__ import annotations

from PySide6.QtCore import Qt

from editor.core.playback import PlaybackState
from editor.ui.main_window import MainWindow
from tests.ui.fakes import FakePlayer


def test_a_click_on_a_turn_while_paused_plays_from_its_start(
    opened: MainWindow, fake_player: FakePlayer, qtbot: object
) -> None:
    assert fake_player.state() != PlaybackState.PLAYING
    row = 4
    start = opened.model.turn(row).start_ms
    assert start is not None
    rect = opened.view.visualRect(opened.model.index(row, 0))
    qtbot.mouseClick(  # type: ignore[attr-defined]
        opened.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center()
    )
    assert fake_player.state() == PlaybackState.PLAYING
    assert fake_player.seeks[-1] == start
    assert fake_player.position_ms() == start
