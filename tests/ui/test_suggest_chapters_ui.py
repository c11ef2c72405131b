"""Edit → Suggest Chapters… and the Chapters panel's button: the review dialog, used with the
keyboard, adds the checked suggestions (titles as edited) as one step that Ctrl+Z takes back."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit, QPushButton

from editor.core import ops
from editor.core.chapter_suggest import left_out, suggest_chapters, suggest_for
from editor.core.episode_page import read_episode_page
from editor.core.model import Turn
from editor.core.ops.episode import PAGE_RECORDS
from editor.core.project.create import create_project
from editor.core.session import ProjectSession
from editor.core.textfile import read_text
from editor.ui.main_window import MainWindow
from editor.ui.suggest_chapters_dialog import TITLE, SuggestChaptersDialog
from tests.conftest import PATIENCE_MS
from tests.ui.bare import Parts
from tests.ui.test_narrow_notes import Notes, notes  # noqa: F401 - the fixture

PAGE = Path(__file__).parent.parent / "data" / "episode-page.txt"


@pytest.fixture
def episode(window: MainWindow, tmp_path: Path, qtbot: object) -> MainWindow:
    """The window on a project made from the episode page: 50 untimed turns, nine topics."""
    path = tmp_path / "episode.tep"
    create_project(path)
    page = read_episode_page(read_text(PAGE))
    with ProjectSession.open(path) as session:
        session.run(lambda s: ops.import_episode_page(s, page), records=PAGE_RECORDS)
        session.clear_history()
    assert window.open_project(path)
    qtbot.waitExposed(window, timeout=PATIENCE_MS)  # type: ignore[attr-defined]
    return window


def test_the_dialog_is_used_with_the_keyboard(episode: MainWindow, qtbot: object) -> None:
    store = episode.store
    assert store is not None
    suggestions = suggest_chapters(store)
    dialog = SuggestChaptersDialog(suggestions, 0, episode)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    dialog.show()
    qtbot.waitExposed(dialog)  # type: ignore[attr-defined]
    table = dialog.table
    qtbot.waitUntil(table.hasFocus)  # type: ignore[attr-defined]  # the keys go to the list first
    assert table.rowCount() == 9
    assert table.item(2, 0).text() == "≈3:26" and table.item(2, 2).text().startswith("13: ")
    assert "undermining, trust" in table.item(2, 3).text()
    assert not dialog.replace_existing.isVisible()  # no chapters yet
    click = qtbot.keyClick  # type: ignore[attr-defined]
    click(table, Qt.Key.Key_Down)
    click(table, Qt.Key.Key_Space)  # the second suggestion: unchecked
    assert not dialog.is_checked(1) and dialog.is_checked(0)
    click(table, Qt.Key.Key_Down)
    click(table, Qt.Key.Key_Right)  # to its title
    assert (table.currentRow(), table.currentColumn()) == (2, TITLE)
    assert dialog.details.text().startswith("Turn 13: And then I guess third is the, distrust…")
    assert "Why: shares with the topic: undermining, trust" in dialog.details.text()
    click(table, Qt.Key.Key_F2)
    assert table.state() == table.State.EditingState
    editor = table.findChild(QLineEdit)
    assert editor is not None
    editor.selectAll()
    qtbot.keyClicks(editor, "Trust and safety")  # type: ignore[attr-defined]
    click(editor, Qt.Key.Key_Return)  # ends the edit (the delegate commits it queued)
    qtbot.waitUntil(lambda: table.state() != table.State.EditingState)  # type: ignore[attr-defined]
    click(table, Qt.Key.Key_Space)  # Space in the title column toggles too: off, then on
    click(table, Qt.Key.Key_Space)
    chosen = dialog.chosen()
    assert len(chosen) == 8 and chosen[1].title == "Trust and safety"
    assert chosen[1].start_ms == suggestions[2].start_ms
    click(table, Qt.Key.Key_Return)  # the default button
    assert dialog.result() == dialog.DialogCode.Accepted


def test_the_menu_command_adds_the_checked_ones_as_one_undoable_step(
    episode: MainWindow, qtbot: object
) -> None:
    store = episode.store
    assert store is not None
    seen: list[SuggestChaptersDialog] = []

    def review() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SuggestChaptersDialog)
        seen.append(dialog)
        qtbot.keyClick(dialog.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)  # type: ignore[attr-defined]
        qtbot.keyClick(dialog.table, Qt.Key.Key_Space)  # type: ignore[attr-defined]
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)  # type: ignore[attr-defined]

    QTimer.singleShot(0, review)
    episode.action("suggest_chapters").trigger()
    assert seen and seen[0].result() == seen[0].DialogCode.Accepted
    chapters = store.chapters.all()
    assert len(chapters) == 8 and chapters[0].start_ms == 0
    assert chapters[0].title == "The absence of evidence linking presence to productivity or ROI"
    assert episode.notes.chapters_panel.table.rowCount() == 8
    labels = [s.label for s in episode.edits.runner.session.history.steps()]  # type: ignore[union-attr]
    assert labels == ["Suggested chapters"]

    # Again, from the panel's button: the existing chapters are kept unless asked.
    def replace_them() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SuggestChaptersDialog)
        assert dialog.replace_existing.isVisible() and not dialog.replace_existing.isChecked()
        dialog.replace_existing.setChecked(True)
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)  # type: ignore[attr-defined]

    QTimer.singleShot(0, replace_them)
    button = next(
        b
        for b in episode.notes.chapters_panel.findChildren(QPushButton)
        if b.text() == "&Suggest Chapters…"
    )
    button.click()
    assert len(store.chapters.all()) == 9

    episode.action("undo").trigger()
    assert store.chapters.all() == chapters
    episode.action("undo").trigger()
    assert store.chapters.all() == []
    assert episode.notes.chapters_panel.table.rowCount() == 0
    episode.action("redo").trigger()
    assert len(store.chapters.all()) == 8
    assert episode.notes.chapters_panel.table.rowCount() == 8


def test_without_a_window_and_without_topics(
    notes: Notes,  # noqa: F811 - the fixture imported above
    bare: Parts,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The notes controller alone (issue 19) on the demo: no topics, 2.8 minutes, so one
    chapter from the start; a cancelled review changes nothing."""
    controller, store = notes.notes, notes.store
    shown: list[SuggestChaptersDialog] = []

    def cancel(dialog: SuggestChaptersDialog) -> int:
        shown.append(dialog)
        return QDialog.DialogCode.Rejected.value

    monkeypatch.setattr(SuggestChaptersDialog, "exec", cancel)
    controller.suggest_chapters()
    assert len(shown) == 1 and shown[0].table.rowCount() == 1
    assert shown[0].basis.isHidden()  # no topics: nothing to choose
    assert "subject changes" not in shown[0].table.item(0, 3).text()  # the first, at 0:00
    assert store.chapters.all() == []
    added = controller.add_suggested(shown[0].chosen(), "keep")
    assert added is not None and [c.start_ms for c in store.chapters.all()] == [0]
    assert controller.chapters_panel.table.rowCount() == 1
    bare.parts.runner.undo()
    assert store.chapters.all() == [] and controller.chapters_panel.table.rowCount() == 0


def test_topics_being_typed_are_saved_before_suggesting(
    episode: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Topics edited in the Show Notes panel are suggested from at once, not the ones the file
    had before the panel's save timer ran (found by the producer's journey)."""
    shown: list[SuggestChaptersDialog] = []

    def cancel(dialog: SuggestChaptersDialog) -> int:
        shown.append(dialog)
        return QDialog.DialogCode.Rejected.value

    monkeypatch.setattr(SuggestChaptersDialog, "exec", cancel)
    topics = episode.notes.notes_panel.topics
    kept = topics.toPlainText().splitlines()[:3]
    topics.setPlainText("\n".join(kept))  # typed: saved 600 ms later, or when asked
    episode.action("suggest_chapters").trigger()
    assert len(shown) == 1 and shown[0].table.rowCount() == 3
    assert episode.store is not None and list(episode.store.episode().topics) == kept


def test_the_topics_left_out_for_want_of_room_are_named(qtbot: object) -> None:
    suggestions = suggest_for(
        [
            Turn(i + 1, f"{i}", None, text, i * 6_000, (i + 1) * 6_000)
            for i, text in enumerate(
                ["The garden greenhouse.", "Pasta sauce, pasta sauce.", "Football.", "Taxes."]
            )
        ],
        ["the garden", "pasta sauce", "football"],
    )
    topics = ["the garden", "pasta sauce", "football"]
    dialog = SuggestChaptersDialog(suggestions, 0, None, left_out(suggestions, topics))
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    labels = [w.text() for w in dialog.findChildren(QLabel)]
    assert dialog.table.rowCount() == 2
    missing = left_out(suggestions, topics)
    assert len(missing) == 1
    assert any("Left out, for want of room" in t and f"“{missing[0]}”" in t for t in labels)


def test_the_basis_is_chosen_in_the_dialog(
    episode: MainWindow, monkeypatch: pytest.MonkeyPatch, qtbot: object
) -> None:
    """ "Chapters from" suggests again, as ``--page-order`` and ``--subjects`` do on the command
    line, and the chapters added are those of the basis chosen last."""
    store = episode.store
    assert store is not None
    subjects = suggest_chapters(store, topics=False)
    in_page_order = suggest_chapters(store, page_order=True)
    seen: dict[str, list[str]] = {}

    def choose(dialog: SuggestChaptersDialog) -> int:
        assert not dialog.basis.isHidden()  # the page has topics: there is a choice

        def titles() -> list[str]:
            return [dialog.table.item(r, TITLE).text() for r in range(dialog.table.rowCount())]

        seen["spoken"] = titles()
        dialog.basis.setCurrentIndex(2)  # where the subject changes
        seen["subjects"] = titles()
        seen["subjects intro"] = [dialog.intro.text()]
        dialog.basis.setCurrentIndex(1)  # the page's order
        seen["page order"] = titles()
        dialog.basis.setCurrentIndex(2)
        dialog.set_checked(0, False)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(SuggestChaptersDialog, "exec", choose)
    episode.action("suggest_chapters").trigger()
    assert seen["spoken"] == [s.title for s in suggest_chapters(store)]
    assert seen["subjects"] == [s.title for s in subjects] != seen["spoken"]
    assert "where the subject changes." in seen["subjects intro"][0]
    assert "no topics" not in seen["subjects intro"][0]
    assert seen["page order"] == [s.title for s in in_page_order]
    added = store.chapters.all()
    assert [c.start_ms for c in added] == [s.start_ms for s in subjects[1:]]
    episode.action("undo").trigger()
    assert store.chapters.all() == []
