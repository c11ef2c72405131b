"""The playhead clock and the turn lookup, without any media library."""

from __future__ import annotations

import itertools

import pytest

from editor.core.playback import PlayheadClock, TurnLocator, clamp_rate


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_playhead_interpolates_between_coarse_reports() -> None:
    clock = FakeClock()
    playhead = PlayheadClock(clock)
    playhead.seek(10_000)
    clock.now += 2  # let the seek settle
    assert playhead.report(10_000) == 10_000
    playhead.set_playing(True)
    seen = []
    reported = 10_000
    for step in range(1, 31):  # 3 s at 100 ms polling, Ogg-like reports every 700 ms
        clock.now += 0.1
        if step % 7 == 0:
            reported = 10_000 + step * 100 - 50  # a little behind the truth
        seen.append(playhead.report(reported))
    assert seen == sorted(seen), "the playhead never runs backwards"
    assert all(abs(value - (10_000 + (i + 1) * 100)) <= 60 for i, value in enumerate(seen))


def test_rate_scales_interpolation_and_pause_holds() -> None:
    clock = FakeClock()
    playhead = PlayheadClock(clock)
    playhead.set_rate(1.5)
    playhead.set_playing(True)
    clock.now += 2
    assert playhead.position() == 3000
    playhead.set_playing(False)
    clock.now += 5
    assert playhead.position() == 3000


def test_stale_positions_right_after_a_seek_are_ignored() -> None:
    clock = FakeClock()
    playhead = PlayheadClock(clock)
    playhead.set_playing(True)
    playhead.seek(60_000)
    clock.now += 0.1
    assert playhead.report(1_200) == 60_100  # the backend still reports the old place
    clock.now += 1.5
    assert playhead.report(61_400) >= 61_400


def test_a_real_jump_backwards_is_followed() -> None:
    clock = FakeClock()
    playhead = PlayheadClock(clock)
    playhead.set_playing(True)
    clock.now += 10
    assert playhead.report(2_000) == 2_000


def test_turn_locator_edges_and_untimed_turns() -> None:
    locator = TurnLocator([1000, 3000, None, 6000])
    assert [locator.row_at(t) for t in (0, 999, 1000, 2999, 3000, 5999, 6000, 10**9)] == [
        None,
        None,
        0,
        0,
        1,
        1,
        3,
        3,
    ]
    assert len(locator) == 3
    assert TurnLocator([]).row_at(5) is None


@pytest.mark.parametrize(("rate", "expected"), [(0.1, 0.5), (3.0, 2.0), (1.26, 1.26)])
def test_rates_are_clamped(rate: float, expected: float) -> None:
    assert clamp_rate(rate) == expected


def test_a_backend_whose_clock_stops_is_noticed_and_the_playhead_does_not_saw() -> None:
    """libVLC with the dummy output sometimes keeps reporting one position while 'playing'."""
    clock = FakeClock()
    playhead = PlayheadClock(clock)
    playhead.seek(55_000)
    clock.now += 2
    playhead.report(55_000)
    playhead.set_playing(True)
    seen = []
    for _ in range(150):  # 6 s of 40 ms polls, the backend stuck at 55.0 s
        clock.now += 0.04
        seen.append(playhead.report(55_000))
    assert playhead.stalled()
    assert max(seen) <= 55_000 + 1200  # never runs on far ahead of the truth …
    assert seen[-50:] == [55_000] * 50  # … and, once stalled is known, shows the truth
    backwards = sum(1 for a, b in itertools.pairwise(seen) if b < a)
    assert backwards <= 1  # one correction, not a saw
    for step in range(1, 20):  # the backend moves again: the stall is over
        clock.now += 0.04
        playhead.report(55_000 + step * 40)
    assert not playhead.stalled()
    assert abs(playhead.position() - (55_000 + 19 * 40)) <= 100


def test_a_pause_is_not_a_stall() -> None:
    clock = FakeClock()
    playhead = PlayheadClock(clock)
    playhead.report(3_000)
    clock.now += 30
    playhead.report(3_000)
    assert not playhead.stalled()
    playhead.set_playing(True)
    clock.now += 0.04
    assert not playhead.stalled()
