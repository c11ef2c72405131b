"""The real media backends on the spoken sample: libVLC (required in CI) and QtMultimedia.

Positions are compared with the ground-truth times of ``sample10-truth.json``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator

import pytest

from editor.core.playback import PlaybackState, Player
from tests.conftest import PATIENCE_MS, SAMPLE10_MP3, SAMPLE10_TRUTH, in_ci

TURN_6_START_MS = round(json.loads(SAMPLE10_TRUTH.read_text())["turns"][5]["start"] * 1000)


class Recorder:
    """A PlayerListener that remembers what it heard."""

    def __init__(self) -> None:
        self.states: list[PlaybackState] = []
        self.errors: list[str] = []
        self.durations: list[int] = []
        self.ended = False

    def on_state(self, state: PlaybackState) -> None:
        self.states.append(state)

    def on_duration(self, duration_ms: int) -> None:
        self.durations.append(duration_ms)

    def on_error(self, message: str) -> None:
        self.errors.append(message)

    def on_end(self) -> None:
        self.ended = True


def _wait_until(qtbot: object, condition: Callable[[], bool]) -> None:
    qtbot.waitUntil(condition, timeout=PATIENCE_MS)  # type: ignore[attr-defined]


def _play_until(qtbot: object, player: Player, position_ms: int) -> tuple[int, float]:
    """Play until the position reaches ``position_ms``; the position and the wall time then."""
    _wait_until(qtbot, lambda: player.position_ms() >= position_ms)
    return player.position_ms(), time.monotonic()


@pytest.fixture
def vlc_player(qapp: object) -> Iterator[Player]:
    from editor.media import BackendUnavailable

    try:
        from editor.media.vlc_player import VlcPlayer

        player = VlcPlayer()
    except BackendUnavailable as error:
        if in_ci():
            pytest.fail(f"libVLC must be available in CI: {error}")
        pytest.skip(f"libVLC not available: {error}")
    yield player
    player.close()


def _exercise(player: Player, qtbot: object, tolerance_ms: int, rate_tolerance: float) -> None:
    """Seek, play, change the rate and pause, each checked when it has happened. Playback is
    compared with the wall time it really took, so a loaded machine is slow, not wrong."""
    recorder = Recorder()
    player.set_listener(recorder)
    player.load(SAMPLE10_MP3)
    player.play()
    _wait_until(qtbot, lambda: PlaybackState.PLAYING in recorder.states)
    player.pause()
    _wait_until(qtbot, lambda: player.state() == PlaybackState.PAUSED)

    player.seek(TURN_6_START_MS)
    _wait_until(qtbot, lambda: abs(player.position_ms() - TURN_6_START_MS) <= tolerance_ms)

    started = time.monotonic()
    player.play()
    _wait_until(qtbot, lambda: player.state() == PlaybackState.PLAYING)
    # It plays on from the seek, and never faster than the clock on the wall.
    position, now = _play_until(qtbot, player, TURN_6_START_MS + 1000)
    advanced, elapsed_ms = position - TURN_6_START_MS, (now - started) * 1000
    assert advanced <= elapsed_ms + tolerance_ms, (advanced, elapsed_ms)

    player.set_rate(1.5)
    assert player.rate() == 1.5
    # Measured over 3 s of audio once the new rate has had half a second to take effect.
    begin_position, begin = _play_until(qtbot, player, position + 500)
    end_position, end = _play_until(qtbot, player, begin_position + 3000)
    speed = (end_position - begin_position) / ((end - begin) * 1000)
    assert abs(speed - 1.5) <= rate_tolerance, speed

    player.pause()
    _wait_until(qtbot, lambda: player.state() == PlaybackState.PAUSED)
    held = player.position_ms()
    qtbot.wait(600)  # type: ignore[attr-defined]  # nothing may move while paused
    assert player.position_ms() == held
    assert not recorder.errors


@pytest.mark.playback
def test_libvlc_seeks_plays_changes_rate_and_pauses(vlc_player: Player, qtbot: object) -> None:
    _exercise(vlc_player, qtbot, tolerance_ms=100, rate_tolerance=0.3)
    assert vlc_player.name.startswith("libVLC")
    assert vlc_player.actual_rate() == pytest.approx(1.5, abs=0.01)  # type: ignore[attr-defined]


@pytest.mark.playback
def test_libvlc_seek_before_playing_is_applied_on_play(vlc_player: Player, qtbot: object) -> None:
    recorder = Recorder()
    vlc_player.set_listener(recorder)
    vlc_player.load(SAMPLE10_MP3)
    vlc_player.seek(TURN_6_START_MS)
    assert vlc_player.position_ms() == TURN_6_START_MS
    started = time.monotonic()
    vlc_player.play()
    _wait_until(qtbot, lambda: PlaybackState.PLAYING in recorder.states)
    # The seek lands: further than playing from 0 could have gone by now, and no further than
    # playing on from the seek.
    position, now = _play_until(qtbot, vlc_player, TURN_6_START_MS - 100)
    elapsed_ms = (now - started) * 1000
    assert elapsed_ms + 100 < position <= TURN_6_START_MS + elapsed_ms + 100, (position, elapsed_ms)


@pytest.mark.playback
def test_libvlc_events_arrive_on_the_main_thread(vlc_player: Player, qtbot: object) -> None:
    import threading

    threads: list[threading.Thread] = []

    class ThreadRecorder(Recorder):
        def on_state(self, state: PlaybackState) -> None:
            threads.append(threading.current_thread())
            super().on_state(state)

    recorder = ThreadRecorder()
    vlc_player.set_listener(recorder)
    vlc_player.load(SAMPLE10_MP3)
    vlc_player.play()
    _wait_until(qtbot, lambda: bool(recorder.states))
    assert threads and all(t is threading.main_thread() for t in threads)


@pytest.mark.playback
def test_libvlc_events_still_queued_at_close_are_dropped(vlc_player: Player, qtbot: object) -> None:
    """An event libVLC sent just before ``close`` reaches the main thread after the player
    was released; asking the released player its state hung the app on quitting (found by the
    editor's journey: the main thread waiting in ``libvlc_media_player_get_state``)."""
    import threading

    from PySide6.QtWidgets import QApplication

    from editor.media.vlc_player import VlcPlayer

    player = vlc_player
    assert isinstance(player, VlcPlayer)
    recorder = Recorder()
    player.set_listener(recorder)
    player.load(SAMPLE10_MP3)
    player.play()
    _wait_until(qtbot, lambda: PlaybackState.PLAYING in recorder.states)
    told = len(recorder.states)
    # as libVLC's own thread does: the event is queued for the main thread
    sender = threading.Thread(target=lambda: player._bridge.arrived.emit("paused"))
    sender.start()
    sender.join()
    player.close()
    QApplication.processEvents()
    assert len(recorder.states) == told
    player.close()  # a second close does nothing


_QT_PLAYER: list[Player] = []  # one for the whole session, never destroyed (platform notes)


@pytest.fixture
def qt_player(qapp: object) -> Iterator[Player]:
    pytest.importorskip("PySide6.QtMultimedia")
    from editor.media.qt_player import QtPlayer

    if not _QT_PLAYER:
        _QT_PLAYER.append(QtPlayer())
    yield _QT_PLAYER[0]
    _QT_PLAYER[0].pause()


@pytest.mark.playback
def test_qtmultimedia_seeks_plays_changes_rate_and_pauses(qt_player: Player, qtbot: object) -> None:
    _exercise(qt_player, qtbot, tolerance_ms=100, rate_tolerance=0.35)
    assert qt_player.name == "QtMultimedia"


def test_auto_choice_prefers_libvlc_and_can_be_forced(qapp: object) -> None:
    from editor.media import BackendUnavailable, create_player

    with pytest.raises(BackendUnavailable, match="unknown player"):
        create_player("winamp")
    forced = create_player("qt")
    assert forced.name == "QtMultimedia"
    _QT_PLAYER.append(forced)  # keep it alive, see above
    try:
        auto = create_player("auto")
    except BackendUnavailable:  # pragma: no cover - auto never raises
        pytest.fail("auto must fall back instead of raising")
    if auto.name.startswith("libVLC"):
        auto.close()
    elif in_ci():
        pytest.fail("CI has libVLC installed; auto should have picked it")


def test_a_bad_python_vlc_lib_path_falls_back_instead_of_exiting() -> None:
    """python-vlc calls sys.exit when PYTHON_VLC_LIB_PATH cannot load; the app must go on."""
    script = (
        "from editor.media import BackendUnavailable\n"
        "from editor.media.vlc_player import load_vlc\n"
        "try:\n    load_vlc()\nexcept BackendUnavailable as error:\n    print('fallback:', error)\n"
    )
    env = {
        **os.environ,
        "PYTHON_VLC_LIB_PATH": "/nonexistent/libvlc.so",
        "QT_QPA_PLATFORM": "offscreen",
    }
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "fallback: PYTHON_VLC_LIB_PATH names a library that cannot load" in result.stdout
