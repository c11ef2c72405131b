"""The media link: relative path, fingerprint, and finding the file again after a move."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from editor.core.errors import InputError
from editor.core.project.media_link import fingerprint
from editor.core.project.store import ProjectStore
from tests.conftest import SAMPLE10_MP3


@pytest.fixture
def linked(tmp_path: Path) -> Path:
    folder = tmp_path / "show"
    folder.mkdir()
    shutil.copy(SAMPLE10_MP3, folder / "episode.mp3")
    with ProjectStore.create(folder / "ep.tep") as store:
        store.link_media(folder / "episode.mp3")
    return folder / "ep.tep"


def test_link_is_relative_with_fingerprint_and_duration(linked: Path) -> None:
    with ProjectStore.open(linked, readonly=True) as store:
        link = store.media_link()
        assert link is not None
        assert link.relative_path == "episode.mp3"
        assert (link.size, link.head_sha256) == fingerprint(linked.parent / "episode.mp3")
        assert link.duration_ms is not None and abs(link.duration_ms - 168_807) < 300
        assert store.media_path() == linked.parent / "episode.mp3"


def test_found_after_the_whole_folder_moves(linked: Path, tmp_path: Path) -> None:
    moved = tmp_path / "moved"
    linked.parent.rename(moved)
    with ProjectStore.open(moved / "ep.tep", readonly=True) as store:
        assert store.media_path() == moved / "episode.mp3"


def test_found_by_fingerprint_after_a_rename(linked: Path) -> None:
    (linked.parent / "episode.mp3").rename(linked.parent / "renamed.mp3")
    with ProjectStore.open(linked, readonly=True) as store:
        assert store.media_path() == linked.parent / "renamed.mp3"


def test_a_different_file_with_the_old_name_is_not_taken(linked: Path) -> None:
    media = linked.parent / "episode.mp3"
    media.write_bytes(b"not the same audio")
    with ProjectStore.open(linked, readonly=True) as store:
        assert store.media_path() is None


def test_search_folder_finds_it(linked: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "archive"
    elsewhere.mkdir()
    (linked.parent / "episode.mp3").rename(elsewhere / "ep-final.mp3")
    with ProjectStore.open(linked, readonly=True) as store:
        assert store.media_path() is None
        assert store.media_path((elsewhere,)) == elsewhere / "ep-final.mp3"


def test_missing_media_is_refused(tmp_path: Path) -> None:
    with ProjectStore.create(tmp_path / "p.tep") as store, pytest.raises(InputError):
        store.link_media(tmp_path / "none.mp3")
