"""``clip captions`` and ``clip video``: a clip's captions from its start, and its audiogram."""

from __future__ import annotations

import argparse
import sys

from editor.core.audiogram.clip_captions import clip_captions
from editor.core.audiogram.clip_words import project_clip_speech
from editor.core.output import STDOUT, is_stdout, write_output
from editor.core.project.store import ProjectStore


def add_commands(clip_sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The ``clip captions`` and ``clip video`` sub-commands."""
    captions = clip_sub.add_parser(
        "captions", help="write a clip's captions (.srt or .vtt), times from the clip's start"
    )
    captions.add_argument("project")
    captions.add_argument("--id", type=int, required=True, help="the clip (see clip list)")
    captions.add_argument(
        "-o", "--output", required=True, help="the file (.srt or .vtt; '-' for stdout as SRT)"
    )
    captions.set_defaults(run=captions_command)


def captions_command(args: argparse.Namespace) -> int:
    to_stdout = is_stdout(args.output)
    with ProjectStore.open(args.project, readonly=True) as store:
        clip = store.clips.get(args.id)
        speech = project_clip_speech(store, clip)
        exported = clip_captions(
            speech, "<stdout>" if to_stdout else args.output, ".srt" if to_stdout else None
        )
    for warning in exported.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    write_output(args.output or STDOUT, exported.as_bytes(), sys.stdout.buffer)
    return 0
