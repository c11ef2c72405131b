"""Edit → Spelling Language: the project's spelling language, from the installed dictionaries.

The choice is kept in the project (``dictionary.set_language``), so everyone who opens it checks
in the same language, and is one undoable step with the project's dictionary words. The menu
lists what Enchant has when it opens, the project's language checked; a project language with
no dictionary here is listed too, disabled, so the user sees why nothing is underlined. It is
given the window's parts and what redraws the spelling, not the window (issue 19).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QMenu

from editor.core.project import dictionary
from editor.core.spelling import installed_languages

if TYPE_CHECKING:
    from editor.ui.collaborators import Collaborators


def language_menu(parts: Collaborators, refresh_known: Callable[[], None]) -> QMenu:
    """The menu; ``refresh_known`` checks the spelling again (in the new language)."""
    menu = QMenu("Spelling &Language", parts.parent)
    menu.setObjectName("spellingLanguageMenu")
    group = QActionGroup(menu)

    def fill() -> None:
        menu.clear()
        store = parts.model.store
        current = dictionary.language(store) if store is not None else None
        installed = installed_languages()
        for tag in sorted({*installed, *([current] if current else [])}):
            action = menu.addAction(tag if tag in installed else f"{tag} (no dictionary here)")
            action.setCheckable(True)
            action.setChecked(tag == current)
            action.setEnabled(store is not None and tag in installed)
            group.addAction(action)
            action.triggered.connect(lambda _=False, t=tag: choose(t))
        if not installed:
            menu.addAction("(no dictionaries installed)").setEnabled(False)

    def choose(tag: str) -> None:
        store = parts.model.store
        if store is None or dictionary.language(store) == tag:
            return
        parts.runner.run_records(
            "dictionary",
            f"Spelling language {tag}",
            lambda s: dictionary.set_language(s, tag),
            refresh_known,
        )

    menu.aboutToShow.connect(fill)
    return menu
