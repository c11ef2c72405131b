"""A media backend that records what it was asked, for GUI tests that need no audio."""

from __future__ import annotations

from pathlib import Path

from editor.core.playback import PlaybackState, PlayerListener


class FakePlayer:
    name = "Fake player"

    def __init__(self, duration_ms: int = 170_000) -> None:
        self.listener: PlayerListener | None = None
        self.loaded: Path | None = None
        self.seeks: list[int] = []
        self.calls: list[str] = []
        self._position = 0
        self._duration = duration_ms
        self._rate = 1.0
        self._state = PlaybackState.STOPPED

    def set_listener(self, listener: PlayerListener) -> None:
        self.listener = listener

    def load(self, path: Path) -> None:
        self.loaded = path
        self._position = 0
        self.calls.append("load")

    def _set_state(self, state: PlaybackState) -> None:
        self._state = state
        if self.listener is not None:
            self.listener.on_state(state)

    def play(self) -> None:
        self.calls.append("play")
        self._set_state(PlaybackState.PLAYING)

    def pause(self) -> None:
        self.calls.append("pause")
        self._set_state(PlaybackState.PAUSED)

    def stop(self) -> None:
        self.calls.append("stop")
        self._set_state(PlaybackState.STOPPED)

    def seek(self, position_ms: int) -> None:
        self.seeks.append(position_ms)
        self._position = position_ms

    def advance(self, ms: int) -> None:
        """The media plays on by ``ms``: what a real backend's position does while playing."""
        self._position += ms

    def position_ms(self) -> int:
        return self._position

    def duration_ms(self) -> int | None:
        return self._duration

    def set_rate(self, rate: float) -> None:
        self._rate = rate

    def rate(self) -> float:
        return self._rate

    def state(self) -> PlaybackState:
        return self._state

    def close(self) -> None:
        self.calls.append("close")
