"""``clip video``: the shapes, refusals, Cancel and Ctrl+C (which leave no file behind)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from editor.core.audiogram.mp4 import VideoCancelled
from editor.core.audiogram.render import audiogram_job, make_audiogram
from editor.core.project.create import create_project
from editor.core.project.store import ProjectStore
from editor.demo import ensure_demo_project
from tests.cli.running import run
from tests.conftest import PATIENCE_S
from tests.media.audiogram_helpers import stream_facts

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def demo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    project = ensure_demo_project(tmp_path / "demo")
    assert run(capsys, "clip", "add", project, "--start", "20", "--end", "22")[0] == 0
    assert run(capsys, "clip", "add", project, "--start", "0", "--end", "160")[0] == 0
    return project


@pytest.mark.parametrize(
    ("shape", "size"), [("vertical", (1080, 1920)), ("landscape", (1920, 1080))]
)
def test_shapes(
    demo: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    shape: str,
    size: tuple[int, int],
) -> None:
    out = tmp_path / f"{shape}.mp4"
    code, printed, err = run(
        capsys, "clip", "video", demo, "--id", "1", "-o", out, "--shape", shape
    )
    assert code == 0, err
    assert f"wrote {out} (2.000 s, 50 frames, {shape})" in printed
    assert "100%" in err and "turn 2 has no word times" in err  # progress, and what was spread
    facts = stream_facts(out)
    assert facts["size"] == size and facts["frames"] == 50
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo", f"{shape}.mp4"]


def test_refusals_name_the_problem_and_write_nothing(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bare = tmp_path / "bare.tep"
    create_project(bare)
    assert run(capsys, "clip", "add", bare, "--start", "1", "--end", "3")[0] == 0
    cases = [
        (
            [demo, "--id", "1", "-o", tmp_path / "clip.avi"],
            "clip.avi: an audiogram is written as .mp4",
        ),
        ([demo, "--id", "7", "-o", tmp_path / "clip.mp4"], "no clip with id 7"),
        ([bare, "--id", "1", "-o", tmp_path / "clip.mp4"], "media file cannot be found"),
        ([demo, "--id", "1", "-o", tmp_path / "no" / "clip.mp4"], "its folder does not exist"),
    ]
    for args, message in cases:
        code, _, err = run(capsys, "clip", "video", *args)
        assert code == 2 and message in err and err.count("\n") == 1, err
    assert not list(tmp_path.glob("clip*")) and not list(tmp_path.glob(".clip*"))


def test_cancel_leaves_no_file(demo: Path, tmp_path: Path) -> None:
    from editor.media.audiogram import QtTextPainter, ensure_qt

    ensure_qt()
    with ProjectStore.open(demo, readonly=True) as store:
        job = audiogram_job(store, 2, "square")
    seen: list[float] = []
    target = tmp_path / "long.mp4"
    with pytest.raises(VideoCancelled):
        make_audiogram(
            job,
            QtTextPainter,
            target,
            progress=seen.append,
            cancelled=lambda: bool(seen) and seen[-1] > 0.1,
        )
    assert 0.1 < seen[-1] < 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo"]


def test_ctrl_c_leaves_no_file(demo: Path, tmp_path: Path) -> None:
    target = tmp_path / "long.mp4"
    command = [
        sys.executable,
        "-m",
        "editor",
        "clip",
        "video",
        str(demo),
        "--id",
        "2",
        "-o",
        str(target),
    ]
    process = subprocess.Popen(command, cwd=REPO, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL)
    assert process.stderr is not None
    os.set_blocking(process.stderr.fileno(), False)
    heard, deadline = b"", time.monotonic() + PATIENCE_S
    while b" 10%" not in heard and process.poll() is None and time.monotonic() < deadline:
        heard += process.stderr.read() or b""
        time.sleep(0.05)
    assert b" 10%" in heard, heard  # frames are being written: the temporary file exists
    assert list(tmp_path.glob(".long.mp4.*.part"))
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=PATIENCE_S) == 130
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo"]


def test_doctor_names_the_encoders_and_a_pyav_without_them_is_refused(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import av

    code, out, _ = run(capsys, "doctor")
    assert code == 0 and "clip videos: PyAV " in out and "with libx264 and aac" in out
    monkeypatch.setattr(av, "codecs_available", av.codecs_available - {"libx264"})
    code, out, _ = run(capsys, "doctor")
    assert "clip videos: no (PyAV " in out and "lacks libx264" in out
    code, _, err = run(capsys, "clip", "video", demo, "--id", "1", "-o", tmp_path / "x.mp4")
    assert code == 2 and "cannot make a video: PyAV" in err
    assert not list(tmp_path.glob("*.mp4")) and not list(tmp_path.glob(".*.part"))
