"""The libVLC backend (python-vlc).

libVLC calls its event callbacks on its own threads, and is not re-entrant from them. The
callbacks here only emit a Qt signal; Qt queues it to the main thread, where the listener is
told (unless the player was closed meanwhile: one still queued then is dropped). Seeking
before playback has started is remembered and applied once libVLC is playing.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from editor.core.playback import PlaybackState, PlayerListener, clamp_rate
from editor.media import BackendUnavailable


def _has_sound_device() -> bool:
    if os.environ.get("TRANSCRIPT_EDITOR_AUDIO") == "dummy":
        return False
    if sys.platform != "linux":
        return True
    runtime = Path(os.environ.get("XDG_RUNTIME_DIR", "/nonexistent"))
    sockets = (runtime / "pulse" / "native", runtime / "pipewire-0")
    return bool(os.environ.get("PULSE_SERVER")) or any(p.exists() for p in sockets)


def _vlc_module() -> Any:
    return load_vlc()


def load_vlc() -> Any:
    """The ``vlc`` module, or ``BackendUnavailable``. python-vlc calls ``sys.exit`` when
    ``PYTHON_VLC_LIB_PATH`` names a library it cannot load: that must not end the app."""
    try:
        import vlc  # noqa: PLC0415 - optional dependency, loaded only when chosen
    except (ImportError, OSError) as error:
        raise BackendUnavailable(f"python-vlc cannot load libVLC: {error}") from error
    except SystemExit as error:
        sys.modules.pop("vlc", None)
        raise BackendUnavailable("PYTHON_VLC_LIB_PATH names a library that cannot load") from error
    return vlc


class _Bridge(QObject):
    """Carries libVLC events from its threads to the main thread."""

    arrived = Signal(str)


class VlcPlayer:
    name = "libVLC"

    def __init__(self) -> None:
        vlc = self._vlc = _vlc_module()
        args = ["--no-video", "--quiet", "--no-xlib"]
        if not _has_sound_device():
            args.append("--aout=dummy")
        try:
            instance = vlc.Instance(args)
        except NameError as error:  # python-vlc found no libvlc at all
            raise BackendUnavailable("libVLC is not installed") from error
        if instance is None:
            raise BackendUnavailable("libVLC could not start (are vlc-plugin-base installed?)")
        self.name = f"libVLC {vlc.libvlc_get_version().decode()}"
        self._instance = instance
        self._player = instance.media_player_new()
        self._listener: PlayerListener | None = None
        self._pending_seek: int | None = None
        self._started = False
        self._rate = 1.0
        self._closed = False
        self._bridge = _Bridge()
        self._bridge.arrived.connect(self._on_event)
        events = self._player.event_manager()
        self._event_kinds = []
        for kind, name in (
            (vlc.EventType.MediaPlayerPlaying, "playing"),
            (vlc.EventType.MediaPlayerPaused, "paused"),
            (vlc.EventType.MediaPlayerStopped, "stopped"),
            (vlc.EventType.MediaPlayerEndReached, "end"),
            (vlc.EventType.MediaPlayerEncounteredError, "error"),
            (vlc.EventType.MediaPlayerLengthChanged, "length"),
        ):
            events.event_attach(kind, self._from_vlc_thread, name)
            self._event_kinds.append(kind)

    def _from_vlc_thread(self, _event: object, name: str) -> None:
        self._bridge.arrived.emit(name)  # nothing else may happen on libVLC's thread

    def _on_event(self, name: str) -> None:
        if self._closed:  # queued before close: the player it would ask is released
            return
        if name == "playing":
            self._started = True
            if self._pending_seek is not None:
                self._player.set_time(self._pending_seek)
                self._pending_seek = None
        if self._listener is None:
            return
        if name in ("playing", "paused", "stopped"):
            self._listener.on_state(self.state())
        elif name == "end":
            self._started = False
            self._listener.on_end()
        elif name == "error":
            self._listener.on_error("libVLC could not play the media")
        elif name == "length" and (duration := self.duration_ms()) is not None:
            self._listener.on_duration(duration)

    def set_listener(self, listener: PlayerListener) -> None:
        self._listener = listener

    def load(self, path: Path) -> None:
        self._player.stop()
        self._player.set_media(self._instance.media_new(str(path)))
        self._started = False
        self._pending_seek = None

    def play(self) -> None:
        if not self._started and self._player.get_state() == self._vlc.State.Ended:
            self._player.stop()
        self._player.play()
        self._player.set_rate(self._rate)

    def pause(self) -> None:
        self._player.set_pause(1)

    def stop(self) -> None:
        self._player.stop()
        self._started = False

    def seek(self, position_ms: int) -> None:
        if self._started:
            self._player.set_time(max(0, position_ms))
        else:
            self._pending_seek = max(0, position_ms)

    def position_ms(self) -> int:
        if self._pending_seek is not None:
            return self._pending_seek
        return max(0, int(self._player.get_time()))

    def duration_ms(self) -> int | None:
        length = int(self._player.get_length())
        return length if length > 0 else None

    def set_rate(self, rate: float) -> None:
        self._rate = clamp_rate(rate)
        self._player.set_rate(self._rate)

    def rate(self) -> float:
        return self._rate

    def actual_rate(self) -> float:
        return float(self._player.get_rate())

    def state(self) -> PlaybackState:
        state = self._player.get_state()
        if state == self._vlc.State.Playing:
            return PlaybackState.PLAYING
        if state == self._vlc.State.Paused:
            return PlaybackState.PAUSED
        return PlaybackState.STOPPED

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        events = self._player.event_manager()
        for kind in self._event_kinds:
            events.event_detach(kind)
        self._player.stop()
        self._player.release()
        self._instance.release()
