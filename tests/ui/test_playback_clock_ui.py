"""The window notices a player whose clock does not advance, and stamps from its real position."""

from __future__ import annotations

import itertools

from editor.core.playback import PlayheadClock
from editor.ui.main_window import MainWindow
from tests.ui.fakes import FakePlayer


class SteppedClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _play_stuck_at(window: MainWindow, fake_player: FakePlayer, position_ms: int) -> SteppedClock:
    clock = SteppedClock()
    window.player.clock = PlayheadClock(clock)
    fake_player.seek(position_ms)
    window.player.clock.report(position_ms)
    window.player.play()
    window.player._timer.stop()  # the test polls by hand, on its own clock
    return clock


def _poll_for(window: MainWindow, clock: SteppedClock, seconds: float) -> list[int]:
    seen = []
    for _ in range(round(seconds / 0.04)):
        clock.now += 0.04
        window.player._poll()
        seen.append(window.player.position())
    return seen


def test_a_stuck_player_is_said_and_the_playhead_shows_its_real_position(
    opened: MainWindow, fake_player: FakePlayer
) -> None:
    clock = _play_stuck_at(opened, fake_player, 55_000)
    seen = _poll_for(opened, clock, 0.5)
    assert "not advancing" not in opened.transport.time.text()
    seen += _poll_for(opened, clock, 3.0)
    assert opened.player.stalled
    assert "not advancing" in opened.transport.time.text()
    assert opened.transport.time.text().startswith("00:00:55")
    assert sum(1 for a, b in itertools.pairwise(seen) if b < a) <= 1  # no saw
    fake_player.seek(56_000)  # it moves again
    _poll_for(opened, clock, 0.1)
    assert not opened.player.stalled and "not advancing" not in opened.transport.time.text()


def test_f9_stamps_the_players_real_position_not_the_smoothed_clock(
    opened: MainWindow, fake_player: FakePlayer
) -> None:
    clock = _play_stuck_at(opened, fake_player, 20_000)
    _poll_for(opened, clock, 0.8)  # the display has run on ahead of the backend
    assert opened.player.position() > 20_500
    opened.view.select_row(3)
    turn_id = opened.model.turn(3).id
    opened.timing.stamp()
    assert opened.store is not None
    assert opened.store.turn(turn_id).start_ms == 20_000
