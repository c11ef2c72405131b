"""Commands for what producers and hosts take out: show notes, clips, chapters."""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from editor.cli.commands import open_session
from editor.core import ops
from editor.core.audio_cut import cut_audio
from editor.core.chapters import chapter_at_turn
from editor.core.clips import clip_from_turns, clip_record
from editor.core.episode_page import read_episode_page
from editor.core.errors import EditorError
from editor.core.filenames import safe_filename
from editor.core.model import Clip, Turn
from editor.core.ops.bulk import BEFORE_ALIGN
from editor.core.ops.episode import PAGE_RECORDS
from editor.core.project.store import ProjectStore
from editor.core.textfile import read_text
from editor.core.timecode import format_clock


def shownotes_import(args: argparse.Namespace) -> int:
    page = read_episode_page(read_text(args.page))
    with open_session(args.project) as session:
        store = session.store
        had_turns = store.turn_count()
        session.run(lambda s: ops.import_episode_page(s, page), records=PAGE_RECORDS)
        imported = 0 if had_turns else store.turn_count()
        if page.transcript is not None and had_turns:
            print(
                f"note: {args.page}: the page's transcript was not imported; the project "
                f"already has {had_turns} turns",
                file=sys.stderr,
            )
    meta = page.meta
    print(
        f"imported {meta.title!r}: {len(meta.topics)} topics, {len(meta.links)} links, "
        f"{len(meta.people)} people, {len(page.glossary)} glossary terms, "
        f"{imported} turns"
    )
    return 0


def _turn_range(text: str, turns: list[Turn]) -> list[Turn]:
    match = re.fullmatch(r"\s*(\d+)\s*(?:-\s*(\d+))?\s*", text)
    if match is None:
        raise EditorError(f"--turns takes a turn number or a range like 3-5, not {text!r}")
    first, last = int(match[1]), int(match[2] or match[1])
    if not 1 <= first <= last <= len(turns):
        raise EditorError(f"turns {text} are outside 1–{len(turns)}")
    return turns[first - 1 : last]


def clip_add(args: argparse.Namespace) -> int:
    with open_session(args.project) as session:
        store = session.store
        if args.turns:
            chosen = _turn_range(args.turns, store.turns())
            speaker = store.find_speaker(chosen[0].speaker_id) if chosen[0].speaker_id else None
            clip = clip_from_turns(chosen, speaker.name if speaker else "", args.title)
        else:
            if args.start is None or args.end is None:
                raise EditorError("give --turns, or both --start and --end (seconds)")
            clip = Clip(0, round(args.start * 1000), round(args.end * 1000), args.title)
        tags = tuple(t.strip() for t in (args.tags or "").split(",") if t.strip())
        clip = replace(clip, tags=tags, note=args.note or "")
        clip, _ = session.run_records("clips", "New clip", lambda s: s.clips.add(clip))
    print(
        f"clip {clip.id}: {format_clock(clip.start_ms)}–{format_clock(clip.end_ms)} {clip.title!r}"
    )
    return 0


def clip_list(args: argparse.Namespace) -> int:
    with ProjectStore.open(args.project, readonly=True) as store:
        clips = store.clips.all()
    if args.json:
        print(
            json.dumps(
                [{"id": c.id, **clip_record(c)} for c in clips],
                indent=2,
                ensure_ascii=False,
            )
        )
    else:
        for c in clips:
            print(f"{c.id:4}  {c.start_ms / 1000:9.3f}  {c.end_ms / 1000:9.3f}  {c.title}")
    return 0


def clip_cut(args: argparse.Namespace) -> int:
    with ProjectStore.open(args.project, readonly=True) as store:
        media = store.media_path()
        if media is None:
            raise EditorError(f"{args.project}: the project's media file cannot be found")
        clips = store.clips.all() if args.all else [store.clips.get(args.id)]
    targets = _cut_targets(args, clips)
    for clip, target in targets:
        cut_audio(media, clip.start_ms, clip.end_ms, target)
        print(f"wrote {target} ({clip.duration_ms / 1000:.3f} s)")
    return 0


def _cut_targets(args: argparse.Namespace, clips: list[Clip]) -> list[tuple[Clip, Path]]:
    if not args.all:
        if not args.output:
            raise EditorError("give the file to write with -o (its extension sets the format)")
        return [(clips[0], Path(args.output))]
    folder = Path(args.dir or ".")
    folder.mkdir(parents=True, exist_ok=True)
    return [(c, folder / f"{c.id:03d} {safe_filename(c.title)}.{args.format}") for c in clips]


def chapter_add(args: argparse.Namespace) -> int:
    with open_session(args.project) as session:
        turns = session.store.turns()
        if not 1 <= args.turn <= len(turns):
            raise EditorError(f"--turn {args.turn} is outside 1–{len(turns)}")
        chapter = chapter_at_turn(turns[args.turn - 1], args.title, args.url or "", args.img or "")
        chapter = replace(chapter, toc=not args.no_toc)
        chapter, _ = session.run_records(
            "chapters", "New chapter", lambda s: s.chapters.add(chapter)
        )
    print(f"chapter {chapter.id}: {format_clock(chapter.start_ms)} {chapter.title}")
    return 0


def chapter_toc(args: argparse.Namespace) -> int:
    with open_session(args.project) as session:
        chapter = next((c for c in session.store.chapters.all() if c.id == args.id), None)
        if chapter is None:
            raise EditorError(f"{args.project}: no chapter {args.id} (see chapter list)")
        changed = replace(chapter, toc=args.toc == "yes")
        session.run_records("chapters", "Chapter in contents", lambda s: s.chapters.update(changed))
    shown = "in the table of contents" if args.toc == "yes" else "silent (toc false)"
    print(f"chapter {chapter.id}: {chapter.title} is {shown}")
    return 0


def chapter_list(args: argparse.Namespace) -> int:
    with ProjectStore.open(args.project, readonly=True) as store:
        chapters = store.chapters.all()
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "id": c.id,
                        "start": c.start_ms / 1000,
                        "title": c.title,
                        "url": c.url,
                        "img": c.img,
                        "toc": c.toc,
                    }
                    for c in chapters
                ],
                indent=2,
                ensure_ascii=False,
            )
        )
    else:
        for c in chapters:
            silent = "" if c.toc else "  (not in the table of contents)"
            print(f"{c.id:4}  {format_clock(c.start_ms):>8}  {c.title}{silent}")
    return 0


def align(args: argparse.Namespace) -> int:
    """Align the turns to the media; confirmed times stay unless --reset."""
    from editor.core.align.project import plan, run  # noqa: PLC0415 - NumPy, models: only here

    with open_session(args.project) as session:
        job = plan(session.store, keep_confirmed=not args.reset, method=args.aligner)
        if len(job.anchors) == len(job.texts):
            print("every turn has confirmed times; nothing to align (use --reset to redo them)")
            return 0
        results = run(job, progress=progress_printer() if args.progress else None)
        changes = session.run(lambda s: ops.apply_alignment(s, results), snapshot=BEFORE_ALIGN)
    numbers = {turn_id: number for number, turn_id in enumerate(job.turn_ids, 1)}
    low = [numbers[t] for t in results.low_confidence()]
    report = results.report
    summary = [
        f"aligner: {report.aligner}",
        f"aligned {changes.count} turns and {results.word_count} words; "
        f"{len(job.anchors)} confirmed turns kept as anchors",
        *report.notes,
    ]
    if report.pronounced:
        summary.append(f"{report.pronounced} words not in the dictionary were given pronunciations")
    if low:
        more = f" and {len(low) - 30} more" if len(low) > 30 else ""
        summary.append(f"low confidence (check these): turns {', '.join(map(str, low[:30]))}{more}")
    if args.json:
        rows = [
            {
                "turn": numbers[t],
                "start": s / 1000,
                "end": e / 1000,
                "confidence": c,
                "words": len(results.words(t)),
            }
            for t, (s, e, c) in results.items()
        ]
        print(json.dumps(rows, indent=1))
        print("\n".join(summary), file=sys.stderr)
    else:
        print("\n".join(summary))
    return 0


def progress_printer() -> Callable[[float], None]:
    """Progress as a percentage on stderr, written again only when the whole percent changes."""
    shown: list[int] = []

    def show(fraction: float) -> None:
        percent = int(fraction * 100)
        if shown and shown[-1] == percent:
            return
        shown.append(percent)
        print(f"\r{fraction:5.0%}", end="", file=sys.stderr, flush=True)
        if fraction >= 1:
            print(file=sys.stderr)

    return show
