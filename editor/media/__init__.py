"""Media backends behind the one ``editor.core.playback.Player`` interface.

``create_player`` picks libVLC when it and its plugins are present (it seeks and reports time
well), and QtMultimedia otherwise; a preference of "vlc" or "qt" forces one.
"""

from __future__ import annotations

import logging

from editor.core.playback import Player

log = logging.getLogger(__name__)
BACKENDS = ("auto", "vlc", "qt")


class BackendUnavailable(RuntimeError):
    """The requested media backend cannot run on this machine; the message says why."""


def create_player(preference: str = "auto") -> Player:
    """A ready player; raises ``BackendUnavailable`` only when a forced backend cannot run."""
    if preference not in BACKENDS:
        raise BackendUnavailable(f"unknown player {preference!r}; choose one of {BACKENDS}")
    if preference in ("auto", "vlc"):
        try:
            from editor.media.vlc_player import VlcPlayer  # noqa: PLC0415 - optional backend

            return VlcPlayer()
        except BackendUnavailable as error:
            if preference == "vlc":
                raise
            log.info("libVLC unavailable (%s); using QtMultimedia", error)
    from editor.media.qt_player import QtPlayer  # noqa: PLC0415

    return QtPlayer()
