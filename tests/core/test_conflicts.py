"""Conflict copies: recognised by name, compared turn by turn, changes taken as one undo step."""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from editor.core import ops
from editor.core.model import TranscriptTurn
from editor.core.ops.take import take_from_copy
from editor.core.project.conflicts import (
    Difference,
    Kind,
    compare,
    compare_files,
    conflict_tool,
    find_copies,
)
from editor.core.project.store import ProjectStore

PROJECT = Path("/shows/episode.tep")


@pytest.mark.parametrize(
    ("name", "tool"),
    [
        ("episode (conflicted copy 2026-12-01).tep", "Dropbox or Nextcloud"),
        ("episode (Ann's conflicted copy 2026-12-01).tep", "Dropbox or Nextcloud"),
        ("episode (Ann’s conflicted copy 2026-12-01 (1)).tep", "Dropbox or Nextcloud"),
        ("episode (conflicted copy 2026-12-01 101500).tep", "Dropbox or Nextcloud"),
        ("episode (1).tep", "Google Drive"),
        ("episode (12).tep", "Google Drive"),
        ("episode-DESKTOP-ABC.tep", "OneDrive"),
        ("episode-ANNS-LAPTOP.tep", "OneDrive"),
        ("episode.sync-conflict-20261201-101500-ABCDEFG.tep", "Syncthing"),
        ("episode_conflict-20261201-101500.tep", "ownCloud"),
        ("episode (SFConflict ann@example.com 2026-12-01-10-15-00).tep", "Seafile"),
    ],
)
def test_conflict_copy_names(name: str, tool: str) -> None:
    assert conflict_tool(PROJECT, PROJECT.with_name(name)) == tool


@pytest.mark.parametrize(
    "name",
    [
        "episode.tep",
        "episode (1).txt",
        "episode-final.tep",  # lower case: a name someone chose, not a computer's
        "episode-2.tep",
        "episode 2 (1).tep",
        "other (conflicted copy 2026-12-01).tep",
        "episode.tep-wal",
        "episode.sync-conflict-2026-ABC.tep",
    ],
)
def test_names_that_are_not_conflict_copies(name: str) -> None:
    assert conflict_tool(PROJECT, PROJECT.with_name(name)) is None


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def apart(tmp_path: Path) -> tuple[Path, Path]:
    """One project, copied, then edited apart: different turns changed in each, a turn deleted
    and one inserted in each (the two new turns get the same id)."""
    here = tmp_path / "episode.tep"
    with ProjectStore.create(here) as store:
        turns = [
            TranscriptTurn("Ann" if i % 2 else "Bo", f"Turn {i} as transcribed.", i * 10_000)
            for i in range(1, 7)
        ]
        ops.insert_turns(store, turns)
    copy = tmp_path / "episode (Bo's conflicted copy 2026-12-01).tep"
    shutil.copy(here, copy)
    with ProjectStore.open(here) as store:  # Ann's edits, here
        t = store.turns()
        ops.edit_text(store, t[0].id, "Turn 1 as Ann corrected it.")
        ops.delete_turns(store, [t[4].id])
        ops.insert_turns(store, [TranscriptTurn("Ann", "Ann added this at the end.")])
    with ProjectStore.open(copy) as store:  # Bo's edits, in the copy
        t = store.turns()
        ops.edit_text(store, t[1].id, "Turn 2 as Bo corrected it.")
        ops.set_speaker(store, [t[2].id], "Cy")
        ops.set_times(store, t[3].id, 41_000, 49_000)
        ops.mark_reviewed(store, [t[3].id], True)
        ops.delete_turns(store, [t[5].id])
        ops.insert_turns(store, [TranscriptTurn("Bo", "Bo inserted a reply.")], t[1].id)
    return here, copy


def _kinds(differences: list[Difference]) -> list[tuple[str, int | None, int | None]]:
    return [(d.kind.name, d.here_number, d.copy_number) for d in differences]


def test_found_beside_the_project(apart: tuple[Path, Path], tmp_path: Path) -> None:
    here, copy = apart
    (tmp_path / "episode (1).tep").write_text("not a project", encoding="utf-8")
    with ProjectStore.create(tmp_path / "episode-STUDIO.tep") as other, other.writing():
        # another project, created at another time (creation times are kept to the second)
        other.db.execute(
            "UPDATE meta SET value = '2020-01-01T00:00:00+00:00' WHERE key = ?", ["created_at"]
        )
    found = find_copies(here)
    assert [(c.path.name, c.tool) for c in found] == [(copy.name, "Dropbox or Nextcloud")]


def test_copies_edited_apart_compared_taken_and_undone(apart: tuple[Path, Path]) -> None:
    here, copy = apart
    copy_bytes = _sha(copy)
    with ProjectStore.open(here) as store:
        before = store.turns()
        differences = compare_files(store, copy)
        assert _kinds(differences) == [
            ("TEXT", 1, 1),  # Ann's correction (the copy has the old text)
            ("TEXT", 2, 2),  # Bo's correction
            ("ONLY_IN_COPY", None, 3),  # Bo's inserted reply
            ("SPEAKER", 3, 4),
            ("TIMES", 4, 5),
            ("REVIEWED", 4, 5),
            ("ONLY_IN_COPY", None, 6),  # turn 5, deleted here
            ("ONLY_HERE", 5, None),  # turn 6, deleted in the copy
            ("ONLY_HERE", 6, None),  # Ann's new turn: same id as Bo's, other text
        ]
        descriptions = [d.describe() for d in differences]
        assert "Turn 3: speaker Ann → Cy" in descriptions
        assert any("Bo inserted a reply" in d and "taking adds it" in d for d in descriptions)
        # Take Bo's work, keep Ann's.
        chosen = [differences[i] for i in (1, 2, 3, 4, 5, 7)]
        changes = take_from_copy(store, chosen)
        assert changes.count == 6
        after = store.turns()
        texts = [t.text for t in after]
        assert texts == [
            "Turn 1 as Ann corrected it.",
            "Turn 2 as Bo corrected it.",
            "Bo inserted a reply.",
            "Turn 3 as transcribed.",
            "Turn 4 as transcribed.",
            "Ann added this at the end.",
        ]
        cy = store.speaker_by_name("Cy")
        assert cy is not None and after[3].speaker_id == cy.id
        assert (after[4].start_ms, after[4].end_ms, after[4].reviewed) == (41_000, 49_000, True)
        remaining = compare_files(store, copy)
        assert _kinds(remaining) == [
            ("TEXT", 1, 1),
            ("ONLY_IN_COPY", None, 6),
            ("ONLY_HERE", 6, None),
        ]
        # One step: one undo puts everything back, one redo makes it again.
        undone = ops.undo(store, changes)
        assert store.turns() == before
        assert store.speaker_by_name("Cy") is None
        ops.redo(store, undone.inverted())
        assert [t.text for t in store.turns()] == texts
    assert _sha(copy) == copy_bytes  # the copy is only read


def test_taking_everything_makes_the_transcript_the_copy(apart: tuple[Path, Path]) -> None:
    here, copy = apart
    with ProjectStore.open(here) as store, ProjectStore.open(copy, readonly=True) as other:
        take_from_copy(store, compare(store, other))
        assert compare(store, other) == []

        def view(s: ProjectStore) -> list[tuple[object, ...]]:
            names = {sp.id: sp.name for sp in s.speakers()}
            return [
                (names.get(t.speaker_id or 0), t.text, t.start_ms, t.end_ms, t.reviewed)
                for t in s.turns()
            ]

        assert view(store) == view(other)


def test_a_turn_changed_since_the_comparison_is_refused(apart: tuple[Path, Path]) -> None:
    here, copy = apart
    with ProjectStore.open(here) as store:
        differences = compare_files(store, copy)
        gone = next(d for d in differences if d.kind is Kind.TEXT)
        assert gone.here is not None
        ops.delete_turns(store, [gone.here.id])
        with pytest.raises(Exception, match="was removed since the comparison"):
            take_from_copy(store, [gone])
        assert store.find_turn(gone.here.id) is None


def test_identical_projects_have_no_differences(tmp_path: Path) -> None:
    here = tmp_path / "episode.tep"
    with ProjectStore.create(here) as store:
        ops.insert_turns(store, [TranscriptTurn("Ann", "Hello.", 0, 900)])
    shutil.copy(here, tmp_path / "episode (1).tep")
    with ProjectStore.open(here, readonly=True) as store:
        assert compare_files(store, tmp_path / "episode (1).tep") == []
        turn = store.turns()[0]
        assert replace(turn) == turn
