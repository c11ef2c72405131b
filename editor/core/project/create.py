"""Creating a complete project in one step, so a failure leaves no half-made file behind."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from editor.core.errors import ProjectError
from editor.core.model import Transcript
from editor.core.ops.structure import insert_turns
from editor.core.project.store import ProjectStore


def create_project(
    path: str | Path,
    *,
    title: str = "",
    media: str | Path | None = None,
    transcript: Transcript | None = None,
) -> None:
    """Build the project under a temporary name beside ``path`` and rename it into place."""
    path = Path(path)
    if path.exists():
        raise ProjectError(path, "already exists; open it, or import into it")
    temporary = path.with_name(f".{path.name}.{os.getpid()}.creating")
    try:
        with ProjectStore.create(temporary, title=title) as store:
            store.path = path  # the media link is made relative to the final location
            if media is not None:
                store.link_media(media)
            if transcript is not None:
                insert_turns(store, transcript.turns, label="Import transcript")
        os.replace(temporary, path)
    except BaseException:
        remove_quietly(temporary)
        raise


def remove_quietly(path: Path) -> None:
    for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()
