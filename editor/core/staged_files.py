"""Writing a set of files into a folder as one: every file whole, or none of them replaced.

Each file is first written to a temporary file beside its target (``.NAME.XXXX``); only when all
of them are on disk are they renamed into place. A file that cannot be written (a folder in its
place, a read-only file, a full disk) is an ``EditorError`` naming it, and then no target has
been touched and no temporary file is left (a rename that fails after others went through, which
takes a folder changing under the writer, says how many were in place). A symlink is written
through, as exports are; a new file gets the mode the umask gives, a replaced one keeps its mode.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Sequence
from pathlib import Path

from editor.core.errors import EditorError
from editor.core.output import current_umask


def write_files(folder: Path, files: Sequence[tuple[str, bytes]]) -> list[Path]:
    """Write ``(name, data)`` pairs into ``folder`` (made when missing); the paths written."""
    _make_folder(folder)
    targets = [(folder / name, Path(os.path.realpath(folder / name)), data) for name, data in files]
    for shown, target, _data in targets:
        _check_target(shown, target)
    staged: list[tuple[Path, Path, Path]] = []
    try:
        for shown, target, data in targets:
            staged.append((shown, _stage(shown, target, data), target))
        replaced = 0
        while staged:
            shown, temporary, target = staged[0]
            try:
                os.replace(temporary, target)
            except OSError as error:
                raise EditorError(
                    f"{shown}: cannot write ({error.strerror or error}); {replaced} of the "
                    f"{len(targets)} files were already in place, the rest were left as they were"
                ) from error
            staged.pop(0)
            replaced += 1
    finally:
        for _shown, temporary, _target in staged:
            temporary.unlink(missing_ok=True)
    return [shown for shown, _target, _data in targets]


def _make_folder(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise EditorError(f"{folder}: is a file, not a folder; give a folder to publish into")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise EditorError(
            f"{folder}: cannot make the folder ({error.strerror or error})"
        ) from error


def _check_target(shown: Path, target: Path) -> None:
    try:
        existing = target.stat()
    except FileNotFoundError:
        return
    except OSError as error:
        raise _cannot_write(shown, error) from error
    if stat.S_ISDIR(existing.st_mode):
        raise EditorError(f"{shown}: a folder has this name; nothing was written")
    if not stat.S_ISREG(existing.st_mode):
        raise EditorError(f"{shown}: is not a regular file; nothing was written")
    if not os.access(target, os.W_OK) or not existing.st_mode & 0o222:
        raise EditorError(f"{shown}: the file is read-only; nothing was written")


def _stage(shown: Path, target: Path, data: bytes) -> Path:
    """``data`` in a temporary file beside ``target``, with the mode the target will have."""
    try:
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    except OSError as error:
        raise _cannot_write(shown, error) from error
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
            try:
                mode = stat.S_IMODE(target.stat().st_mode)
            except FileNotFoundError:
                mode = 0o666 & ~current_umask()
            os.fchmod(out.fileno(), mode)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise _cannot_write(shown, error) from error
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    return temporary


def _cannot_write(shown: Path, error: OSError) -> EditorError:
    return EditorError(f"{shown}: cannot write ({error.strerror or error}); nothing was replaced")
