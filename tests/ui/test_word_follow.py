"""Words in the window: the word under the playhead, Alt+click on a word, uncertain words and
F7, clips from selected words; and that a playhead tick repaints one row at most."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor

from editor.core.model import Transcript, TranscriptTurn, Word
from editor.core.playback import PlaybackState
from editor.core.project.create import create_project
from editor.ui.actions import shortcut_table
from editor.ui.main_window import MainWindow
from editor.ui.text_layout import STYLES
from editor.ui.turn_delegate import GUTTER, PAD
from tests.conftest import SAMPLE10_MP3
from tests.ui.fakes import FakePlayer

ALT = Qt.KeyboardModifier.AltModifier


def _words(text: str, start: int, confidences: list[float]) -> tuple[Word, ...]:
    words, clock = [], start
    for token, confidence in zip(text.split(), confidences, strict=True):
        words.append(Word(token, clock, clock + 300, confidence))
        clock += 400
    return tuple(words)


TURNS = (
    # the segment starts 0.5 s before its first word: dead air a clip must not take
    TranscriptTurn(
        "Host",
        "Welcome back to the show.",
        500,
        3000,
        _words("Welcome back to the show.", 1000, [0.9, 0.95, 0.3, 0.9, 0.8]),
    ),
    TranscriptTurn(
        "Guest",
        "Today we talk about Kubernetes clusters.",
        4000,
        7000,
        _words("Today we talk about Kubernetes clusters.", 4200, [0.9, 0.9, 0.9, 0.9, 0.2, 0.45]),
    ),
    TranscriptTurn("Host", "No word timings here.", 7500, 9000),
    TranscriptTurn(
        "Host",
        "Thanks for listening.",
        9500,
        11000,
        _words("Thanks for listening.", 9600, [1, 1, 1]),
    ),
)


@pytest.fixture
def worded(window: MainWindow, tmp_path: Path, qtbot: object) -> MainWindow:
    media = tmp_path / "episode.mp3"
    shutil.copy(SAMPLE10_MP3, media)
    path = tmp_path / "worded.tep"
    create_project(path, title="Worded", media=media, transcript=Transcript(TURNS))
    assert window.open_project(path)
    qtbot.waitExposed(window)  # type: ignore[attr-defined]
    return window


def _styled(window: MainWindow, row: int, style: str) -> list[str]:
    turn = window.model.turn(row)
    return [
        turn.text[h.start : h.end]
        for h in window.view.turn_delegate.highlights(turn)
        if h.style == style
    ]


def _word_point(window: MainWindow, row: int, word: str) -> QPoint:
    """A point over ``word`` in the list (found through the view's own hit testing)."""
    view = window.view
    view.scrollTo(window.model.index(row))
    rect = view.visualRect(window.model.index(row))
    text = window.model.turn(row).text
    start = text.index(word)
    y = rect.top() + PAD + view.fontMetrics().height() + 2 + view.fontMetrics().height() // 2
    for x in range(rect.left() + GUTTER, rect.right(), 2):
        found = view.offset_at(QPoint(x, y))
        if found is not None and found[1] is not None and start < found[1] < start + len(word):
            return QPoint(x, y)
    raise AssertionError(f"{word!r} is not on the first line of row {row}")


def test_the_highlighted_word_follows_the_players_position(worded: MainWindow) -> None:
    words = worded.words
    turn = worded.model.turn(1)
    expected = {
        4000: None,  # the turn has begun, its first word not yet
        4250: "Today",
        4550: "Today",  # the pause after a word keeps it
        4650: "we",
        5850: "Kubernetes",
        6300: "clusters.",
        6900: None,  # after the last word
    }
    seen = {}
    for position in expected:
        worded.player.seek(position)
        current = _styled(worded, 1, "word_current")
        seen[position] = current[0] if current else None
        if words.playing is not None:
            assert words.playing[0] == turn.id
    assert seen == expected
    worded.player.seek(1500)  # the first turn: the highlight moves there, the old one goes
    assert _styled(worded, 0, "word_current") == ["back"]
    assert _styled(worded, 1, "word_current") == []
    worded.player.seek(8000)  # a turn without word timings highlights nothing
    assert all(_styled(worded, r, "word_current") == [] for r in range(4))


def test_a_playhead_tick_repaints_the_current_row_only_when_the_word_changes(
    worded: MainWindow, qtbot: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    painted: list[int] = []
    delegate = worded.view.turn_delegate
    original = delegate.paint
    monkeypatch.setattr(
        delegate, "paint", lambda p, o, i: (painted.append(i.row()), original(p, o, i))
    )
    worded.player.seek(4250)
    qtbot.wait(50)  # type: ignore[attr-defined]
    painted.clear()
    worded.words.on_position(4260)  # the same word: nothing to paint
    qtbot.wait(50)  # type: ignore[attr-defined]
    assert painted == []
    worded.words.on_position(4650)  # the next word: its row alone
    qtbot.wait(50)  # type: ignore[attr-defined]
    assert set(painted) == {1}


def test_alt_click_on_a_word_plays_from_its_start(
    worded: MainWindow, fake_player: FakePlayer, qtbot: object
) -> None:
    point = _word_point(worded, 1, "Kubernetes")
    qtbot.mouseClick(worded.view.viewport(), Qt.MouseButton.LeftButton, ALT, point)  # type: ignore[attr-defined]
    assert fake_player.seeks[-1] == 5800  # "Kubernetes" starts at 4.2 s + 4 × 0.4 s
    assert fake_player.state() == PlaybackState.PLAYING
    point = _word_point(worded, 0, "show.")
    qtbot.mouseClick(worded.view.viewport(), Qt.MouseButton.LeftButton, pos=point)  # type: ignore[attr-defined]
    assert fake_player.seeks[-1] == 500  # a plain click still plays the turn from its start


def test_alt_click_on_a_turn_without_word_timings_plays_the_turn(
    worded: MainWindow, fake_player: FakePlayer, qtbot: object
) -> None:
    point = _word_point(worded, 2, "timings")
    qtbot.mouseClick(worded.view.viewport(), Qt.MouseButton.LeftButton, ALT, point)  # type: ignore[attr-defined]
    assert fake_player.seeks[-1] == 7500
    assert "No time for that word" in worded.statusBar().currentMessage()


def test_alt_click_in_the_open_editor_plays_from_the_word(
    worded: MainWindow, fake_player: FakePlayer, qtbot: object
) -> None:
    worded.view.open_editor(1)
    editor = worded.view.open_text_editor()
    assert editor is not None
    editor.textCursor().insertText("So ")  # typing moved every word: offsets still map
    cursor = editor.textCursor()
    cursor.setPosition(editor.toPlainText().index("talk") + 1)
    point = editor.cursorRect(cursor).center()
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton, ALT, point)  # type: ignore[attr-defined]
    assert fake_player.seeks[-1] == 5000  # "talk"


def _editor_marks(window: MainWindow) -> list[tuple[str, str]]:
    editor = window.view.open_text_editor()
    assert editor is not None
    current = STYLES["word_current"].background().color()
    return [
        (s.cursor.selectedText(), "current" if s.format.background().color() == current else "")
        for s in editor.extraSelections()
    ]


def test_the_open_editor_shows_the_playing_word_and_uncertain_words(worded: MainWindow) -> None:
    worded.player.seek(5850)
    worded.view.open_editor(1)
    assert _editor_marks(worded) == [
        ("Kubernetes", ""),
        ("clusters.", ""),
        ("Kubernetes", "current"),
    ]
    worded.player.seek(6300)
    assert _editor_marks(worded)[-1] == ("clusters.", "current")
    editor = worded.view.open_text_editor()
    assert editor is not None
    editor.moveCursor(QTextCursor.MoveOperation.Start)
    editor.insertPlainText("So, ")  # typing shifts the words: the marks follow them
    worded.player.seek(5000)
    assert _editor_marks(worded) == [
        ("Kubernetes", ""),
        ("clusters.", ""),
        ("talk", "current"),
    ]


def test_uncertain_words_are_shaded(worded: MainWindow) -> None:
    assert _styled(worded, 0, "word_uncertain") == ["to"]
    assert _styled(worded, 1, "word_uncertain") == ["Kubernetes", "clusters."]
    assert _styled(worded, 2, "word_uncertain") == []
    assert _styled(worded, 3, "word_uncertain") == []


def test_f7_goes_to_the_next_uncertain_word_and_shift_f7_back(
    worded: MainWindow, qtbot: object
) -> None:
    view = worded.view
    view.select_row(0)
    view.setFocus()
    visited = []
    for _ in range(4):
        qtbot.keyClick(view, Qt.Key.Key_F7)  # type: ignore[attr-defined]
        visited.append(
            (view.current_row(), _styled(worded, view.current_row() or 0, "word_uncertain_focus"))
        )
    assert visited == [
        (0, ["to"]),
        (1, ["Kubernetes"]),
        (1, ["clusters."]),
        (0, ["to"]),  # round again
    ]
    qtbot.keyClick(view, Qt.Key.Key_F7, Qt.KeyboardModifier.ShiftModifier)  # type: ignore[attr-defined]
    assert view.current_row() == 1
    assert _styled(worded, 1, "word_uncertain_focus") == ["clusters."]
    assert "clusters." in worded.statusBar().currentMessage()
    qtbot.keyClick(view, Qt.Key.Key_F2)  # type: ignore[attr-defined]
    editor = view.open_text_editor()
    assert editor is not None
    assert editor.textCursor().position() == worded.model.turn(1).text.index("clusters.")


def test_f7_in_the_editor_selects_the_word_there(worded: MainWindow, qtbot: object) -> None:
    worded.view.open_editor(1)
    editor = worded.view.open_text_editor()
    assert editor is not None
    editor.moveCursor(QTextCursor.MoveOperation.Start)
    qtbot.keyClick(editor, Qt.Key.Key_F7)  # type: ignore[attr-defined]
    assert editor.textCursor().selectedText() == "Kubernetes"
    qtbot.keyClick(editor, Qt.Key.Key_F7)  # type: ignore[attr-defined]
    assert editor.textCursor().selectedText() == "clusters."
    qtbot.keyClick(editor, Qt.Key.Key_F7)  # type: ignore[attr-defined]
    moved = worded.view.open_text_editor()  # on to the first turn's "to", in its editor
    assert moved is not None and moved.turn_id == worded.model.turn(0).id
    assert moved.textCursor().selectedText() == "to"


def test_a_clip_of_selected_words_takes_the_words_times(worded: MainWindow, qtbot: object) -> None:
    worded.view.open_editor(1)
    editor = worded.view.open_text_editor()
    assert editor is not None
    text = editor.toPlainText()
    cursor = editor.textCursor()
    cursor.setPosition(text.index("talk"))
    cursor.setPosition(
        text.index("Kubernetes") + len("Kubernetes"), QTextCursor.MoveMode.KeepAnchor
    )
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)  # type: ignore[attr-defined]
    assert worded.store is not None
    (clip,) = worded.store.clips.all()
    assert (clip.start_ms, clip.end_ms, clip.quote) == (5000, 6100, "talk about Kubernetes")


def test_a_clip_of_a_turn_starts_at_its_first_word_not_the_dead_air(
    worded: MainWindow, qtbot: object
) -> None:
    worded.view.select_row(0)
    worded.view.setFocus()
    qtbot.keyClick(worded.view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)  # type: ignore[attr-defined]
    assert worded.store is not None
    (clip,) = worded.store.clips.all()
    assert (clip.start_ms, clip.end_ms) == (1000, 2900)  # not the turn's 500–3000


def test_the_shortcuts_list_names_f7_and_alt_click() -> None:
    rows = {(command, keys) for _menu, command, keys in shortcut_table()}
    assert ("Next Uncertain Word", "F7") in rows
    assert ("Previous Uncertain Word", "Shift+F7") in rows
    assert ("Play from the word clicked", "Alt+click") in rows


def test_word_follow_does_little_work_per_tick_on_a_12000_turn_episode(
    window: MainWindow, tmp_path: Path, qtbot: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Work counted, not timed (bench/gui.py prints the time per tick): a tick reads the
    project only when the playhead enters a turn, and repaints rows only when the word changes,
    at most the two rows concerned."""
    from bench.generate import project_file

    project_file(tmp_path, 12_000)
    assert window.open_project(tmp_path / "bench-12000.tep")
    words, model = window.words, window.model
    reads: list[int] = []
    repaints: list[object] = []
    saved_words = words._saved_words
    monkeypatch.setattr(
        words, "_saved_words", lambda turn_id: reads.append(turn_id) or saved_words(turn_id)
    )
    repaint_rows = window.view.repaint_rows
    monkeypatch.setattr(
        window.view, "repaint_rows", lambda *rows: repaints.append(rows) or repaint_rows(*rows)
    )
    changes = 0
    starts = [model.turn(r).start_ms or 0 for r in range(0, 12_000, 40)]
    for start in starts:
        for step in range(0, 2000, 40):  # 25 ticks a second through two seconds of speech
            before = words.playing
            words.on_position(start + step)
            changes += words.playing != before
    assert words.playing is not None and changes > len(starts)
    assert len(reads) <= 2 * len(starts)  # each turn entered read once (and the next one)
    assert len(repaints) <= 2 * changes  # nothing repainted while the word stays the same
    ticks = len(starts) * 50
    assert len(repaints) < ticks / 2


def test_moving_to_the_next_turn_lays_out_no_rows_again(
    window: MainWindow, tmp_path: Path, qtbot: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The playhead entering a new turn moves the current mark and the selection: it changes no
    row's height, so the 12,000 rows must not be measured again (that took half a second)."""
    from bench.generate import project_file

    project_file(tmp_path, 12_000)
    assert window.open_project(tmp_path / "bench-12000.tep")
    model, view = window.model, window.view
    view.ensure_laid_out(model.rowCount() - 1)
    qtbot.wait(20)  # type: ignore[attr-defined]
    measured = []
    delegate = view.turn_delegate
    original = delegate.sizeHint
    monkeypatch.setattr(delegate, "sizeHint", lambda o, i: (measured.append(1), original(o, i))[1])
    for row in (5000, 5001, 5002, 9000):
        window.player.position_changed.emit((model.turn(row).start_ms or 0) + 10)
        qtbot.wait(20)  # type: ignore[attr-defined]
    assert model.current_row() == 9000
    assert len(measured) < 500, f"{len(measured)} rows measured for four turn changes"
