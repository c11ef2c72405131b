"""The project session: every change to an open project, its history and its change event."""

from editor.core.session.change import COMMAND_LINE, SPEAKERS, TURNS, WINDOW, Change
from editor.core.session.history import History, Step
from editor.core.session.session import HistoryRefused, ProjectSession

__all__ = [
    "COMMAND_LINE",
    "SPEAKERS",
    "TURNS",
    "WINDOW",
    "Change",
    "History",
    "HistoryRefused",
    "ProjectSession",
    "Step",
]
