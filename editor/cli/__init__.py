"""The ``transcript-editor`` command line: one entry point for the GUI and every batch task.

Exit status: 0 on success, 2 on bad input (one line on stderr naming the file), 1 on a bug,
141 (as if by SIGPIPE, quietly) when whoever reads standard output stops (``info | head``).
A command that fails leaves the project file exactly as it was.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from editor.cli.parser import PROG, build_parser
from editor.core.errors import EditorError

EXIT_OK, EXIT_BUG, EXIT_BAD_INPUT = 0, 1, 2
EXIT_CLOSED_PIPE = 128 + 13  # what a shell reports for a SIGPIPE


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if not args_list or _is_gui_shorthand(args_list, parser):
        args_list = ["gui", *args_list]
    args = parser.parse_args(args_list)
    try:
        result: int = args.run(args)
        sys.stdout.flush()  # a closed pipe shows here, not in the interpreter's last flush
        return result
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_CLOSED_PIPE
    except EditorError as error:
        print(f"{PROG}: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130


def _silence_stdout() -> None:
    """Point standard output at /dev/null so that the exit's own flush has nowhere to fail."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


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
