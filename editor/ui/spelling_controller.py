"""Spell checking in the window: misspelled words get a red wavy underline in the list and in the
open editor; a right-click on one offers up to five suggestions, Add to Project Dictionary and
Ignore; Edit → Check Spelling turns it on and off (remembered).

The checker is made again when a project opens (its language may differ) and told the words the
project knows (its dictionary, speaker names, glossary terms and variants) whenever the glossary
is read or rescanned and after any change to turns or speakers. Only painted rows are checked,
each turn's text once. Without a dictionary the status bar says so once, and nothing is marked.
The controller is given the window's parts, the settings, the glossary (whose right-click menu
it extends) and its Check Spelling action, not the window (issue 19).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from editor.core import ops
from editor.core.changes import Changes
from editor.core.model import Turn
from editor.core.project import dictionary
from editor.core.project.store import ProjectStore
from editor.core.spelling import Misspelling, SpellChecker
from editor.ui.spelling_editor import EditorSpelling
from editor.ui.text_layout import Highlight

if TYPE_CHECKING:
    from editor.ui.collaborators import Collaborators
    from editor.ui.glossary_controller import GlossaryController
    from editor.ui.settings import Settings


class SpellingController(QObject):
    def __init__(
        self,
        parts: Collaborators,
        settings: Settings,
        glossary: GlossaryController,
        action: QAction,  # Edit → Check Spelling
    ) -> None:
        super().__init__(parts.parent)
        self.parts, self.settings, self.glossary = parts, settings, glossary
        self.checker: SpellChecker | None = None
        self._store: ProjectStore | None = None
        self._language: str | None = None  # the project's, as asked for (the checker's may be "en")
        self._told: set[str] = set()  # problems already shown in the status bar
        self.enabled = settings.spell_check()
        self.editor = EditorSpelling(self)
        view = parts.view
        view.turn_delegate.providers.append(self.highlights)
        # One menu for a right-click on the text: the spelling items above the glossary's.
        view.text_context_menu.disconnect(glossary.show_menu)
        view.text_context_menu.connect(self.show_menu)
        glossary.state.changed.connect(self.refresh_known)
        parts.runner.after_change.append(self._after_change)
        delegate = view.turn_delegate
        delegate.editor_opened.connect(lambda editor, _text: self.editor.attach(editor))
        delegate.editor_closing.connect(self.editor.detach)
        self.action = action
        self.action.setChecked(self.enabled)
        self.action.toggled.connect(self.set_enabled)

    # -- the checker and what the project knows ------------------------------------------------

    def active(self) -> SpellChecker | None:
        """The checker, when spelling is on and a dictionary was found."""
        checker = self.checker
        return checker if self.enabled and checker is not None and checker.available else None

    def set_enabled(self, enabled: bool) -> None:
        self.enabled = enabled
        self.settings.set_spell_check(enabled)
        if self.action.isChecked() != enabled:
            self.action.setChecked(enabled)
        self.refresh_known()

    def refresh_known(self) -> None:
        """Make the checker for the open project if needed, tell it the words the project
        knows, and repaint."""
        store = self.parts.model.store
        language = dictionary.language(store) if store is not None else None
        if store is not self._store or language != self._language:  # opened, or a new language
            self._store, self._language = store, language
            self.checker = SpellChecker(language) if language is not None else None
        checker = self.checker
        if store is not None and checker is not None:
            if not checker.available and self.enabled:
                self._tell_once(f"Spell checking is off: {checker.problem}")
            checker.set_known(self._known_words(store))
        self._repaint()

    def _known_words(self, store: ProjectStore) -> list[str]:
        known = dictionary.words(store)
        known += [speaker.name for speaker in store.speakers()]
        for term in self.glossary.state.matcher.terms:
            known += [term.term, *term.variants]
        return known

    def _after_change(self, changes: Changes) -> None:
        if changes.speakers_changed:  # a renamed or new speaker is a known word
            self.refresh_known()

    def _tell_once(self, message: str) -> None:
        """Say why there is no spelling, once: after what opening the project says."""
        self.action.setStatusTip(message)
        if message not in self._told:
            self._told.add(message)
            QTimer.singleShot(0, lambda: self.parts.message(message, 10_000))

    def _repaint(self) -> None:
        self.parts.view.viewport().update()
        self.editor.rehighlight()

    # -- marks ---------------------------------------------------------------------------------

    def highlights(self, turn: Turn) -> list[Highlight]:
        checker = self.active()
        if checker is None:
            return []
        return [Highlight(m.start, m.end, "misspelled") for m in checker.misspelled(turn.text)]

    def misspelling_at(self, row: int, offset: int) -> Misspelling | None:
        checker = self.active()
        if checker is None or offset < 0:
            return None
        return checker.misspelling_at(self.parts.model.turn(row).text, offset)

    # -- the right-click menu ------------------------------------------------------------------

    def menu_for(self, row: int, offset: int) -> QMenu:
        """The glossary's menu, with the spelling items on top when a misspelling is there."""
        menu = self.glossary.menu_for(row, offset)
        found = self.misspelling_at(row, offset)
        if found is not None:
            turn_id = self.parts.model.turn(row).id
            self.add_items(menu, found, lambda word: self.replace_in_turn(turn_id, found, word))
        return menu

    def add_items(self, menu: QMenu, found: Misspelling, replace: Callable[[str], object]) -> None:
        """Put suggestions, Add to Project Dictionary and Ignore at the top of ``menu``;
        ``replace`` is called with the chosen suggestion."""
        checker = self.checker
        assert checker is not None
        first = menu.actions()[0] if menu.actions() else None
        items: list[QAction] = []
        suggestions = checker.suggestions(found.word)
        for suggestion in suggestions:
            action = QAction(suggestion, menu)
            font = action.font()
            font.setBold(True)
            action.setFont(font)
            action.triggered.connect(lambda _=False, s=suggestion: replace(s))
            items.append(action)
        if not suggestions:
            none = QAction("(no suggestions)", menu)
            none.setEnabled(False)
            items.append(none)
        add = QAction(f"Add “{found.word}” to Project Dictionary", menu)
        add.triggered.connect(lambda: self.add_to_dictionary(found.word))
        ignore = QAction(f"Ignore “{found.word}”", menu)
        ignore.triggered.connect(lambda: self.ignore(found.word))
        separator = QAction(menu)
        separator.setSeparator(True)
        items += [separator, add, ignore]
        if first is not None:
            closing = QAction(menu)
            closing.setSeparator(True)
            items.append(closing)
        if first is None:
            menu.addActions(items)
        else:
            menu.insertActions(first, items)

    def show_menu(self, row: int, offset: int, where: QPoint) -> None:
        self.menu_for(row, offset).exec(where)

    # -- commands ------------------------------------------------------------------------------

    def replace_in_turn(self, turn_id: int, found: Misspelling, word: str) -> bool:
        """Put ``word`` in place of the misspelling, as one undoable edit of the turn's text."""
        store = self.parts.model.store
        if store is None:
            return False
        text = store.turn(turn_id).text
        if text[found.start : found.end] != found.word:
            self.parts.message("The text changed; nothing was replaced.", 5000)
            return False
        changed = text[: found.start] + word + text[found.end :]
        changes = self.parts.runner.run(
            lambda s: ops.edit_text(s, turn_id, changed),
            label=f"Correct “{found.word}” to “{word}”",
        )
        return changes is not None

    def add_to_dictionary(self, word: str) -> None:
        """Accept ``word`` in this project: one undoable step, saved in the project."""
        if self.parts.model.store is None:
            return
        self.parts.runner.run_records(
            "dictionary",
            f"Add “{word}” to the dictionary",
            lambda s: dictionary.add(s, word),
            self.refresh_known,
        )

    def ignore(self, word: str) -> None:
        """Accept ``word`` until the project is closed (not saved, not on the undo stack)."""
        if self.checker is not None:
            self.checker.ignore(word)
        self._repaint()
