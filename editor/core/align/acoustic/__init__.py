"""Acoustic forced alignment with PocketSphinx's US-English model, to the word.

The turns between anchors are cut into stretches at confident turn boundaries (``stretches``)
and after long pauses where a turn surely opens (``contain``); each stretch is aligned to its
own audio (``piece``: window by window, to the word), in worker processes when there are
several (``parallel``), and the results are put back in order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

import numpy as np

from editor.core.align.acoustic.activity import loud_frames
from editor.core.align.acoustic.contain import Probe
from editor.core.align.acoustic.decoder import FRAME_MS, Piece, Sphinx
from editor.core.align.acoustic.lexicon import spoken_words
from editor.core.align.acoustic.parallel import Job, align_jobs, process_count
from editor.core.align.acoustic.piece import Token, first_words, spoken
from editor.core.align.acoustic.stretches import Planner, Stretch
from editor.core.align.result import Alignment, Anchor, segments
from editor.core.errors import EditorError

NAME = "PocketSphinx (US English, acoustic)"
COVERAGE = 0.8  # share of a transcript's words the dictionary must know for English
SAMPLES_PER_MS = 16
WARM_MS = 10_000  # of audio before a stretch, heard first


def dictionary_coverage(sphinx: Sphinx, texts: Sequence[str]) -> float:
    """Share of the transcript's words (letters only) in the CMU dictionary."""
    found = total = 0
    for text in texts:
        for token in text.split():
            for word in spoken_words(token, sphinx.knows):
                if word.isalpha():
                    total += 1
                    found += sphinx.knows(word)
    return found / total if total else 1.0


def align_pcm(
    sphinx: Sphinx,
    pcm: np.ndarray,
    texts: Sequence[str],
    anchors: dict[int, Anchor],
    *,
    progress: Callable[[float], None],
    cancelled: Callable[[], bool],
    processes: int | None = None,
) -> Alignment:
    """Times for every turn not in ``anchors``, from 16 kHz int16 samples, in up to
    ``processes`` worker processes (``parallel.process_count()`` by default)."""
    by_index = dict(enumerate(texts))
    report = Alignment([None] * len(texts), NAME)
    runs = segments(len(texts), anchors, len(pcm) // SAMPLES_PER_MS)
    plans = [spoken(sphinx.knows, by_index, indexes) for indexes, _, _ in runs]
    report.pronounced = sphinx.add_words(w for words, _ in plans for w in words)
    total = max(1, sum(len(words) for words, _ in plans))
    done = [0]

    def advance(count: int) -> None:
        done[0] += count
        progress(min(1.0, done[0] / total))

    loud = loud_frames(pcm)
    count = process_count() if processes is None else processes
    jobs = _jobs(sphinx, pcm, loud, by_index, runs, plans=plans, cancelled=cancelled)
    rescued = 0
    for piece in align_jobs(sphinx, jobs, count, advance, cancelled):
        for index, turn in piece.turns.items():
            report.turns[index] = turn
            report.words += len(turn.words)
        report.windows += piece.windows
        report.retries += piece.retries
        report.failures += piece.failures
        report.rechecked += piece.rechecked
        report.mended += piece.mended
        rescued += piece.rescued
    if rescued:
        report.notes.append(
            f"{rescued} stretches were re-anchored on the eSpeak NG aligner's turn times"
        )
    return report


def _jobs(
    sphinx: Sphinx,
    pcm: np.ndarray,
    loud: np.ndarray,
    texts: dict[int, str],
    runs: list[tuple[list[int], int, int]],
    *,
    plans: list[tuple[list[str], list[Token]]],
    cancelled: Callable[[], bool],
) -> Iterator[Job]:
    """The stretches of every run as jobs, worked out one cut at a time."""
    duration_ms = len(pcm) // SAMPLES_PER_MS
    probe, pause_probe = _prober(sphinx, pcm), _prober(sphinx, pcm)
    for (indexes, start_ms, end_ms), (words, token_list) in zip(runs, plans, strict=True):
        span = (start_ms, min(end_ms, duration_ms))
        firsts = first_words(token_list)
        heads = [firsts.get(i) for i in indexes]
        planner = Planner(
            indexes, words, heads, span, loud=loud, probe=probe, pause_probe=pause_probe
        )
        for stretch in planner.stretches(cancelled):
            yield _job(stretch, texts, pcm, loud)


def _prober(sphinx: Sphinx, pcm: np.ndarray) -> Probe:
    """Probes by decoders of their own, made at the first probe: what they learn (the running
    cepstral mean) must not reach the stretches, nor the other kind of probe."""
    decoders: list[Sphinx] = []

    def probe(
        start_ms: int, end_ms: int, words: Sequence[str], entries: Sequence[int]
    ) -> tuple[int, list[Piece]] | None:
        if not decoders:
            decoders.append(Sphinx(sphinx.added))
        samples = pcm[start_ms * SAMPLES_PER_MS : end_ms * SAMPLES_PER_MS]
        return decoders[0].align(samples, words, entries=entries)

    return probe


def _job(stretch: Stretch, texts: dict[int, str], pcm: np.ndarray, loud: np.ndarray) -> Job:
    start, end = stretch.start_ms, stretch.end_ms
    return Job(
        {i: texts[i] for i in stretch.indexes},
        start,
        pcm[start * SAMPLES_PER_MS : end * SAMPLES_PER_MS],
        loud[start // FRAME_MS : end // FRAME_MS],
        pcm[max(0, start - WARM_MS) * SAMPLES_PER_MS : start * SAMPLES_PER_MS],
    )


def choose_acoustic(texts: Sequence[str], required: bool) -> tuple[Sphinx | None, str]:
    """The model, if it is installed and (unless ``required``) the transcript looks English;
    else None and why not."""
    try:
        sphinx = Sphinx()
    except EditorError as error:
        if required:
            raise
        return None, str(error)
    coverage = dictionary_coverage(sphinx, texts)
    if coverage < COVERAGE and not required:
        return None, (
            f"only {coverage:.0%} of the words are in the English dictionary: "
            "not English, so the eSpeak NG aligner ran"
        )
    return sphinx, ""
