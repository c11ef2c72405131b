"""Aligning a single stretch here, or several at once, each in a fresh worker process.

PocketSphinx decoders cannot be shared between threads, so each worker is a process with its own
model (started with ``spawn``: nothing of the caller, a Qt application for instance, is copied
into it). Every stretch gets a new process, so a stretch's result does not depend on which
stretches went before it in the same process, nor on how many processes there are (eSpeak NG,
the second opinion where windows fail, speaks in a fresh process of its own: ``speech``). A
worker is given the pronunciations already worked out, and each job carries only its stretch's
samples. Workers report aligned words through a queue and stop at the next window when the
cancel event is set.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

import numpy as np

from editor.core.align.acoustic.decoder import Sphinx
from editor.core.align.acoustic.piece import PieceResult, align_piece
from editor.core.align.dtw import AlignmentCancelled
from editor.core.errors import EditorError

PROCESSES_VARIABLE = "TRANSCRIPT_EDITOR_ALIGN_PROCESSES"
MOST_PROCESSES = 2
POLL_S = 0.1


def process_count() -> int:
    """Worker processes an alignment may use: the variable's value, else up to two (one per
    core)."""
    value = os.environ.get(PROCESSES_VARIABLE, "").strip()
    if value.isdigit() and int(value) > 0:
        return int(value)
    return max(1, min(MOST_PROCESSES, os.cpu_count() or 1))


@dataclass(frozen=True)
class Job:
    """One stretch: its turns' texts by transcript position, and its samples from
    ``start_ms``."""

    texts: dict[int, str]
    start_ms: int
    pcm: np.ndarray
    loud: np.ndarray
    before: np.ndarray  # the audio just before the stretch


def align_jobs(
    sphinx: Sphinx,
    jobs: Iterable[Job],
    processes: int,
    advance: Callable[[int], None],
    cancelled: Callable[[], bool],
) -> list[PieceResult]:
    """Every job's result, in order: a single job here, more in up to ``processes`` workers
    at once (submitted as ``jobs`` yields them)."""
    pending = iter(jobs)
    first = next(pending, None)
    if first is None:
        return []
    second = next(pending, None)
    if second is None:
        return [_here(sphinx, first, advance, cancelled)]
    return _in_workers(
        sphinx, [first, second], pending, max(1, processes), advance=advance, cancelled=cancelled
    )


def _here(
    sphinx: Sphinx, job: Job, advance: Callable[[int], None], cancelled: Callable[[], bool]
) -> PieceResult:
    return align_piece(
        sphinx,
        job.pcm,
        job.loud,
        job.texts,
        start_ms=job.start_ms,
        cancelled=cancelled,
        advance=advance,
        before=job.before,
    )


def _in_workers(
    sphinx: Sphinx,
    ready: list[Job],
    rest: Iterable[Job],
    processes: int,
    *,
    advance: Callable[[int], None],
    cancelled: Callable[[], bool],
) -> list[PieceResult]:
    context = multiprocessing.get_context("spawn")
    words: Any = context.Queue()
    stop = context.Event()
    futures: list[Future[PieceResult]] = []

    def drain() -> None:
        while True:
            try:
                advance(words.get_nowait())
            except queue.Empty:
                return

    def check() -> None:
        drain()
        if cancelled():
            stop.set()
            raise AlignmentCancelled("the alignment was cancelled")

    pool = ProcessPoolExecutor(
        processes,
        context,
        initializer=_start_worker,
        initargs=(sphinx.added, words, stop),
        max_tasks_per_child=1,
    )
    try:
        for job in (*ready, *rest):  # ``rest`` is worked out here while the workers run
            check()
            futures.append(pool.submit(_work, job))
        waiting = set(futures)
        while waiting:
            done, waiting = wait(waiting, timeout=POLL_S, return_when=FIRST_COMPLETED)
            for future in done:
                future.result()  # a worker's error stops the others
            check()
        # A result can arrive before the counts its worker queued have crossed the pipe (a
        # feeder thread sends them); once the workers have exited, all of them can be read.
        pool.shutdown(wait=True)
        drain()
        return [f.result() for f in futures]
    except BrokenProcessPool as error:
        stop.set()
        raise EditorError(f"an alignment worker process stopped unexpectedly ({error})") from error
    except BaseException:
        stop.set()
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        words.close()


_worker: dict[str, Any] = {}


def _start_worker(added: dict[str, str], words: Any, stop: Any) -> None:
    _worker.update(sphinx=Sphinx(added), words=words, stop=stop)


def _work(job: Job) -> PieceResult:
    return align_piece(
        _worker["sphinx"],
        job.pcm,
        job.loud,
        job.texts,
        start_ms=job.start_ms,
        cancelled=_worker["stop"].is_set,
        advance=_worker["words"].put,
        before=job.before,
    )
