"""Files that are not healthy projects: each is refused with a message naming it, by the core,
the command line (exit 2) and the window (a dialog), and its bytes are left exactly as they were.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import random
import sqlite3
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from editor.cli import main as cli_main
from editor.core.errors import ProjectError
from editor.core.project.lock import lock_path_for
from editor.core.project.store import ProjectStore
from tests.reliability.figures import count

Maker = Callable[[Path, Path], Path]  # (a healthy project, a folder) -> the bad file
# ruff: noqa: ARG005 - every maker takes both, most need only the folder


def _copy_with(project: Path, folder: Path, name: str, change: Callable[[bytes], bytes]) -> Path:
    with ProjectStore.open(project) as store:  # fold the WAL in, so the bytes are the project
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    target = folder / name
    target.write_bytes(change(project.read_bytes()))
    return target


def _sql(project: Path, folder: Path, name: str, *statements: str) -> Path:
    target = _copy_with(project, folder, name, lambda data: data)
    conn = sqlite3.connect(target)
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    return target


def _corrupt_pages(data: bytes) -> bytes:
    rng = random.Random(7)
    page = 4096
    damaged = bytearray(data)
    for start in range(page * 2, len(data) - page, page * 2):
        for offset in rng.sample(range(page), 64):
            damaged[start + offset] = rng.randrange(256)
    return bytes(damaged)


def _zip(folder: Path) -> Path:
    target = folder / "episode.zip.tep"
    with zipfile.ZipFile(target, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    return target


def _other_program(folder: Path) -> Path:
    target = folder / "photos.tep"
    conn = sqlite3.connect(target)
    conn.execute("CREATE TABLE photos (path TEXT)")
    conn.commit()
    conn.close()
    return target


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _mkdir(path: Path) -> Path:
    path.mkdir()
    return path


def _foreign_lock(project: Path, folder: Path) -> Path:
    target = _copy_with(project, folder, "locked.tep", lambda d: d)
    record = {"pid": 99, "host": "studio-mac", "user": "ann", "since": "2026-11-27T09:00:00"}
    lock_path_for(target).write_text(json.dumps(record))
    return target


BAD_FILES: dict[str, tuple[Maker, str]] = {
    "missing": (lambda p, f: f / "gone.tep", "no such project file"),
    "empty": (lambda p, f: _write(f / "empty.tep", b""), "is empty"),
    "folder": (lambda p, f: _mkdir(f / "folder.tep"), "is a folder"),
    "text transcript": (
        lambda p, f: _write(f / "t.tep", b"Thomas: Hello there.\n" * 50),
        "not an SQLite database",
    ),
    "png image": (
        lambda p, f: _write(f / "i.tep", b"\x89PNG\r\n\x1a\n" + bytes(2000)),
        "not an SQLite database",
    ),
    "random bytes": (
        lambda p, f: _write(f / "r.tep", random.Random(1).randbytes(65536)),
        "not an SQLite database",
    ),
    "zip renamed": (lambda p, f: _zip(f), "not an SQLite database"),
    "gzipped project": (
        lambda p, f: _write(f / "g.tep", gzip.compress(p.read_bytes())),
        "not an SQLite database",
    ),
    "another program's database": (lambda p, f: _other_program(f), "another program"),
    "header only": (
        lambda p, f: _copy_with(p, f, "h.tep", lambda d: d[:100]),
        "damaged|not a Transcript",
    ),
    "truncated to a third": (
        lambda p, f: _copy_with(p, f, "third.tep", lambda d: d[: len(d) // 3]),
        "damaged",
    ),
    "truncated mid-page": (
        lambda p, f: _copy_with(p, f, "mid.tep", lambda d: d[: len(d) - 5000]),
        "damaged",
    ),
    "corrupted pages": (lambda p, f: _copy_with(p, f, "c.tep", _corrupt_pages), "damaged"),
    "newer schema": (
        lambda p, f: _sql(
            p, f, "new.tep", "UPDATE meta SET value = '99' WHERE key = 'schema_version'"
        ),
        "newer version",
    ),
    "missing tables": (
        lambda p, f: _sql(p, f, "tables.tep", "DROP TABLE clips", "DROP TABLE chapters"),
        "tables chapters, clips are missing",
    ),
    "foreign lock": (_foreign_lock, "already open in ann on studio-mac"),
}


def _digest(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None


@pytest.fixture(params=sorted(BAD_FILES), ids=lambda name: name.replace(" ", "-"))
def bad_file(
    request: pytest.FixtureRequest, project_path: Path, tmp_path: Path
) -> tuple[Path, str]:
    maker, message = BAD_FILES[request.param]
    folder = tmp_path / "bad"
    folder.mkdir()
    return maker(project_path, folder), message


def test_the_core_refuses_it_and_leaves_it_untouched(bad_file: tuple[Path, str]) -> None:
    path, message = bad_file
    before, siblings = _digest(path), sorted(os.listdir(path.parent))
    with pytest.raises(ProjectError, match=message) as info:
        ProjectStore.open(path)
    assert str(path) in str(info.value)
    assert _digest(path) == before
    assert sorted(os.listdir(path.parent)) == siblings  # no -wal, -shm or lock left behind
    count("bad files refused by the core")


def test_the_command_line_exits_2_naming_the_file(
    bad_file: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    path, _message = bad_file
    before = _digest(path)
    assert cli_main(["replace", str(path), "debt", "credit"]) == 2
    error = capsys.readouterr().err
    assert str(path) in error and error.count("\n") == 1 and "Traceback" not in error
    assert _digest(path) == before
    count("bad files refused by the command line")


def test_the_window_shows_a_dialog_and_keeps_running(
    bad_file: tuple[Path, str], qtbot: object, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMessageBox

    from editor.ui import safety
    from editor.ui.main_window import MainWindow
    from editor.ui.settings import Settings
    from tests.ui.fakes import FakePlayer

    path, _message = bad_file
    before = _digest(path)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    monkeypatch.setattr(safety, "ask_fallback", lambda _w, text, take_over: shown.append(text))
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(FakePlayer(), settings)
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    assert not window.open_project(path)
    assert len(shown) == 1 and str(path) in shown[0]
    assert window.store is None
    assert _digest(path) == before
    count("bad files refused by the window")
