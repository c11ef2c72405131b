"""Aligning turns to the audio: speak the text, warp it onto the recording, read off the times.

Turns whose times a person confirmed are anchors: the turns between two anchors are aligned
only to the audio between them. Each turn gets a start, an end and a confidence (how well the
recording matched the synthetic speech along its stretch of the path). Starts are finally moved
onto the nearest onset of speech within 300 ms, ends onto the last speech before the next turn.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np

from editor.core.align.dtw import AlignmentCancelled, Signal, warp
from editor.core.align.features import (
    HOP,
    RATE,
    Features,
    features,
    load_audio,
    load_pcm,
    resample,
)
from editor.core.align.result import AlignedTurn, Alignment, Anchor
from editor.core.align.result import segments as split_at_anchors
from editor.core.align.speech import Speaker, SpokenText
from editor.core.align.speech_words import word_times
from editor.core.errors import EditorError
from editor.core.words import shifted

Progress = Callable[[float], None]
FRAME_MS = HOP * 1000 // RATE  # 10 ms
FINEST = 2  # the warping path's frames are 20 ms
SNAP_MS = 300
AUTO, ACOUSTIC, SPEECH = "auto", "acoustic", "espeak"
METHODS = (AUTO, ACOUSTIC, SPEECH)
SPEECH_NAME = "eSpeak NG warping"


def align_file(
    media: Path,
    texts: Sequence[str],
    anchors: dict[int, Anchor] | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    *,
    method: str = AUTO,
) -> list[AlignedTurn | None]:
    """Times for every turn not in ``anchors`` (None for anchors themselves)."""
    return align_media(media, texts, anchors, progress, cancelled, method=method).turns


def align_media(
    media: Path,
    texts: Sequence[str],
    anchors: dict[int, Anchor] | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    *,
    method: str = AUTO,
) -> Alignment:
    """Align with ``method``: the acoustic model, the eSpeak NG warping, or (``auto``) the
    acoustic model when it is installed and the transcript is English."""
    if method not in METHODS:
        raise EditorError(f"unknown aligner {method!r} (choose from {', '.join(METHODS)})")
    notes: list[str] = []
    if method in (AUTO, ACOUSTIC):
        from editor.core.align.acoustic import choose_acoustic  # noqa: PLC0415

        sphinx, why = choose_acoustic(texts, required=method == ACOUSTIC)
        if sphinx is not None:
            from editor.core.align.acoustic import align_pcm  # noqa: PLC0415

            report = progress or (lambda _fraction: None)
            report(0.0)
            pcm = load_pcm(media)
            report(0.05)
            return align_pcm(
                sphinx,
                pcm,
                texts,
                anchors or {},
                progress=lambda f: report(0.05 + 0.95 * f),
                cancelled=cancelled,
            )
        notes.append(why)
    turns = align_by_speech(media, texts, anchors, progress, cancelled)
    words = sum(len(turn.words) for turn in turns if turn is not None)
    return Alignment(turns, SPEECH_NAME, words=words, notes=notes)


def align_by_speech(
    media: Path,
    texts: Sequence[str],
    anchors: dict[int, Anchor] | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> list[AlignedTurn | None]:
    """The eSpeak NG aligner: turn times, and word times carried through the warp."""
    report = progress or (lambda _fraction: None)
    report(0.0)
    recording = features(load_audio(media))
    report(0.15)
    if cancelled():
        raise AlignmentCancelled("the alignment was cancelled")
    return align_features(
        recording, texts, anchors or {}, lambda f: report(0.15 + 0.85 * f), cancelled
    )


def align_features(
    recording: Features,
    texts: Sequence[str],
    anchors: dict[int, Anchor],
    progress: Progress,
    cancelled: Callable[[], bool],
) -> list[AlignedTurn | None]:
    result: list[AlignedTurn | None] = [None] * len(texts)
    segments = split_at_anchors(len(texts), anchors, len(recording) * FRAME_MS)
    if not segments:
        return result
    total = sum(len(indexes) for indexes, _, _ in segments)
    done = 0
    with Speaker([[texts[i] for i in indexes] for indexes, _, _ in segments]) as speaker:
        for indexes, start_ms, end_ms in segments:
            spoken = speaker.next(cancelled)
            first, last = start_ms // FRAME_MS, max(start_ms // FRAME_MS + 1, end_ms // FRAME_MS)
            part = Features(recording.mfcc[first:last], recording.speech[first:last])
            aligned_turns = _align_segment(part, [texts[i] for i in indexes], spoken, cancelled)
            for index, aligned in zip(indexes, aligned_turns, strict=True):
                result[index] = AlignedTurn(
                    aligned.start_ms + start_ms,
                    aligned.end_ms + start_ms,
                    aligned.confidence,
                    tuple(shifted(word, start_ms) for word in aligned.words),
                )
            done += len(indexes)
            progress(done / total)
    return result


def _align_segment(
    recording: Features, texts: list[str], spoken: SpokenText, cancelled: Callable[[], bool]
) -> list[AlignedTurn]:
    synthetic = features(resample(spoken.samples, spoken.rate))
    path = warp(
        Signal(recording.mfcc, recording.speech),
        Signal(synthetic.mfcc, synthetic.speech),
        cancelled=cancelled,
        finest=FINEST,
    )
    to_frames = RATE / spoken.rate / HOP / FINEST
    starts = [_real_frame(path, int(s * to_frames)) for s in spoken.turn_starts]
    ends = [_real_frame(path, max(0, int(e * to_frames) - 1)) for e in spoken.turn_ends]
    scorer = _Scorer(path, recording, synthetic)
    result = []
    for index in range(len(texts)):
        start_ms = starts[index] * FINEST * FRAME_MS
        end_ms = (ends[index] + 1) * FINEST * FRAME_MS
        start_ms = _snap_onset(recording.speech, start_ms)
        end_ms = _snap_offset(recording.speech, start_ms, max(end_ms, start_ms + FRAME_MS))
        result.append(AlignedTurn(start_ms, end_ms, scorer.confidence(starts[index], ends[index])))
    for index in range(1, len(result)):  # keep turns in order and apart
        previous, turn = result[index - 1], result[index]
        start = max(turn.start_ms, previous.start_ms)
        result[index] = AlignedTurn(start, max(turn.end_ms, start), turn.confidence)
        if previous.end_ms > start:
            result[index - 1] = AlignedTurn(
                previous.start_ms, max(previous.start_ms, start), previous.confidence
            )

    def to_ms(sample: int) -> int:
        return _real_frame(path, int(sample * to_frames)) * FINEST * FRAME_MS

    def trim_end(start_ms: int, end_ms: int) -> int:
        return _snap_offset(recording.speech, start_ms, end_ms)

    return [
        replace(
            turn,
            words=word_times(
                text,
                spoken_words,
                to_ms,
                trim_end,
                turn=(turn.start_ms, turn.end_ms),
                confidence=turn.confidence,
            ),
        )
        for turn, text, spoken_words in zip(result, texts, spoken.words, strict=True)
    ]


def _real_frame(path: np.ndarray, synthetic_frame: int) -> int:
    index = int(np.searchsorted(path[:, 1], synthetic_frame, side="left"))
    return int(path[min(index, len(path) - 1), 0])


class _Scorer:
    """How sure a turn's placement is: does moving it half a second make the match worse?"""

    SHIFT = 25  # frames of 20 ms

    def __init__(self, path: np.ndarray, recording: Features, synthetic: Features) -> None:
        self.real = Signal(recording.mfcc, recording.speech).pooled(FINEST).frames
        self.synth = Signal(synthetic.mfcc, synthetic.speech).pooled(FINEST).frames
        self.path = path

    def _mean_cost(self, rows: np.ndarray, columns: np.ndarray) -> float:
        keep = (rows >= 0) & (rows < len(self.real))
        if not keep.any():
            return float("inf")
        diff = self.real[rows[keep]] - self.synth[np.minimum(columns[keep], len(self.synth) - 1)]
        return float(np.sqrt((diff * diff).sum(axis=1) / diff.shape[1]).mean())

    def confidence(self, first: int, last: int) -> float:
        inside = self.path[(self.path[:, 0] >= first) & (self.path[:, 0] <= last)]
        if len(inside) == 0:
            return 0.0
        rows, columns = inside[:, 0], inside[:, 1]
        here = self._mean_cost(rows, columns)
        shifted = min(self._mean_cost(rows + d, columns) for d in (-self.SHIFT, self.SHIFT))
        margin = (shifted - here) / max(here, 1e-6)
        return round(float(np.clip(margin / 0.3, 0.0, 1.0)), 2)


def _snap_onset(speech: np.ndarray, start_ms: int) -> int:
    """Move a start to where speech begins, if speech begins within ``SNAP_MS``."""
    frame = start_ms // FRAME_MS
    reach = SNAP_MS // FRAME_MS
    onsets = [
        candidate
        for candidate in range(max(1, frame - reach), min(len(speech), frame + reach + 1))
        if speech[candidate] and not speech[candidate - 1]
    ]
    best = min(onsets, key=lambda c: abs(c - frame), default=frame)
    return best * FRAME_MS


def _snap_offset(speech: np.ndarray, start_ms: int, end_ms: int) -> int:
    """End a turn at its last speech frame, not in the pause after it."""
    first, frame = start_ms // FRAME_MS, min(len(speech), end_ms // FRAME_MS)
    while frame - 1 > first and not speech[frame - 1]:
        frame -= 1
    return max(start_ms + FRAME_MS, frame * FRAME_MS)
