"""``clip captions`` and ``clip video``: a clip's captions from its start, and its audiogram."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from pathlib import Path

from editor.cli.project_commands import progress_printer
from editor.core.audiogram.clip_captions import clip_captions
from editor.core.audiogram.clip_words import project_clip_speech
from editor.core.audiogram.layout import DEFAULT_SHAPE, SHAPES
from editor.core.audiogram.mp4 import VideoCancelled
from editor.core.audiogram.render import audiogram_job, make_audiogram
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
    video = clip_sub.add_parser(
        "video", help="write a clip's audiogram (.mp4): its sound, level bars, captions"
    )
    video.add_argument("project")
    video.add_argument("--id", type=int, required=True, help="the clip (see clip list)")
    video.add_argument("-o", "--output", required=True, help="the file (.mp4)")
    video.add_argument(
        "--shape",
        choices=list(SHAPES),
        default=DEFAULT_SHAPE,
        help="square 1080x1080 (default), vertical 1080x1920, landscape 1920x1080",
    )
    video.set_defaults(run=video_command)


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


def video_command(args: argparse.Namespace) -> int:
    """Render the audiogram; progress on stderr; Ctrl+C leaves no file (exit 130)."""
    from editor.media.audiogram import QtTextPainter, ensure_qt  # noqa: PLC0415 - Qt here only

    with ProjectStore.open(args.project, readonly=True) as store:
        job = audiogram_job(store, args.id, args.shape)
    ensure_qt()
    printer, shown = progress_printer(), [0.0]

    def progress(part: float) -> None:
        shown.append(part)
        printer(part)

    # Ctrl+C asks the renderer to stop at the next frame. Left to raise KeyboardInterrupt, it
    # could land in a callback from FFmpeg, which swallows it, and the video went on to the end.
    interrupted = threading.Event()
    previous = signal.signal(signal.SIGINT, lambda _signal, _frame: interrupted.set())
    try:
        made = make_audiogram(
            job, QtTextPainter, Path(args.output), progress=progress, cancelled=interrupted.is_set
        )
    except BaseException as error:  # an error or Ctrl+C: its message goes on a line of its own
        if 0 < shown[-1] < 1:
            print(file=sys.stderr)
        if isinstance(error, VideoCancelled) and interrupted.is_set():
            raise KeyboardInterrupt from None  # exit 130, as for any command stopped so
        raise
    finally:
        signal.signal(signal.SIGINT, previous)
    for note in made.notes:
        print(f"warning: {args.output}: {note}", file=sys.stderr)
    print(
        f"wrote {made.path} ({made.duration_ms / 1000:.3f} s, {made.frames} frames, {args.shape})"
    )
    return 0
