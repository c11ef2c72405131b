"""``history``, ``undo`` and ``redo``: the project's own history, shared with the window.

Every change the command line makes is a step of it (made by "command line"), and so is every
change made in the window; ``undo EP.tep`` undoes the newest, whoever made it.
"""

from __future__ import annotations

import argparse
import json

from editor.cli.commands import open_session
from editor.core.errors import EditorError
from editor.core.project.store import ProjectStore
from editor.core.session import Change, History, Step


def history(args: argparse.Namespace) -> int:
    if args.clear or args.limit is not None:
        with open_session(args.project) as session:
            if args.limit is not None:
                session.history.set_limit(args.limit)
            if args.clear:
                session.history.clear()
            steps, limit, size = _read(session.history)
    else:
        with ProjectStore.open(args.project, readonly=True) as store:
            steps, limit, size = _read(History(store))
    if args.json:
        rows = [
            {
                "id": s.id,
                "label": s.shown_label,
                "made_at": s.made_at,
                "user": s.user,
                "origin": s.origin,
                "undone": s.undone,
                "bytes": s.size,
            }
            for s in steps
        ]
        print(json.dumps({"limit": limit, "bytes": size, "steps": rows}, indent=2))
        return 0
    for step in steps:
        print(_line(step))
    done = sum(not s.undone for s in steps)
    print(
        f"{done} step(s) to undo, {len(steps) - done} to redo; {size / 1000:.1f} kB; "
        f"keeps the newest {limit}"
    )
    return 0


def _read(kept: History) -> tuple[list[Step], int, int]:
    return kept.steps(), kept.limit(), kept.size()


def _line(step: Step) -> str:
    when = step.made_at.replace("T", " ")[:19]
    undone = "  (undone)" if step.undone else ""
    who = step.user or "?"
    return f"{step.id:5}  {when}  {who} ({step.origin})  {step.shown_label}{undone}"


def undo(args: argparse.Namespace) -> int:
    with open_session(args.project) as session:
        change = session.undo()
    return _report(args.project, change, "undo", "undid")


def redo(args: argparse.Namespace) -> int:
    with open_session(args.project) as session:
        change = session.redo()
    return _report(args.project, change, "redo", "redid")


def _report(project: str, change: Change | None, verb: str, done: str) -> int:
    if change is None:
        raise EditorError(f"{project}: nothing to {verb}")
    print(f"{done} {change.shown_label!r} (made by {change.origin})")
    return 0
