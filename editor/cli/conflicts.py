"""``transcript-editor conflicts EP.tep``: the sync tools' conflict copies beside a project, what
differs in each, and ``--take-all-from COPY`` to make the project's turns like a copy's."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from editor.cli.commands import open_session
from editor.core.errors import InputError
from editor.core.ops.take import BEFORE_TAKE, take_from_copy
from editor.core.project.conflicts import ConflictCopy, compare_files, find_copies
from editor.core.project.store import ProjectStore


def run(args: argparse.Namespace) -> int:
    project = Path(args.project)
    if args.take_all_from:
        return _take_all(project, Path(args.take_all_from))
    with ProjectStore.open(project, readonly=True) as store:
        copies = find_copies(project, store.meta().get("created_at"))
        found = [(copy, compare_files(store, copy.path)) for copy in copies]
    if args.json:
        rows = [
            {
                "copy": str(copy.path),
                "tool": copy.tool,
                "differences": [
                    {
                        "kind": d.kind.value,
                        "turn": d.here_number,
                        "copy_turn": d.copy_number,
                        "description": d.describe(),
                    }
                    for d in differences
                ],
            }
            for copy, differences in found
        ]
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    if not found:
        print(f"no conflict copies beside {project}")
    for copy, differences in found:
        print(_heading(copy, len(differences)))
        for difference in differences:
            print(f"  {difference.describe()}")
    return 0


def _heading(copy: ConflictCopy, count: int) -> str:
    what = f"{count} difference(s)" if count else "no differences (it can be deleted)"
    return f"{copy.path} ({copy.tool}): {what}"


def _take_all(project: Path, copy: Path) -> int:
    if not copy.exists():
        raise InputError(copy, "no such conflict copy")
    if copy.resolve() == project.resolve():
        raise InputError(copy, "is the project itself; name its conflict copy")
    with open_session(project) as session:
        differences = compare_files(session.store, copy)
        if differences:
            label = f"Take changes from {copy.name}"
            session.run(lambda s: take_from_copy(s, differences, label), snapshot=BEFORE_TAKE)
    if not differences:
        print(f"{copy}: nothing differs from {project}")
        return 0
    print(
        f"took {len(differences)} change(s) from {copy} into {project}; the project as it was "
        "before is kept as a snapshot (Restore Snapshot in the window); the copy is unchanged"
    )
    return 0
