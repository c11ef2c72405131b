"""Spelling built without a MainWindow (issue 19): the controller from the window's parts
(``tests.ui.bare``), the settings, the glossary controller and a Check Spelling action; the
Spelling Language menu from the parts and what redraws the spelling."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QAction

from editor.core.project.store import ProjectStore
from editor.core.spelling import installed_languages
from editor.ui.glossary_controller import GlossaryController
from editor.ui.settings import Settings
from editor.ui.spelling_controller import SpellingController
from editor.ui.spelling_language import language_menu
from tests.core.test_spelling import require_spelling
from tests.ui.bare import Parts, no_window, open_in
from tests.ui.test_spelling_ui import TEXTS, _project, action


def underlined(spelling: SpellingController, row: int) -> list[str]:
    turn = spelling.parts.model.turn(row)
    return [turn.text[h.start : h.end] for h in spelling.highlights(turn)]


@pytest.fixture
def spelling(bare: Parts, settings: Settings, tmp_path: Path) -> Iterator[SpellingController]:
    require_spelling()
    parts = bare.parts
    glossary = GlossaryController(parts)
    check = QAction("Check Spelling", parts.parent)
    check.setCheckable(True)
    controller = SpellingController(parts, settings, glossary, check)
    no_window(parts)
    with ProjectStore.open(_project(tmp_path / "spelling.tep")) as store:
        open_in(parts, store)
        glossary.reload()  # as the window does on opening: the checker learns the names
        glossary.add_term("Zorblax™")
        yield controller
        open_in(parts, None)


def test_spelling_marks_and_learns_words_without_a_window(
    spelling: SpellingController, bare: Parts
) -> None:
    assert underlined(spelling, 0) == ["teh", "recieved"]  # names and glossary terms known
    text = spelling.parts.model.turn(0).text
    menu = spelling.menu_for(0, text.index("recieved"))
    assert "Add to Glossary…" in [a.text() for a in menu.actions()]  # the glossary's items
    action(menu, "Add “recieved” to Project Dictionary").trigger()
    assert underlined(spelling, 0) == ["teh"]
    spelling.parts.runner.undo()
    assert underlined(spelling, 0) == ["teh", "recieved"]
    action(spelling.menu_for(0, text.index("teh")), "the").trigger()
    assert spelling.parts.model.turn(0).text == TEXTS[0].replace("teh", "the")
    spelling.action.setChecked(False)  # Edit → Check Spelling off, remembered
    assert underlined(spelling, 0) == []
    assert not spelling.settings.spell_check()
    assert bare.errors == []


def test_the_spelling_language_menu_works_without_a_window(
    spelling: SpellingController, bare: Parts
) -> None:
    if "en_GB" not in installed_languages():
        pytest.skip("no en_GB dictionary here")
    parts = bare.parts
    menu = language_menu(parts, spelling.refresh_known)
    assert menu.parent() is parts.parent
    menu.aboutToShow.emit()
    assert [a.text() for a in menu.actions() if a.isChecked()] == ["en_US"]
    action(menu, "en_GB").trigger()
    assert spelling.checker is not None and spelling.checker.language.startswith("en_GB")
    assert parts.runner.stack.undoText() == "Spelling language en_GB"
    parts.runner.undo()
    menu.aboutToShow.emit()
    assert [a.text() for a in menu.actions() if a.isChecked()] == ["en_US"]
    assert bare.errors == []
