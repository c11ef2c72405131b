"""Is the project in a folder a sync tool copies (Dropbox, Google Drive, OneDrive, Syncthing …)?

A sync tool copies the ``.tep`` file on its own schedule, without the ``-wal`` beside it (or
with a ``-wal`` from another moment). In such a folder the window checkpoints the WAL into the
project file when the user pauses and on closing, so the file alone holds every saved edit.

Each tool is recognised by what it leaves in its root folder, or by the folder's name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

# (tool, marker entry in the root folder): the first parent holding one is the sync root.
MARKERS: tuple[tuple[str, str], ...] = (
    ("Dropbox", ".dropbox"),
    ("Dropbox", ".dropbox.cache"),
    ("Syncthing", ".stfolder"),
    ("Resilio Sync", ".sync"),
    ("OneDrive", ".849C9593-D756-4E56-8D6E-42412F2A707B"),
    ("Google Drive", ".tmp.drivedownload"),
    ("Google Drive", ".tmp.driveupload"),
    ("Nextcloud", ".nextcloudsync.log"),
    ("ownCloud", ".owncloudsync.log"),
)
# Sync databases whose names carry an id: ``.sync_1a2b3c.db`` (Nextcloud, ownCloud).
MARKER_PREFIXES: tuple[tuple[str, str, str], ...] = (
    ("Nextcloud or ownCloud", ".sync_", ".db"),
    ("Nextcloud or ownCloud", "._sync_", ".db"),
)


def _named(name: str) -> str | None:
    """Tools known by the name of their root folder (macOS ``~/Library/CloudStorage/…``)."""
    if name == "Dropbox" or name.startswith("Dropbox ("):
        return "Dropbox"
    if name in ("My Drive", "Google Drive") or name.startswith("GoogleDrive-"):
        return "Google Drive"
    if name == "OneDrive" or name.startswith(("OneDrive - ", "OneDrive-")):
        return "OneDrive"
    if name in ("com~apple~CloudDocs", "Mobile Documents", "iCloud Drive"):
        return "iCloud Drive"
    return None


@dataclass(frozen=True)
class SyncFolder:
    tool: str
    root: Path

    @property
    def note(self) -> str:
        return (
            f"in a {self.tool} folder ({self.root}): the journal is folded into the project "
            "file when you pause and on closing, so the file alone holds every saved edit"
        )


def sync_folder(project: Path, exists: Callable[[Path], bool] = Path.exists) -> SyncFolder | None:
    """The sync tool whose folder holds ``project`` (by the markers in its parent folders)."""
    for folder in Path(project).resolve().parents:
        found = _tool_in(folder, exists)
        if found is not None:
            return SyncFolder(found, folder)
    return None


def _tool_in(folder: Path, exists: Callable[[Path], bool]) -> str | None:
    named = _named(folder.name)
    if named is not None:
        return named
    for tool, marker in MARKERS:
        try:
            if exists(folder / marker):
                return tool
        except OSError:
            continue
    try:
        names = [p.name for p in folder.iterdir() if p.name.startswith((".sync_", "._sync_"))]
    except OSError:
        return None
    for tool, prefix, suffix in MARKER_PREFIXES:
        if any(n.startswith(prefix) and n.endswith(suffix) for n in names):
            return tool
    return None
