"""Spelling in the window: red wavy underlines in the list and the open editor, suggestions that
replace the word on disk, Add to Project Dictionary (undoable), Ignore, Edit → Check Spelling."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QContextMenuEvent, QTextCharFormat
from PySide6.QtWidgets import QApplication, QMenu

from editor.core.model import Transcript, TranscriptTurn
from editor.core.project.create import create_project
from editor.ui.main_window import MainWindow
from editor.ui.settings import Settings
from editor.ui.turn_editor import TurnTextEditor
from tests.core.test_spelling import require_spelling
from tests.ui.fakes import FakePlayer

TEXTS = (
    "Kofi said teh Zorblax framework was recieved well.",
    "Thank you, Mensah's guests, for coming on the show.",
)


def _project(path: Path, language: str | None = None) -> Path:
    turns = tuple(
        TranscriptTurn(name, text) for name, text in zip(("Kofi Mensah", "Ama"), TEXTS, strict=True)
    )
    create_project(path, title="Spelling", transcript=Transcript(turns))
    if language is not None:
        with sqlite3.connect(path) as conn:
            conn.execute("INSERT INTO meta (key, value) VALUES ('language', ?)", (language,))
        conn.close()
    return path


@pytest.fixture
def spelled(window: MainWindow, tmp_path: Path) -> MainWindow:
    require_spelling()
    assert window.open_project(_project(tmp_path / "spelling.tep"))
    window.glossary.add_term("Zorblax™")
    return window


def underlined(window: MainWindow, row: int) -> list[str]:
    turn = window.model.turn(row)
    marks = window.view.turn_delegate.highlights(turn)  # what the delegate paints
    return [turn.text[h.start : h.end] for h in marks if h.style == "misspelled"]


def texts_on_disk(window: MainWindow) -> list[str]:
    assert window.store is not None
    with sqlite3.connect(window.store.path) as conn:
        found = [r[0] for r in conn.execute("SELECT text FROM turns ORDER BY position")]
    conn.close()
    return found


def action(menu: QMenu, text: str) -> QAction:
    found = next((a for a in menu.actions() if a.text() == text), None)
    assert found is not None, [a.text() for a in menu.actions()]
    return found


def test_misspellings_are_underlined_names_and_terms_are_not(spelled: MainWindow) -> None:
    assert underlined(spelled, 0) == ["teh", "recieved"]  # not Kofi, not Zorblax
    assert underlined(spelled, 1) == []  # Mensah's: a speaker's name, possessive
    assert spelled.action("check_spelling").isChecked()


def _red_pixels(window: MainWindow, row: int) -> int:
    view = window.view
    row_rect = view.visualRect(window.model.index(row, 0))
    rect = view.turn_delegate.text_rect(row_rect, view.fontMetrics().height())  # not the speaker
    image = view.viewport().grab(rect).toImage()
    count = 0
    for y in range(0, image.height()):
        for x in range(0, image.width(), 2):
            color = QColor(image.pixel(x, y))
            if color.red() > 170 and color.red() - max(color.green(), color.blue()) > 80:
                count += 1
    return count


def test_the_underline_is_painted_red_in_the_list(spelled: MainWindow, qtbot: object) -> None:
    spelled.view.clearSelection()
    spelled.view.setCurrentIndex(spelled.model.index(1, 0))
    spelled.view.clearSelection()
    qtbot.wait(50)  # type: ignore[attr-defined]
    assert _red_pixels(spelled, 0) > 10
    assert _red_pixels(spelled, 1) == 0
    spelled.action("check_spelling").trigger()  # off
    qtbot.wait(50)  # type: ignore[attr-defined]
    assert _red_pixels(spelled, 0) == 0


def test_a_suggestion_replaces_the_word_on_disk_and_undo_restores_it(spelled: MainWindow) -> None:
    text = spelled.model.turn(0).text
    menu = spelled.spelling.menu_for(0, text.index("teh") + 1)
    assert "Add to Glossary…" in [a.text() for a in menu.actions()]  # the glossary's items stay
    assert len([a for a in menu.actions() if a.font().bold()]) <= 5
    action(menu, "the").trigger()
    assert texts_on_disk(spelled)[0] == "Kofi said the Zorblax framework was recieved well."
    assert underlined(spelled, 0) == ["recieved"]
    spelled.edits.runner.stack.undo()
    assert texts_on_disk(spelled)[0] == TEXTS[0]


def test_add_to_dictionary_removes_the_underline_and_undo_brings_it_back(
    spelled: MainWindow,
) -> None:
    text = spelled.model.turn(0).text
    menu = spelled.spelling.menu_for(0, text.index("recieved"))
    action(menu, "Add “recieved” to Project Dictionary").trigger()
    assert underlined(spelled, 0) == ["teh"]
    assert spelled.store is not None
    with sqlite3.connect(spelled.store.path) as conn:
        assert conn.execute("SELECT word FROM dictionary_words").fetchall() == [("recieved",)]
    conn.close()
    assert spelled.edits.runner.stack.undoText() == "Add “recieved” to the dictionary"
    spelled.edits.runner.stack.undo()
    assert underlined(spelled, 0) == ["teh", "recieved"]
    spelled.edits.runner.stack.redo()
    assert underlined(spelled, 0) == ["teh"]


def test_ignore_accepts_the_word_for_the_session(spelled: MainWindow) -> None:
    text = spelled.model.turn(0).text
    action(spelled.spelling.menu_for(0, text.index("teh")), "Ignore “teh”").trigger()
    assert underlined(spelled, 0) == ["recieved"]


def _open_editor(window: MainWindow, qtbot: object, row: int) -> TurnTextEditor:
    window.view.select_row(row)
    window.view.edit(window.model.index(row, 0))
    editor = window.view.findChild(TurnTextEditor)
    assert editor is not None
    qtbot.waitUntil(lambda: editor.toPlainText() != "")  # type: ignore[attr-defined]
    return editor


def _wavy(editor: TurnTextEditor) -> list[str]:
    block = editor.document().firstBlock()
    wave = QTextCharFormat.UnderlineStyle.WaveUnderline
    return [
        block.text()[r.start : r.start + r.length]
        for r in block.layout().formats()
        if r.format.underlineStyle() == wave
    ]


def test_the_open_editor_underlines_as_you_type_and_replaces(
    spelled: MainWindow, qtbot: object
) -> None:
    editor = _open_editor(spelled, qtbot, 1)
    assert _wavy(editor) == []
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, " Wrold")  # type: ignore[attr-defined]
    assert _wavy(editor) == ["Wrold"]
    menu = spelled.spelling.editor.menu_at(editor.toPlainText().index("Wrold") + 2)
    assert "Copy" in " ".join(a.text() for a in menu.actions())  # the editor's own items stay
    action(menu, "World").trigger()
    assert editor.toPlainText().endswith("show. World") and _wavy(editor) == []
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # type: ignore[attr-defined]
    assert texts_on_disk(spelled)[1] == TEXTS[1] + " World"


def test_a_right_click_in_the_list_opens_the_spelling_menu(
    spelled: MainWindow, qtbot: object
) -> None:
    view = spelled.view
    turn = spelled.model.turn(0)
    rect = view.visualRect(spelled.model.index(0, 0))
    offset = turn.text.index("teh") + 1
    point = next(
        QPoint(x, y)
        for y in range(rect.top(), rect.bottom(), 2)
        for x in range(rect.left(), rect.right())
        if (view.offset_at(QPoint(x, y)) or (0, None))[1] == offset
    )
    shown: list[list[str]] = []

    def close_the_menu() -> None:
        menu = QApplication.activePopupWidget()
        if isinstance(menu, QMenu):
            shown.append([a.text() for a in menu.actions()])
            menu.close()
        else:
            QTimer.singleShot(20, close_the_menu)

    QTimer.singleShot(20, close_the_menu)
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, point, view.viewport().mapToGlobal(point)
    )
    QApplication.sendEvent(view.viewport(), event)
    qtbot.waitUntil(lambda: bool(shown))  # type: ignore[attr-defined]
    assert shown[0][0] == "the" and "Add “teh” to Project Dictionary" in shown[0]


def test_check_spelling_is_remembered(
    spelled: MainWindow, settings: Settings, qtbot: object
) -> None:
    spelled.action("check_spelling").trigger()
    assert underlined(spelled, 0) == [] and settings.spell_check() is False
    again = MainWindow(FakePlayer(), settings)
    qtbot.addWidget(again)  # type: ignore[attr-defined]
    assert not again.action("check_spelling").isChecked()


def test_a_missing_dictionary_is_said_once_and_nothing_is_marked(
    window: MainWindow, tmp_path: Path, qtbot: object
) -> None:
    assert window.open_project(_project(tmp_path / "nope.tep", language="xx_NOPE"))
    said = lambda: "Spell checking is off" in window.statusBar().currentMessage()  # noqa: E731
    qtbot.waitUntil(said)  # type: ignore[attr-defined]
    assert "xx_NOPE" in window.action("check_spelling").statusTip()
    assert underlined(window, 0) == []
    window.statusBar().clearMessage()
    window.glossary.add_term("Zorblax™")  # known words told again: no second message
    qtbot.wait(50)  # type: ignore[attr-defined]
    assert not said()


def test_underline_shapes_are_the_ones_the_readme_names(qapp: object) -> None:
    """setFontUnderline(True) after setUnderlineStyle made every underline a plain line."""
    from editor.ui.text_layout import STYLES

    shape = {key: style.underlineStyle() for key, style in STYLES.items()}
    wave, dotted = (
        QTextCharFormat.UnderlineStyle.WaveUnderline,
        QTextCharFormat.UnderlineStyle.DotLine,
    )
    assert shape["misspelled"] == wave and shape["glossary_style"] == wave
    assert shape["glossary_suspect"] == wave and shape["word_uncertain"] == dotted
    assert shape["glossary_ok"] == QTextCharFormat.UnderlineStyle.SingleUnderline


def test_adding_a_word_from_the_editor_unmarks_it_without_touching_the_text(
    spelled: MainWindow, qtbot: object
) -> None:
    editor = _open_editor(spelled, qtbot, 1)
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, " Zorbl")  # type: ignore[attr-defined]
    assert _wavy(editor) == ["Zorbl"]
    changed: list[None] = []
    editor.textChanged.connect(lambda: changed.append(None))
    menu = spelled.spelling.editor.menu_at(len(editor.toPlainText()))  # just after the word
    action(menu, "Add “Zorbl” to Project Dictionary").trigger()
    assert _wavy(editor) == [] and changed == []
    assert editor.toPlainText().endswith(" Zorbl")


def test_a_long_episode_checks_only_the_turns_painted(
    window: MainWindow, tmp_path: Path, qtbot: object
) -> None:
    """12,000 turns: opening and scrolling to the end check a screenful or two, not all."""
    require_spelling()
    from bench.generate import long_transcript

    path = tmp_path / "long.tep"
    create_project(path, title="Long", transcript=long_transcript(12_000))
    assert window.open_project(path)
    qtbot.waitExposed(window)  # type: ignore[attr-defined]
    checker = window.spelling.checker
    assert checker is not None
    asked: list[str] = []
    original = checker.misspelled

    def counting(text: str) -> tuple[object, ...]:
        asked.append(text)
        return original(text)

    checker.misspelled = counting  # type: ignore[method-assign, assignment]
    row = window.model.rowCount() - 1
    window.view.show_row(row, select=True)
    last = window.model.turn(row)
    qtbot.waitUntil(lambda: last.text in asked)  # type: ignore[attr-defined]
    assert 0 < len(set(asked)) < 200


def test_the_spelling_language_is_chosen_from_the_menu_kept_and_undoable(
    window: MainWindow, tmp_path: Path
) -> None:
    require_spelling()
    from editor.core.spelling import installed_languages

    if "en_GB" not in installed_languages():
        pytest.skip("no en_GB dictionary here")
    path = tmp_path / "british.tep"
    create_project(
        path, transcript=Transcript((TranscriptTurn("Ama", "The colour of the theatre."),))
    )
    assert window.open_project(path)
    assert underlined(window, 0) == ["colour", "theatre"]  # en_US, the default
    menu = window.findChild(QMenu, "spellingLanguageMenu")
    assert menu is not None
    menu.aboutToShow.emit()
    assert [a.text() for a in menu.actions() if a.isChecked()] == ["en_US"]
    action(menu, "en_GB").trigger()
    assert underlined(window, 0) == []
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT value FROM meta WHERE key = 'language'").fetchone() == (
            "en_GB",
        )
    conn.close()
    window.action("undo").trigger()
    assert underlined(window, 0) == ["colour", "theatre"]
    window.action("redo").trigger()
    assert underlined(window, 0) == []
