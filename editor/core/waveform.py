"""The media's waveform as a peak envelope: the loudest sample of every 10 ms.

Decoded with PyAV and reduced with NumPy a block at a time (an hour of MP3 in a few seconds),
then kept in the project file, one byte a bucket, keyed by the media's fingerprint so a new
media file gets a new envelope.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from editor.core.align.features import mono_samples
from editor.core.errors import Cancelled, ProjectError
from editor.core.project.store import ProjectStore

BUCKET_MS = 10


def compute_peaks(
    media: Path,
    bucket_ms: int = BUCKET_MS,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> np.ndarray:
    """Peak level (0–1) of every ``bucket_ms`` of the media."""
    import av  # noqa: PLC0415

    peaks: list[np.ndarray] = []
    with av.open(str(media)) as container:
        stream = container.streams.audio[0]
        bucket = max(1, stream.rate * bucket_ms // 1000)
        total = float(container.duration or 0) / 1_000_000
        block = bucket * 2000
        pending: list[np.ndarray] = []
        pending_count = 0
        frames = container.decode(stream)
        first = next(frames, None)
        if first is None:
            return np.zeros(0, dtype=np.float32)
        read = _fast_reader(first)  # the frames' layout does not change within a stream
        pending.append(read(first))
        for frame in frames:
            samples = read(frame)
            pending.append(samples)
            pending_count += len(samples)
            if pending_count >= block:
                pending, pending_count = _reduce(pending, bucket, peaks)
                if cancelled():
                    raise Cancelled("the waveform was cancelled")
                if progress is not None and total and frame.time is not None:
                    progress(min(1.0, float(frame.time) / total))
        _reduce(pending, bucket, peaks, final=True)
    envelope = np.concatenate(peaks) if peaks else np.zeros(0, dtype=np.float32)
    top = float(envelope.max()) if len(envelope) else 0.0
    return envelope / top if top > 0 else envelope


def _fast_reader(frame: Any) -> Callable[[Any], np.ndarray]:
    """Mono float32 or float64 planar frames are read straight from their first plane."""
    if frame.format.name in ("fltp", "flt") and len(frame.layout.channels) == 1:
        return lambda f: np.frombuffer(f.planes[0], dtype=np.float32, count=f.samples)
    return mono_samples


def _reduce(
    pending: list[np.ndarray], bucket: int, peaks: list[np.ndarray], final: bool = False
) -> tuple[list[np.ndarray], int]:
    if not pending:
        return [], 0
    block = np.abs(np.concatenate(pending))
    whole = len(block) // bucket * bucket
    if whole:
        peaks.append(block[:whole].reshape(-1, bucket).max(axis=1).astype(np.float32))
    rest = block[whole:]
    if final and len(rest):
        peaks.append(np.array([rest.max()], dtype=np.float32))
        return [], 0
    return [rest], len(rest)


def load_cached(store: ProjectStore) -> np.ndarray | None:
    link = store.media_link()
    if link is None:
        return None
    found = store.query("SELECT head_sha256, bucket_ms, peaks FROM waveform WHERE id = 1")
    if not found or found[0]["head_sha256"] != link.head_sha256:
        return None
    data = np.frombuffer(zlib.decompress(found[0]["peaks"]), dtype=np.uint8)
    return data.astype(np.float32) / 255.0


def save_cached(store: ProjectStore, peaks: np.ndarray) -> None:
    link = store.media_link()
    if link is None or store.readonly:
        return
    blob = zlib.compress((np.clip(peaks, 0, 1) * 255).astype(np.uint8).tobytes(), 6)
    try:
        with store.writing():
            store.db.execute(
                "INSERT INTO waveform (id, head_sha256, bucket_ms, peaks) VALUES (1, ?, ?, ?) "
                "ON CONFLICT(id) DO UPDATE SET head_sha256 = excluded.head_sha256, "
                "bucket_ms = excluded.bucket_ms, peaks = excluded.peaks",
                (link.head_sha256, BUCKET_MS, blob),
            )
    except ProjectError:
        pass  # only a cache: it is computed again next time
