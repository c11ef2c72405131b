"""Side-panel tabs that show their whole names ("Speakers", not "Speak…").

Qt elides the titles of tabbed dock widgets to fit the tab bar, and it makes those tab bars
itself, whenever docks are tabbed together (also when the user drags one onto another). A
filter on the window catches each new tab bar and turns eliding off, with scroll arrows when
the panel is too narrow for every tab.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QMainWindow, QTabBar


class _WholeTabTitles(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ChildPolished:
            for bar in watched.findChildren(QTabBar):
                _show_whole(bar)
        return False


def _show_whole(bar: QTabBar) -> None:
    if bar.elideMode() != Qt.TextElideMode.ElideNone:
        bar.setElideMode(Qt.TextElideMode.ElideNone)
        bar.setUsesScrollButtons(True)


def keep_tab_titles_whole(window: QMainWindow) -> None:
    keeper = _WholeTabTitles(window)
    window.installEventFilter(keeper)
    for bar in window.findChildren(QTabBar):
        _show_whole(bar)
