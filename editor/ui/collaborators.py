"""What a controller is given instead of the whole window (issue 19).

The window is the composition root: it builds its parts (turn model and view, the session's
runner, the status bar) and hands each controller only these, so a controller can be built and
tested without a ``MainWindow`` and a reader sees at once what it can touch.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QStatusBar, QWidget

if TYPE_CHECKING:
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
