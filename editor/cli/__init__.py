"""The ``transcript-editor`` command line: one entry point for the GUI and every batch task.

Exit status: 0 on success, 2 on bad input (one line on stderr naming the file), 1 on a bug.
A command that fails leaves the project file exactly as it was.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from editor import __version__
from editor.cli import commands
from editor.core.errors import EditorError
from editor.core.formats import AUTO, export_formats, import_formats
from editor.core.formats.base import DEFAULT_PAUSE_MS

PROG = "transcript-editor"
EXIT_OK, EXIT_BUG, EXIT_BAD_INPUT = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Edit podcast transcripts beside their audio. "
        f"Run '{PROG} [PROJECT.tep]' to open the editor window.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    new = sub.add_parser("new", help="create a project, optionally from media and a transcript")
    new.add_argument("project", help="the project file to create (.tep)")
    new.add_argument("--media", help="the episode's audio or video file")
    new.add_argument("--transcript", help="a transcript to import")
    new.add_argument("--title", default="", help="the episode title")
    _add_import_options(new)
    new.set_defaults(run=commands.new)

    imp = sub.add_parser("import", help="add a transcript's turns to a project")
    imp.add_argument("project")
    imp.add_argument("file", help="the transcript file")
    imp.add_argument("--replace", action="store_true", help="replace all turns instead of adding")
    _add_import_options(imp)
    imp.set_defaults(run=commands.import_)

    exp = sub.add_parser("export", help="write the transcript in a format (stdout without -o)")
    exp.add_argument("project")
    exp.add_argument("--format", choices=export_formats(), help="default: from the -o extension")
    exp.add_argument("-o", "--output", help="file to write (replaced atomically)")
    exp.add_argument("--times", action="store_true", help="plain text: add [HH:MM:SS] times")
    exp.add_argument(
        "--one-cue-per-turn", action="store_true", help="SRT/VTT: a cue per turn, not captions"
    )
    exp.set_defaults(run=commands.export)

    info = sub.add_parser("info", help="summarise a project")
    info.add_argument("project")
    info.add_argument("--json", action="store_true", help="machine-readable output")
    info.set_defaults(run=commands.info)

    rep = sub.add_parser("replace", help="find and replace in every turn; prints the count")
    rep.add_argument("project")
    rep.add_argument("find")
    rep.add_argument("replacement")
    rep.add_argument("--regex", action="store_true", help="FIND is a regular expression")
    rep.add_argument("--whole-word", action="store_true", help="match whole words only")
    rep.add_argument("--case-sensitive", action="store_true")
    rep.add_argument("--speaker", help="only in this speaker's turns")
    rep.set_defaults(run=commands.replace)

    gui = sub.add_parser("gui", help="open the editor window (the default with no command)")
    gui.add_argument("project", nargs="?")
    gui.add_argument("--demo", action="store_true", help="open the bundled demo episode")
    gui.add_argument("--player", choices=["auto", "vlc", "qt"], help="media backend")
    gui.add_argument("--screenshot", metavar="OUT.png", help="render the window to a PNG and exit")
    gui.set_defaults(run=commands.gui)
    return parser


def _add_import_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        default=AUTO,
        choices=[AUTO, *import_formats()],
        help="the transcript's format (default: detected from its content)",
    )
    parser.add_argument(
        "--one-turn-per-cue", action="store_true", help="captions: keep each cue as a turn"
    )
    parser.add_argument(
        "--pause",
        type=float,
        default=DEFAULT_PAUSE_MS / 1000,
        metavar="SECONDS",
        help="captions: a silence this long starts a new turn (default %(default)s)",
    )


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if not args_list or _is_gui_shorthand(args_list, parser):
        args_list = ["gui", *args_list]
    args = parser.parse_args(args_list)
    try:
        result: int = args.run(args)
        return result
    except EditorError as error:
        print(f"{PROG}: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130


def _is_gui_shorthand(args: list[str], parser: argparse.ArgumentParser) -> bool:
    """``transcript-editor P.tep``, ``--demo``, ``--screenshot`` … open the window."""
    first = args[0]
    if first in ("-h", "--help", "--version"):
        return False
    commands_ = _subcommands(parser)
    gui_options = ("--demo", "--player", "--screenshot")
    return first not in commands_ and (not first.startswith("-") or first in gui_options)


def _subcommands(parser: argparse.ArgumentParser) -> set[str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()
