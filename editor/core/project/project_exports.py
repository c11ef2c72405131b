"""Exports that need the whole project, not only the transcript: show notes, chapters, clips,
the YouTube chapters block."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from editor.core.chapters import chapters_json
from editor.core.clips import clips_csv, clips_json, clips_markdown
from editor.core.formats.base import Exported
from editor.core.project.exporting import episode_author
from editor.core.project.store import ProjectStore
from editor.core.shownotes import render_shownotes
from editor.core.soundbites import soundbite_tags
from editor.core.youtube import youtube_chapters

Render = Callable[[ProjectStore, str], Exported]


@dataclass(frozen=True)
class ProjectExport:
    name: str
    description: str
    extension: str
    render: Render


def _text(make: Callable[[ProjectStore], str]) -> Render:
    return lambda store, _destination: Exported(make(store))


def _chapters(store: ProjectStore, _destination: str) -> Exported:
    link = store.media_link()
    episode = store.episode()
    return chapters_json(
        store.chapters.all(),
        link.duration_ms if link else None,
        title=episode.title,
        podcast_name=episode.show,
        author=episode_author(episode),
    )


def _youtube(store: ProjectStore, _destination: str) -> Exported:
    link = store.media_link()
    return youtube_chapters(
        store.chapters.all(), link.duration_ms if link else None, str(store.path)
    )


def _soundbites(store: ProjectStore, _destination: str) -> Exported:
    link = store.media_link()
    return soundbite_tags(store.clips.all(), link.duration_ms if link else None)


PROJECT_EXPORTS: dict[str, ProjectExport] = {
    e.name: e
    for e in (
        ProjectExport(
            "shownotes-md",
            "Show notes (Markdown)",
            ".md",
            lambda s, d: render_shownotes(s, "md", d),
        ),
        ProjectExport(
            "shownotes-html",
            "Show notes (HTML for RSS)",
            ".html",
            lambda s, d: render_shownotes(s, "html", d),
        ),
        ProjectExport(
            "shownotes-txt",
            "Show notes (plain text)",
            ".txt",
            lambda s, d: render_shownotes(s, "txt", d),
        ),
        ProjectExport("chapters", "Podcasting 2.0 chapters (JSON)", ".json", _chapters),
        ProjectExport(
            "clips-csv", "Clips (CSV)", ".csv", _text(lambda s: clips_csv(s.clips.all()))
        ),
        ProjectExport(
            "clips-md", "Clips (Markdown)", ".md", _text(lambda s: clips_markdown(s.clips.all()))
        ),
        ProjectExport(
            "clips-json", "Clips (JSON)", ".json", _text(lambda s: clips_json(s.clips.all()))
        ),
        ProjectExport(
            "soundbites",
            "Podcasting 2.0 soundbite tags",
            ".xml",
            _soundbites,
        ),
        ProjectExport("youtube", "YouTube chapters (description block)", ".txt", _youtube),
    )
}
