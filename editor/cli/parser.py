"""The command line's arguments: one sub-command per task, grouped by what they work on."""

from __future__ import annotations

import argparse
from typing import Any

from editor import __version__
from editor.cli import commands
from editor.core.formats import AUTO, export_formats, import_formats
from editor.core.formats.base import DEFAULT_PAUSE_MS

PROG = "transcript-editor"
Subparsers = Any  # argparse's _SubParsersAction has no public name


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Edit podcast transcripts beside their audio. "
        f"Run '{PROG} [PROJECT.tep]' to open the editor window.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    _transcript_commands(sub)
    _glossary_commands(sub)
    _gui_command(sub)
    return parser


def _transcript_commands(sub: Subparsers) -> None:
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


def _glossary_commands(sub: Subparsers) -> None:
    check = sub.add_parser("check", help="list glossary findings (style, variants, mis-hearings)")
    check.add_argument("project")
    check.add_argument("--glossary", metavar="FILE.csv", help="check against this glossary instead")
    check.add_argument("--json", action="store_true", help="machine-readable output")
    check.add_argument("--all", action="store_true", help="also list correct (canonical) uses")
    check.set_defaults(run=commands.check)

    glossary = sub.add_parser("glossary", help="import or export the glossary, set the mark rule")
    glossary_sub = glossary.add_subparsers(dest="glossary_command", required=True)
    g_import = glossary_sub.add_parser("import", help="add (or update) terms from a CSV file")
    g_import.add_argument("project")
    g_import.add_argument("file", metavar="FILE.csv")
    g_import.set_defaults(run=commands.glossary_import)
    g_export = glossary_sub.add_parser("export", help="write the glossary as CSV")
    g_export.add_argument("project")
    g_export.add_argument("file", metavar="FILE.csv", nargs="?", help="stdout when left out")
    g_export.set_defaults(run=commands.glossary_export)
    g_rule = glossary_sub.add_parser("rule", help="™ on every mention, or the first only")
    g_rule.add_argument("project")
    g_rule.add_argument("rule", choices=["every", "first"])
    g_rule.set_defaults(run=commands.glossary_rule)


def _gui_command(sub: Subparsers) -> None:
    gui = sub.add_parser("gui", help="open the editor window (the default with no command)")
    gui.add_argument("project", nargs="?")
    gui.add_argument("--demo", action="store_true", help="open the bundled demo episode")
    gui.add_argument("--player", choices=["auto", "vlc", "qt"], help="media backend")
    gui.add_argument("--screenshot", metavar="OUT.png", help="render the window to a PNG and exit")
    gui.set_defaults(run=commands.gui)


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
