"""Speaking the transcript with eSpeak NG (through its C library), with the time of every word.

One synthesis call speaks all the turns; eSpeak reports each word's character position and its
sample in the output, which gives the synthetic time of every turn and word boundary.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from editor.core.errors import EditorError

AUDIO_OUTPUT_SYNCHRONOUS = 2
POS_CHARACTER = 1
CHARS_UTF8 = 1
EVENT_LIST_TERMINATED, EVENT_WORD = 0, 1
VOICE = os.environ.get("TRANSCRIPT_EDITOR_ALIGN_VOICE", "en-us")
_LOCK = threading.Lock()  # the library keeps global state


class _Event(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int),
        ("unique_identifier", ctypes.c_uint),
        ("text_position", ctypes.c_int),
        ("length", ctypes.c_int),
        ("audio_position", ctypes.c_int),
        ("sample", ctypes.c_int),
        ("user_data", ctypes.c_void_p),
        ("id", ctypes.c_void_p),
    ]


_Callback = ctypes.CFUNCTYPE(
    ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.POINTER(_Event)
)


@dataclass(frozen=True)
class SpokenText:
    samples: np.ndarray  # float32, mono
    rate: int
    turn_starts: list[int]  # sample index where each turn's first word starts
    turn_ends: list[int]  # sample index where each turn's last word ends
    words: list[list[tuple[int, int, int]]]  # per turn: (char start, char end, sample index)


def espeak_library() -> ctypes.CDLL:
    name = ctypes.util.find_library("espeak-ng") or "libespeak-ng.so.1"
    try:
        return ctypes.CDLL(name)
    except OSError as error:
        raise EditorError(
            "automatic alignment needs eSpeak NG: install the espeak-ng package "
            "(apt install espeak-ng; brew install espeak-ng)"
        ) from error


def speak(texts: Sequence[str], voice: str = VOICE) -> SpokenText:
    """Synthesise the turns in order and locate every turn and word in the result."""
    joined, offsets = _join(texts)
    chunks: list[bytes] = []
    events: list[tuple[int, int, int]] = []  # (char position 0-based, length, sample)
    samples_so_far = [0]

    def on_audio(wav: Any, count: int, event_list: Any) -> int:
        if count > 0:
            chunks.append(ctypes.string_at(wav, count * 2))
        index = 0
        while event_list[index].type != EVENT_LIST_TERMINATED:
            event = event_list[index]
            if event.type == EVENT_WORD:
                events.append((event.text_position - 1, event.length, event.sample))
            index += 1
        samples_so_far[0] += max(count, 0)
        return 0

    callback = _Callback(on_audio)
    with _LOCK:
        lib = espeak_library()
        rate = lib.espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, None, 0)
        if rate <= 0:
            raise EditorError("eSpeak NG could not start (is espeak-ng-data installed?)")
        lib.espeak_SetSynthCallback(callback)
        if lib.espeak_SetVoiceByName(voice.encode()) != 0:
            lib.espeak_SetVoiceByName(b"en")
        data = joined.encode("utf-8")
        lib.espeak_Synth(data, len(data) + 1, 0, POS_CHARACTER, 0, CHARS_UTF8, None, None)
        lib.espeak_Synchronize()
    audio = np.frombuffer(b"".join(chunks), dtype=np.int16).astype(np.float32) / 32768.0
    return _locate(texts, offsets, sorted(events, key=lambda e: e[2]), audio, rate)


def _join(texts: Sequence[str]) -> tuple[str, list[int]]:
    """One text for eSpeak, turns separated by paragraph breaks; and each turn's offset."""
    offsets, parts, position = [], [], 0
    for text in texts:
        cleaned = " ".join(text.split()) or "."
        offsets.append(position)
        parts.append(cleaned)
        position += len(cleaned) + 2
    return "\n\n".join(parts), offsets


def _locate(
    texts: Sequence[str],
    offsets: list[int],
    events: list[tuple[int, int, int]],
    audio: np.ndarray,
    rate: int,
) -> SpokenText:
    words: list[list[tuple[int, int, int]]] = [[] for _ in texts]
    turn = 0
    for position, length, sample in events:
        while turn + 1 < len(offsets) and position >= offsets[turn + 1]:
            turn += 1
        local = position - offsets[turn]
        words[turn].append((local, local + length, sample))
    starts: list[int] = []
    for index in range(len(texts)):
        if words[index]:
            starts.append(words[index][0][2])
        else:  # a turn eSpeak said nothing for: place it after the previous one
            starts.append(starts[-1] if starts else 0)
    ends = [starts[i + 1] if i + 1 < len(starts) else len(audio) for i in range(len(starts))]
    return SpokenText(audio, rate, starts, ends, words)
