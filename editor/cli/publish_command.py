"""``publish``: every file of an episode's publication and its RSS ``<item>``, into one folder."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from editor.core.publish import publish_project


def add_command(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    publish = sub.add_parser(
        "publish",
        help="write the transcripts, chapters, show notes, soundbites, YouTube chapters and "
        "the feed's <item> into a folder",
    )
    publish.add_argument("project")
    publish.add_argument("--dir", required=True, help="the folder to write into (made if missing)")
    publish.add_argument(
        "--base-url",
        help="the https: address the files will be uploaded to; the <item>'s URLs are it joined "
        "with the file names (without it, the names alone)",
    )
    publish.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    publication = publish_project(Path(args.project), Path(args.dir), args.base_url)
    for warning in publication.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    for note in publication.notes:
        print(f"note: {note}", file=sys.stderr)
    print(publication.summary())
    return 0
