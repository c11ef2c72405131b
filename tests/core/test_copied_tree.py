"""A project and its media copied together to another folder tree (or another computer) open
with the media found: by the relative path first, then by the fingerprint."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from editor.core.project.info import project_info
from editor.core.project.store import ProjectStore
from tests.conftest import SAMPLE10_MP3


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A show's folder: the project in projects/, its media in audio/ (linked as ../audio/…)."""
    root = tmp_path / "Podcasts" / "show"
    (root / "projects").mkdir(parents=True)
    (root / "audio").mkdir()
    shutil.copy(SAMPLE10_MP3, root / "audio" / "episode 12.mp3")
    with ProjectStore.create(root / "projects" / "ep12.tep") as store:
        link = store.link_media(root / "audio" / "episode 12.mp3")
    assert link.relative_path == "../audio/episode 12.mp3"
    return root


def test_copied_tree_finds_its_own_copy_of_the_media(tree: Path, tmp_path: Path) -> None:
    copied = tmp_path / "other disk" / "Archive" / "2026" / "show"
    shutil.copytree(tree, copied)
    with ProjectStore.open(copied / "projects" / "ep12.tep") as store:
        # The original still exists at the linked absolute path: the relative path wins.
        assert store.media_path() == copied / "audio" / "episode 12.mp3"


def test_copied_to_another_computer_without_the_original(tree: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "another computer" / "home" / "bo" / "show"
    shutil.copytree(tree, elsewhere)
    shutil.rmtree(tree)  # the absolute path in the link leads nowhere there
    with ProjectStore.open(elsewhere / "projects" / "ep12.tep", readonly=True) as store:
        info = project_info(store)
    assert info["media"]["found"]
    assert info["media"]["resolved_path"] == str(elsewhere / "audio" / "episode 12.mp3")


def test_copied_with_the_media_renamed_beside_the_project(tree: Path, tmp_path: Path) -> None:
    """Sent as a pair, media renamed on the way: the fingerprint finds it beside the project."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(tree / "projects" / "ep12.tep", inbox / "ep12.tep")
    shutil.copy(tree / "audio" / "episode 12.mp3", inbox / "ep12-final-master.mp3")
    shutil.rmtree(tree)
    with ProjectStore.open(inbox / "ep12.tep", readonly=True) as store:
        assert store.media_path() == inbox / "ep12-final-master.mp3"
