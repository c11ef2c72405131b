"""What a controller is given instead of the whole window (issue 19).

The window is the composition root: it builds its parts (turn model and view, the session's
runner, the status bar) and hands each controller only these, so a controller can be built and
tested without a ``MainWindow`` and a reader sees at once what it can touch. The commands that
end in the window itself (open a project, show it again after a restore) are asked of it
through ``WindowCommands``, which it satisfies; a test gives a small stand-in.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QStatusBar, QWidget

if TYPE_CHECKING:
    from pathlib import Path

    from editor.core.project.store import ProjectStore
    from editor.ui.settings import Settings
    from editor.ui.turn_model import TurnListModel
    from editor.ui.turn_view import TurnListView
    from editor.ui.undo import OperationRunner


@dataclass(frozen=True)
class Collaborators:
    """The window's parts a controller works with."""

    parent: QWidget  # owns the controller; the parent of its menus and dialogs
    model: TurnListModel  # the open project's turns; ``model.store`` is the open project
    view: TurnListView
    runner: OperationRunner  # every write goes through the session it runs
    status_bar: QStatusBar
    show_error: Callable[[str], None]  # a refusal: told in the status bar, with a beep

    def message(self, text: str, timeout_ms: int) -> None:
        """A passing message in the status bar."""
        self.status_bar.showMessage(text, timeout_ms)


class WindowCommands(Protocol):
    """What only the window does, for the commands that end in it (file commands, safety)."""

    @property
    def parts(self) -> Collaborators: ...

    @property
    def settings(self) -> Settings: ...  # the user's preferences (last folder, recent files)

    def open_project(self, path: Path) -> bool:
        """Open ``path`` in place of the open project; ``False`` (told why) if it was not."""
        ...

    def settle(self) -> None:
        """Finish what is under way before the project is replaced or closed: the open
        editor's text, show-notes typing, alignment and waveform workers."""
        ...

    def show_store(self, store: ProjectStore) -> None:
        """Show ``store`` again from the file (after a snapshot was restored into it)."""
        ...

    def load_media(self) -> None:
        """Point the player at the project's media (after it was linked), or say it is missing."""
        ...
