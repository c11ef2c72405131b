"""``transcript-editor rescue IN.tep OUT.tep``: a clean copy of a project changed elsewhere."""

from __future__ import annotations

import argparse
from pathlib import Path

from editor.core.project.rescue import rescue


def run(args: argparse.Namespace) -> int:
    report = rescue(Path(args.source), Path(args.target))
    copied = ", ".join(f"{count} {table}" for table, count in report.rows.items() if count)
    print(f"Rescued into {args.target}: {copied}.")
    if report.left_behind:
        print("Left behind: " + "; ".join(report.left_behind) + ".")
    return 0
