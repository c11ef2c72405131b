"""The file commands and the snapshot restore given ``WindowCommands``, not a MainWindow
(issue 19): a small stand-in over the bare parts (``tests.ui.bare``) opens, settles, shows and
loads media as the window would, and records that it was asked."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from editor.core import ops
from editor.core.ops.bulk import BEFORE_REPLACE_ALL
from editor.core.project import snapshots
from editor.core.project.store import ProjectStore
from editor.core.search import SearchQuery
from editor.ui import file_commands, safety
from editor.ui.collaborators import Collaborators, WindowCommands
from editor.ui.settings import Settings
from tests.formats.conftest import CORPUS
from tests.ui.bare import Parts, no_window, open_in


class StandIn:
    """The window's commands over bare parts: what the file commands may ask of the window."""

    def __init__(self, parts: Collaborators, settings: Settings) -> None:
        self.parts, self.settings = parts, settings
        self.asked: list[str] = []

    def open_project(self, path: Path) -> bool:
        self.asked.append(f"open {path.name}")
        store = safety.open_store(self.parts, path)
        if store is None:
            return False
        self.close()
        open_in(self.parts, store)
        return True

    def close(self) -> None:
        store = self.parts.model.store
        open_in(self.parts, None)
        if store is not None:
            store.close()

    def settle(self) -> None:
        self.asked.append("settle")

    def show_store(self, store: ProjectStore) -> None:
        self.asked.append("show")
        open_in(self.parts, store)

    def load_media(self) -> None:
        self.asked.append("load media")


@pytest.fixture
def commands(bare: Parts, settings: Settings, demo_project: Path) -> Iterator[StandIn]:
    stand_in = StandIn(bare.parts, settings)
    window: WindowCommands = stand_in  # what the file commands are given
    assert window.open_project(demo_project)
    no_window(bare.parts)
    yield stand_in
    stand_in.close()


def test_a_transcript_is_imported_as_one_step_without_a_window(
    commands: StandIn, bare: Parts, monkeypatch: pytest.MonkeyPatch
) -> None:
    parts = commands.parts
    warned: list[object] = []
    monkeypatch.setattr(file_commands, "show_warnings", lambda parent, *_a: warned.append(parent))
    file_commands.take_transcript(commands, CORPUS / "otter.txt", replace=False)
    assert parts.model.rowCount() == 13
    assert warned == [parts.parent]  # the file's warnings are shown over the parent given
    assert parts.status_bar.currentMessage() == "Imported 3 turns from otter.txt."
    parts.runner.undo()
    assert parts.model.rowCount() == 10
    assert bare.errors == []


def test_export_save_copy_and_media_without_a_window(
    commands: StandIn, bare: Parts, tmp_path: Path
) -> None:
    parts = commands.parts
    out = tmp_path / "out.vtt"
    file_commands.export_to(commands, "vtt", out)
    assert out.read_text(encoding="utf-8").startswith("WEBVTT")
    assert parts.status_bar.currentMessage() == "Exported 10 turns to out.vtt."
    copy = tmp_path / "copy.tep"
    file_commands.save_copy(commands, copy)
    with ProjectStore.open(copy, readonly=True) as saved:
        assert len(saved.turns()) == 10
    archive = tmp_path / "archive"
    archive.mkdir()
    media = parts.model.store.media_path() if parts.model.store else None
    assert media is not None
    media.rename(archive / "renamed.mp3")
    assert file_commands.search_media_folder(commands, archive)  # found by its fingerprint
    assert commands.asked[-1] == "load media"
    assert parts.status_bar.currentMessage().startswith("Found the media: ")
    assert parts.runner.stack.count() == 1  # linking is a step of the history
    assert bare.errors == []


def test_a_snapshot_is_restored_without_a_window(commands: StandIn, bare: Parts) -> None:
    parts = commands.parts
    store = parts.model.store
    assert store is not None
    original = [t.text for t in parts.model.turns()]
    replaced = parts.runner.run(
        lambda s: ops.replace_all(s, SearchQuery("the"), "THE", None),
        snapshot=BEFORE_REPLACE_ALL,
    )
    assert replaced is not None and replaced.count > 3
    newest = snapshots.list_snapshots(store.path)[0]
    assert safety.restore(commands, newest.path)
    assert commands.asked[-2:] == ["settle", "show"]  # typing kept first, then shown again
    assert [t.text for t in parts.model.turns()] == original
    assert parts.status_bar.currentMessage().startswith("Restored the snapshot")
    assert bare.errors == []
