"""``chapters suggest``: chapters proposed from the episode page's topics (or from changes of
subject), printed for review or, with ``--apply``, added as one undoable step."""

from __future__ import annotations

import argparse
import json
import sys

from editor.cli.commands import open_session
from editor.core.chapter_suggest import Suggestion, left_out, suggest_chapters
from editor.core.errors import EditorError
from editor.core.ops.chapters import (
    SUGGESTED_LABEL,
    SUGGESTED_RECORDS,
    Existing,
    add_suggested_chapters,
)
from editor.core.project.store import ProjectStore
from editor.core.timecode import format_clock


def add_parser(chapter_sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    suggest = chapter_sub.add_parser(
        "suggest",
        help="propose chapters: one per topic of the episode page, else at changes of subject",
    )
    suggest.add_argument("project")
    suggest.add_argument("--apply", action="store_true", help="add them (one undoable step)")
    existing = suggest.add_mutually_exclusive_group()
    existing.add_argument(
        "--replace", action="store_true", help="with --apply: remove the existing chapters first"
    )
    existing.add_argument(
        "--keep", action="store_true", help="with --apply: add them beside the existing chapters"
    )
    basis = suggest.add_mutually_exclusive_group()
    basis.add_argument(
        "--subjects",
        action="store_true",
        help="chapters at the changes of subject, even when the episode page has topics",
    )
    basis.add_argument(
        "--page-order",
        action="store_true",
        help="keep the topics in the episode page's order (else each goes where it is spoken of)",
    )
    suggest.add_argument("--json", action="store_true", help="print the suggestions as JSON")
    suggest.set_defaults(run=chapters_suggest)


def chapters_suggest(args: argparse.Namespace) -> int:
    if (args.replace or args.keep) and not args.apply:
        raise EditorError("--replace and --keep go with --apply")
    if not args.apply:
        with ProjectStore.open(args.project, readonly=True) as store:
            suggestions = suggest_chapters(store, args.page_order, not args.subjects)
            topics = () if args.subjects else store.episode().topics
        _print(suggestions, args.json)
        _left_out(left_out(suggestions, topics), args.json)
        return 0
    existing: Existing = "replace" if args.replace else "keep" if args.keep else "refuse"
    with open_session(args.project) as session:
        suggestions = suggest_chapters(session.store, args.page_order, not args.subjects)
        topics = () if args.subjects else session.store.episode().topics
        if not suggestions:
            raise EditorError(f"{args.project}: no turns to suggest chapters for")
        count = len(session.store.chapters.all())
        if count and existing == "refuse":
            raise EditorError(
                f"{args.project}: the project already has {count} chapter(s); add --replace "
                "to replace them or --keep to keep them beside the suggestions"
            )
        added, _ = session.run_records(
            SUGGESTED_RECORDS,
            SUGGESTED_LABEL,
            lambda s: add_suggested_chapters(s, suggestions, existing),
        )
    _print(suggestions, args.json)
    _left_out(left_out(suggestions, topics), args.json)
    report = sys.stderr if args.json else sys.stdout  # JSON alone on standard output
    replaced = f", replacing {added.removed}" if added.removed else ""
    print(
        f"added {len(added.chapters)} chapters{replaced} as one step "
        f"('transcript-editor undo {args.project}' takes them back)",
        file=report,
    )
    for left in added.skipped:
        print(
            f"left out {left.title!r}: a kept chapter starts at {format_clock(left.start_ms)}",
            file=report,
        )
    return 0


def _print(suggestions: list[Suggestion], as_json: bool) -> None:
    if as_json:
        print(json.dumps([s.as_dict() for s in suggestions], indent=2, ensure_ascii=False))
        return
    for number, s in enumerate(suggestions, 1):
        print(f"{number:3}  {clock(s):>8}  {s.title}")
        print(f"{'':15}turn {s.turn_number}: {s.first_words}")
        print(f"{'':15}why: {s.why} (score {s.score:.2f})")
    if any(s.estimated for s in suggestions):
        print("≈: an estimated time (the turn has no time of its own; align or time the turns)")


def _left_out(topics: list[str], as_json: bool) -> None:
    if topics:
        print(
            f"left out {len(topics)} topic(s) for want of room (chapters start 10 s or more "
            f"apart), the ones the turns speak of least: {'; '.join(topics)}",
            file=sys.stderr if as_json else sys.stdout,
        )


def clock(suggestion: Suggestion) -> str:
    """The suggestion's start as the window shows it: ``≈`` before an estimated time."""
    return ("≈" if suggestion.estimated else "") + format_clock(suggestion.start_ms)
