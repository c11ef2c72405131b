"""Run every benchmark at 1k, 4k and 12k turns: ``python -m bench`` (``--sizes 12000`` for one).

The window benchmark runs in a fresh process per size, so its memory figure is its own; the
audiogram benchmark (a 60 s clip, not a number of turns) runs once, in a process of its own too,
so its CPU time is its own.
"""

from __future__ import annotations

import argparse
import subprocess
import sys

from bench import chapters, edits, formats, glossary, history, publish

parser = argparse.ArgumentParser(prog="python -m bench")
parser.add_argument("--sizes", default="1000,4000,12000", help="turn counts, comma-separated")
parser.add_argument("--skip-gui", action="store_true", help="no window benchmarks")
parser.add_argument("--skip-video", action="store_true", help="no audiogram benchmark")
args = parser.parse_args()
for size in (int(s) for s in args.sizes.split(",")):
    formats.main(size)
    glossary.main(size)
    edits.main(size)
    history.main(size)
    chapters.main(size)
    publish.main(size)
    if not args.skip_gui:
        subprocess.run([sys.executable, "-m", "bench.gui", str(size)], check=True)
if not args.skip_video:
    subprocess.run([sys.executable, "-m", "bench.audiogram"], check=True)
