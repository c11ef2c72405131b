"""The window's exports are written as the command line writes them (editor.core.output)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from editor.ui import file_commands
from editor.ui.main_window import MainWindow


def test_export_through_a_symlink_keeps_the_link(opened: MainWindow, tmp_path: Path) -> None:
    target = tmp_path / "real.vtt"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.vtt"
    link.symlink_to(target)
    file_commands.export_to(opened, "vtt", link)
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8").startswith("WEBVTT")


def test_export_gives_the_umask_mode_and_keeps_a_replaced_files(
    opened: MainWindow, tmp_path: Path
) -> None:
    old = os.umask(0o027)
    try:
        fresh = tmp_path / "fresh.vtt"
        file_commands.export_to(opened, "vtt", fresh)
        assert stat.S_IMODE(fresh.stat().st_mode) == 0o640
    finally:
        os.umask(old)
    kept = tmp_path / "kept.vtt"
    kept.write_text("old", encoding="utf-8")
    kept.chmod(0o604)
    file_commands.export_to(opened, "vtt", kept)
    assert stat.S_IMODE(kept.stat().st_mode) == 0o604


def test_export_to_a_fifo_writes_in_place(opened: MainWindow, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        file_commands.export_to(opened, "txt", fifo)
        data = os.read(reader, 1 << 20)
    finally:
        os.close(reader)
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert b":" in data


def test_the_status_bar_says_what_was_exported(opened: MainWindow, tmp_path: Path) -> None:
    file_commands.export_to(opened, "vtt", tmp_path / "t.vtt")
    assert opened.statusBar().currentMessage() == (
        f"Exported {opened.model.rowCount()} turns to t.vtt."
    )
    file_commands.export_to(opened, "chapters", tmp_path / "c.json")
    assert opened.statusBar().currentMessage() == (
        "Exported Podcasting 2.0 chapters (JSON) to c.json."
    )
