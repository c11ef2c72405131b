"""Clips, chapters and show notes built without a MainWindow (issue 19): the notes controller
from the window's parts (``tests.ui.bare``), a player on a fake backend and the glossary
controller, and still at work — each change one step of the history."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from editor.core.playback import PlaybackState
from editor.core.project.store import ProjectStore
from editor.ui.glossary_controller import GlossaryController
from editor.ui.notes_controller import NotesController
from editor.ui.player_controller import PlayerController
from tests.conftest import PATIENCE_MS
from tests.ui.bare import Parts, no_window, open_in
from tests.ui.fakes import FakePlayer
from tests.ui.test_notes_ui import PAGE


@dataclass
class Notes:
    notes: NotesController
    glossary: GlossaryController
    backend: FakePlayer
    store: ProjectStore


@pytest.fixture
def notes(bare: Parts, demo_project: Path) -> Iterator[Notes]:
    parts, backend = bare.parts, FakePlayer()
    player = PlayerController(backend, parts.parent)
    glossary = GlossaryController(parts)
    controller = NotesController(parts, player, glossary)
    no_window(parts)
    parts.runner.refreshers.update(  # what an undo redraws, as the window sets it
        glossary=glossary.reload,
        clips=controller.reload,
        chapters=controller.reload,
        episode=controller.reload,
    )
    with ProjectStore.open(demo_project) as store:
        open_in(parts, store)
        player.load(store.media_path())
        glossary.reload()
        controller.reload()
        yield Notes(controller, glossary, backend, store)
        open_in(parts, None)


def test_clips_and_chapters_without_a_window(
    notes: Notes, bare: Parts, tmp_path: Path, qtbot: object
) -> None:
    parts, controller, store, backend = bare.parts, notes.notes, notes.store, notes.backend
    parts.view.select_row(2)
    clip = controller.new_clip()
    assert clip is not None and store.clips.all() == [clip]
    assert parts.status_bar.currentMessage() == f"New clip: {clip.title}"
    assert controller.clips_panel.table.rowCount() == 1
    controller.clips_panel.play.emit(clip.id)
    assert backend.seeks[-1] == clip.start_ms and backend.state() == PlaybackState.PLAYING
    controller.clips_panel.nudge.emit(clip.id, "start", -100)
    assert store.clips.get(clip.id).start_ms == clip.start_ms - 100
    worker = controller.cut([(clip, tmp_path / "cut.wav")], show_progress=False)
    assert worker is not None
    qtbot.waitUntil(worker.isFinished, timeout=PATIENCE_MS)  # type: ignore[attr-defined]
    assert (tmp_path / "cut.wav").stat().st_size > 0
    controller.add_chapter(4, "The mandate")
    (chapter,) = store.chapters.all()
    assert chapter.start_ms == parts.model.turn(4).start_ms
    assert parts.runner.stack.undoText() == "New chapter"
    parts.runner.undo()
    assert store.chapters.all() == [] and controller.chapters_panel.table.rowCount() == 0
    parts.runner.undo()  # the nudge
    assert store.clips.get(clip.id).start_ms == clip.start_ms
    parts.view.clearSelection()
    assert controller.new_clip() is None  # nothing selected: refused, with the reason
    assert bare.errors == ["select the turns (or the words) to clip"]


def test_an_episode_page_is_imported_as_one_step_without_a_window(
    notes: Notes, bare: Parts
) -> None:
    parts, controller, glossary = bare.parts, notes.notes, notes.glossary
    assert controller.import_page(PAGE)
    panel = controller.notes_panel
    assert panel.title.text().startswith("The Secret Society")
    assert glossary.state.matcher.terms  # the page's terms joined the glossary
    assert parts.status_bar.currentMessage() == f"Imported the episode page {PAGE.name}"
    panel.summary.setPlainText("A shorter summary.")
    panel.flush()  # the form's typing: a step of its own
    assert notes.store.episode().summary == "A shorter summary."
    assert parts.runner.stack.undoText() == "Edit episode details"
    parts.runner.undo()
    assert parts.runner.stack.undoText() == "Import episode page"
    parts.runner.undo()
    assert not glossary.state.matcher.terms
    assert not panel.title.text().startswith("The Secret Society")
    assert bare.errors == []
