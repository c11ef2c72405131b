"""Errors the user can act on; each names the file (and line) it is about."""

from __future__ import annotations

from pathlib import Path


class EditorError(Exception):
    """Base of every error caused by input or state the user controls (exit code 2 on the CLI)."""


class InputError(EditorError):
    """A file to read is missing, empty, undecodable or unparsable."""

    def __init__(self, path: str | Path, message: str, line: int | None = None) -> None:
        self.path = str(path)
        self.line = line
        self.reason = message
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {message}")


class ProjectError(EditorError):
    """A project file cannot be opened or written: not a project, too new, read-only, damaged."""

    def __init__(self, path: str | Path, message: str) -> None:
        self.path = str(path)
        self.reason = message
        super().__init__(f"{self.path}: {message}")


class EditError(EditorError):
    """An operation's arguments do not fit the transcript (unknown turn, offset out of range…)."""


class Cancelled(EditorError):
    """The user stopped a long task; nothing was changed."""
