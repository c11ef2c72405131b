"""The history kept in the project file: what it costs in time and on disk.

The workload of issue 19 on a 12,000-turn project: 1,000 edits, each made durable with its
history step (p50/p99; goal p99 < 10 ms), then 10 replace-alls (each, and the undo of the last),
with every step kept (limit 1,010); then the size of the history on disk, and the same with the
default limit. Prints one figure per line; ``python -m bench.history 12000``.

On a shared machine the wall time of a durable edit is mostly the wait for the disk's flush:
the edits' CPU time is printed beside it, with the load and the time of a bare ``fsync`` of a
small file in the same folder measured just before, so a slow figure can be told from a busy
disk.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from bench.edits import percentile
from bench.generate import project_file
from editor.core import ops
from editor.core.search import SearchQuery
from editor.core.session import ProjectSession
from editor.core.session.history import DEFAULT_LIMIT


def _file_size(session: ProjectSession) -> int:
    session.store.checkpoint()
    return session.store.path.stat().st_size


def _common_words(session: ProjectSession, count: int) -> list[str]:
    words = Counter(w for t in session.store.turns(with_words=False) for w in t.text.split())
    return [w for w, _ in words.most_common(100) if w.isalpha() and w.islower()][:count]


def _bare_fsyncs(folder: Path, count: int = 200) -> list[float]:
    """The disk's flush alone: ``count`` times 4 KB written and fsync'd (ms each)."""
    timings = []
    with (folder / "fsync-probe").open("wb") as probe:
        for _ in range(count):
            started = time.perf_counter()
            probe.write(os.urandom(4096))
            probe.flush()
            os.fsync(probe.fileno())
            timings.append((time.perf_counter() - started) * 1000)
    return timings


def main(turns: int = 12_000) -> None:
    folder = Path(tempfile.mkdtemp(prefix="bench-history-"))
    project = project_file(folder, turns)
    rng = random.Random(19)
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    flushes = _bare_fsyncs(folder)
    print(
        f"[{turns} turns] load {load}; a bare fsync of 4 KB just before: "
        f"p50 {statistics.median(flushes):.2f} ms, p99 {percentile(flushes, 0.99):.2f} ms"
    )
    with ProjectSession.open(project, snapshot=False) as session:
        session.history.set_limit(1_010)
        empty = _file_size(session)
        ids = [t.id for t in session.store.turns(with_words=False)]
        timings, cpu = [], []
        for number in range(1_000):
            turn_id = rng.choice(ids)
            text = session.store.turn(turn_id).text
            started, started_cpu = time.perf_counter(), time.thread_time()
            session.run(lambda s, t=turn_id, n=number, x=text: ops.edit_text(s, t, f"{x} e{n}"))
            cpu.append((time.thread_time() - started_cpu) * 1000)
            timings.append((time.perf_counter() - started) * 1000)
        print(
            f"[{turns} turns] one edit made durable with its history step (1,000 edits): "
            f"p50 {statistics.median(timings):.2f} ms, p99 {percentile(timings, 0.99):.2f} ms; "
            f"CPU p50 {statistics.median(cpu):.2f} ms, p99 {percentile(cpu, 0.99):.2f} ms"
        )
        after_edits = session.history.size()
        replaced = []
        for word in _common_words(session, 10):
            query = SearchQuery(word, whole_word=True, case_sensitive=True)
            started = time.perf_counter()
            change = session.run(lambda s, q=query, w=word: ops.replace_all(s, q, w.upper()))
            replaced.append(((time.perf_counter() - started) * 1000, change.count, word))
        for elapsed, count, word in replaced:
            print(f"[{turns} turns] replace all {word!r} ({count} replacements): {elapsed:.0f} ms")
        started = time.perf_counter()
        session.undo()
        print(
            f"[{turns} turns] undo of the last replace all: "
            f"{(time.perf_counter() - started) * 1000:.0f} ms"
        )
        started = time.perf_counter()
        session.redo()
        print(f"[{turns} turns] redo of it: {(time.perf_counter() - started) * 1000:.0f} ms")
        kept = session.history.size()
        full = _file_size(session)
        print(
            f"[{turns} turns] history of 1,000 edits: {after_edits / 1e6:.2f} MB; with 10 "
            f"replace-alls: {kept / 1e6:.2f} MB stored states; project file "
            f"{empty / 1e6:.1f} MB before, {full / 1e6:.1f} MB after"
        )
        session.history.set_limit(DEFAULT_LIMIT)
        session.store.db.execute("VACUUM")
        bounded, size = session.history.size() / 1e6, _file_size(session) / 1e6
        print(
            f"[{turns} turns] the same history at the default limit ({DEFAULT_LIMIT} steps): "
            f"{bounded:.2f} MB; project file {size:.1f} MB"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 12_000)
