"""Alignment accuracy and speed: real voices first, then synthetic ones.

Real voices are read from ``../shared/corpora`` (skipped when it is absent, never copied here):
the phone call with human utterance times (``audio-truth/pyannote-sample``: turn starts, and the
first word of every utterance), Apollo 11 radio with whisper-timestamped's machine word times
(``stt/whisper-timestamped``: every word, turns = its segments), and a 100 s reading with only
its text (``audio-truth/gentle-lucier``: words timed and speed), and those three assembled into
one 5.5-minute episode with a synthetic chord intro, pauses, a gapless and an overlapping speaker
change (``bench/assembled.py``; ``--assembled`` runs only that case, piece by piece). Synthetic:
the spoken sample, the committed harder audio (hard12) and two longer harder files built on first
use in ``bench/out``.

``python -m bench.align --long`` aligns a three-hour file (the sample 64 times over) and prints
its speed and the peak memory.

``python -m bench.align [--quick] [--aligner auto|acoustic|espeak]`` prints, per case, turn-start
errors (median, 90th percentile, max), word-start errors, the share of words timed with some
confidence, and the speed as a multiple of real time (by the clock, and by the CPU time this
process and its alignment workers used: on a shared machine the second is the one to compare),
with the load average and the number of worker processes (``TRANSCRIPT_EDITOR_ALIGN_PROCESSES``).
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from bench import hard_audio
from editor.core.align.aligner import AUTO, align_media
from editor.core.align.result import Alignment
from editor.core.formats import read_transcript

ROOT = Path(__file__).parent.parent
OUT = Path(__file__).parent / "out"
CORPORA = ROOT.parent / "shared" / "corpora"


@dataclass
class Case:
    name: str
    media: Path
    texts: list[str]
    turn_starts: list[float | None]  # seconds, None where unknown
    word_starts: dict[tuple[int, int], float] = field(default_factory=dict)  # (turn, token)
    real: bool = True


@dataclass
class Figures:
    name: str
    turns: list[float]
    words: list[float]
    timed: float
    speed: float
    aligner: str
    low_turns: int
    cpu_speed: float = 0.0
    result: Alignment | None = None

    def line(self) -> str:
        parts = [
            f"{self.name}: {self.aligner}, {self.speed:.1f}× real time "
            f"({self.cpu_speed:.1f}× by CPU time)"
        ]
        if self.turns:
            parts.append(
                f"turn starts median {statistics.median(self.turns):.3f} s, "
                f"p90 {_p90(self.turns):.3f} s, max {max(self.turns):.3f} s ({len(self.turns)})"
            )
        if self.words:
            parts.append(
                f"word starts median {statistics.median(self.words):.3f} s, "
                f"p90 {_p90(self.words):.3f} s ({len(self.words)})"
            )
        parts.append(f"{self.timed:.1%} words timed, {self.low_turns} low-confidence turns")
        return "; ".join(parts)


def _p90(values: list[float]) -> float:
    return float(np.percentile(values, 90))


def phone_call() -> Case | None:
    folder = CORPORA / "audio-truth" / "pyannote-sample"
    if not (folder / "sample.wav").exists():
        return None
    truth = json.loads((folder / "sample.truth.json").read_text(encoding="utf-8"))
    utterances = iter(truth["utterances"])
    words: dict[tuple[int, int], float] = {}
    for number, turn in enumerate(truth["turns"]):
        token = 0
        for _ in range(turn["utterances"]):
            utterance = next(utterances)
            words[number, token] = utterance["start_ms"] / 1000
            token += len(utterance["text"].split())
    return Case(
        "phone call (pyannote sample, human times)",
        folder / "sample.wav",
        [t["text"] for t in truth["turns"]],
        [t["start_ms"] / 1000 for t in truth["turns"]],
        words,
    )


def whisper_words(name: str, audio: str, words_json: str) -> Case | None:
    """A real recording with whisper-timestamped's machine word times as the reference:
    turns are its segments, every word has a start."""
    folder = CORPORA / "stt" / "whisper-timestamped"
    media = folder / "audio" / audio
    if not media.exists():
        return None
    data = json.loads((folder / words_json).read_text(encoding="utf-8"))
    texts, starts, words = [], [], {}
    for number, segment in enumerate(data["segments"]):
        texts.append(" ".join(w["text"].strip() for w in segment["words"]))
        starts.append(segment["words"][0]["start"])
        for index, word in enumerate(segment["words"]):
            words[number, index] = word["start"]
    return Case(name, media, texts, starts, words)


def apollo() -> Case | None:
    return whisper_words(
        "Apollo 11 radio (whisper-timestamped words)",
        "apollo11.mp3",
        "corner_cases_large_apollo11.mp3.words.json",
    )


def french_talk() -> Case | None:
    """French, so the eSpeak NG aligner runs (the acoustic model is US English only)."""
    return whisper_words(
        "French talk, 178 s (whisper-timestamped words)",
        "smartphone.mp3",
        "medium_auto_smartphone.mp3.words.json",
    )


def german_speech() -> Case | None:
    """German, so the eSpeak NG aligner runs."""
    return whisper_words(
        "German speech, 15 s (whisper-timestamped words)",
        "gaenswein15.mp3",
        "medium_auto_gaenswein15.mp3.words.json",
    )


def reading() -> Case | None:
    folder = CORPORA / "audio-truth" / "gentle-lucier"
    if not (folder / "lucier.mp3").exists():
        return None
    text = (folder / "lucier.txt").read_text(encoding="utf-8")
    sentences = [s.strip() + "." for s in text.replace("\n", " ").split(".") if s.strip()]
    return Case("reading (gentle lucier, text only)", folder / "lucier.mp3", sentences, [])


def real_cases() -> list[Case]:
    from bench import assembled

    episode = assembled.load()
    cases = (phone_call(), apollo(), reading(), episode and episode[0])
    return [c for c in (*cases, french_talk(), german_speech()) if c]


def _built(name: str, first: int, last: int) -> Path:
    media = OUT / f"{name}.ogg"
    if not media.exists():
        OUT.mkdir(exist_ok=True)
        hard_audio.write(hard_audio.build(first, last), OUT / name)
    return media


def synthetic_cases(quick: bool) -> list[Case]:
    truth = json.loads((ROOT / "tests/data/sample10-truth.json").read_text())["turns"]
    texts = [t.text for t in read_transcript(ROOT / "tests/data/sample10-transcript.txt").turns]
    cases = [
        Case(
            "synthetic: sample10.mp3",
            ROOT / "resources/demo/sample10.mp3",
            texts,
            [t["start"] for t in truth],
            real=False,
        )
    ]
    files = [(ROOT / "tests/data/hard/hard12.ogg", "synthetic: hard12")]
    if not quick:
        files += [
            (_built("hard40", 10, 50), "synthetic: hard40"),
            (_built("episode20", 0, 62), "synthetic: episode20"),
        ]
    for media, name in files:
        data = json.loads(media.with_suffix(".json").read_text())["turns"]
        cases.append(
            Case(name, media, [t["text"] for t in data], [t["start"] for t in data], real=False)
        )
    return cases


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (the alignment workers)."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def words_timed(result: Alignment, turns: Iterable[int]) -> int:
    """How many words of the turns ``turns`` got a time with some confidence."""
    return sum(
        1
        for i in turns
        if (aligned := result.turns[i]) is not None
        for w in aligned.words
        if w.start_ms is not None and (w.confidence or 0) > 0
    )


def measure(case: Case, method: str = AUTO) -> Figures:
    began, cpu = time.perf_counter(), _cpu()
    result = align_media(case.media, case.texts, method=method)
    seconds, cpu_seconds = time.perf_counter() - began, _cpu() - cpu
    turns = [
        abs(a.start_ms / 1000 - s)
        for a, s in zip(result.turns, case.turn_starts, strict=False)
        if a is not None and s is not None
    ]
    words: list[float] = []
    for (turn, token), start in case.word_starts.items():
        aligned = result.turns[turn]
        if aligned is not None and token < len(aligned.words):
            got = aligned.words[token].start_ms
            if got is not None:
                words.append(abs(got / 1000 - start))
    total = sum(len(t.split()) for t in case.texts) or 1
    timed = words_timed(result, range(len(result.turns)))
    low = sum(1 for a in result.turns if a is not None and a.confidence < 0.3)
    duration = _duration(case.media)
    return Figures(
        case.name,
        turns,
        words,
        timed / total,
        duration / seconds,
        result.aligner,
        low,
        duration / max(cpu_seconds, 1e-3),
        result,
    )


def _duration(media: Path) -> float:
    import av

    with av.open(str(media)) as container:
        return float(container.duration or 0) / 1_000_000


def _conditions() -> str:
    from editor.core.align.acoustic.parallel import process_count

    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return f"{os.cpu_count()} cores, load average {load}, {process_count()} alignment processes"


def main(quick: bool = False, method: str = AUTO) -> None:
    print(_conditions(), flush=True)
    real_turns: list[float] = []
    real_words: list[float] = []
    for case in real_cases():
        figures = measure(case, method)
        real_turns += figures.turns
        real_words += figures.words
        print(figures.line(), flush=True)
    if real_turns:
        print(
            f"real voices, all turns: median {statistics.median(real_turns):.3f} s, "
            f"p90 {_p90(real_turns):.3f} s, max {max(real_turns):.3f} s; all words: "
            f"median {statistics.median(real_words):.3f} s, p90 {_p90(real_words):.3f} s"
        )
    synthetic: list[float] = []
    for case in synthetic_cases(quick):
        figures = measure(case, method)
        synthetic += figures.turns
        print(figures.line(), flush=True)
    print(
        f"synthetic, all turns: median {statistics.median(synthetic):.3f} s, "
        f"p90 {_p90(synthetic):.3f} s, max {max(synthetic):.3f} s over {len(synthetic)} turns"
    )
    print(_conditions())


def main_assembled() -> None:
    """Only the assembled episode, with its turn starts piece by piece."""
    from bench import assembled

    print(_conditions(), flush=True)
    episode = assembled.load()
    if episode is None:
        sys.exit(f"the corpora are not at {CORPORA}")
    case, pieces = episode
    figures, duration = measure(case), _duration(case.media)
    print(figures.line())
    print(
        f"{duration:.1f} s of audio in {duration / figures.speed:.1f} s by the clock, "
        f"{duration / figures.cpu_speed:.1f} s of CPU"
    )
    if figures.result is not None:
        print("\n".join(assembled.by_piece(pieces, case, figures.result)))
    print(_conditions())


def long_file(repeats: int = 64) -> Case:
    """About three hours: the spoken sample 64 times over, with its transcript as many times
    (written once to ``bench/out``, 16 kHz mono WAV, ~350 MB)."""
    import wave

    from editor.core.align.features import load_pcm

    media = OUT / f"long{repeats}.wav"
    truth = json.loads((ROOT / "tests/data/sample10-truth.json").read_text())["turns"]
    texts = [t.text for t in read_transcript(ROOT / "tests/data/sample10-transcript.txt").turns]
    pcm = load_pcm(ROOT / "resources/demo/sample10.mp3")
    if not media.exists():
        OUT.mkdir(exist_ok=True)
        with wave.open(str(media), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(16_000)
            for _ in range(repeats):
                out.writeframes(pcm.tobytes())
    seconds = len(pcm) / 16_000
    starts = [k * seconds + t["start"] for k in range(repeats) for t in truth]
    return Case(f"synthetic: sample ×{repeats}", media, texts * repeats, starts, real=False)


def _rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            line = next(x for x in status if x.startswith("VmRSS:"))
    except (OSError, StopIteration):
        return 0.0
    return int(line.split()[1]) / 1024


class _Peak:
    """The largest resident memory of this process plus its alignment workers together, sampled
    every 0.2 s (Linux; the workers' own maxima mislead: a spawned child starts as a copy)."""

    def __init__(self) -> None:
        import threading

        self.peak, self._stop = 0.0, threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        import multiprocessing

        while not self._stop.wait(0.2):
            pids = [os.getpid(), *(p.pid for p in multiprocessing.active_children() if p.pid)]
            self.peak = max(self.peak, sum(_rss_mb(pid) for pid in pids))

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        return self.peak


def main_long() -> None:
    """The three-hour file: speed and peak memory (run alone: the peak is this process's, and
    that of this process and its workers together)."""
    import resource

    print(_conditions(), flush=True)
    case = long_file()
    sampler = _Peak()
    figures = measure(case)
    together = sampler.stop()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{figures.line()}; peak memory {peak:.0f} MB (this process), "
        f"{together:.0f} MB with its workers"
    )
    print(_conditions())


if __name__ == "__main__":
    chosen = sys.argv[sys.argv.index("--aligner") + 1] if "--aligner" in sys.argv else AUTO
    if "--long" in sys.argv:
        main_long()
    elif "--assembled" in sys.argv:
        main_assembled()
    else:
        main(quick="--quick" in sys.argv, method=chosen)
