"""Audio features for alignment: noise-reduced MFCCs every 10 ms, and where there is speech.

The spectrum's stationary floor (room noise, a music or tone bed) is estimated per frequency
band and subtracted before the cepstrum, and every coefficient is normalised over the file, so a
synthetic voice and a real one, or a clean and a noisy recording, become comparable.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

RATE = 16_000
HOP = 160  # 10 ms
WINDOW = 400  # 25 ms
FFT = 512
MELS = 40
CEPSTRA = 13
CHUNK_FRAMES = 6000  # one minute at a time keeps memory flat on long episodes


@dataclass(frozen=True)
class Features:
    mfcc: np.ndarray  # frames × (CEPSTRA - 1), normalised
    speech: np.ndarray  # frames, bool
    frame_ms: int = HOP * 1000 // RATE

    def __len__(self) -> int:
        return len(self.speech)


class _Resampler:
    """FFmpeg's resampler fed a minute at a time, so memory stays flat on long episodes."""

    def __init__(self, rate: int, target: int) -> None:
        import av  # noqa: PLC0415

        self._av = av
        self.rate, self.target = rate, target
        self._resampler = av.AudioResampler(format="flt", layout="mono", rate=target)
        self._pending: list[np.ndarray] = []
        self._pending_count = 0
        self.output: list[np.ndarray] = []

    def feed(self, samples: np.ndarray) -> None:
        self._pending.append(samples)
        self._pending_count += len(samples)
        if self._pending_count >= self.rate * 60:
            self._flush()

    def _flush(self) -> None:
        if not self._pending:
            return
        block = np.ascontiguousarray(np.concatenate(self._pending), dtype=np.float32)
        self._pending, self._pending_count = [], 0
        frame = self._av.AudioFrame.from_ndarray(block.reshape(1, -1), format="flt", layout="mono")
        frame.sample_rate = self.rate
        self.output += [f.to_ndarray().reshape(-1) for f in self._resampler.resample(frame)]

    def finish(self) -> np.ndarray:
        self._flush()
        self.output += [f.to_ndarray().reshape(-1) for f in self._resampler.resample(None)]
        if not self.output:
            return np.zeros(0, dtype=np.float32)
        return np.concatenate(self.output).astype(np.float32)


def load_audio(path: Path, rate: int = RATE) -> np.ndarray:
    """Decode any media file to mono float32 at ``rate`` with PyAV."""
    import av  # noqa: PLC0415 - heavy, needed only to align or draw the waveform

    with av.open(str(path)) as container:
        stream = container.streams.audio[0]
        # Mix each decoded frame down in NumPy and convert the rate in large blocks: running
        # the resampler on every small frame costs more than decoding.
        resampler = _Resampler(stream.rate, rate)
        for frame in container.decode(stream):
            resampler.feed(mono_samples(frame))
        return resampler.finish()


def load_pcm(path: Path, rate: int = RATE) -> np.ndarray:
    """Decode any media file to mono int16 at ``rate``: half the memory of float samples (a
    3-hour episode takes 350 MB), converted a minute at a time."""
    import av  # noqa: PLC0415

    blocks: list[np.ndarray] = []

    def drain(resampler: _Resampler) -> None:
        blocks.extend(_to_int16(b) for b in resampler.output)
        resampler.output.clear()

    with av.open(str(path)) as container:
        stream = container.streams.audio[0]
        resampler = _Resampler(stream.rate, rate)
        for frame in container.decode(stream):
            resampler.feed(mono_samples(frame))
            drain(resampler)
        tail = resampler.finish()  # what was still pending: the output was drained before
        resampler.output.clear()
        blocks.append(_to_int16(tail))
    return np.concatenate(blocks) if blocks else np.zeros(0, dtype=np.int16)


def _to_int16(samples: np.ndarray) -> np.ndarray:
    return (np.clip(samples, -1.0, 1.0) * 32767).astype(np.int16)


_SAMPLE_TYPES: dict[str, tuple[type[np.generic], float]] = {  # NumPy type, full scale
    "flt": (np.float32, 1.0),
    "fltp": (np.float32, 1.0),
    "dbl": (np.float64, 1.0),
    "dblp": (np.float64, 1.0),
    "s16": (np.int16, 32768.0),
    "s16p": (np.int16, 32768.0),
    "s32": (np.int32, 2147483648.0),
    "s32p": (np.int32, 2147483648.0),
}


def mono_samples(frame: Any) -> np.ndarray:
    """A decoded PyAV audio frame as mono float32 samples (read straight from its planes)."""
    known = _SAMPLE_TYPES.get(frame.format.name)
    if known is None:  # unusual formats: the slow, general way
        data = frame.to_ndarray().astype(np.float64)
        return data.reshape(-1, len(frame.layout.channels)).mean(axis=1).astype(np.float32)
    kind, scale = known
    channels = len(frame.layout.channels)
    count = frame.samples
    if frame.format.is_planar:
        planes = [np.frombuffer(p, dtype=kind, count=count) for p in frame.planes[:channels]]
        mono = planes[0] if channels == 1 else np.mean(planes, axis=0)
    else:
        data = np.frombuffer(frame.planes[0], dtype=kind, count=count * channels)
        mono = data if channels == 1 else data.reshape(count, channels).mean(axis=1)
    if scale == 1.0:
        return mono.astype(np.float32, copy=False)
    return (mono / scale).astype(np.float32)


def resample(samples: np.ndarray, rate: int, target: int = RATE) -> np.ndarray:
    """Mono float32 samples at another rate."""
    if rate == target or len(samples) == 0:
        return samples.astype(np.float32)
    resampler = _Resampler(rate, target)
    for first in range(0, len(samples), rate * 60):
        resampler.feed(samples[first : first + rate * 60])
    return resampler.finish()


def _mel_filters() -> np.ndarray:
    def mel(hz: np.ndarray) -> np.ndarray:
        return 2595 * np.log10(1 + hz / 700)

    def hz(m: np.ndarray) -> np.ndarray:
        return 700 * (10 ** (m / 2595) - 1)

    edges = hz(np.linspace(mel(np.array(80.0)), mel(np.array(7600.0)), MELS + 2))
    bins = np.floor((FFT + 1) * edges / RATE).astype(int)
    filters = np.zeros((MELS, FFT // 2 + 1), dtype=np.float32)
    for m in range(1, MELS + 1):
        left, center, right = bins[m - 1], bins[m], bins[m + 1]
        for k in range(left, center):
            filters[m - 1, k] = (k - left) / max(1, center - left)
        for k in range(center, right):
            filters[m - 1, k] = (right - k) / max(1, right - center)
    return filters


_FILTERS = _mel_filters()
_DCT = np.cos(np.pi / MELS * (np.arange(MELS) + 0.5)[None, :] * np.arange(CEPSTRA)[:, None])
_WINDOW = np.hamming(WINDOW).astype(np.float32)


def _mel_energies(samples: np.ndarray) -> np.ndarray:
    """Mel band energies of every 10 ms frame, a minute of audio at a time."""
    frames = max(0, (len(samples) - WINDOW) // HOP + 1)
    result = np.empty((frames, MELS), dtype=np.float32)
    for first in range(0, frames, CHUNK_FRAMES):
        count = min(CHUNK_FRAMES, frames - first)
        view = np.lib.stride_tricks.sliding_window_view(
            samples[first * HOP : (first + count - 1) * HOP + WINDOW], WINDOW
        )[::HOP]
        spectrum = np.abs(np.fft.rfft(view * _WINDOW, n=FFT)) ** 2
        result[first : first + count] = spectrum @ _FILTERS.T
    return result


def features(samples: np.ndarray) -> Features:
    """MFCCs (without c0) and a speech mask for 16 kHz mono samples."""
    energies = _mel_energies(samples)
    if len(energies) == 0:
        return Features(np.zeros((0, CEPSTRA - 1), dtype=np.float32), np.zeros(0, dtype=bool))
    floor = np.percentile(energies, 15, axis=0)
    cleaned = np.maximum(energies - floor, floor * 0.05 + 1e-9)
    log_mel = np.log(cleaned)
    cepstra = (log_mel @ _DCT.T)[:, 1:]
    cepstra -= cepstra.mean(axis=0)
    cepstra /= cepstra.std(axis=0) + 1e-6
    loudness = 10 * np.log10(energies.sum(axis=1) + 1e-12)
    quiet = np.percentile(loudness, 10)
    speech = loudness > quiet + 12
    return Features(cepstra.astype(np.float32), speech)
