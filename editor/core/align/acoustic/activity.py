"""Where the recording is loud enough to hold speech, every 10 ms, from its energy alone.

The threshold sits a fixed distance above the file's quiet floor, so a noise or tone bed does not
count as speech but soft voices do. Used to place window edges in pauses and to skip long
silences; the acoustic model decides what is speech.
"""

from __future__ import annotations

import numpy as np

FRAME = 160  # samples of 16 kHz audio: 10 ms
FRAME_MS = 10
ABOVE_FLOOR_DB = 12.0


def loud_frames(pcm: np.ndarray) -> np.ndarray:
    """A bool per 10 ms frame: True where the energy is well above the file's floor."""
    count = len(pcm) // FRAME
    if count == 0:
        return np.zeros(0, dtype=bool)
    energy = np.empty(count, dtype=np.float32)
    step = 360_000  # an hour of frames at a time keeps the float copy small
    for first in range(0, count, step):
        last = min(count, first + step)
        block = pcm[first * FRAME : last * FRAME].astype(np.float32).reshape(-1, FRAME)
        energy[first:last] = np.einsum("ij,ij->i", block, block) / FRAME
    level = 10 * np.log10(energy + 1.0)
    floor = float(np.percentile(level, 10))
    return np.asarray(level > floor + ABOVE_FLOOR_DB)


def next_loud(loud: np.ndarray, frame: int) -> int:
    """The first loud frame at or after ``frame`` (the end if none)."""
    ahead = np.flatnonzero(loud[max(0, frame) :])
    return max(0, frame) + int(ahead[0]) if len(ahead) else len(loud)


def pause_near(loud: np.ndarray, frame: int, reach: int, shortest: int = 15) -> int:
    """The middle of the first pause of ``shortest`` quiet frames within ``reach`` after
    ``frame``; ``frame`` itself if there is none."""
    window = ~loud[frame : frame + reach]
    if len(window) < shortest:
        return frame
    runs = np.convolve(window.astype(np.int32), np.ones(shortest, dtype=np.int32), "valid")
    found = np.flatnonzero(runs == shortest)
    return frame + int(found[0]) + shortest // 2 if len(found) else frame


def pauses(loud: np.ndarray, start_ms: int, end_ms: int, shortest_ms: int) -> list[tuple[int, int]]:
    """Quiet stretches at least ``shortest_ms`` long between two times, as (start, end) ms."""
    first, last = max(0, start_ms // FRAME_MS), min(len(loud), end_ms // FRAME_MS)
    if last - first < 2:
        return []
    quiet = np.concatenate(([0], (~loud[first:last]).astype(np.int8), [0]))
    edges = np.flatnonzero(np.diff(quiet))
    runs = edges.reshape(-1, 2)
    keep = runs[:, 1] - runs[:, 0] >= shortest_ms // FRAME_MS
    return [((first + int(a)) * FRAME_MS, (first + int(b)) * FRAME_MS) for a, b in runs[keep]]


def speech_share(loud: np.ndarray, start_ms: int, at_ms: int, end_ms: int) -> float:
    """How much of the speech between ``start_ms`` and ``end_ms`` comes before ``at_ms``."""
    a, b, c = (t // FRAME_MS for t in (start_ms, at_ms, end_ms))
    total = int(loud[a:c].sum())
    return int(loud[a:b].sum()) / total if total else (b - a) / max(1, c - a)
