"""File commands of the main window: new, open, import, export, and finding the media.

Functions that ask the user something are separate from the ones that act on a given path, so
drag and drop and the tests use the same code as the menus without dialogs in the way. They are
given the window's commands (``WindowCommands``: its parts, settings, opening a project, loading
the media), not the window (issue 19).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from editor import PROJECT_SUFFIX
from editor.core import ops
from editor.core.errors import EditorError
from editor.core.formats import (
    ExportOptions,
    get_format,
    read_transcript,
)
from editor.core.formats import (
    export as export_transcript,
)
from editor.core.ops.bulk import BEFORE_REPLACE_TRANSCRIPT
from editor.core.output import write_output
from editor.core.project.create import create_project
from editor.core.project.exporting import transcript_for_export
from editor.core.project.media_link import MEDIA_SUFFIXES, matches
from editor.core.project.project_exports import PROJECT_EXPORTS
from editor.ui.dialogs import (
    MEDIA_FILTER,
    PROJECT_FILTER,
    TRANSCRIPT_FILTER,
    NewProjectDialog,
    show_warnings,
)

if TYPE_CHECKING:
    from editor.core.project.store import ProjectStore
    from editor.ui.collaborators import WindowCommands


def _fail(window: WindowCommands, title: str, error: Exception) -> None:
    QMessageBox.warning(window.parts.parent, title, str(error))


def _store(window: WindowCommands) -> ProjectStore | None:
    """The open project, or ``None``."""
    return window.parts.model.store


def unused_project_path(near: Path) -> Path:
    """``episode.tep`` beside ``near``, or ``episode 2.tep`` … when that exists."""
    candidate = near.with_suffix(PROJECT_SUFFIX)
    number = 2
    while candidate.exists():
        candidate = near.with_name(f"{near.stem} {number}{PROJECT_SUFFIX}")
        number += 1
    return candidate


def new_project(window: WindowCommands) -> None:
    dialog = NewProjectDialog(window.parts.parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    target = dialog.project.path()
    assert target is not None
    create_and_open(
        window, target, dialog.media.path(), dialog.transcript.path(), dialog.title.text().strip()
    )


def create_and_open(
    window: WindowCommands,
    target: Path,
    media: Path | None,
    transcript: Path | None,
    title: str = "",
) -> bool:
    try:
        parsed = read_transcript(transcript) if transcript else None
        create_project(target, title=title, media=media, transcript=parsed)
    except EditorError as error:
        _fail(window, "Cannot Create Project", error)
        return False
    opened = window.open_project(target)
    if opened and parsed is not None and parsed.warnings:
        show_warnings(
            window.parts.parent,
            "Transcript Imported",
            f"Imported {len(parsed.turns)} turns.",
            parsed.warnings,
        )
    return opened


def open_dialog(window: WindowCommands) -> None:
    path, _ = QFileDialog.getOpenFileName(
        window.parts.parent, "Open Project", window.settings.last_folder(), PROJECT_FILTER
    )
    if path:
        window.settings.set_last_folder(Path(path).parent)
        window.open_project(Path(path))


def import_dialog(window: WindowCommands) -> None:
    path, _ = QFileDialog.getOpenFileName(
        window.parts.parent, "Import Transcript", window.settings.last_folder(), TRANSCRIPT_FILTER
    )
    if path:
        window.settings.set_last_folder(Path(path).parent)
        take_transcript(window, Path(path))


def local_files(mime: QMimeData) -> list[Path]:
    """The local files a drag carries (URLs of other kinds are not ours to open)."""
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def open_dropped(window: WindowCommands, path: Path) -> None:
    """Open whatever the user dropped: a project, media for it, or a transcript."""
    suffix = path.suffix.lower()
    if suffix == PROJECT_SUFFIX:
        window.open_project(path)
    elif suffix in MEDIA_SUFFIXES:
        use_media(window, path)
    else:
        take_transcript(window, path)


def take_transcript(window: WindowCommands, path: Path, replace: bool | None = None) -> None:
    """Add a transcript to the open project (asking: append or replace), or start a project."""
    store = _store(window)
    if store is None:
        create_and_open(window, unused_project_path(path), None, path)
        return
    try:
        transcript = read_transcript(path)
    except EditorError as error:
        _fail(window, "Cannot Import", error)
        return
    if replace is None and window.parts.model.rowCount():
        replace = _ask_replace(window, path, len(transcript.turns))
        if replace is None:
            return
    if replace:
        changes = window.parts.runner.run(
            lambda s: ops.replace_transcript(s, transcript), snapshot=BEFORE_REPLACE_TRANSCRIPT
        )
    else:
        changes = window.parts.runner.run(
            lambda s: ops.insert_turns(s, transcript.turns, label="Import transcript")
        )
    if changes is None:
        return
    summary = f"Imported {len(transcript.turns)} turns from {path.name}."
    if transcript.warnings:
        show_warnings(window.parts.parent, "Transcript Imported", summary, transcript.warnings)
    window.parts.message(summary, 5000)


def _ask_replace(window: WindowCommands, path: Path, count: int) -> bool | None:
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "Import Transcript",
        f"Add the {count} turns of {path.name} after the current ones, "
        "or replace the whole transcript?",
        parent=window.parts.parent,
    )
    append = box.addButton("Append", QMessageBox.ButtonRole.AcceptRole)
    replace = box.addButton("Replace All", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    clicked = box.clickedButton()
    return False if clicked is append else True if clicked is replace else None


def save_copy_dialog(window: WindowCommands) -> None:
    store = _store(window)
    if store is None:
        return
    suggested = store.path.with_name(f"{store.path.stem} copy{PROJECT_SUFFIX}")
    path, _ = QFileDialog.getSaveFileName(
        window.parts.parent, "Save a Copy", str(suggested), PROJECT_FILTER
    )
    if path:
        save_copy(window, Path(path))


def save_copy(window: WindowCommands, path: Path) -> None:
    """Write a copy of the open project; the window keeps working on the original."""
    store = _store(window)
    assert store is not None
    window.parts.view.commit_open_editor()
    try:
        store.save_copy(path)
    except EditorError as error:
        _fail(window, "Cannot Save a Copy", error)
        return
    window.parts.message(f"Saved a copy as {path}", 5000)


def export(window: WindowCommands, format_name: str) -> None:
    store = _store(window)
    if store is None:
        return
    description, extension = _export_kind(format_name)
    # Project exports get their kind in the name (episode-shownotes-md.md), so a show-notes
    # export never proposes to overwrite the transcript export of the same extension.
    stem = store.path.stem
    name = f"{stem}-{format_name}" if format_name in PROJECT_EXPORTS else stem
    suggested = store.path.with_name(name + extension)
    path, _ = QFileDialog.getSaveFileName(
        window.parts.parent,
        f"Export {description}",
        str(suggested),
        f"{description} (*{extension})",
    )
    if path:
        export_to(window, format_name, Path(path))


def _export_kind(format_name: str) -> tuple[str, str]:
    """Description and file extension of a transcript format or a whole-project export."""
    if format_name in PROJECT_EXPORTS:
        kind = PROJECT_EXPORTS[format_name]
        return kind.description, kind.extension
    fmt = get_format(format_name)
    return fmt.description, fmt.extensions[0]


def export_to(window: WindowCommands, format_name: str, path: Path) -> None:
    store = _store(window)
    assert store is not None
    window.parts.view.commit_open_editor()
    options = ExportOptions(title=store.episode().title, destination=str(path))
    try:
        if format_name in PROJECT_EXPORTS:
            exported = PROJECT_EXPORTS[format_name].render(store, str(path))
        else:
            exported = export_transcript(transcript_for_export(store), format_name, options)
        # as the CLI writes: through symlinks, umask modes, atomic only for regular files
        write_output(path.absolute(), exported.as_bytes(), sys.stdout.buffer)
    except (EditorError, OSError) as error:
        _fail(window, "Cannot Export", error)
        return
    what = (
        PROJECT_EXPORTS[format_name].description
        if format_name in PROJECT_EXPORTS
        else f"{window.parts.model.rowCount()} turns"
    )
    summary = f"Exported {what} to {path.name}."
    if exported.warnings:
        show_warnings(window.parts.parent, "Exported", summary, exported.warnings)
    window.parts.message(summary, 5000)


def use_media(window: WindowCommands, media: Path) -> None:
    """Link dropped media to the open project, or start a project for it."""
    store = _store(window)
    if store is None:
        create_and_open(window, unused_project_path(media), media, None)
        return
    link_media(window, media)


def link_media(window: WindowCommands, media: Path) -> None:
    store = _store(window)
    assert store is not None
    old = store.media_link()
    if old is not None and not matches(old, media):
        answer = QMessageBox.question(
            window.parts.parent,
            "Link Media",
            f"{media.name} is not the file this project was made with. Link it anyway?",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
    if not link_media_step(window, media):
        return
    window.parts.message(f"Media: {media.name}", 5000)


def link_media_step(window: WindowCommands, media: Path) -> bool:
    """Link ``media`` as one step of the history and load it; ``False`` if it was refused
    (the status bar says why)."""
    linked = window.parts.runner.run_records(
        "media", "Link media", lambda s: s.link_media(media), window.load_media
    )
    return linked is not None


def locate_media(window: WindowCommands) -> None:
    store = _store(window)
    if store is None:
        return
    path, _ = QFileDialog.getOpenFileName(
        window.parts.parent, "Locate Media", str(store.path.parent), MEDIA_FILTER
    )
    if path:
        link_media(window, Path(path))


def search_media_folder(window: WindowCommands, folder: Path | None = None) -> bool:
    """Look for the linked media by its fingerprint in a folder; relink it when found."""
    store = _store(window)
    if store is None:
        return False
    if folder is None:
        chosen = QFileDialog.getExistingDirectory(
            window.parts.parent, "Search Folder for the Media"
        )
        if not chosen:
            return False
        folder = Path(chosen)
    found = store.media_path((folder,))
    if found is None:
        QMessageBox.information(
            window.parts.parent,
            "Media Not Found",
            f"No file in {folder} matches the project's media.",
        )
        return False
    if not link_media_step(window, found):
        return False
    window.parts.message(f"Found the media: {found}", 5000)
    return True
