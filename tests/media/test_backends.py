"""The real media backends on the spoken sample: libVLC (required in CI) and QtMultimedia.

Positions are compared with the ground-truth times of ``sample10-truth.json``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest

from editor.core.playback import PlaybackState, Player
from tests.conftest import SAMPLE10_MP3, SAMPLE10_TRUTH, in_ci

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


def _wait(qtbot: object, ms: int) -> None:
    qtbot.wait(ms)  # type: ignore[attr-defined]


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
    recorder = Recorder()
    player.set_listener(recorder)
    player.load(SAMPLE10_MP3)
    player.play()
    qtbot.waitUntil(lambda: PlaybackState.PLAYING in recorder.states, timeout=5000)  # type: ignore[attr-defined]
    player.pause()
    qtbot.waitUntil(lambda: player.state() == PlaybackState.PAUSED, timeout=3000)  # type: ignore[attr-defined]

    player.seek(TURN_6_START_MS)
    _wait(qtbot, 400)
    assert abs(player.position_ms() - TURN_6_START_MS) <= tolerance_ms

    player.play()
    qtbot.waitUntil(lambda: player.state() == PlaybackState.PLAYING, timeout=3000)  # type: ignore[attr-defined]
    _wait(qtbot, 1200)
    advanced = player.position_ms() - TURN_6_START_MS
    assert 500 <= advanced <= 2500, advanced

    player.set_rate(1.5)
    assert player.rate() == 1.5
    begin_position, begin = player.position_ms(), time.monotonic()
    _wait(qtbot, 2000)
    speed = (player.position_ms() - begin_position) / ((time.monotonic() - begin) * 1000)
    assert abs(speed - 1.5) <= rate_tolerance, speed

    player.pause()
    qtbot.waitUntil(lambda: player.state() == PlaybackState.PAUSED, timeout=3000)  # type: ignore[attr-defined]
    held = player.position_ms()
    _wait(qtbot, 600)
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
    vlc_player.play()
    qtbot.waitUntil(lambda: PlaybackState.PLAYING in recorder.states, timeout=5000)  # type: ignore[attr-defined]
    _wait(qtbot, 300)
    assert TURN_6_START_MS - 100 <= vlc_player.position_ms() <= TURN_6_START_MS + 1000


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
    qtbot.waitUntil(lambda: bool(recorder.states), timeout=5000)  # type: ignore[attr-defined]
    assert threads and all(t is threading.main_thread() for t in threads)


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
