"""Sync tools' conflict copies of a project, and what differs between a copy and the project.

When two people edit the same project in a synced folder, the tool keeps one file under the
project's name and the other as a conflict copy beside it. ``find_copies`` names them by the
tools' patterns (and confirms each is a copy of the same project: same creation time).
``compare`` lists the differences turn by turn, by turn id (ids never change): text, speaker,
times and review marks of a turn in both, and turns only in one of them.

A turn keeps its id and its place (its sort key) for its whole life, but two copies that each
added a turn can give their new turns the same id: a pair with one id at two different places is
therefore shown as two turns, one only in each.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from editor.core.errors import ProjectError
from editor.core.model import Turn
from editor.core.project.file import connect_readonly
from editor.core.project.store import ProjectStore
from editor.core.timecode import format_clock

SUFFIX = ".tep"


def _patterns(stem: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    s = re.escape(stem)
    return (
        # Dropbox "(conflicted copy 2026-12-01)", "(Ann's conflicted copy …)"; Nextcloud
        # "(conflicted copy 2026-12-01 101500)" and "(conflicted copy Ann 2026-…)".
        ("Dropbox or Nextcloud", re.compile(rf"{s} \((?:[^()]*['’]s )?conflicted copy\b.*\)")),
        ("Syncthing", re.compile(rf"{s}\.sync-conflict-\d{{8}}-\d{{6}}-[A-Z0-9]{{7}}")),
        ("ownCloud", re.compile(rf"{s}_conflict-\d{{8}}-\d{{6}}")),
        ("Seafile", re.compile(rf"{s} \(SFConflict .+\)")),
        ("Google Drive", re.compile(rf"{s} \(\d{{1,3}}\)")),
        # OneDrive: "episode-DESKTOP-ABC" (name-COMPUTERNAME, upper case, up to 15 characters).
        ("OneDrive", re.compile(rf"{s}-(?=[A-Z0-9-]*[A-Z])[A-Z0-9][A-Z0-9-]{{1,14}}")),
    )


def conflict_tool(project: Path, candidate: Path) -> str | None:
    """The tool whose naming makes ``candidate`` a conflict copy of ``project``, if any."""
    if candidate.suffix.lower() != project.suffix.lower() or candidate.name == project.name:
        return None
    for tool, pattern in _patterns(project.stem):
        if pattern.fullmatch(candidate.stem):
            return tool
    return None


@dataclass(frozen=True)
class ConflictCopy:
    path: Path
    tool: str


def find_copies(project: Path, created_at: str | None = None) -> list[ConflictCopy]:
    """Conflict copies of ``project`` in its folder, by name; never raises. ``created_at`` is
    the project's own creation time, when the caller has it open (read from the file else)."""
    project = Path(project)
    try:
        entries = sorted(project.resolve().parent.iterdir())
    except OSError:
        return []
    created = created_at or _created_at(project)
    found = []
    for entry in entries:
        tool = conflict_tool(project, entry)
        if tool is None or not entry.is_file():
            continue
        theirs = _created_at(entry)
        if theirs is False or (created and theirs and theirs != created):
            continue  # not a project, or another project that happens to have such a name
        found.append(ConflictCopy(entry, tool))
    return found


def _created_at(path: Path) -> str | bool | None:
    """The project's creation time (``None`` if it has none); ``False`` if not a project."""
    try:
        conn = connect_readonly(path)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'created_at'").fetchone()
        finally:
            conn.close()
    except (sqlite3.Error, OSError):
        return False
    return str(row[0]) if row else None


class Kind(Enum):
    TEXT = "text"
    SPEAKER = "speaker"
    TIMES = "times"
    REVIEWED = "review mark"
    ONLY_IN_COPY = "only in the copy"
    ONLY_HERE = "only in this project"


@dataclass(frozen=True)
class Difference:
    """One difference; taking it makes the project like the copy in that respect."""

    kind: Kind
    here: Turn | None  # the turn in the open project (None: only in the copy)
    copy: Turn | None  # the turn in the copy (None: only in the project)
    here_number: int | None  # 1-based, as the window shows it
    copy_number: int | None
    here_speaker: str | None
    copy_speaker: str | None

    @property
    def sort_key(self) -> tuple[str, int]:
        turn = self.here if self.here is not None else self.copy
        assert turn is not None
        return turn.position, list(Kind).index(self.kind)

    def describe(self) -> str:
        here, copy = self.here, self.copy
        if self.kind is Kind.ONLY_IN_COPY:
            assert copy is not None
            return (
                f"Copy's turn {self.copy_number} ({self.copy_speaker or 'no speaker'}) is not "
                f"here: “{_short(copy.text)}” — taking adds it"
            )
        assert here is not None
        number = f"Turn {self.here_number}"
        if self.kind is Kind.ONLY_HERE:
            return (
                f"{number} ({self.here_speaker or 'no speaker'}) is not in the copy: "
                f"“{_short(here.text)}” — taking removes it"
            )
        assert copy is not None
        if self.kind is Kind.TEXT:
            return f"{number}: text “{_short(here.text)}” → “{_short(copy.text)}”"
        if self.kind is Kind.SPEAKER:
            return (
                f"{number}: speaker {self.here_speaker or 'none'} → {self.copy_speaker or 'none'}"
            )
        if self.kind is Kind.TIMES:
            return f"{number}: times {_times(here)} → {_times(copy)}"
        if copy.reviewed:
            return f"{number}: marked reviewed in the copy, not here"
        return f"{number}: marked reviewed here, not in the copy"


def _short(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _times(turn: Turn) -> str:
    if turn.start_ms is None:
        return "untimed"
    end = format_clock(turn.end_ms) if turn.end_ms is not None else "?"
    return f"{format_clock(turn.start_ms)}–{end}"


def _timing(turn: Turn) -> tuple[object, ...]:
    return turn.start_ms, turn.end_ms, turn.timing, turn.confidence


def _name(names: dict[int, str], turn: Turn) -> str | None:
    return names.get(turn.speaker_id) if turn.speaker_id is not None else None


def _content(names: dict[int, str], turn: Turn) -> tuple[object, ...]:
    return _name(names, turn), turn.text, turn.reviewed, *_timing(turn)


def same_turn(here: Turn, copy: Turn) -> bool:
    """One id, one turn: unless it is at two places (the id was given twice, once in each)."""
    return here.position == copy.position


def compare(here: ProjectStore, copy: ProjectStore) -> list[Difference]:
    """Every difference between the open project ``here`` and the conflict copy ``copy``."""
    here_turns, copy_turns = here.turns(), copy.turns()
    here_names = {s.id: s.name for s in here.speakers()}
    copy_names = {s.id: s.name for s in copy.speakers()}
    here_rows = {t.id: (n, t) for n, t in enumerate(here_turns, 1)}
    copy_rows = {t.id: (n, t) for n, t in enumerate(copy_turns, 1)}
    found: list[Difference] = []

    def add(kind: Kind, here_id: int | None, copy_id: int | None) -> None:
        h_number, h_turn = here_rows[here_id] if here_id is not None else (None, None)
        c_number, c_turn = copy_rows[copy_id] if copy_id is not None else (None, None)
        h_name = _name(here_names, h_turn) if h_turn else None
        c_name = _name(copy_names, c_turn) if c_turn else None
        found.append(Difference(kind, h_turn, c_turn, h_number, c_number, h_name, c_name))

    here_only: list[int] = []
    copy_only = [turn_id for turn_id in copy_rows if turn_id not in here_rows]
    for turn_id, (_, h) in here_rows.items():
        if turn_id not in copy_rows:
            here_only.append(turn_id)
            continue
        c = copy_rows[turn_id][1]
        if not same_turn(h, c):
            here_only.append(turn_id)
            copy_only.append(turn_id)
            continue
        if h.text != c.text:
            add(Kind.TEXT, turn_id, turn_id)
        if _name(here_names, h) != _name(copy_names, c):
            add(Kind.SPEAKER, turn_id, turn_id)
        if _timing(h) != _timing(c) or (h.text == c.text and h.words != c.words):
            add(Kind.TIMES, turn_id, turn_id)
        if h.reviewed != c.reviewed:
            add(Kind.REVIEWED, turn_id, turn_id)
    # A turn taken from a copy under a new id (its own was in use) is no longer a difference.
    for turn_id in copy_only:
        content = _content(copy_names, copy_rows[turn_id][1])
        twin = next(
            (i for i in here_only if _content(here_names, here_rows[i][1]) == content), None
        )
        if twin is None:
            add(Kind.ONLY_IN_COPY, None, turn_id)
        else:
            here_only.remove(twin)
    for turn_id in here_only:
        add(Kind.ONLY_HERE, turn_id, None)
    return sorted(found, key=lambda d: d.sort_key)


def compare_files(here: ProjectStore, copy_path: Path) -> list[Difference]:
    """``compare`` with a copy on disk, opened read-only (its bytes are never changed)."""
    try:
        with ProjectStore.open(copy_path, readonly=True) as copy:
            return compare(here, copy)
    except sqlite3.Error as error:
        raise ProjectError(copy_path, f"cannot be compared ({error})") from error
