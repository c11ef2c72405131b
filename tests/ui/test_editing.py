"""Editing with the keyboard in the real widgets: every change is on disk at once, and undoable."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from editor.core.playback import PlaybackState
from editor.ui.main_window import MainWindow
from editor.ui.turn_editor import TurnTextEditor
from tests.conftest import PATIENCE_MS
from tests.ui.fakes import FakePlayer

CTRL, SHIFT, ALT = (
    Qt.KeyboardModifier.ControlModifier,
    Qt.KeyboardModifier.ShiftModifier,
    Qt.KeyboardModifier.AltModifier,
)


def on_disk(project: Path) -> list[tuple[str, str | None]]:
    """(text, speaker) of every turn, read by a separate connection, as another program would."""
    with sqlite3.connect(project) as conn:
        return list(
            conn.execute(
                "SELECT t.text, s.name FROM turns t LEFT JOIN speakers s ON s.id = t.speaker_id "
                "ORDER BY t.position"
            )
        )


def key(
    qtbot: object, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier, *, code: Qt.Key
) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has keyboard focus"
    qtbot.keyClick(widget, code, modifiers)  # type: ignore[attr-defined]


def type_text(qtbot: object, text: str) -> None:
    qtbot.keyClicks(QApplication.focusWidget(), text)  # type: ignore[attr-defined]


def editor(window: MainWindow) -> TurnTextEditor:
    found = window.view.open_text_editor()
    assert found is not None, "no turn editor is open"
    return found


def open_editor_on(window: MainWindow, qtbot: object, row: int) -> TurnTextEditor:
    window.view.select_row(row)
    window.view.setFocus()
    key(qtbot, code=Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: window.view.open_text_editor() is not None, timeout=PATIENCE_MS)  # type: ignore[attr-defined]
    return editor(window)


def test_f2_edit_is_on_disk_at_once_and_undo_too(
    opened: MainWindow, demo_project: Path, qtbot: object
) -> None:
    original = on_disk(demo_project)
    box = open_editor_on(opened, qtbot, 2)
    assert box.toPlainText() == original[2][0]
    key(qtbot, CTRL, code=Qt.Key.Key_A)
    type_text(qtbot, "Corrected by the editor.")
    key(qtbot, code=Qt.Key.Key_Return)
    assert on_disk(demo_project)[2][0] == "Corrected by the editor."
    assert on_disk(demo_project)[3] == original[3]
    assert opened.view.open_text_editor() is None
    key(qtbot, CTRL, code=Qt.Key.Key_Z)
    assert on_disk(demo_project) == original
    key(qtbot, CTRL | SHIFT, code=Qt.Key.Key_Z)
    assert on_disk(demo_project)[2][0] == "Corrected by the editor."
    key(qtbot, CTRL, code=Qt.Key.Key_Z)
    key(qtbot, CTRL, code=Qt.Key.Key_Y)
    assert on_disk(demo_project)[2][0] == "Corrected by the editor."
    assert "opened" in opened.windowTitle() or "demo" in opened.windowTitle()


def test_enter_opens_escape_cancels_shift_enter_breaks_the_line(
    opened: MainWindow, demo_project: Path, qtbot: object
) -> None:
    original = on_disk(demo_project)
    opened.view.select_row(1)
    opened.view.setFocus()
    key(qtbot, code=Qt.Key.Key_Return)
    box = editor(opened)
    type_text(qtbot, " lost")
    key(qtbot, code=Qt.Key.Key_Escape)
    assert on_disk(demo_project) == original
    box = open_editor_on(opened, qtbot, 1)
    key(qtbot, SHIFT, code=Qt.Key.Key_Return)
    type_text(qtbot, "Second line.")
    key(qtbot, code=Qt.Key.Key_Return)
    assert on_disk(demo_project)[1][0] == original[1][0] + "\nSecond line."
    assert box.finished


def test_moving_focus_away_commits(opened: MainWindow, demo_project: Path, qtbot: object) -> None:
    open_editor_on(opened, qtbot, 0)
    key(qtbot, CTRL, code=Qt.Key.Key_End)
    type_text(qtbot, " Extra.")
    opened.transport.speed.setFocus()
    qtbot.waitUntil(lambda: opened.view.open_text_editor() is None, timeout=PATIENCE_MS)  # type: ignore[attr-defined]
    assert on_disk(demo_project)[0][0].endswith("Verdant Consulting. Extra.")


def test_split_at_the_cursor_then_backspace_merges_back(
    opened: MainWindow, demo_project: Path, qtbot: object
) -> None:
    original = on_disk(demo_project)
    text = original[4][0]  # "you've been very missed and we're here because …"
    box = open_editor_on(opened, qtbot, 4)
    cursor = box.textCursor()
    cursor.setPosition(len("you've been very missed"))
    box.setTextCursor(cursor)
    key(qtbot, CTRL, code=Qt.Key.Key_Return)
    split = on_disk(demo_project)
    assert len(split) == 11
    assert split[4][0] == "you've been very missed"
    assert split[5][0] == text[len("you've been very missed ") :]
    assert opened.view.selected_rows() == [5]
    box = open_editor_on(opened, qtbot, 5)
    cursor = box.textCursor()
    cursor.setPosition(0)
    box.setTextCursor(cursor)
    key(qtbot, code=Qt.Key.Key_Backspace)
    assert on_disk(demo_project) == original
    reopened = editor(opened)
    assert reopened.textCursor().position() == len("you've been very missed ")
    key(qtbot, code=Qt.Key.Key_Escape)
    key(qtbot, CTRL, code=Qt.Key.Key_Z)
    assert len(on_disk(demo_project)) == 11
    key(qtbot, CTRL, code=Qt.Key.Key_Z)
    assert on_disk(demo_project) == original


def test_fixing_the_mid_sentence_speaker_change(
    opened: MainWindow, demo_project: Path, qtbot: object
) -> None:
    """ "I thought" / "you've been very missed": the second part belongs to Duena."""
    box = open_editor_on(opened, qtbot, 4)
    cursor = box.textCursor()
    cursor.setPosition(0)
    box.setTextCursor(cursor)
    key(qtbot, code=Qt.Key.Key_Backspace)  # merge into "I thought"
    key(qtbot, code=Qt.Key.Key_Return)  # save the merged turn
    rows = on_disk(demo_project)
    assert rows[3][0].startswith("I thought you've been very missed")
    box = open_editor_on(opened, qtbot, 3)
    cursor = box.textCursor()
    cursor.setPosition(len("I thought"))
    box.setTextCursor(cursor)
    key(qtbot, CTRL, code=Qt.Key.Key_Return)
    key(qtbot, SHIFT, code=Qt.Key.Key_F2)
    assert opened.speaker_editor.isVisible()
    key(qtbot, CTRL, code=Qt.Key.Key_A)
    type_text(qtbot, "Duena Blomstrom")
    key(qtbot, code=Qt.Key.Key_Return)
    rows = on_disk(demo_project)
    assert rows[3] == ("I thought", "Alessandria Polizzi")
    assert rows[4][1] == "Duena Blomstrom" and rows[4][0].startswith("you've been very missed")


def test_speakers_assign_rename_and_merge(
    opened: MainWindow, demo_project: Path, qtbot: object
) -> None:
    opened.view.select_row(0)
    opened.view.setFocus()
    key(qtbot, SHIFT, code=Qt.Key.Key_F2)
    key(qtbot, CTRL, code=Qt.Key.Key_A)
    type_text(qtbot, "Guest Voice")
    key(qtbot, code=Qt.Key.Key_Return)
    assert on_disk(demo_project)[0][1] == "Guest Voice"
    opened.view.select_row(1)
    key(qtbot, ALT, code=Qt.Key.Key_1)  # the first speaker in the panel
    assert on_disk(demo_project)[1][1] == "Alessandria Polizzi"
    table = opened.speakers_panel.table
    names = [table.item(r, 1).text() for r in range(table.rowCount())]
    assert names == ["Alessandria Polizzi", "Duena Blomstrom", "Guest Voice"]
    assert table.item(1, 2).text() == "5"  # Duena lost one turn to Alessandria
    table.item(1, 1).setText("Duena B.")  # as after F2 in the panel
    assert {name for _, name in on_disk(demo_project)} == {
        "Alessandria Polizzi",
        "Duena B.",
        "Guest Voice",
    }
    speakers = {s.name: s.id for s in opened.model.speakers()}
    opened.edits.merge_speakers(speakers["Guest Voice"], speakers["Alessandria Polizzi"])
    assert {name for _, name in on_disk(demo_project)} == {"Alessandria Polizzi", "Duena B."}
    opened.view.setFocus()
    key(qtbot, CTRL, code=Qt.Key.Key_Z)
    assert "Guest Voice" in {name for _, name in on_disk(demo_project)}


def test_reviewed_marks_moves_and_counts(
    opened: MainWindow, demo_project: Path, qtbot: object
) -> None:
    opened.view.select_row(0)
    opened.view.setFocus()
    key(qtbot, CTRL, code=Qt.Key.Key_D)
    key(qtbot, CTRL, code=Qt.Key.Key_D)
    assert opened.view.current_row() == 2
    assert opened.labels.reviewed_label.text() == "Reviewed 2/10"
    with sqlite3.connect(demo_project) as conn:
        assert [r[0] for r in conn.execute("SELECT reviewed FROM turns ORDER BY position")][:3] == [
            1,
            1,
            0,
        ]
    opened.view.select_row(9)
    key(qtbot, CTRL, code=Qt.Key.Key_U)
    assert opened.view.current_row() == 2  # wraps around to the first unreviewed


def test_replace_all_is_one_undo_step(
    opened: MainWindow, demo_project: Path, qtbot: object
) -> None:
    original = on_disk(demo_project)
    opened.view.setFocus()
    key(qtbot, CTRL, code=Qt.Key.Key_H)
    bar = opened.find_bar
    assert bar.isVisible() and bar.replacement.isVisible()
    type_text(qtbot, "the")
    bar.whole_word.setChecked(True)
    bar.refresh()
    expected = len(bar.matches)
    assert expected > 5
    bar.replacement.setText("THE")
    bar.replace_all_button.click()
    assert bar.status.text() == f"Replaced {expected}"
    assert sum(text.count("THE") for text, _ in on_disk(demo_project)) >= expected
    opened.view.setFocus()
    key(qtbot, CTRL, code=Qt.Key.Key_Z)
    assert on_disk(demo_project) == original


def test_find_steps_through_matches_and_replaces_one(
    opened: MainWindow, demo_project: Path, qtbot: object
) -> None:
    opened.view.setFocus()
    key(qtbot, CTRL, code=Qt.Key.Key_F)
    type_text(qtbot, "Amazon")
    key(qtbot, code=Qt.Key.Key_Return)
    bar = opened.find_bar
    first_row = opened.view.current_row()
    assert bar.status.text() == f"1 of {len(bar.matches)}"
    key(qtbot, code=Qt.Key.Key_Return)
    assert opened.view.current_row() is not None and opened.view.current_row() >= first_row  # type: ignore[operator]
    bar.open_bar(replace=True)
    bar.case.setChecked(True)
    bar.replacement.setText("AMAZON")
    count = len(bar.matches)
    bar.replace_current()
    assert sum(t.count("AMAZON") for t, _ in on_disk(demo_project)) == 1
    assert len(bar.matches) == count - 1


def test_transport_keys_work_while_the_editor_is_open(
    opened: MainWindow, fake_player: FakePlayer, qtbot: object
) -> None:
    box = open_editor_on(opened, qtbot, 3)
    before = box.toPlainText()
    key(qtbot, CTRL, code=Qt.Key.Key_Space)
    assert fake_player.state() == PlaybackState.PLAYING
    key(qtbot, ALT, code=Qt.Key.Key_Right)
    key(qtbot, ALT, code=Qt.Key.Key_Up)
    assert fake_player.rate() == 1.1
    assert box.toPlainText() == before
    assert opened.view.open_text_editor() is box


def test_closing_the_window_while_typing_saves_the_text(
    opened: MainWindow, demo_project: Path, qtbot: object
) -> None:
    open_editor_on(opened, qtbot, 0)
    key(qtbot, CTRL, code=Qt.Key.Key_A)
    type_text(qtbot, "Typed just before closing.")
    opened.close()
    assert on_disk(demo_project)[0][0] == "Typed just before closing."


def test_save_a_copy_and_history(opened: MainWindow, tmp_path: Path, qtbot: object) -> None:
    from editor.ui import file_commands

    opened.edits.commit_text(opened.model.turn(0).id, "Changed.")
    copy = tmp_path / "copy.tep"
    file_commands.save_copy(opened, copy)
    assert on_disk(copy)[0][0] == "Changed."
    assert opened.edits.runner.stack.count() == 1
    assert opened.history_view.model().rowCount() == 2  # "(opened)" and the edit


def test_playback_does_not_close_the_editor_under_the_typing(
    opened: MainWindow, demo_project: Path, truth: list[dict[str, float]], qtbot: object
) -> None:
    box = open_editor_on(opened, qtbot, 2)
    type_text(qtbot, " still typing")
    opened.follow.on_position(round(truth[6]["start"] * 1000) + 500)  # the audio moves on
    assert opened.view.open_text_editor() is box
    assert opened.follow.suspended
    key(qtbot, code=Qt.Key.Key_Return)
    assert on_disk(demo_project)[2][0].endswith(" still typing")


def test_playback_does_not_move_the_turn_whose_speaker_is_being_typed(
    opened: MainWindow, demo_project: Path, truth: list[dict[str, float]], qtbot: object
) -> None:
    """Shift+F2 on "I thought" (one second long) while it plays: the audio moves into the next
    turn before Enter, and the name still goes to "I thought" (found by the editor's journey)."""
    opened.view.select_row(3)
    opened.view.setFocus()
    key(qtbot, SHIFT, code=Qt.Key.Key_F2)
    assert opened.speaker_editor.isVisible()
    key(qtbot, CTRL, code=Qt.Key.Key_A)
    type_text(qtbot, "Duena Blomstrom")
    opened.follow.on_position(round(truth[4]["start"] * 1000) + 500)  # the audio moves on
    assert opened.view.current_row() == 3
    assert opened.follow.suspended
    key(qtbot, code=Qt.Key.Key_Return)
    assert on_disk(demo_project)[3] == ("I thought", "Duena Blomstrom")


def test_undo_refuses_to_overwrite_a_change_made_behind_its_back(
    opened: MainWindow, demo_project: Path, qtbot: object
) -> None:
    """Another program changed the turn after the edit: Ctrl+Z keeps the newer text, says so,
    and drops the history (which no longer describes the file) without crashing."""
    open_editor_on(opened, qtbot, 1)
    key(qtbot, CTRL, code=Qt.Key.Key_A)
    type_text(qtbot, "Mine.")
    key(qtbot, code=Qt.Key.Key_Return)
    with sqlite3.connect(demo_project) as other:
        other.execute(
            "UPDATE turns SET text = 'Theirs.' WHERE id = (SELECT id FROM turns "
            "ORDER BY position LIMIT 1 OFFSET 1)"
        )
    opened.view.setFocus()
    key(qtbot, CTRL, code=Qt.Key.Key_Z)
    assert on_disk(demo_project)[1][0] == "Theirs."
    assert "has changed since" in opened.statusBar().currentMessage()
    qtbot.waitUntil(lambda: opened.edits.runner.stack.count() == 0, timeout=PATIENCE_MS)  # type: ignore[attr-defined]
    key(qtbot, CTRL, code=Qt.Key.Key_Z)  # nothing left to undo, and nothing breaks
    assert on_disk(demo_project)[1][0] == "Theirs."


def test_ctrl_z_while_typing_undoes_the_typing_not_the_last_saved_edit(
    opened: MainWindow, demo_project: Path, qtbot: object
) -> None:
    open_editor_on(opened, qtbot, 0)
    key(qtbot, CTRL, code=Qt.Key.Key_A)
    type_text(qtbot, "Saved.")
    key(qtbot, code=Qt.Key.Key_Return)
    saved = on_disk(demo_project)
    box = open_editor_on(opened, qtbot, 1)
    original = box.toPlainText()
    key(qtbot, CTRL, code=Qt.Key.Key_End)
    type_text(qtbot, " typo")
    key(qtbot, CTRL, code=Qt.Key.Key_Z)
    assert box.toPlainText() == original  # the editor's own undo took the typing back
    assert on_disk(demo_project) == saved  # and the saved edit of turn 1 is untouched
    assert opened.edits.runner.stack.count() == 1
