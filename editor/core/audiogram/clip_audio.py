"""The clip's audio for its video: decoded as Cut Audio cuts it, and its level at each frame.

The samples are trimmed to the clip's exact start (``audio_cut.clip_frames``), resampled to
48 kHz (mono stays mono, more channels become stereo) and padded with silence, or cut, to the
clip's exact length, so the video's sound lasts as long as the clip.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from editor.core.audio_cut import IsCancelled, clip_frames
from editor.core.errors import EditorError, InputError

AUDIO_RATE = 48_000
Samples = npt.NDArray[np.float32]


@dataclass(frozen=True)
class ClipAudio:
    samples: Samples  # channels × samples, float32 in -1..1, exactly the clip's length
    rate: int
    layout: str  # "mono" or "stereo"
    missing_ms: int  # the end of the clip the audio did not reach, filled with silence


def read_clip_audio(
    source: Path, start_ms: int, end_ms: int, cancelled: IsCancelled | None = None
) -> ClipAudio:
    """``source`` from ``start_ms`` to ``end_ms`` as float samples at ``AUDIO_RATE``."""
    import av  # noqa: PLC0415 - PyAV only where media is read

    if end_ms <= start_ms:
        raise EditorError(f"a clip must end after it starts ({start_ms}–{end_ms} ms)")
    try:
        with av.open(str(source)) as reader:
            if not reader.streams.audio:
                raise InputError(source, "has no audio stream")
            channels = reader.streams.audio[0].layout.nb_channels
            layout = "mono" if channels == 1 else "stereo"
            resampler = av.AudioResampler(format="fltp", layout=layout, rate=AUDIO_RATE)
            parts = _decode(resampler, clip_frames(av, reader, start_ms, end_ms, cancelled))
    except av.error.FFmpegError as error:
        raise InputError(source, f"cannot read the audio ({error})") from error
    wanted = round((end_ms - start_ms) * AUDIO_RATE / 1000)
    width = 1 if layout == "mono" else 2
    decoded = np.concatenate(parts, axis=1) if parts else np.zeros((width, 0), np.float32)
    samples = np.zeros((width, wanted), dtype=np.float32)
    have = min(wanted, decoded.shape[1])
    samples[:, :have] = decoded[:, :have]
    missing = round((wanted - have) * 1000 / AUDIO_RATE)
    return ClipAudio(samples, AUDIO_RATE, layout, missing)


def _decode(resampler: Any, frames: Any) -> list[Samples]:
    parts: list[Samples] = []
    for frame, _ in frames:
        parts.extend(f.to_ndarray().astype(np.float32) for f in resampler.resample(frame))
    parts.extend(f.to_ndarray().astype(np.float32) for f in resampler.resample(None))
    return parts


def frame_levels(audio: ClipAudio, fps: int, frames: int) -> Samples:
    """Each frame's loudness, 0–1: the RMS of its 1/fps s of sound against the clip's loud
    moments (its 95th percentile), so quiet and loud recordings both fill the bars."""
    mixed = audio.samples.mean(axis=0)
    edges = np.round(np.arange(frames + 1) * audio.rate / fps).astype(np.int64)
    edges = np.minimum(edges, len(mixed))
    squares = np.concatenate(([0.0], np.cumsum(mixed.astype(np.float64) ** 2)))
    counts = np.maximum(1, edges[1:] - edges[:-1])
    rms = np.sqrt((squares[edges[1:]] - squares[edges[:-1]]) / counts)
    sounding = rms[rms > 1e-4]
    reference = float(np.percentile(sounding, 95)) if len(sounding) else 1.0
    levels: Samples = (np.clip(rms / max(reference, 1e-4), 0.0, 1.0) ** 0.7).astype(np.float32)
    return levels
