"""The glossary in the window: highlights, hints, right-click fixes, F8, the panel."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt

from editor.core.formats import read_transcript
from editor.core.project.create import create_project
from editor.ui.main_window import MainWindow
from editor.ui.turn_delegate import GUTTER, PAD
from tests.conftest import EPISODE_TRANSCRIPT


@pytest.fixture
def episode(window: MainWindow, tmp_path: Path) -> MainWindow:
    path = tmp_path / "episode.tep"
    create_project(path, transcript=read_transcript(EPISODE_TRANSCRIPT))
    assert window.open_project(path)
    window.glossary.add_term("Human Debt™", note="Duena's framework")
    window.glossary.add_term("KPMG")
    return window


def texts(window: MainWindow) -> list[str]:
    assert window.store is not None
    with sqlite3.connect(window.store.path) as conn:
        return [r[0] for r in conn.execute("SELECT text FROM turns ORDER BY position")]


def test_panel_lists_the_three_issues(episode: MainWindow) -> None:
    panel = episode.glossary.panel
    table = panel.issues_table
    rows = [[table.item(r, c).text() for c in range(4)] for r in range(table.rowCount())]
    assert rows == [
        ["2", "Human Death", "suspect", "Human Debt™"],
        ["32", "human debt", "style", "Human Debt™"],
        ["40", "KPNG", "suspect", "KPMG"],
    ]
    assert panel.tabs.tabText(0) == "Issues (3)"
    assert panel.terms_table.rowCount() == 2


def test_highlights_and_hover_text(episode: MainWindow) -> None:
    state = episode.glossary.state
    turn = episode.model.turn(1)
    styles = [(turn.text[h.start : h.end], h.style) for h in state.highlights(turn)]
    assert ("Human Death", "glossary_suspect") in styles
    hit = state.hit_at(turn, turn.text.index("Human Death") + 3)
    assert hit is not None
    assert state.describe(hit) == "Possibly mis-heard: “Human Debt™” (score 85.7)"
    assert len(episode.view.turn_delegate.highlights(turn)) >= 1  # the delegate paints them


def test_f8_walks_through_the_issues(episode: MainWindow, qtbot: object) -> None:
    episode.view.select_row(0)
    episode.view.setFocus()
    seen = []
    for _ in range(4):
        qtbot.keyClick(episode.view, Qt.Key.Key_F8)  # type: ignore[attr-defined]
        seen.append(episode.view.current_row())
    assert seen == [1, 31, 39, 1]
    qtbot.keyClick(episode.view, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)  # type: ignore[attr-defined]
    assert episode.view.current_row() == 39


def test_right_click_replace_then_undo(episode: MainWindow, qtbot: object) -> None:
    turn = episode.model.turn(1)
    offset = turn.text.index("Human Death")
    menu = episode.glossary.menu_for(1, offset)
    labels = [a.text() for a in menu.actions() if a.text()]
    assert labels == [
        "Replace with “Human Debt™”",
        "Add “Human Death” as a Variant",
        "Ignore Here",
        "Add to Glossary…",
    ]
    menu.actions()[0].trigger()
    assert "Human Debt™ Fighters" in texts(episode)[1]
    assert episode.glossary.panel.issues_table.rowCount() == 2
    episode.view.setFocus()
    qtbot.keyClick(episode.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # type: ignore[attr-defined]
    assert "Human Death Fighters" in texts(episode)[1]


def test_fix_all_is_one_undo_step(episode: MainWindow) -> None:
    before = texts(episode)
    episode.glossary.panel.fix_all.click()
    after = texts(episode)
    assert sum(a != b for a, b in zip(before, after, strict=True)) == 3
    assert episode.statusBar().currentMessage() == "Fixed 3 glossary issue(s)"
    episode.edits.runner.stack.undo()
    assert texts(episode) == before


def test_ignore_here_and_add_as_variant_are_remembered(episode: MainWindow) -> None:
    kpng = next(f for f in episode.glossary.state.issues() if f.hit.found == "KPNG")
    episode.glossary.ignore([kpng])
    assert [f.hit.found for f in episode.glossary.state.issues()] == ["Human Death", "human debt"]
    death = episode.glossary.state.issues()[0]
    episode.glossary.add_variant(death.hit)
    kinds = {f.hit.found: f.kind.value for f in episode.glossary.state.issues()}
    assert kinds == {"Human Death": "variant", "human debt": "style"}
    assert episode.store is not None
    path = episode.store.path
    episode.close_project()
    episode.open_project(path)
    assert [f.hit.found for f in episode.glossary.state.issues()] == ["Human Death", "human debt"]


def test_typing_updates_the_highlights_of_that_turn(episode: MainWindow) -> None:
    episode.edits.commit_text(episode.model.turn(0).id, "Our KPNG partner and Human Debt.")
    turn = episode.model.turn(0)
    kinds = [h.style for h in episode.glossary.state.highlights(turn)]
    assert kinds == ["glossary_suspect", "glossary_style"]


def test_pointing_at_text_finds_the_character(episode: MainWindow) -> None:
    view = episode.view
    view.show_row(1, select=True)
    rect = view.visualRect(episode.model.index(1))
    line = view.fontMetrics().height()
    point = QPoint(rect.left() + GUTTER + 1, rect.top() + PAD + line + 2 + line // 2)
    assert view.offset_at(point) == (1, 0)
    assert view.offset_at(QPoint(rect.left() + 5, rect.top() + 5)) == (1, None)  # the gutter


def test_glossary_changes_are_undone_with_ctrl_z(episode: MainWindow, qtbot: object) -> None:
    """Ignore here, add as variant and removing a term are each one undo step."""
    assert episode.store is not None
    before = [f.hit.found for f in episode.glossary.state.issues()]
    kpng = next(f for f in episode.glossary.state.issues() if f.hit.found == "KPNG")
    episode.glossary.ignore([kpng])
    death = next(f for f in episode.glossary.state.issues() if f.hit.found == "Human Death")
    episode.glossary.add_variant(death.hit)
    kpmg = next(t for t in episode.store.glossary.terms() if t.term == "KPMG")
    episode.glossary.remove_term(kpmg.id)
    assert episode.edits.runner.stack.undoText() == "Remove glossary term"
    episode.view.setFocus()
    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(episode.view, Qt.Key.Key_Z, ctrl)  # type: ignore[attr-defined]
    assert [t.term for t in episode.store.glossary.terms()] == ["Human Debt™", "KPMG"]
    assert episode.store.glossary.terms()[1].id == kpmg.id  # back under its own id
    qtbot.keyClick(episode.view, Qt.Key.Key_Z, ctrl)  # type: ignore[attr-defined]
    assert episode.store.glossary.terms()[0].variants == ()
    qtbot.keyClick(episode.view, Qt.Key.Key_Z, ctrl)  # type: ignore[attr-defined]
    assert [f.hit.found for f in episode.glossary.state.issues()] == before  # panel redrawn too
    table = episode.glossary.panel.terms_table
    assert [table.item(r, 0).text() for r in range(table.rowCount())] == ["Human Debt™", "KPMG"]
    qtbot.keyClick(episode.view, Qt.Key.Key_Y, ctrl)  # type: ignore[attr-defined]
    assert "KPNG" not in [f.hit.found for f in episode.glossary.state.issues()]


def test_a_refused_glossary_change_is_reported_and_not_on_the_stack(episode: MainWindow) -> None:
    depth = episode.edits.runner.stack.count()
    episode.glossary.add_term("   ")
    assert "cannot be empty" in episode.statusBar().currentMessage()
    assert episode.edits.runner.stack.count() == depth
