"""The window's parts without the window (issue 19): what the narrow-controller tests build.

``bare_parts`` makes ``Collaborators`` of a plain widget with a box layout, a status bar and the
real turn model, view and session runner, so a controller can be built from them with no
``MainWindow`` and still do its work.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QStatusBar, QVBoxLayout, QWidget

from editor.core.project.store import ProjectStore
from editor.ui.collaborators import Collaborators
from editor.ui.main_window import MainWindow
from editor.ui.turn_model import TurnListModel
from editor.ui.turn_view import TurnListView
from editor.ui.undo import OperationRunner


@dataclass
class Parts:
    parts: Collaborators
    layout: QVBoxLayout  # the parent's: the view is in it
    errors: list[str]  # what ``show_error`` was told


def bare_parts() -> Parts:
    """A plain widget with a box layout as the parent, holding the view."""
    parent, model, view = QWidget(), TurnListModel(), TurnListView()
    model.setParent(parent)
    view.setModel(model)
    layout = QVBoxLayout(parent)
    layout.addWidget(view)
    errors: list[str] = []
    runner = OperationRunner(model, errors.append)
    return Parts(
        Collaborators(parent, model, view, runner, QStatusBar(), errors.append), layout, errors
    )


def open_in(parts: Collaborators, store: ProjectStore | None) -> None:
    """What the window does on opening (``None``: closing) a project, for the parts."""
    parts.model.set_store(store)
    parts.runner.attach(store)


def no_window(parts: Collaborators) -> None:
    """The parent is a plain top-level widget: no MainWindow is above what the controller got."""
    assert parts.parent.window() is parts.parent
    assert not isinstance(parts.parent, MainWindow)
