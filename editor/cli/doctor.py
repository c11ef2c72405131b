"""``transcript-editor doctor``: what this installation can do, for bug reports and smoke tests.

Prints the versions, which media player will be used and why, which aligner ``align`` runs
(PocketSphinx's acoustic model for English, eSpeak NG warping otherwise), whether spelling is
checked and in which language (en_US, the default), and where settings, data and snapshots
live. ``--require-vlc`` exits 2 without libVLC.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
from pathlib import Path

from platformdirs import user_config_path, user_data_path

from editor import APP_NAME, __version__
from editor.core.errors import EditorError


def libvlc_status() -> tuple[bool, str]:
    """(usable, description): python-vlc, the library and its plugins, as the player needs them."""
    from editor.media import BackendUnavailable  # noqa: PLC0415
    from editor.media.vlc_player import load_vlc  # noqa: PLC0415 - imports Qt

    try:
        vlc = load_vlc()
        version = vlc.libvlc_get_version().decode()
        instance = vlc.Instance(["--aout=dummy", "--no-video", "--quiet"])
    except (BackendUnavailable, NameError, AttributeError) as error:
        return False, f"not found ({error})"
    if instance is None:
        return False, f"{version}, but its plugins are missing (install vlc-plugin-base)"
    instance.release()
    return True, version


def espeak_status() -> tuple[bool, str]:
    try:
        from editor.core.align.speech import espeak_library  # noqa: PLC0415

        espeak_library()
    except (EditorError, OSError) as error:
        return False, str(error)
    return True, "eSpeak NG found"


def acoustic_status() -> tuple[bool, str]:
    """Whether the acoustic aligner (PocketSphinx's English model) can run, and with what."""
    from editor.core.align.acoustic.decoder import sphinx_status  # noqa: PLC0415

    return sphinx_status()


def aligner_lines(speech: tuple[bool, str], acoustic: tuple[bool, str]) -> list[str]:
    """Which aligner ``align`` runs: the acoustic one for English, eSpeak NG otherwise."""
    (speech_ok, speech_text), (acoustic_ok, acoustic_text) = speech, acoustic
    if acoustic_ok:
        default = "acoustic (PocketSphinx) for English transcripts, to the word"
        default += "; eSpeak NG warping for other languages" if speech_ok else ""
    elif speech_ok:
        default = "eSpeak NG warping: the acoustic model is missing"
    else:
        default = "none"
    words = "eSpeak NG phonemes" if speech_ok else "letter-to-sound rules"
    return [
        f"automatic alignment: {default}",
        f"  acoustic aligner: {'yes' if acoustic_ok else 'no'} ({acoustic_text}); "
        f"words missing from its dictionary pronounced by {words}",
        f"  eSpeak NG aligner: {'yes' if speech_ok else 'no'} ({speech_text})",
        f"  acoustic alignment processes: {_processes()}",
    ]


def _processes() -> str:
    """How many processes the acoustic aligner uses on a long recording, and why."""
    from editor.core.align.acoustic.parallel import PROCESSES_VARIABLE, process_count  # noqa: PLC0415

    count, cores = process_count(), os.cpu_count() or 1
    chosen = os.environ.get(PROCESSES_VARIABLE)
    source = f"{PROCESSES_VARIABLE}={chosen}" if chosen else f"one per core of {cores}, at most 2"
    return (
        f"{count} ({source}); a recording of 4 minutes or more is cut at sure pauses into "
        "stretches of up to 5 minutes aligned at once, a shorter one is aligned in one"
    )


def spelling_line() -> str:
    """Whether misspelled words are underlined, and with which dictionary (or why not)."""
    from editor.core.spelling import spelling_status  # noqa: PLC0415

    ok, text = spelling_status()
    return f"spell checking: {text}" if ok else f"spell checking: no ({text})"


def audiogram_line() -> str:
    """Whether clip videos can be made (H.264 and AAC in PyAV's FFmpeg)."""
    from editor.core.audiogram.mp4 import encoder_status  # noqa: PLC0415

    ok, text = encoder_status()
    return f"clip videos: {text}" if ok else f"clip videos: no ({text})"


def doctor(args: argparse.Namespace) -> int:
    from PySide6 import __version__ as pyside  # noqa: PLC0415 - only this command needs Qt

    vlc_ok, vlc_text = libvlc_status()
    speech_ok, speech_text = espeak_status()
    frozen = " (bundle)" if getattr(sys, "frozen", False) else ""
    lines = [
        f"{APP_NAME} {__version__}{frozen}",
        f"Python {platform.python_version()}, Qt for Python {pyside}, {platform.platform()}",
        f"libVLC: {vlc_text}",
        f"media player: {'libVLC' if vlc_ok else 'QtMultimedia (libVLC not usable)'}",
        *aligner_lines((speech_ok, speech_text), acoustic_status()),
        spelling_line(),
        audiogram_line(),
        f"settings: {user_config_path('transcript-editor', appauthor=False)}",
        f"data and snapshots: {user_data_path(APP_NAME, appauthor=False)}",
        f"program: {Path(sys.executable) if frozen else Path(__file__).resolve().parents[1]}",
    ]
    print("\n".join(lines))
    if args.require_vlc and not vlc_ok:
        raise EditorError(f"libVLC is required here but not usable: {vlc_text}")
    return 0
