"""One writer per project: a lock file beside it that names its holder.

``.episode.tep.lock`` holds an exclusive ``flock`` for as long as the project is open for
writing, and records who holds it (pid, host, user, since). The kernel drops the ``flock`` when
the process ends, however it ends, so on this machine a lock left by a crash is never taken for
a live one: that is the stale-lock rule. A lock recorded by *another* machine (a shared folder,
where ``flock`` does not reach across hosts) is respected until the user chooses to break it.
"""

from __future__ import annotations

import getpass
import json
import os
import socket
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from editor.core.errors import ProjectError

try:
    import fcntl
except ImportError:  # Windows: only the recorded holder is checked
    fcntl = None  # type: ignore[assignment]


@dataclass(frozen=True)
class LockHolder:
    pid: int
    host: str
    user: str
    since: str

    def describe(self) -> str:
        return f"{self.user} on {self.host} (process {self.pid}, since {self.since})"


class ProjectLocked(ProjectError):
    """The project is open for writing in another instance; ``holder`` says which."""

    def __init__(self, path: Path, holder: LockHolder | None, lock_path: Path) -> None:
        self.holder = holder
        self.lock_path = lock_path
        # Another computer's lock cannot be proved stale from here; the user may take it over.
        self.foreign = holder is not None and _is_foreign(holder)
        who = holder.describe() if holder else "another instance"
        super().__init__(
            path,
            f"is already open in {who}. Close it there, or open it read-only; if that "
            f"instance is gone for good, delete {lock_path.name} beside the project",
        )


def lock_path_for(project: Path) -> Path:
    return project.with_name(f".{project.name}.lock")


def this_holder() -> LockHolder:
    return LockHolder(
        pid=os.getpid(),
        host=socket.gethostname(),
        user=_user(),
        since=datetime.now(UTC).isoformat(timespec="seconds"),
    )


class ProjectLock:
    """Held from ``acquire`` to ``release``; ``break_foreign`` also takes over another host's."""

    def __init__(self, project: Path) -> None:
        self.project = project
        self.path = lock_path_for(project)
        self._handle: IO[str] | None = None

    def acquire(self, *, break_foreign: bool = False) -> None:
        for _attempt in range(5):
            handle = self._open()
            if not _try_flock(handle):
                holder = _read_holder(handle)
                handle.close()
                raise ProjectLocked(self.project, holder, self.path)
            if not _same_file(handle, self.path):
                handle.close()  # the holder removed it between our open and our flock
                continue
            holder = _read_holder(handle)
            if holder is not None and _is_foreign(holder) and not break_foreign:
                handle.close()
                raise ProjectLocked(self.project, holder, self.path)
            self._write_holder(handle)
            self._handle = handle
            return
        raise ProjectError(self.project, "cannot lock it: its lock file keeps changing")

    def release(self) -> None:
        if self._handle is None:
            return
        self.path.unlink(missing_ok=True)
        self._handle.close()  # closing drops the flock
        self._handle = None

    @property
    def held(self) -> bool:
        return self._handle is not None

    def _open(self) -> IO[str]:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as error:
            raise ProjectError(
                self.project, f"cannot create its lock file {self.path.name} ({error.strerror})"
            ) from error
        return os.fdopen(fd, "r+", encoding="utf-8")

    @staticmethod
    def _write_holder(handle: IO[str]) -> None:
        holder = this_holder()
        handle.seek(0)
        handle.truncate()
        handle.write(json.dumps(holder.__dict__) + "\n")
        handle.flush()


def _try_flock(handle: IO[str]) -> bool:
    if fcntl is None:
        holder = _read_holder(handle)
        return holder is None or holder.pid == os.getpid()
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _same_file(handle: IO[str], path: Path) -> bool:
    try:
        return os.fstat(handle.fileno()).st_ino == path.stat().st_ino
    except FileNotFoundError:
        return False


def _read_holder(handle: IO[str]) -> LockHolder | None:
    handle.seek(0)
    try:
        data = json.loads(handle.read(4096) or "null")
        return LockHolder(int(data["pid"]), str(data["host"]), str(data["user"]), data["since"])
    except (ValueError, TypeError, KeyError):
        return None  # empty or half-written by a process that died: nobody holds it


def _is_foreign(holder: LockHolder) -> bool:
    return holder.host != socket.gethostname()


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown user"
