"""Harder test audio than the sample, with exact ground truth, from eSpeak NG and sox.

What real podcasts do and the sample does not: a music intro and outro, voices other than the
aligner's, different speaking rates and pitch, answers with no gap and overlapping speech, long
pauses inside a turn, a tone and noise bed under everything, and a transcript that differs a
little from what was said. ``python -m bench.hard_audio OUT_PREFIX [first last]`` writes
``OUT_PREFIX.ogg`` and ``OUT_PREFIX.json`` (the spoken text, the transcript text, and each
turn's true start and end in seconds).
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from editor.core.formats import read_transcript
from tests.conftest import EPISODE_TRANSCRIPT

RATE = 22_050
VOICES = {  # speaker → espeak voice, words a minute, pitch, sox effects
    "Alessandria Polizzi": ("en-gb-scotland+f3", 150, 60, ["tempo", "1.05", "reverb", "25"]),
    "Duena Blomstrom": ("en-029+m4", 205, 35, ["pitch", "-150"]),
}


@dataclass
class Built:
    samples: np.ndarray
    turns: list[dict[str, object]]


def _espeak_wav(text: str, name: str, speed: int, pitch: int) -> bytes:
    """The eSpeak NG command's WAV for ``text``, the same on every run.

    Now and then one run of the command comes out a few samples longer than the others (seen on
    eSpeak NG 1.51, the same text and voice, one run in five to forty), which made two builds of
    a benchmark file differ. So the text is spoken until two runs agree, and that one is kept.
    """
    seen: list[bytes] = []
    while True:
        spoken = subprocess.run(
            ["espeak-ng", "-v", name, "-s", str(speed), "-p", str(pitch), "--stdout", text],
            check=True,
            capture_output=True,
        ).stdout
        if spoken in seen or len(seen) >= 4:
            return spoken
        seen.append(spoken)


def _speak(text: str, voice: tuple[str, int, int, list[str]], folder: Path) -> np.ndarray:
    name, speed, pitch, effects = voice
    raw, processed = folder / "raw.wav", folder / "fx.wav"
    raw.write_bytes(_espeak_wav(text, name, speed, pitch))
    subprocess.run(
        ["sox", "-D", str(raw), "-r", str(RATE), str(processed), *effects],
        check=True,
        capture_output=True,
    )
    import av

    with av.open(str(processed)) as container:
        audio = np.concatenate([f.to_ndarray().reshape(-1) for f in container.decode(audio=0)])
    audio = audio.astype(np.float32) / (32768.0 if audio.dtype == np.int16 else 1.0)
    voiced = np.flatnonzero(np.abs(audio) > 0.02 * np.abs(audio).max())
    return audio[voiced[0] : voiced[-1] + 1] if len(voiced) else audio


def _mishear(text: str, rng: random.Random) -> str:
    """What was "said": the transcript with a few words dropped or changed."""
    words = text.split()
    spoken = []
    for word in words:
        roll = rng.random()
        if roll < 0.03 and len(words) > 8:
            continue
        spoken.append("um" if roll > 0.985 else word)
    return " ".join(spoken)


def _music(seconds: float, rng: random.Random) -> np.ndarray:
    t = np.arange(int(seconds * RATE)) / RATE
    chord = sum(np.sin(2 * np.pi * f * t) for f in (220.0, 277.2, 329.6, 440.0))
    beat = 0.5 + 0.5 * (np.sin(2 * np.pi * 2 * t) > 0)
    fade = np.minimum(1, np.minimum(t, seconds - t) / 1.5)
    noise = np.array([rng.uniform(-1, 1) for _ in range(0, len(t), 64)]).repeat(64)[: len(t)]
    return (0.12 * chord * beat * fade + 0.03 * noise * fade).astype(np.float32)


def build(first: int = 10, last: int = 22, seed: int = 11) -> Built:
    rng = random.Random(seed)
    episode = read_transcript(EPISODE_TRANSCRIPT).turns
    transcript = [episode[i % len(episode)] for i in range(first, last)]  # wraps around
    pieces: list[tuple[int, np.ndarray]] = []
    turns: list[dict[str, object]] = []
    cursor = int(8.0 * RATE)  # after the music intro
    with tempfile.TemporaryDirectory() as folder:
        for index, turn in enumerate(transcript):
            spoken = _mishear(turn.text, rng)
            sentences = [s for s in spoken.replace("? ", "?|").replace(". ", ".|").split("|") if s]
            voice = VOICES[turn.speaker or "Duena Blomstrom"]
            start = cursor
            for number, sentence in enumerate(sentences):
                audio = _speak(sentence, voice, Path(folder))
                pieces.append((cursor, audio))
                cursor += len(audio)
                if number < len(sentences) - 1:  # pauses inside a turn, some long
                    cursor += int(RATE * (2.2 if rng.random() < 0.2 else rng.uniform(0.1, 0.5)))
            turns.append(
                {
                    "speaker": turn.speaker,
                    "text": turn.text,
                    "spoken": spoken,
                    "start": start / RATE,
                    "end": cursor / RATE,
                }
            )
            gap = (
                rng.choice([-0.5, -0.3, 0.0, 0.0, 0.2, 0.6, 1.0])
                if index < len(transcript) - 1
                else 0
            )
            cursor = max(start + RATE, cursor + int(gap * RATE))  # negative: overlapping answers
    total = cursor + int(6.0 * RATE)
    mix = np.zeros(total, dtype=np.float32)
    mix[: int(8.0 * RATE)] += _music(8.0, rng)
    mix[-int(6.0 * RATE) :] += _music(6.0, rng)
    for offset, audio in pieces:
        mix[offset : offset + len(audio)] += 0.6 * audio
    t = np.arange(total) / RATE
    mix += 0.02 * np.sin(2 * np.pi * 110 * t).astype(np.float32)  # the tone bed
    mix += np.random.default_rng(seed).normal(0, 0.004, total).astype(np.float32)
    return Built(np.clip(mix, -1, 1), turns)


def write(built: Built, prefix: Path) -> None:
    import av

    ogg = prefix.with_suffix(".ogg")
    with av.open(str(ogg), "w", format="ogg") as out:
        stream = out.add_stream("libopus", rate=48_000, layout="mono")
        stream.bit_rate = 32_000
        resampler = av.AudioResampler(format=stream.format.name, layout="mono", rate=48_000)
        pcm = (built.samples * 32767).astype(np.int16).reshape(1, -1)
        frame = av.AudioFrame.from_ndarray(pcm, format="s16", layout="mono")
        frame.sample_rate = RATE
        for converted in [*resampler.resample(frame), *resampler.resample(None)]:
            for packet in stream.encode(converted):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    prefix.with_suffix(".json").write_text(
        json.dumps({"duration": len(built.samples) / RATE, "turns": built.turns}, indent=1),
        encoding="utf-8",
    )


if __name__ == "__main__":
    target = Path(sys.argv[1])
    span = (int(sys.argv[2]), int(sys.argv[3])) if len(sys.argv) > 3 else (10, 22)
    write(build(*span), target)
    print(f"wrote {target.with_suffix('.ogg')} and {target.with_suffix('.json')}")
