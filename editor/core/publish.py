"""Publishing an episode in one step: every file its podcast host and video page need, and the
feed's ``<item>``, written into one folder.

The transcript in each format podcast apps read (WebVTT and SRT captions, Podcasting 2.0 JSON,
HTML), the chapters JSON, the show notes (HTML for the feed, Markdown, text), the soundbite tags,
the YouTube chapters and ``rss-item.xml``, each rendered by the export the rest of the app uses,
then written as one set (``staged_files``): all files whole, or, when one cannot be written,
none replaced. The item links the files by ``base_url`` joined with their names (https only, as
the podcast namespace requires), or by their bare names when no base URL is given. A piece the
project has nothing for (no chapters, no clips, too few chapters for YouTube) is left out and
the publication says so.

``plan_publication`` reads what it needs from the project (the small pieces rendered there);
``PublishPlan.carry_out`` renders the transcripts and the item and writes, touching no store. The
command line and the window both go through ``publish_project`` (or these two steps); the
window runs them with ``run_elsewhere``, in a fresh process, because rendering is Python work
that would hold the interpreter's lock for seconds and starve the window's thread of it.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeVar, cast
from urllib.parse import quote, urlsplit

from editor.core.errors import EditorError
from editor.core.formats import ExportOptions, export, get_format
from editor.core.model import Transcript
from editor.core.project.dictionary import language
from editor.core.project.exporting import episode_author, transcript_for_export
from editor.core.project.project_exports import PROJECT_EXPORTS
from editor.core.project.store import ProjectStore
from editor.core.rss_item import ItemParts, TranscriptLink, rss_item
from editor.core.staged_files import write_files

# (file name, export format, MIME type for <podcast:transcript>, timed captions)
TRANSCRIPT_FILES: tuple[tuple[str, str, str, bool], ...] = (
    ("transcript.vtt", "vtt", "text/vtt", True),
    ("transcript.srt", "srt", "application/x-subrip", True),
    ("transcript.json", "json", "application/json", False),
    ("transcript.html", "html", "text/html", False),
)
CHAPTERS_FILE = "chapters.json"
NOTES_FILES = (
    ("shownotes.html", "shownotes-html"),
    ("shownotes.md", "shownotes-md"),
    ("shownotes.txt", "shownotes-txt"),
)
SOUNDBITES_FILE = "soundbites.xml"
YOUTUBE_FILE = "youtube.txt"
ITEM_FILE = "rss-item.xml"
OPTIONAL_FILES = (CHAPTERS_FILE, SOUNDBITES_FILE, YOUTUBE_FILE)
T = TypeVar("T")


@dataclass(frozen=True)
class Piece:
    name: str
    what: str
    content: bytes


@dataclass(frozen=True)
class Publication:
    """What was written (path, what it is, size in bytes) and what the producer should know."""

    folder: Path
    files: tuple[tuple[Path, str, int], ...]
    warnings: tuple[str, ...]
    notes: tuple[str, ...]

    def summary(self) -> str:
        lines = [f"Published {len(self.files)} files to {self.folder}:"]
        lines += [f"  {path.name}  {what}, {size:,} bytes" for path, what, size in self.files]
        return "\n".join(lines)


@dataclass(frozen=True)
class PublishPlan:
    """Everything read from the project; ``carry_out`` needs nothing else."""

    folder: Path
    base_url: str
    transcript: Transcript
    options: ExportOptions
    pieces: tuple[Piece, ...]  # the show notes, chapters, soundbites and YouTube files
    item: ItemParts  # without transcripts yet
    warnings: tuple[str, ...]
    notes: tuple[str, ...]

    def carry_out(self) -> Publication:
        """Render the transcripts and the item, then write every file as one set."""
        warnings = list(self.warnings)
        transcripts: list[Piece] = []
        links: list[TranscriptLink] = []
        for name, format_name, mime_type, captions in TRANSCRIPT_FILES:
            options = ExportOptions(
                title=self.options.title,
                author=self.options.author,
                destination=str(self.folder / name),
            )
            exported = export(self.transcript, format_name, options)
            warnings += exported.warnings
            what = get_format(format_name).description
            transcripts.append(Piece(name, what, exported.as_bytes()))
            links.append(TranscriptLink(file_url(self.base_url, name), mime_type, captions))
        item, item_warnings = rss_item(replace(self.item, transcripts=tuple(links)))
        warnings += item_warnings
        pieces = [*transcripts, *self.pieces, Piece(ITEM_FILE, "RSS <item>", item.encode())]
        written = write_files(self.folder, [(p.name, p.content) for p in pieces])
        notes = list(self.notes)
        names = {p.name for p in pieces}
        notes += [
            f"{self.folder / name} is from an earlier publish and was left as it is"
            for name in OPTIONAL_FILES
            if name not in names and (self.folder / name).exists()
        ]
        files = tuple(
            (path, piece.what, len(piece.content))
            for path, piece in zip(written, pieces, strict=True)
        )
        return Publication(self.folder, files, tuple(warnings), tuple(notes))


def checked_base_url(base_url: str | None) -> str:
    """``base_url`` without its trailing slash; ``EditorError`` unless it is an https URL."""
    if base_url is None or not base_url.strip():
        return ""
    url = base_url.strip()
    parts = urlsplit(url)
    if any(c.isspace() for c in url):
        raise EditorError(
            f"base URL {url!r}: a URL has no spaces; write each as %20 (as the address is "
            "written where the files are uploaded)"
        )
    if parts.scheme.lower() != "https" or not parts.netloc or parts.query or parts.fragment:
        raise EditorError(
            f"base URL {url!r}: give the https: address of the folder the files go to, such as "
            "https://example.com/episodes/12/ (the podcast namespace requires https: URLs)"
        )
    return url.rstrip("/")


def file_url(base_url: str, name: str) -> str:
    return f"{base_url}/{quote(name)}" if base_url else name


def plan_publication(store: ProjectStore, folder: Path, base_url: str | None = None) -> PublishPlan:
    """Read the project and render its small pieces; ``EditorError`` before anything is written
    when there is nothing to publish or the base URL is not one."""
    base = checked_base_url(base_url)
    project = str(store.path)
    if store.turn_count() == 0:
        raise EditorError(f"{project}: has no turns; there is no transcript to publish")
    episode = store.episode()
    warnings: list[str] = []
    notes: list[str] = []
    pieces: list[Piece] = []

    def render(name: str, kind: str) -> str:
        exported = PROJECT_EXPORTS[kind].render(store, str(folder / name))
        warnings.extend(exported.warnings)
        pieces.append(Piece(name, PROJECT_EXPORTS[kind].description, exported.as_bytes()))
        return exported.as_bytes().decode("utf-8")

    chapters = store.chapters.all()
    if chapters:
        render(CHAPTERS_FILE, "chapters")
    else:
        notes.append("no chapters: chapters.json, youtube.txt and <podcast:chapters> left out")
    description = ""
    for name, kind in NOTES_FILES:
        text = render(name, kind)
        if kind == "shownotes-html":
            description = text  # the feed's description
    if store.clips.all():
        soundbites = render(SOUNDBITES_FILE, "soundbites")
    else:
        soundbites = ""
        notes.append("no clips: soundbites.xml and <podcast:soundbite> left out")
    if chapters:
        try:
            render(YOUTUBE_FILE, "youtube")
        except EditorError as error:
            notes.append(f"youtube.txt left out: {error}")
    if not base:
        notes.append(
            f"{ITEM_FILE} links the files by their names alone: give the https: address they "
            "will be uploaded to (--base-url) for the URLs a feed needs"
        )
    title = episode.title.strip()
    if not title:
        title = store.path.stem
        notes.append(f"the episode has no title; the item's <title> is the project's: {title}")
    item = ItemParts(
        title=title,
        description_html=description,
        transcripts=(),
        language=language(store).replace("_", "-"),
        chapters_url=file_url(base, CHAPTERS_FILE) if chapters else None,
        soundbite_tags=soundbites,
        people=episode.people,
    )
    return PublishPlan(
        folder=folder,
        base_url=base,
        transcript=transcript_for_export(store),
        options=ExportOptions(title=episode.title, author=episode_author(episode)),
        pieces=tuple(pieces),
        item=item,
        warnings=tuple(warnings),
        notes=tuple(notes),
    )


def publish_project(project: Path, folder: Path, base_url: str | None = None) -> Publication:
    """Open ``project`` read-only, plan and write its publication into ``folder``."""
    with ProjectStore.open(project, readonly=True) as store:
        plan = plan_publication(store, folder, base_url)
    return plan.carry_out()


def run_elsewhere(job: Callable[..., T], *args: object) -> T:
    """``job(*args)`` in a fresh process (``spawn``: nothing of the caller, a Qt application for
    instance, is copied), its ``EditorError`` raised here with the same message."""
    context = multiprocessing.get_context("spawn")
    try:
        with ProcessPoolExecutor(1, context) as pool:
            failed, outcome = pool.submit(_outcome, job, *args).result()
    except BrokenProcessPool as error:
        raise EditorError(f"the publishing process stopped unexpectedly ({error})") from error
    if failed:
        raise EditorError(str(outcome))
    return cast("T", outcome)


def _outcome(job: Callable[..., object], *args: object) -> tuple[bool, object]:
    """(failed, result or message): an error's message crosses back, not the error, whose
    class may not rebuild from its pickled arguments (``InputError`` takes a path)."""
    try:
        return False, job(*args)
    except EditorError as error:
        return True, str(error)
