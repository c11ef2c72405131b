"""The turn editor shows the whole turn: it is as tall as the text, and the row never shrinks."""

from __future__ import annotations

from PySide6.QtCore import Qt

from editor.ui.main_window import MainWindow
from tests.conftest import PATIENCE_MS
from tests.ui.test_editing import key, open_editor_on, type_text


def _row_height(window: MainWindow, row: int) -> int:
    return window.view.visualRect(window.model.index(row, 0)).height()


def test_f2_on_a_long_turn_opens_an_editor_showing_every_line(
    opened: MainWindow, qtbot: object
) -> None:
    row = 5  # four lines at the test window's width
    closed = _row_height(opened, row)
    box = open_editor_on(opened, qtbot, row)
    qtbot.wait(50)  # type: ignore[attr-defined]  # one round of layout
    line = box.fontMetrics().height()
    lines = box.document().documentLayout().documentSize().height()  # lines, for a plain edit
    assert lines >= 3
    assert box.height() >= lines * line, (box.height(), lines, line)
    assert _row_height(opened, row) >= closed  # the row keeps (at least) its height
    assert box.verticalScrollBar().maximum() == 0  # nothing is scrolled out of sight


def test_the_editor_grows_while_typing_and_after_a_merge(opened: MainWindow, qtbot: object) -> None:
    box = open_editor_on(opened, qtbot, 3)  # "I thought": one line
    before = box.height()
    key(qtbot, Qt.KeyboardModifier.ControlModifier, code=Qt.Key.Key_End)
    type_text(qtbot, " and so on" * 20)
    grown = before + 2 * box.fontMetrics().height()
    qtbot.waitUntil(lambda: box.height() >= grown, timeout=PATIENCE_MS)  # type: ignore[attr-defined]
    key(qtbot, code=Qt.Key.Key_Escape)
    merged_row = 4
    box = open_editor_on(opened, qtbot, merged_row)
    key(qtbot, Qt.KeyboardModifier.ControlModifier, code=Qt.Key.Key_Home)
    key(qtbot, code=Qt.Key.Key_Backspace)  # merge into "I thought"
    qtbot.waitUntil(lambda: opened.view.open_text_editor() is not None, timeout=PATIENCE_MS)  # type: ignore[attr-defined]
    box = opened.view.open_text_editor()
    assert box is not None
    qtbot.wait(50)  # type: ignore[attr-defined]
    lines = box.document().documentLayout().documentSize().height()
    assert lines >= 3 and box.height() >= lines * box.fontMetrics().height()


def test_line_breaks_are_shown_and_measured(opened: MainWindow, qtbot: object) -> None:
    from editor.ui.text_layout import layout_text

    font = opened.view.font()
    one = layout_text("One line", font, 600)[1]
    assert layout_text("One line\nand another\nand a third", font, 600)[1] >= 3 * one - 1
    box = open_editor_on(opened, qtbot, 3)  # "I thought": one line
    before = box.height()
    key(qtbot, Qt.KeyboardModifier.ControlModifier, code=Qt.Key.Key_End)
    for _ in range(2):
        key(qtbot, Qt.KeyboardModifier.ShiftModifier, code=Qt.Key.Key_Return)
        type_text(qtbot, "more")
    grown = before + 2 * box.fontMetrics().height() - 2
    qtbot.waitUntil(lambda: box.height() >= grown, timeout=PATIENCE_MS)  # type: ignore[attr-defined]


def test_the_editor_never_scrolls_sideways(opened: MainWindow, qtbot: object) -> None:
    """Each line's first letter stays in sight (the document measures a little wider)."""
    box = open_editor_on(opened, qtbot, 5)
    key(qtbot, Qt.KeyboardModifier.ControlModifier, code=Qt.Key.Key_End)
    type_text(qtbot, " and one more")
    qtbot.wait(50)  # type: ignore[attr-defined]
    assert box.horizontalScrollBar().value() == 0
