"""Clips, chapters and show notes in the window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from editor.core.audio_cut import media_duration_ms
from editor.core.playback import PlaybackState
from editor.ui import file_commands
from editor.ui.main_window import MainWindow
from tests.conftest import PATIENCE_MS
from tests.ui.fakes import FakePlayer

PAGE = Path(__file__).parent.parent / "data" / "episode-page.txt"


def ms(seconds: float) -> int:
    return round(seconds * 1000)


def test_new_clip_from_selected_turns(
    opened: MainWindow, truth: list[dict[str, float]], qtbot: object
) -> None:
    opened.view.select_row(5)
    opened.view.selectionModel().select(
        opened.model.index(6), opened.view.selectionModel().SelectionFlag.Select
    )
    opened.view.setFocus()
    qtbot.keyClick(opened.view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)  # type: ignore[attr-defined]
    assert opened.store is not None
    (clip,) = opened.store.clips.all()
    assert (clip.start_ms, clip.end_ms) == (ms(truth[5]["start"]), ms(truth[6]["end"]))
    assert clip.speaker == "Alessandria Polizzi"
    assert opened.notes.clips_panel.table.rowCount() == 1


def test_new_clip_from_words_selected_in_the_editor(opened: MainWindow, qtbot: object) -> None:
    opened.view.select_row(5)
    opened.view.open_editor(5)
    editor = opened.view.open_text_editor()
    assert editor is not None
    text = editor.toPlainText()
    cursor = editor.textCursor()
    cursor.setPosition(text.index("And of course"))
    cursor.setPosition(len(text), cursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)  # type: ignore[attr-defined]
    assert opened.store is not None
    (clip,) = opened.store.clips.all()
    assert clip.quote == text[text.index("And of course") :]
    turn = opened.model.turn(5)
    assert turn.start_ms is not None and turn.start_ms < clip.start_ms < clip.end_ms == turn.end_ms


def test_clip_play_nudge_edit_and_notes_flag(
    opened: MainWindow, fake_player: FakePlayer, qtbot: object
) -> None:
    opened.view.select_row(2)
    clip = opened.notes.new_clip()
    assert clip is not None and opened.store is not None
    panel = opened.notes.clips_panel
    panel.play.emit(clip.id)
    assert fake_player.seeks[-1] == clip.start_ms
    assert fake_player.state() == PlaybackState.PLAYING
    panel.nudge.emit(clip.id, "start", -100)
    assert opened.store.clips.get(clip.id).start_ms == clip.start_ms - 100
    assert fake_player.seeks[-1] == clip.start_ms - 100  # the new edge is played
    panel.table.item(0, 2).setText("A better title")
    panel.table.item(0, 6).setText("for the trailer")
    panel.table.item(0, 7).setCheckState(Qt.CheckState.Unchecked)
    stored = opened.store.clips.get(clip.id)
    assert (stored.title, stored.note, stored.in_notes) == (
        "A better title",
        "for the trailer",
        False,
    )


def test_playing_a_range_stops_at_its_end(
    opened: MainWindow, fake_player: FakePlayer, qtbot: object
) -> None:
    opened.player.play_range(1000, 1150)
    assert fake_player.state() == PlaybackState.PLAYING
    # The backend moves on (one that never moved would be taken as stalled, however long it
    # took the next poll to come on a busy machine), and the range pauses once past its end.
    fake_player.advance(200)
    qtbot.waitUntil(lambda: fake_player.state() == PlaybackState.PAUSED, timeout=PATIENCE_MS)  # type: ignore[attr-defined]


def test_audio_cut_runs_in_a_worker(opened: MainWindow, tmp_path: Path, qtbot: object) -> None:
    opened.view.select_row(5)
    clip = opened.notes.new_clip()
    assert clip is not None
    out = tmp_path / "cut.wav"
    worker = opened.notes.cut([(clip, out)], show_progress=False)
    assert worker is not None
    # Polled, not a waitSignal begun after start(): a short cut may finish before that connects.
    qtbot.waitUntil(worker.isFinished, timeout=PATIENCE_MS)  # type: ignore[attr-defined]
    assert abs(media_duration_ms(out) - clip.duration_ms) <= 50


def test_chapters_add_edit_remove(opened: MainWindow, truth: list[dict[str, float]]) -> None:
    opened.notes.add_chapter(4, "The mandate")
    assert opened.store is not None
    (chapter,) = opened.store.chapters.all()
    assert chapter.start_ms == ms(truth[4]["start"])
    table = opened.notes.chapters_panel.table
    table.item(0, 1).setText("Amazon's mandate")
    assert opened.store.chapters.all()[0].title == "Amazon's mandate"
    opened.notes.remove_chapters([chapter.id])
    assert opened.store.chapters.all() == []


def test_episode_page_fills_the_show_notes(opened: MainWindow, tmp_path: Path) -> None:
    assert opened.notes.import_page(PAGE)
    panel = opened.notes.notes_panel
    assert panel.title.text().startswith("The Secret Society")
    assert len(panel.topics.toPlainText().splitlines()) == 9
    assert "host: Duena Blomstrom" in panel.people.toPlainText()
    assert "Human Debt™ → https://writings.duenablomstrom.com/tag/human-debt/" in (
        panel.links.toPlainText()
    )
    assert "The Secret Society" in panel.preview.toPlainText()
    panel.summary.setPlainText("A shorter summary.")
    panel.flush()
    assert opened.store is not None and opened.store.episode().summary == "A shorter summary."
    assert opened.glossary.state.matcher.terms  # the page's ™ terms joined the glossary
    stack = opened.edits.runner.stack
    assert stack.undoText() == "Edit episode details"  # the form's edit is a step of its own
    stack.undo()
    assert opened.store.episode().summary != "A shorter summary."
    assert panel.summary.toPlainText() != "A shorter summary."  # the form follows the undo
    assert stack.undoText() == "Import episode page"  # metadata, glossary: one step
    stack.undo()
    assert not opened.glossary.state.matcher.terms  # and the highlights follow an undo
    assert opened.glossary.panel.terms_table.rowCount() == 0
    assert not panel.title.text().startswith("The Secret Society")
    stack.redo()
    assert opened.glossary.state.matcher.terms
    assert panel.title.text().startswith("The Secret Society")
    stack.redo()
    out = tmp_path / "notes.html"
    file_commands.export_to(opened, "shownotes-html", out)
    assert out.read_text(encoding="utf-8").startswith("<p>The Secret Society")


def test_clip_and_chapter_changes_are_undoable(opened: MainWindow, qtbot: object) -> None:
    """New, edit and delete of clips and chapters each take one Ctrl+Z, panels included."""
    assert opened.store is not None
    opened.view.select_row(2)
    clip = opened.notes.new_clip()
    assert clip is not None
    opened.notes.add_chapter(4, "The mandate")
    (chapter,) = opened.store.chapters.all()
    opened.notes.chapters_panel.table.item(0, 1).setText("Amazon's mandate")
    opened.notes.delete_clips([clip.id])
    assert opened.store.clips.all() == [] and opened.notes.clips_panel.table.rowCount() == 0
    stack = opened.edits.runner.stack
    labels = [stack.text(i) for i in range(stack.count())]
    assert labels == ["New clip", "New chapter", "Edit chapter", "Delete clip"]

    opened.view.setFocus()
    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(opened.view, Qt.Key.Key_Z, ctrl)  # type: ignore[attr-defined]
    assert opened.store.clips.all() == [clip] and opened.notes.clips_panel.table.rowCount() == 1
    qtbot.keyClick(opened.view, Qt.Key.Key_Z, ctrl)  # type: ignore[attr-defined]
    assert opened.store.chapters.all() == [chapter]
    assert opened.notes.chapters_panel.table.item(0, 1).text() == "The mandate"
    qtbot.keyClick(opened.view, Qt.Key.Key_Z, ctrl)  # type: ignore[attr-defined]
    assert opened.store.chapters.all() == []
    qtbot.keyClick(opened.view, Qt.Key.Key_Z, ctrl)  # type: ignore[attr-defined]
    assert opened.store.clips.all() == []
    for _ in range(4):
        qtbot.keyClick(opened.view, Qt.Key.Key_Y, ctrl)  # type: ignore[attr-defined]
    assert opened.store.clips.all() == []
    assert [c.title for c in opened.store.chapters.all()] == ["Amazon's mandate"]


def test_a_refused_clip_delete_is_reported(opened: MainWindow) -> None:
    assert opened.store is not None
    opened.view.select_row(2)
    clip = opened.notes.new_clip()
    assert clip is not None
    opened.store.db.conn.execute("PRAGMA query_only = ON")  # as if the disk refused writes
    try:
        opened.notes.delete_clips([clip.id])
    finally:
        opened.store.db.conn.execute("PRAGMA query_only = OFF")
    assert "the change was not saved" in opened.statusBar().currentMessage()
    assert opened.store.clips.all() == [clip]
    assert opened.edits.runner.stack.undoText() == "New clip"
