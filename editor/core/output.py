"""Writing an export where the user pointed, the way a shell redirection would.

``write_output`` writes bytes to a path: a symlink is written through (the link stays, its
target gets the bytes); a device, a pipe or anything else that is not a regular file
(``/dev/stdout``, ``/dev/null``, a FIFO) is opened and written in place, never replaced; a regular
file, or a new one, is written atomically (a temporary file beside the target, then a rename), so
an interrupted export never leaves half a file; a read-only file is refused, as a shell would.
A new file gets the mode the umask gives (``0666 & ~umask``, as any program's files do), a
replaced one keeps its mode. ``"-"`` is standard output; callers say so with ``STDOUT``.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
import threading
from pathlib import Path
from typing import BinaryIO

from editor.core.errors import EditorError

STDOUT = "-"
_UMASK_LOCK = threading.Lock()
# Names of open descriptors: written in place (appending, as the descriptor itself would),
# whatever they point at, even a regular file the shell redirected to.
_DESCRIPTOR_VIEW = re.compile(r"^/(?:dev/(?:stdout|stderr|stdin|fd/\d+)|proc/(?:self|\d+)/fd/\d+)$")


def is_stdout(destination: str | os.PathLike[str] | None) -> bool:
    return destination is not None and os.fspath(destination) == STDOUT


def current_umask() -> int:
    with _UMASK_LOCK:
        mask = os.umask(0o022)
        os.umask(mask)
    return mask


def write_output(destination: str | os.PathLike[str], data: bytes, stdout: BinaryIO) -> None:
    """Write ``data`` to ``destination`` (``"-"``: ``stdout``); ``EditorError`` naming it on
    failure."""
    if is_stdout(destination):
        _write_all(stdout, data)
        return
    path = Path(destination)
    try:
        target, descriptor = _resolve(path)
        if descriptor:
            _write_in_place(path, data, append=True)
            return
        existing = _stat(target)
        if existing is not None and stat.S_ISDIR(existing.st_mode):
            raise EditorError(f"{path}: is a folder; give a file name to write")
        if existing is not None and not stat.S_ISREG(existing.st_mode):
            _write_in_place(path, data)  # a device or a FIFO: never replaced by a file
        elif existing is not None and not os.access(target, os.W_OK):
            raise EditorError(f"{path}: the file is read-only; it was left as it is")
        elif not _replace_atomically(target, data, existing):
            _write_in_place(target, data)  # the folder refuses new files but the file takes them
    except OSError as error:
        raise EditorError(f"{path}: cannot write ({error.strerror or error})") from error


def _write_all(stream: BinaryIO, data: bytes) -> None:
    """A pipe can take less than asked and say so without an error (its reader went away in
    the middle): write the rest, which then fails as it should."""
    view = memoryview(data)
    while view:
        view = view[stream.write(view) :]
    stream.flush()


def _resolve(path: Path) -> tuple[Path, bool]:
    """The file a chain of symlinks ends at, and whether it passes through a descriptor's name
    (``/dev/stdout``, ``/proc/self/fd/1``), whose target is only meaningful to the kernel."""
    current = Path(os.path.abspath(path))
    for _ in range(40):
        if _DESCRIPTOR_VIEW.match(str(current)):
            return current, True
        if not current.is_symlink():
            break
        current = Path(os.path.abspath(current.parent / os.readlink(current)))
    return Path(os.path.realpath(current)), False


def _stat(path: Path) -> os.stat_result | None:
    try:
        return path.stat()
    except FileNotFoundError:
        return None


def _write_in_place(path: Path, data: bytes, append: bool = False) -> None:
    with open(path, "ab" if append else "wb") as out:
        out.write(data)


def _replace_atomically(target: Path, data: bytes, existing: os.stat_result | None) -> bool:
    """Write beside ``target`` and rename over it; False when the folder takes no new file."""
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    except PermissionError:
        if existing is None:
            raise
        return False
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
            if existing is not None:
                os.fchmod(out.fileno(), stat.S_IMODE(existing.st_mode))
                with contextlib.suppress(OSError):  # only root may give a file away
                    if os.geteuid() == 0:
                        os.fchown(out.fileno(), existing.st_uid, existing.st_gid)
            else:
                os.fchmod(out.fileno(), 0o666 & ~current_umask())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return True
