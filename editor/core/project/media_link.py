"""Linking the episode's media so the project finds it again after either of them moves.

The link keeps the path relative to the project (what survives copying a folder), the absolute
path as a fallback, and a fingerprint: the size plus a SHA-256 of the first MiB.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from editor.core.errors import InputError
from editor.core.model import MediaLink

HEAD_BYTES = 1 << 20
MEDIA_SUFFIXES = frozenset(
    {
        ".mp3",
        ".m4a",
        ".aac",
        ".ogg",
        ".oga",
        ".opus",
        ".wav",
        ".flac",
        ".mp4",
        ".m4v",
        ".mkv",
        ".mov",
        ".webm",
        ".wma",
    }
)


def fingerprint(path: Path) -> tuple[int, str]:
    """Size in bytes and SHA-256 (hex) of the first MiB."""
    with path.open("rb") as handle:
        head = handle.read(HEAD_BYTES)
    return path.stat().st_size, hashlib.sha256(head).hexdigest()


def probe_duration_ms(path: Path) -> int | None:
    """The media's duration from its container, or None when PyAV cannot tell."""
    try:
        import av  # noqa: PLC0415 - heavy; only needed when linking media

        with av.open(str(path)) as container:
            if container.duration is not None:
                return int(container.duration // 1000)  # AV_TIME_BASE is microseconds
            stream = container.streams.audio[0] if container.streams.audio else None
            if stream is not None and stream.duration is not None and stream.time_base:
                return int(stream.duration * stream.time_base * 1000)
    except Exception:
        return None
    return None


def make_link(media: Path, project: Path) -> MediaLink:
    """Describe ``media`` for a project stored at ``project``."""
    if not media.is_file():
        raise InputError(media, "no such media file")
    absolute = media.resolve()
    try:
        relative: str | None = os.path.relpath(absolute, project.resolve().parent)
    except ValueError:  # another drive on Windows
        relative = None
    size, head = fingerprint(absolute)
    return MediaLink(relative, str(absolute), size, head, probe_duration_ms(absolute))


def matches(link: MediaLink, candidate: Path) -> bool:
    try:
        if candidate.stat().st_size != link.size:
            return False
        return fingerprint(candidate)[1] == link.head_sha256
    except OSError:
        return False


def resolve(link: MediaLink, project: Path, search_folders: tuple[Path, ...] = ()) -> Path | None:
    """Find the linked media: by relative path, absolute path, then by fingerprint nearby."""
    candidates: list[Path] = []
    if link.relative_path is not None:
        # The project's folder is resolved, so ".." in the link can be folded away by name.
        candidates.append(Path(os.path.normpath(project.resolve().parent / link.relative_path)))
    candidates.append(Path(link.absolute_path))
    for candidate in candidates:
        if candidate.is_file() and matches(link, candidate):
            return candidate
    for folder in (project.resolve().parent, *search_folders):
        found = _search_folder(link, folder)
        if found is not None:
            return found
    return None


def _search_folder(link: MediaLink, folder: Path) -> Path | None:
    """Look one level deep for a file with the link's size and head hash."""
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return None
    for entry in entries:
        if entry.suffix.lower() in MEDIA_SUFFIXES and entry.is_file() and matches(link, entry):
            return entry
    return None
