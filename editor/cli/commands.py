"""What each subcommand does. Inputs are read and checked before a project is opened for writing."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from editor.core import ops
from editor.core.errors import EditorError, InputError
from editor.core.formats import (
    ExportOptions,
    ImportOptions,
    format_for_extension,
    get_format,
    read_transcript,
)
from editor.core.formats import (
    export as export_transcript,
)
from editor.core.formats.base import Exported
from editor.core.glossary import GlossaryMatcher, MarkRule, scan
from editor.core.glossary.csv_io import read_glossary_csv, write_glossary_csv
from editor.core.glossary.scan import issues
from editor.core.model import GlossaryTerm, Transcript
from editor.core.ops.bulk import BEFORE_REPLACE_ALL, BEFORE_REPLACE_TRANSCRIPT
from editor.core.output import STDOUT, is_stdout, write_output
from editor.core.project.create import create_project
from editor.core.project.exporting import episode_author, transcript_for_export
from editor.core.project.info import project_info
from editor.core.project.project_exports import PROJECT_EXPORTS, ProjectExport
from editor.core.project.store import ProjectStore
from editor.core.search import SearchQuery
from editor.core.session import COMMAND_LINE, ProjectSession

UTF8_NAMES = ("utf-8", "utf-8-sig", "ascii")


def open_session(project: str | Path) -> ProjectSession:
    """The project opened for writing: every change a step of its history, by the command line."""
    return ProjectSession.open(project, origin=COMMAND_LINE)


def new(args: argparse.Namespace) -> int:
    transcript = _read(args.transcript, args) if args.transcript else None
    if args.media and not Path(args.media).is_file():
        raise InputError(args.media, "no such media file")
    create_project(args.project, title=args.title, media=args.media, transcript=transcript)
    turns = len(transcript.turns) if transcript else 0
    print(f"created {args.project} with {turns} turns")
    return 0


def import_(args: argparse.Namespace) -> int:
    transcript = _read(args.file, args)
    with open_session(args.project) as session:
        if args.replace:
            change = session.run(
                lambda s: ops.replace_transcript(s, transcript), snapshot=BEFORE_REPLACE_TRANSCRIPT
            )
        else:
            change = session.run(
                lambda s: ops.insert_turns(s, transcript.turns, label="Import transcript")
            )
    print(f"imported {len(change.rows.turns_inserted)} turns into {args.project}")
    return 0


def export(args: argparse.Namespace) -> int:
    if args.format in PROJECT_EXPORTS:
        return _export_project(args, PROJECT_EXPORTS[args.format])
    fmt = get_format(args.format) if args.format else None
    if fmt is None and args.output:
        fmt = format_for_extension(args.output, writable=True)
    if fmt is None:
        raise EditorError("say which format to export with --format (or an -o FILE extension)")
    if fmt.binary and not args.output:
        raise EditorError(
            f"{fmt.name} is a binary format; give the file to write with -o (or -o - for stdout)"
        )
    with ProjectStore.open(args.project, readonly=True) as store:
        options = ExportOptions(
            with_times=args.times,
            one_cue_per_turn=args.one_cue_per_turn,
            title=store.episode().title,
            author=episode_author(store.episode()),
            destination=_destination(args.output),
        )
        exported = export_transcript(transcript_for_export(store), fmt.name, options)
    _emit(exported, args.output)
    return 0


def _export_project(args: argparse.Namespace, export_kind: ProjectExport) -> int:
    with ProjectStore.open(args.project, readonly=True) as store:
        exported = export_kind.render(store, _destination(args.output))
    _emit(exported, args.output)
    return 0


def _destination(output: str | None) -> str:
    """How warnings name where the export went."""
    return "<stdout>" if output is None or is_stdout(output) else output


def _emit(exported: Exported, output: str | None) -> None:
    for warning in exported.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    write_output(output or STDOUT, exported.as_bytes(), sys.stdout.buffer)


def info(args: argparse.Namespace) -> int:
    with ProjectStore.open(args.project, readonly=True) as store:
        summary = project_info(store)
    if args.json:
        print(json.dumps(summary, indent=2, ensure_ascii=False))
    else:
        print(_format_info(summary))
    return 0


def replace(args: argparse.Namespace) -> int:
    query = SearchQuery(
        args.find, regex=args.regex, whole_word=args.whole_word, case_sensitive=args.case_sensitive
    )
    with open_session(args.project) as session:
        speaker_id = None
        if args.speaker is not None:
            speaker = session.store.speaker_by_name(args.speaker)
            if speaker is None:
                raise EditorError(f"{args.project}: no speaker named {args.speaker!r}")
            speaker_id = speaker.id
        change = session.run(
            lambda s: ops.replace_all(s, query, args.replacement, speaker_id=speaker_id),
            snapshot=BEFORE_REPLACE_ALL,
        )
    print(change.count)
    return 0


def check(args: argparse.Namespace) -> int:
    with ProjectStore.open(args.project, readonly=True) as store:
        if args.glossary:
            new_terms = read_glossary_csv(args.glossary)
            terms = [
                GlossaryTerm(-i, new.term, new.variants, new.case_rule, new.note)
                for i, new in enumerate(new_terms, 1)
            ]
        else:
            terms = store.glossary.terms()
        rule = MarkRule(store.glossary.mark_rule())
        findings = scan(GlossaryMatcher(terms), store.turns(), rule, store.glossary.ignored())
    shown = findings if args.all else issues(findings)
    if args.json:
        print(json.dumps([f.as_dict() for f in shown], indent=2, ensure_ascii=False))
    else:
        for f in shown:
            hit = f.hit
            print(
                f"turn {f.turn_number}, offset {hit.start}: {hit.kind.value:9} "
                f"{hit.found!r} -> {hit.suggestion!r} ({hit.score:g})"
            )
        print(f"{len(issues(findings))} issue(s), {len(terms)} term(s)", file=sys.stderr)
    return 0


def glossary_import(args: argparse.Namespace) -> int:
    terms = read_glossary_csv(args.file)
    with open_session(args.project) as session:
        session.run_records(
            "glossary", "Import glossary", lambda s: s.glossary.add_new_terms(terms)
        )
    print(f"imported {len(terms)} term(s) into {args.project}")
    return 0


def glossary_export(args: argparse.Namespace) -> int:
    with ProjectStore.open(args.project, readonly=True) as store:
        text = write_glossary_csv(store.glossary.terms())
    write_output(args.file or STDOUT, text.encode("utf-8"), sys.stdout.buffer)
    return 0


def glossary_rule(args: argparse.Namespace) -> int:
    with open_session(args.project) as session:
        session.run_records(
            "glossary", "Change the ™ rule", lambda s: s.glossary.set_mark_rule(args.rule)
        )
    print(f"marks on {'every mention' if args.rule == 'every' else 'the first mention only'}")
    return 0


def gui(args: argparse.Namespace) -> int:
    from editor.app import run  # noqa: PLC0415 - Qt is only loaded for the window

    return run(project=args.project, demo=args.demo, player=args.player, screenshot=args.screenshot)


def _read(path: str, args: argparse.Namespace) -> Transcript:
    if args.pause < 0:
        raise EditorError(f"--pause must not be negative ({args.pause})")
    if args.max_turn_chars is not None and args.max_turn_chars < 1:
        raise EditorError(f"--max-turn-chars must be at least 1 ({args.max_turn_chars})")
    options = ImportOptions(
        one_turn_per_cue=args.one_turn_per_cue,
        pause_ms=round(args.pause * 1000),
        max_turn_chars=args.max_turn_chars,
    )
    transcript = read_transcript(path, args.format, options)
    if transcript.encoding not in UTF8_NAMES:
        print(f"note: {path} is not UTF-8; read it as {transcript.encoding}", file=sys.stderr)
    for warning in transcript.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return transcript


def _format_info(summary: dict[str, Any]) -> str:
    media = summary["media"]
    media_line = "none"
    if media["path"]:
        media_line = f"{media['path']} ({'found' if media['found'] else 'NOT FOUND'})"
    speakers = ", ".join(f"{s['name']} ({s['turns']})" for s in summary["speakers"]) or "none"
    duration = summary["duration_ms"]
    lines = [
        f"project:   {summary['path']}",
        f"title:     {summary['title'] or '(untitled)'}",
        f"turns:     {summary['turns']} ({summary['timed_turns']} timed, "
        f"{summary['reviewed_turns']} reviewed)",
        f"speakers:  {speakers}",
        f"words:     {summary['words']}",
        f"media:     {media_line}",
        f"duration:  {'unknown' if duration is None else f'{duration} ms'}",
        f"schema:    {summary['schema_version']}",
    ]
    if summary["uncommitted_drafts"]:
        lines.append(
            f"drafts:    {summary['uncommitted_drafts']} turn(s) with typed text never committed;"
            " open the project in the editor to restore or discard it"
        )
    if summary["foreign_schema"]:
        lines.append(
            "changed:   outside the app (" + "; ".join(summary["foreign_schema"]) + "): read-only;"
            f" 'rescue {summary['path']} OUT.tep' makes a clean copy"
        )
    if summary["storage"]:
        lines.append(f"storage:   {summary['storage']}")
    if summary["conflict_copies"]:
        lines.append(
            "conflicts: " + ", ".join(summary["conflict_copies"]) + " beside it;"
            f" 'conflicts {summary['path']}' compares them"
        )
    return "\n".join(lines)
