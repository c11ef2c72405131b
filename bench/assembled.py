"""An assembled episode of real voices for ``bench/align.py``: 5.5 minutes, built on first use.

Made of, in this order (all decoded and resampled to 16 kHz mono with the aligner's own loader,
``editor.core.align.features.load_audio``; written to ``bench/out/assembled.wav`` with its truth
in ``assembled.json``, never committed, the recordings read from ``../shared/corpora``):

1. 8 s of chords (I–V–vi–IV, synthesised here with NumPy: the only synthetic part, no speech).
2. Apollo 11 radio (``stt/whisper-timestamped/audio/apollo11.mp3``, whisper-timestamped's machine
   word times, its segments as turns, as in ``bench.align.apollo``), right after the intro (it
   speaks from 0.36 s), cut at 78.6 s (its last word ends at 78.48 s).
3. A 5 s pause, then the reading (``audio-truth/gentle-lucier/lucier.mp3``, 100.8 s, whole, its
   text only: no times, so no truth, but it is aligned with the rest; it speaks from about 6.7 s).
4. A 4 s pause, then the phone call (``audio-truth/pyannote-sample/sample.wav``, 30 s, two voices,
   human utterance times), whole (its first 6.7 s are a quiet line): the aligner's planner cuts
   the file here, in the middle, for two worker processes.
5. Apollo 11 again (a repeat), cut as before, its first second mixed over the phone call's last
   one: an overlapping speaker change (the phone call speaks to 29.99 s, Apollo from 0.36 s).
6. The phone call again from its own 6.5 s (a repeat), straight after Apollo's cut: a gapless
   speaker change (0.12 s after Apollo's last word, its first word 0.18 s later).

Pauses are faint noise (−60 dBFS). The truth of every turn is the piece's offset in the file plus
the piece's own time (None for the reading); word starts where the piece has them (the phone
call: the first word of each utterance; Apollo: every word). The four-voice AMI meeting
(``audio-truth/pyannote-ami-seriously``) is left out: its words are given per speaker without
times, and putting its overlapping speakers' words in one order would be guessing.
"""

from __future__ import annotations

import json
import wave
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from bench.align import OUT, Case, apollo, phone_call, reading, words_timed
from editor.core.align.features import RATE, load_audio
from editor.core.align.result import Alignment

INTRO_S = 8.0
APOLLO_END_S = 78.6
NAME = (
    "assembled real voices, 5.5 min (phone call human times, Apollo 11 machine times, reading "
    "untimed; synthetic chord intro; Apollo and phone call twice)"
)

# label, the piece, kept from / to (its own seconds), the silence before it (negative: overlap)
LAYOUT: tuple[tuple[str, Callable[[], Case | None], float, float | None, float], ...] = (
    ("Apollo 11", apollo, 0.0, APOLLO_END_S, 0.0),
    ("reading", reading, 0.0, None, 5.0),
    ("phone call", phone_call, 0.0, None, 4.0),
    ("Apollo 11 again", apollo, 0.0, APOLLO_END_S, -1.0),
    ("phone call again", phone_call, 6.5, None, 0.0),
)


@dataclass(frozen=True)
class Placed:
    """Where a piece sits in the assembled file (seconds) and which of its turns it holds."""

    label: str
    start_s: float  # where its kept audio begins
    offset_s: float  # where its own time 0 falls (start_s minus what was cut from its head)
    duration_s: float  # of the kept audio
    first_turn: int
    turns: int


@dataclass
class Assembly:
    samples: np.ndarray  # float32, RATE
    case: Case
    pieces: list[Placed]


def chords(seconds: float = INTRO_S) -> np.ndarray:
    """Four chords with a bass note, each a quarter of ``seconds``, softly struck and faded."""
    roots = (261.63, 392.00, 440.00, 349.23)  # C, G, A (minor), F
    thirds = (4, 4, 3, 4)  # semitones to the third
    length = int(seconds * RATE) // 4
    t = np.arange(length) / RATE
    envelope = np.minimum(1.0, t / 0.02) * np.exp(-t / 1.2)
    parts = []
    for root, third in zip(roots, thirds, strict=True):
        notes = [root / 2, root, root * 2 ** (third / 12), root * 2 ** (7 / 12)]
        tone = sum(np.sin(2 * np.pi * f * k * t) / k for f in notes for k in range(1, 5))
        parts.append(0.25 / len(notes) * envelope * tone)
    music = np.concatenate(parts)
    fade = min(len(music), RATE // 2)
    music[-fade:] *= np.linspace(1.0, 0.0, fade)
    return music.astype(np.float32)


def assemble() -> Assembly | None:
    """The episode in memory, or None when the corpora are absent."""
    noise = np.random.default_rng(16)
    audio = [chords()]
    position = len(audio[0])
    texts: list[str] = []
    starts: list[float | None] = []
    words: dict[tuple[int, int], float] = {}
    pieces: list[Placed] = []
    decoded: dict[Path, np.ndarray] = {}
    for label, source, head_s, tail_s, before_s in LAYOUT:
        piece = source()
        if piece is None:
            return None
        if piece.media not in decoded:
            decoded[piece.media] = load_audio(piece.media)
        whole = decoded[piece.media]
        kept = whole[int(head_s * RATE) : None if tail_s is None else int(tail_s * RATE)]
        end_s = head_s + len(kept) / RATE
        gap = round(before_s * RATE)
        position += gap
        start_s, offset_s = position / RATE, position / RATE - head_s
        if gap >= 0:
            audio.append((noise.standard_normal(gap) * 1e-3).astype(np.float32))
            audio.append(kept)
        else:  # its first -gap samples mixed over the end of the piece before
            audio[-1] = audio[-1].copy()
            audio[-1][gap:] = np.clip(audio[-1][gap:] + kept[:-gap], -1.0, 1.0)
            audio.append(kept[-gap:])
        position += len(kept)
        first = len(texts)
        for number, text in enumerate(piece.texts):
            own = piece.turn_starts[number] if piece.turn_starts else None
            if own is not None and not head_s <= own < end_s:
                raise ValueError(f"{label}: turn {number} at {own} s is outside the kept audio")
            texts.append(text)
            starts.append(None if own is None else round(offset_s + own, 3))
        for (turn, token), own in piece.word_starts.items():
            words[first + turn, token] = round(offset_s + own, 3)
        pieces.append(Placed(label, start_s, offset_s, end_s - head_s, first, len(piece.texts)))
    samples = np.concatenate(audio)
    case = Case(NAME, OUT / "assembled.wav", texts, starts, words)
    return Assembly(samples, case, pieces)


def _layout() -> list[list[object]]:
    return [[label, head, tail, before] for label, _, head, tail, before in LAYOUT]


def write_wav(media: Path, samples: np.ndarray) -> Path:
    """Float samples at ``RATE`` as a 16-bit mono WAV file."""
    media.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(media), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes((np.clip(samples, -1.0, 1.0) * 32767).astype(np.int16).tobytes())
    return media


def write(assembly: Assembly, media: Path) -> None:
    """The samples as 16-bit WAV at ``media``, the truth beside it (same name, ``.json``)."""
    write_wav(media, assembly.samples)
    case = assembly.case
    truth = {
        "layout": _layout(),
        "intro_s": INTRO_S,
        "texts": case.texts,
        "turn_starts": case.turn_starts,
        "word_starts": [[t, k, s] for (t, k), s in sorted(case.word_starts.items())],
        "pieces": [asdict(p) for p in assembly.pieces],
    }
    media.with_suffix(".json").write_text(json.dumps(truth, indent=1), encoding="utf-8")


def load(media: Path = OUT / "assembled.wav") -> tuple[Case, list[Placed]] | None:
    """The case and its pieces, built into ``media`` first if it is missing or was built from
    another layout; None when the corpora are absent."""
    truth_file = media.with_suffix(".json")
    truth = json.loads(truth_file.read_text(encoding="utf-8")) if truth_file.exists() else {}
    if not media.exists() or truth.get("layout") != _layout():
        assembly = assemble()
        if assembly is None:
            return None
        write(assembly, media)
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
    words = {(t, k): s for t, k, s in truth["word_starts"]}
    case = Case(NAME, media, truth["texts"], truth["turn_starts"], words)
    return case, [Placed(**p) for p in truth["pieces"]]


def by_piece(pieces: list[Placed], case: Case, result: Alignment) -> list[str]:
    """Turn-start and word-start errors and words timed, piece by piece, to see whether one
    piece disturbs the others; then what the aligner did (windows, retries, failures)."""
    lines = []
    for p in pieces:
        turns = range(p.first_turn, p.first_turn + p.turns)
        errors = [
            abs(aligned.start_ms / 1000 - truth)
            for i in turns
            if (aligned := result.turns[i]) is not None
            and (truth := case.turn_starts[i]) is not None
        ]
        words = [
            abs(got / 1000 - truth)
            for (i, token), truth in case.word_starts.items()
            if i in turns
            and (aligned := result.turns[i]) is not None
            and token < len(aligned.words)
            and (got := aligned.words[token].start_ms) is not None
        ]
        said = sum(len(case.texts[i].split()) for i in turns)
        timed = words_timed(result, turns)
        line = f"  {p.label} at {p.start_s:.2f} s ({p.duration_s:.1f} s, {p.turns} turns): "
        if errors:
            line += f"turn starts median {np.median(errors):.3f} s, max {max(errors):.3f} s; "
        if words:
            line += (
                f"word starts median {np.median(words):.3f} s, "
                f"p90 {np.percentile(words, 90):.3f} s; "
            )
        lines.append(line + f"{timed / max(1, said):.1%} words timed")
    lines.append(
        f"  {result.windows} windows, {result.retries} retried, {result.failures} failed, "
        f"{result.rechecked} turns rechecked, {result.mended} words mended; "
        + "; ".join(result.notes)
    )
    return lines
