"""Exports behave like files: ``-o -`` is standard output, links and devices are written through,
modes follow the umask, regular files are replaced atomically, a closed pipe ends quietly."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from editor.cli import main
from editor.core.errors import EditorError
from editor.core.output import write_output
from tests.conftest import EPISODE_TRANSCRIPT

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "ep.tep"
    assert main(["new", str(path), "--transcript", str(EPISODE_TRANSCRIPT)]) == 0
    return path


@pytest.fixture
def umask() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def _cli(
    *args: str | Path, stdout: int | None = subprocess.PIPE
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "editor", *map(str, args)],
        cwd=REPO,
        stdout=stdout,
        stderr=subprocess.PIPE,
        timeout=120,
        check=False,
    )


def test_dash_is_standard_output(
    project: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    capsys.readouterr()
    assert main(["export", str(project), "--format", "txt", "-o", "-"]) == 0
    assert capsys.readouterr().out.startswith("Alessandria Polizzi:")
    assert not (tmp_path / "-").exists()
    docx = _cli("export", project, "--format", "docx", "-o", "-")  # binary, but asked for
    assert docx.returncode == 0 and docx.stdout.startswith(b"PK")


def test_a_symlink_is_written_through_and_stays_a_link(project: Path, tmp_path: Path) -> None:
    target = tmp_path / "real.srt"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    link = tmp_path / "link.srt"
    link.symlink_to(target.name)
    assert main(["export", str(project), "-o", str(link)]) == 0
    assert link.is_symlink() and os.readlink(link) == target.name
    assert target.read_text(encoding="utf-8").startswith("1\n00:00:00,000 --> ")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640  # a replaced file keeps its mode
    dangling = tmp_path / "dangling.vtt"
    dangling.symlink_to("made-by-export.vtt")
    assert main(["export", str(project), "-o", str(dangling)]) == 0
    assert dangling.is_symlink() and (tmp_path / "made-by-export.vtt").read_text().startswith(
        "WEBVTT"
    )
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_new_files_get_the_mode_the_umask_gives(
    project: Path, tmp_path: Path, umask: None, mask: int, mode: int
) -> None:
    os.umask(mask)
    for args in (["--format", "txt"], ["--format", "chapters"]):
        out = tmp_path / f"out-{args[1]}"
        assert main(["export", str(project), *args, "-o", str(out)]) == 0
        assert stat.S_IMODE(out.stat().st_mode) == mode
    csv = tmp_path / "terms.csv"
    assert main(["glossary", "export", str(project), str(csv)]) == 0
    assert stat.S_IMODE(csv.stat().st_mode) == mode


def test_regular_files_are_replaced_atomically(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "ep.txt"
    out.write_text("old\n", encoding="utf-8")
    before = out.stat().st_ino
    assert main(["export", str(project), "-o", str(out)]) == 0
    assert out.stat().st_ino != before  # a new file renamed over the old one
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".ep.txt.")]


def test_a_fifo_is_written_in_place(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    write_output(fifo, b"through the pipe\n", sys.stdout.buffer)
    reader.join(timeout=60)
    assert received == [b"through the pipe\n"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_dev_null_and_a_folder(tmp_path: Path) -> None:
    write_output("/dev/null", b"nothing", sys.stdout.buffer)
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    with pytest.raises(EditorError, match="is a folder"):
        write_output(tmp_path, b"x", sys.stdout.buffer)


@pytest.mark.parametrize("name", ["/dev/stdout", "link-to-dev-stdout", "link-to-proc-fd"])
def test_dev_stdout_is_written_through_never_replaced(
    project: Path, tmp_path: Path, name: str
) -> None:
    (tmp_path / "link-to-dev-stdout").symlink_to("/dev/stdout")
    (tmp_path / "link-to-proc-fd").symlink_to("/proc/self/fd/1")
    destination = name if name.startswith("/") else str(tmp_path / name)
    try:
        done = _cli("export", project, "--format", "txt", "-o", destination)
        assert done.returncode == 0, done.stderr
        assert done.stdout.startswith(b"Alessandria Polizzi:")
        to_file = tmp_path / "redirected.txt"
        with to_file.open("wb") as handle:
            assert (
                _cli(
                    "export", project, "--format", "txt", "-o", destination, stdout=handle.fileno()
                ).returncode
                == 0
            )
        assert to_file.read_bytes() == done.stdout
    finally:
        if not os.path.islink("/dev/stdout"):  # never leave the machine without it
            Path("/dev/stdout").unlink(missing_ok=True)
            os.symlink("/proc/self/fd/1", "/dev/stdout")
    assert os.readlink("/dev/stdout") == "/proc/self/fd/1"


def test_a_closed_pipe_ends_quietly(project: Path, tmp_path: Path) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = _cli("info", project, stdout=write_end)
    finally:
        os.close(write_end)
    assert done.returncode == 141
    assert done.stderr == b""
    many = tmp_path / "many.txt"
    many.write_text("".join(f"Host:\n\nLine {i} of a long transcript.\n\n" for i in range(6000)))
    big = tmp_path / "big.tep"
    assert main(["new", str(big), "--transcript", str(many)]) == 0
    reader = subprocess.Popen(
        [sys.executable, "-m", "editor", "export", str(big), "--format", "txt"],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert reader.stdout is not None and reader.stderr is not None
    reader.stdout.read(100)
    reader.stdout.close()  # as `head -c 100` does
    error = reader.stderr.read()
    assert reader.wait(timeout=120) == 141
    assert b"Traceback" not in error and b"BrokenPipe" not in error


def test_a_read_only_file_is_not_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "locked.txt"
    target.write_text("keep\n", encoding="utf-8")
    target.chmod(0o444)
    if os.geteuid() == 0:  # root may write anything: play an ordinary user's answer
        monkeypatch.setattr(os, "access", lambda path, _mode: Path(path) != target)
    with pytest.raises(EditorError, match=r"locked\.txt: the file is read-only"):
        write_output(target, b"new", sys.stdout.buffer)
    assert target.read_text(encoding="utf-8") == "keep\n"
