"""The QtMultimedia backend, used when libVLC is missing.

QtMultimedia 6.11–6.12 may crash when a player and its ``QAudioOutput`` are destroyed right
after ``stop()`` (see the platform notes), so one player lives for the whole application and is
only ever re-pointed at new media, never deleted early.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer

from editor.core.playback import PlaybackState, PlayerListener, clamp_rate

_STATES = {
    QMediaPlayer.PlaybackState.PlayingState: PlaybackState.PLAYING,
    QMediaPlayer.PlaybackState.PausedState: PlaybackState.PAUSED,
    QMediaPlayer.PlaybackState.StoppedState: PlaybackState.STOPPED,
}


class QtPlayer:
    name = "QtMultimedia"

    def __init__(self) -> None:
        self._player = QMediaPlayer()
        self._output = QAudioOutput()
        self._player.setAudioOutput(self._output)
        if hasattr(self._player, "setPitchCompensation"):  # Qt 6.10+
            self._player.setPitchCompensation(True)
        self._listener: PlayerListener | None = None
        self._player.playbackStateChanged.connect(self._on_state)
        self._player.durationChanged.connect(self._on_duration)
        self._player.errorOccurred.connect(self._on_error)
        self._player.mediaStatusChanged.connect(self._on_status)

    def _on_state(self, state: QMediaPlayer.PlaybackState) -> None:
        if self._listener is not None:
            self._listener.on_state(_STATES[state])

    def _on_duration(self, duration: int) -> None:
        if self._listener is not None and duration > 0:
            self._listener.on_duration(duration)

    def _on_error(self, _error: QMediaPlayer.Error, message: str) -> None:
        if self._listener is not None:
            self._listener.on_error(message or "QtMultimedia could not play the media")

    def _on_status(self, status: QMediaPlayer.MediaStatus) -> None:
        if status == QMediaPlayer.MediaStatus.EndOfMedia and self._listener is not None:
            self._listener.on_end()

    def set_listener(self, listener: PlayerListener) -> None:
        self._listener = listener

    def load(self, path: Path) -> None:
        self._player.setSource(QUrl.fromLocalFile(str(path)))

    def play(self) -> None:
        self._player.play()

    def pause(self) -> None:
        self._player.pause()

    def stop(self) -> None:
        self._player.stop()

    def seek(self, position_ms: int) -> None:
        self._player.setPosition(max(0, position_ms))

    def position_ms(self) -> int:
        return int(self._player.position())

    def duration_ms(self) -> int | None:
        duration = int(self._player.duration())
        return duration if duration > 0 else None

    def set_rate(self, rate: float) -> None:
        self._player.setPlaybackRate(clamp_rate(rate))

    def rate(self) -> float:
        return float(self._player.playbackRate())

    def state(self) -> PlaybackState:
        return _STATES[self._player.playbackState()]

    def close(self) -> None:
        self._player.pause()  # kept alive: deleting it after stop() can crash QtMultimedia
