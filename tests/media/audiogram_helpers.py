"""A project on the spoken sample whose words have times, and what tests read from a video."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from editor.core.formats import read_transcript
from editor.core.model import Transcript, TranscriptTurn, Word
from editor.core.project.create import create_project
from tests.conftest import SAMPLE10_MP3, SAMPLE10_TRANSCRIPT, SAMPLE10_TRUTH


def word_timed_sample(path: Path) -> Path:
    """The sample with its true turn times and every word timed, spread over its turn by
    length (times of the words' own, as an aligner would give: the video marks them)."""
    truth = json.loads(SAMPLE10_TRUTH.read_text(encoding="utf-8"))["turns"]
    turns = []
    for turn, known in zip(read_transcript(SAMPLE10_TRANSCRIPT).turns, truth, strict=True):
        start, end = round(known["start"] * 1000), round(known["end"] * 1000)
        tokens = turn.text.split()
        weights = np.cumsum([0] + [len(t) + 1 for t in tokens])
        edges = [start + (end - start) * int(w) // int(weights[-1]) for w in weights]
        words = tuple(Word(token, edges[i], edges[i + 1] - 40) for i, token in enumerate(tokens))
        turns.append(TranscriptTurn(turn.speaker, turn.text, start, end, words))
    create_project(
        path,
        title="Amazon's return-to-office mandate",
        media=SAMPLE10_MP3,
        transcript=Transcript(tuple(turns)),
    )
    return path


def top_level_boxes(path: Path) -> list[str]:
    """The MP4's top-level box types in file order (``ftyp``, ``moov``, ``mdat`` …)."""
    data = path.read_bytes()
    boxes, offset = [], 0
    while offset + 8 <= len(data):
        size = int.from_bytes(data[offset : offset + 4], "big")
        kind = data[offset + 4 : offset + 8].decode("latin-1")
        if size == 1:
            size = int.from_bytes(data[offset + 8 : offset + 16], "big")
        boxes.append(kind)
        if size < 8:
            break
        offset += size
    return boxes


def stream_facts(path: Path) -> dict[str, Any]:
    """Codec, pixel format, size and duration (s) of the video and audio streams."""
    import av

    with av.open(str(path)) as container:
        video, audio = container.streams.video[0], container.streams.audio[0]
        return {
            "video": (video.codec_context.name, video.codec_context.pix_fmt),
            "size": (video.codec_context.width, video.codec_context.height),
            "audio": audio.codec_context.name,
            "video_s": float(video.duration * video.time_base),
            "audio_s": float(audio.duration * audio.time_base),
            "frames": video.frames,
            "rate": Fraction(video.average_rate),
        }


def decoded_frames(path: Path, wanted: set[int]) -> dict[int, npt.NDArray[np.uint8]]:
    """The yuv420p buffers (rows × width, as the renderer makes them) of the frames asked for."""
    import av

    found = {}
    with av.open(str(path)) as container:
        for index, frame in enumerate(container.decode(video=0)):
            if index in wanted:
                found[index] = frame.to_ndarray(format="yuv420p")
            if len(found) == len(wanted):
                break
    return found
