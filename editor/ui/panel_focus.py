"""Keys that mean "edit this" go to the panel that has the focus, not always to the turn list.

F2 is a window-wide shortcut for editing the selected turn, so Qt hands it to the window's
action before a panel's table sees it. In the Clips, Chapters or Speakers panel F2 must edit the
cell there (the issue found F2 on a clip title overwriting the selected turn's text).
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget


def focused_panel_view(window: QWidget, turn_list: QWidget) -> QAbstractItemView | None:
    """The list or table of a side panel that has the keyboard focus, if one has."""
    focus = QApplication.focusWidget()
    while focus is not None and focus is not window:
        if focus is turn_list:
            return None
        if isinstance(focus, QAbstractItemView):
            return focus
        focus = focus.parentWidget()
    return None


def edit_in_focused_panel(window: QWidget, turn_list: QWidget) -> bool:
    """Start editing the focused panel's current cell; False when the turn list should edit."""
    view = focused_panel_view(window, turn_list)
    if view is None:
        return False
    index = view.currentIndex()
    if index.isValid():
        view.edit(index)
    return True
