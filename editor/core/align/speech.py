"""Speaking the transcript with eSpeak NG (through its C library), with the time of every word.

One synthesis call speaks all the turns; eSpeak reports each word's character position and its
sample in the output, which gives the synthetic time of every turn and word boundary.

eSpeak NG keeps state from one text it speaks to the next (the same text comes out a few hundred
samples longer or shorter, its pauses moved), and it cannot be reset in the process (terminating
and initialising it again hangs). So every synthesis runs in a fresh spawned process
(``Speaker``), which speaks its texts in order and sends each one back as soon as it is done: the
same input gives the same speech whatever was spoken before, in this process or any other.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import Any

import numpy as np

from editor.core.align.dtw import AlignmentCancelled
from editor.core.errors import EditorError

AUDIO_OUTPUT_SYNCHRONOUS = 2
POS_CHARACTER = 1
CHARS_UTF8 = 1
EVENT_LIST_TERMINATED, EVENT_WORD = 0, 1
VOICE = os.environ.get("TRANSCRIPT_EDITOR_ALIGN_VOICE", "en-us")
POLL_S = 0.1
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


def speak(
    texts: Sequence[str], voice: str = VOICE, cancelled: Callable[[], bool] = lambda: False
) -> SpokenText:
    """Synthesise the turns in order (in a fresh process) and locate every turn and word."""
    with Speaker([texts], voice) as speaker:
        return speaker.next(cancelled)


class Speaker:
    """A fresh process speaking ``batches`` of turns in order; ``next`` gives each one's
    speech (the process works on the next while the caller uses it, one ahead at most)."""

    def __init__(self, batches: Sequence[Sequence[str]], voice: str = VOICE) -> None:
        self._batches = [list(texts) for texts in batches]
        context = multiprocessing.get_context("spawn")  # nothing of this process is copied
        self._receiver, sender = context.Pipe(duplex=False)
        self._process = context.Process(
            target=_speak_in_child, args=(sender, self._batches, voice), daemon=True
        )
        self._process.start()
        sender.close()
        self._given = 0

    def __enter__(self) -> Speaker:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def next(self, cancelled: Callable[[], bool] = lambda: False) -> SpokenText:
        """The next batch's speech (``AlignmentCancelled`` as soon as ``cancelled()``)."""
        while not self._receiver.poll(POLL_S):
            if cancelled():
                raise AlignmentCancelled("the alignment was cancelled")
            if not self._process.is_alive() and not self._receiver.poll(0):
                raise EditorError(f"eSpeak NG stopped (exit code {self._process.exitcode})")
        kind, value = self._receiver.recv()
        if kind == "error":
            raise EditorError(value)
        texts = self._batches[self._given]
        self._given += 1
        pcm, events, rate = value
        audio = np.frombuffer(pcm, dtype=np.int16).astype(np.float32) / 32768.0
        offsets = _join(texts)[1]
        return _locate(texts, offsets, sorted(events, key=lambda e: e[2]), audio, rate)

    def close(self) -> None:
        """Stop the process (if it is still speaking) and wait for it."""
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        self._receiver.close()


def _speak_in_child(sender: Any, batches: list[list[str]], voice: str) -> None:
    """In the fresh process: speak every batch, sending each result as it is done."""
    try:
        for texts in batches:
            sender.send(("speech", _synthesise(_join(texts)[0], voice)))
    except EditorError as error:
        sender.send(("error", str(error)))
    finally:
        sender.close()


def _synthesise(joined: str, voice: str) -> tuple[bytes, list[tuple[int, int, int]], int]:
    """16-bit samples of ``joined`` spoken, its word events (char position 0-based, length,
    sample) and the sample rate."""
    chunks: list[bytes] = []
    events: list[tuple[int, int, int]] = []

    def on_audio(wav: Any, count: int, event_list: Any) -> int:
        if count > 0:
            chunks.append(ctypes.string_at(wav, count * 2))
        index = 0
        while event_list[index].type != EVENT_LIST_TERMINATED:
            event = event_list[index]
            if event.type == EVENT_WORD:
                events.append((event.text_position - 1, event.length, event.sample))
            index += 1
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
    return b"".join(chunks), events, rate


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
