"""Audiogram speed: a 60 s square clip of the spoken sample, made as ``clip video`` makes it.

Prints seconds of work, by the clock and by CPU time (this process and every thread of it,
libx264's included), for the whole video and for its parts: reading the sound, drawing the
frames (no encoding) and the rest (encoding and writing). ``python -m bench.audiogram``.
"""

from __future__ import annotations

import os
import resource
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from editor.core.audiogram.clip_audio import read_clip_audio
from editor.core.audiogram.render import AudiogramRenderer, audiogram_job, make_audiogram
from editor.core.model import Clip
from editor.core.project.store import ProjectStore
from editor.media.audiogram import QtTextPainter, ensure_qt
from tests.media.audiogram_helpers import word_timed_sample

CLIP = Clip(0, 12_500, 72_500, "Bench clip")


def timed(action: Callable[[], object]) -> tuple[float, float]:
    """Seconds by the clock and by the process's CPU time."""
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    return time.perf_counter() - wall, time.process_time() - cpu


def main(shape: str = "square") -> None:
    ensure_qt()
    folder = Path(tempfile.mkdtemp(prefix="bench-audiogram-"))
    project = word_timed_sample(folder / "sample.tep")
    with ProjectStore.open(project) as store:
        clip = store.clips.add(CLIP)
        job = audiogram_job(store, clip.id, shape)
    seconds = CLIP.duration_ms / 1000
    load = os.getloadavg()[0]
    wall, cpu = timed(lambda: make_audiogram(job, QtTextPainter, folder / "clip.mp4"))
    size = (folder / "clip.mp4").stat().st_size / 1e6
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(
        f"audiogram {shape} {seconds:.0f} s clip: {wall:.1f} s wall, {cpu:.1f} s CPU "
        f"({seconds / wall:.1f}x real time by the clock), {size:.1f} MB; peak memory "
        f"{peak:.0f} MB; load {load:.1f}"
    )
    media = job.media
    audio_wall, audio_cpu = timed(lambda: read_clip_audio(media, CLIP.start_ms, CLIP.end_ms))
    audio = read_clip_audio(media, CLIP.start_ms, CLIP.end_ms)
    renderer = AudiogramRenderer(job, QtTextPainter, audio)
    count = renderer.timeline.frame_count
    frames_wall, frames_cpu = timed(lambda: [renderer.frame(i) for i in range(count)])
    states = renderer.composer.states_drawn
    print(f"  reading the sound: {audio_wall:.2f} s wall, {audio_cpu:.2f} s CPU")
    print(
        f"  drawing {count} frames ({states} words boxes drawn): "
        f"{frames_wall:.2f} s wall, {frames_cpu:.2f} s CPU "
        f"({frames_cpu / count * 1000:.1f} ms a frame)"
    )
    print(
        f"  encoding and writing (the rest): {wall - audio_wall - frames_wall:.1f} s wall, "
        f"{cpu - audio_cpu - frames_cpu:.1f} s CPU"
    )


if __name__ == "__main__":
    main()
