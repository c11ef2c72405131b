"""Cutting a clip's audio out of the episode with PyAV, to WAV, MP3, M4A (AAC) or OGG (Opus).

Decoding starts from a seek just before the clip and frames are trimmed to the exact sample, so
the file lasts as long as the clip. The output is written under a temporary name and renamed
when complete (beside the file a symlink points at, so the link stays and its target gets the
clip; a replaced file keeps its mode); a cancelled or failed cut leaves nothing behind.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from editor.core.errors import Cancelled, EditorError, InputError

Progress = Callable[[float], None]
IsCancelled = Callable[[], bool]


@dataclass(frozen=True)
class OutputFormat:
    container: str
    codec: str
    sample_rate: int | None = None  # None: keep the source's


FORMATS = {
    ".wav": OutputFormat("wav", "pcm_s16le"),
    ".mp3": OutputFormat("mp3", "libmp3lame"),
    ".m4a": OutputFormat("ipod", "aac"),
    ".ogg": OutputFormat("ogg", "libopus", 48_000),
    ".opus": OutputFormat("ogg", "libopus", 48_000),
}


class CutCancelled(Cancelled):
    """The user cancelled the cut; nothing was written."""


@dataclass(frozen=True)
class _Job:
    start_ms: int
    end_ms: int
    progress: Progress | None
    cancelled: IsCancelled | None


def cut_audio(
    source: Path,
    start_ms: int,
    end_ms: int,
    destination: Path,
    *,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
) -> None:
    """Write ``source`` from ``start_ms`` to ``end_ms`` to ``destination`` (format by suffix)."""
    import av  # noqa: PLC0415 - PyAV is only needed here and for waveforms

    output = FORMATS.get(destination.suffix.lower())
    if output is None:
        raise EditorError(f"{destination}: choose .wav, .mp3, .m4a or .ogg for an audio clip")
    if end_ms <= start_ms:
        raise EditorError(f"a clip must end after it starts ({start_ms}–{end_ms} ms)")
    job = _Job(start_ms, end_ms, progress, cancelled)
    try:
        with (
            replaced_when_complete(destination) as temporary,
            av.open(str(source)) as reader,
            av.open(str(temporary), "w", format=output.container) as writer,
        ):
            _copy(av, reader, writer, output, job)
    except av.error.FFmpegError as error:
        raise InputError(source, f"cannot cut the audio ({error})") from error


@contextmanager
def replaced_when_complete(destination: Path) -> Iterator[Path]:
    """A temporary name beside ``destination`` to write; renamed to it when the block ends
    without an error, removed otherwise (also on Ctrl+C), so there is never half a file."""
    target = _through_symlinks(destination)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.part")
    try:
        yield temporary
        _keep_mode(target, temporary)
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def _through_symlinks(destination: Path) -> Path:
    """The file a symlink points at (written through, the link stays), else the path itself."""
    return Path(os.path.realpath(destination)) if destination.is_symlink() else destination


def _keep_mode(target: Path, temporary: Path) -> None:
    """A replaced file keeps its mode; a new one has the umask's, as ``av`` created it."""
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        return
    os.chmod(temporary, stat.S_IMODE(mode))


def clip_frames(
    av: Any, reader: Any, start_ms: int, end_ms: int, cancelled: IsCancelled | None = None
) -> Iterator[tuple[Any, float]]:
    """The first audio stream's frames from ``start_ms`` to ``end_ms``, trimmed to the sample,
    each with the time (s) its untrimmed frame ends; ``CutCancelled`` when ``cancelled()``."""
    stream = reader.streams.audio[0]
    reader.seek(max(0, start_ms - 500) * 1000)  # microseconds; a little early, then trim
    start_s, end_s = start_ms / 1000, end_ms / 1000
    for frame in reader.decode(stream):
        if cancelled is not None and cancelled():
            raise CutCancelled("the audio cut was cancelled")
        if frame.time is None:
            continue
        frame_start = float(frame.time)
        frame_end = frame_start + frame.samples / frame.sample_rate
        if frame_end <= start_s:
            continue
        if frame_start >= end_s:
            break
        yield _trim(av, frame, frame_start, start_s, end_s), frame_end


def _copy(av: Any, reader: Any, writer: Any, output: OutputFormat, job: _Job) -> None:
    stream = reader.streams.audio[0]
    rate = output.sample_rate or stream.rate
    layout = stream.layout.name
    encoder = writer.add_stream(output.codec, rate=rate, layout=layout)
    resampler = av.AudioResampler(format=encoder.format.name, layout=layout, rate=rate)
    start_s, end_s = job.start_ms / 1000, job.end_ms / 1000
    for trimmed, frame_end in clip_frames(av, reader, job.start_ms, job.end_ms, job.cancelled):
        for converted in resampler.resample(trimmed):
            for packet in encoder.encode(converted):
                writer.mux(packet)
        if job.progress is not None:
            job.progress(min(1.0, (frame_end - start_s) / (end_s - start_s)))
    for converted in resampler.resample(None):
        for packet in encoder.encode(converted):
            writer.mux(packet)
    for packet in encoder.encode(None):
        writer.mux(packet)


def _trim(av: Any, frame: Any, frame_start: float, start_s: float, end_s: float) -> Any:
    first = max(0, round((start_s - frame_start) * frame.sample_rate))
    last = min(frame.samples, round((end_s - frame_start) * frame.sample_rate))
    if first == 0 and last == frame.samples:
        frame.pts = None
        return frame
    samples = frame.to_ndarray()
    part = (
        samples[:, first:last]
        if frame.format.is_planar
        else samples[:, first * len(frame.layout.channels) : last * len(frame.layout.channels)]
    )
    trimmed = av.AudioFrame.from_ndarray(part, format=frame.format.name, layout=frame.layout.name)
    trimmed.sample_rate = frame.sample_rate
    return trimmed


def media_duration_ms(path: Path) -> int:
    """The duration of an audio file by counting decoded samples (not the container's guess)."""
    import av  # noqa: PLC0415

    with av.open(str(path)) as reader:
        stream = reader.streams.audio[0]
        samples = sum(frame.samples for frame in reader.decode(stream))
        return round(samples * 1000 / stream.rate)
