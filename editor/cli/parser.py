"""The command line's arguments: one sub-command per task, grouped by what they work on."""

from __future__ import annotations

import argparse
from typing import Any

from editor import __version__
from editor.cli import (
    chapter_commands,
    clip_media,
    commands,
    history_commands,
    project_commands,
    publish_command,
)
from editor.cli import conflicts as conflicts_command
from editor.cli import rescue as rescue_command
from editor.core.formats import AUTO, export_formats, import_formats
from editor.core.formats.base import DEFAULT_PAUSE_MS
from editor.core.project.project_exports import PROJECT_EXPORTS

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
    _conflicts_command(sub)
    _history_commands(sub)
    _glossary_commands(sub)
    _notes_commands(sub)
    publish_command.add_command(sub)
    _timing_commands(sub)
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
    exp.add_argument(
        "--format",
        choices=[*export_formats(), *PROJECT_EXPORTS],
        help="default: from the -o extension",
    )
    exp.add_argument(
        "-o",
        "--output",
        help="file to write ('-': standard output; a regular file is replaced atomically, "
        "a symlink is written through, a device is written in place)",
    )
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

    rescue = sub.add_parser(
        "rescue", help="copy a project changed outside the app into a clean new project"
    )
    rescue.add_argument("source", metavar="IN.tep")
    rescue.add_argument("target", metavar="OUT.tep")
    rescue.set_defaults(run=rescue_command.run)


def _conflicts_command(sub: Subparsers) -> None:
    conflicts = sub.add_parser(
        "conflicts", help="list the sync tools' conflict copies beside a project and what differs"
    )
    conflicts.add_argument("project")
    conflicts.add_argument(
        "--take-all-from",
        metavar="COPY",
        help="make the project's turns like this copy's (one step; a snapshot is kept first)",
    )
    conflicts.add_argument("--json", action="store_true", help="machine-readable output")
    conflicts.set_defaults(run=conflicts_command.run)


def _history_commands(sub: Subparsers) -> None:
    history = sub.add_parser("history", help="list the project's undo history (window's too)")
    history.add_argument("project")
    history.add_argument("--json", action="store_true", help="machine-readable output")
    history.add_argument("--limit", type=int, metavar="N", help="keep the newest N steps")
    history.add_argument("--clear", action="store_true", help="forget every step")
    history.set_defaults(run=history_commands.history)
    undo = sub.add_parser("undo", help="undo the newest step of the history")
    undo.add_argument("project")
    undo.set_defaults(run=history_commands.undo)
    redo = sub.add_parser("redo", help="redo the step undone last")
    redo.add_argument("project")
    redo.set_defaults(run=history_commands.redo)


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
    g_export.add_argument("file", metavar="FILE.csv", nargs="?", help="stdout when left out or -")
    g_export.set_defaults(run=commands.glossary_export)
    g_rule = glossary_sub.add_parser("rule", help="™ on every mention, or the first only")
    g_rule.add_argument("project")
    g_rule.add_argument("rule", choices=["every", "first"])
    g_rule.set_defaults(run=commands.glossary_rule)


def _notes_commands(sub: Subparsers) -> None:
    notes = sub.add_parser("shownotes", help="episode metadata and show notes")
    notes_sub = notes.add_subparsers(dest="notes_command", required=True)
    n_import = notes_sub.add_parser("import", help="read an episode page (title, topics, links…)")
    n_import.add_argument("project")
    n_import.add_argument("page", help="the episode page as text")
    n_import.set_defaults(run=project_commands.shownotes_import)

    clip = sub.add_parser("clip", help="clips for promotion")
    clip_sub = clip.add_subparsers(dest="clip_command", required=True)
    c_add = clip_sub.add_parser("add", help="add a clip of turns or of a time range")
    c_add.add_argument("project")
    c_add.add_argument("--turns", help="turn numbers as the editor shows them: 3 or 3-5")
    c_add.add_argument("--start", type=float, help="start in seconds")
    c_add.add_argument("--end", type=float, help="end in seconds")
    c_add.add_argument("--title", default="")
    c_add.add_argument("--tags", help="comma-separated")
    c_add.add_argument("--note")
    c_add.set_defaults(run=project_commands.clip_add)
    c_list = clip_sub.add_parser("list", help="list the clips (times in seconds)")
    c_list.add_argument("project")
    c_list.add_argument("--json", action="store_true")
    c_list.set_defaults(run=project_commands.clip_list)
    c_cut = clip_sub.add_parser("cut", help="write a clip's audio (or all clips') to files")
    c_cut.add_argument("project")
    c_cut.add_argument("--id", type=int, help="the clip to cut")
    c_cut.add_argument("--all", action="store_true", help="cut every clip")
    c_cut.add_argument("-o", "--output", help="the file (.wav .mp3 .m4a .ogg)")
    c_cut.add_argument("--dir", help="folder for --all")
    c_cut.add_argument("--format", default="mp3", choices=["wav", "mp3", "m4a", "ogg"])
    c_cut.set_defaults(run=project_commands.clip_cut)
    clip_media.add_commands(clip_sub)

    chapter = sub.add_parser("chapter", aliases=["chapters"], help="chapter marks")
    chapter_sub = chapter.add_subparsers(dest="chapter_command", required=True)
    h_add = chapter_sub.add_parser("add", help="start a chapter at a turn")
    h_add.add_argument("project")
    h_add.add_argument("--turn", type=int, required=True, help="turn number as the editor shows")
    h_add.add_argument("--title", required=True)
    h_add.add_argument("--url")
    h_add.add_argument("--img")
    h_add.add_argument(
        "--no-toc",
        action="store_true",
        help="a silent chapter: in the chapters file with toc false, not in show notes",
    )
    h_add.set_defaults(run=project_commands.chapter_add)
    h_toc = chapter_sub.add_parser("toc", help="show a chapter in the table of contents or not")
    h_toc.add_argument("project")
    h_toc.add_argument("id", type=int, help="the chapter's id (chapter list)")
    h_toc.add_argument("toc", choices=["yes", "no"])
    h_toc.set_defaults(run=project_commands.chapter_toc)
    h_list = chapter_sub.add_parser("list", help="list the chapters")
    h_list.add_argument("project")
    h_list.add_argument("--json", action="store_true")
    h_list.set_defaults(run=project_commands.chapter_list)
    chapter_commands.add_parser(chapter_sub)


def _timing_commands(sub: Subparsers) -> None:
    align = sub.add_parser("align", help="time the turns by aligning the text to the audio")
    align.add_argument("project")
    align.add_argument(
        "--reset",
        action="store_true",
        help="re-align confirmed times too (they are kept as anchors otherwise)",
    )
    align.add_argument(
        "--aligner",
        choices=["auto", "acoustic", "espeak"],
        default="auto",
        help="acoustic: PocketSphinx's US-English model, to the word; espeak: eSpeak NG "
        "warping, any language, words placed through the warp (coarser); auto (default): "
        "acoustic when the text is English",
    )
    align.add_argument("--json", action="store_true", help="print every turn's times")
    align.add_argument("--progress", action="store_true", help="show progress on stderr")
    align.set_defaults(run=project_commands.align)


def _gui_command(sub: Subparsers) -> None:
    gui = sub.add_parser("gui", help="open the editor window (the default with no command)")
    gui.add_argument("project", nargs="?")
    gui.add_argument("--demo", action="store_true", help="open the bundled demo episode")
    gui.add_argument("--player", choices=["auto", "vlc", "qt"], help="media backend")
    gui.add_argument("--screenshot", metavar="OUT.png", help="render the window to a PNG and exit")
    gui.set_defaults(run=commands.gui)
    doctor = sub.add_parser("doctor", help="versions, media player, alignment, where files go")
    doctor.add_argument(
        "--require-vlc", action="store_true", help="exit 2 unless libVLC is usable (for CI)"
    )
    doctor.set_defaults(run=run_doctor)


def run_doctor(args: argparse.Namespace) -> int:
    from editor.cli.doctor import doctor  # noqa: PLC0415 - imports Qt

    return doctor(args)


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
    parser.add_argument(
        "--max-turn-chars",
        type=int,
        metavar="N",
        help="captions: also start a new turn at the first sentence end after N characters "
        "(default: turns end only at a speaker change or a pause)",
    )
