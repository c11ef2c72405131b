"""Bulk steps: operations that may rewrite the whole transcript take a snapshot first.

Undo covers them while the window is open; the snapshot covers them after it is closed, or when
the step was run from the command line, which has no undo.
"""

from __future__ import annotations

from collections.abc import Callable

from editor.core.changes import Changes
from editor.core.project.store import ProjectStore

BEFORE_REPLACE_ALL = "Before replace all"
BEFORE_FIX_ALL = "Before fixing glossary issues"
BEFORE_ALIGN = "Before alignment"
BEFORE_REPLACE_TRANSCRIPT = "Before replacing the transcript"


def bulk_step(
    store: ProjectStore, reason: str, operation: Callable[[ProjectStore], Changes]
) -> Changes:
    """Snapshot the project (``ProjectError`` if that fails: nothing is changed), then run."""
    store.snapshot(reason)
    return operation(store)
