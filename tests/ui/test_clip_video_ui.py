"""Clips panel → Make Video…: the audiogram made in a worker, with Cancel (issue 21)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QInputDialog, QPushButton

from editor.core.model import Clip
from editor.core.project.store import ProjectStore
from editor.ui.clip_video import ClipVideoController
from editor.ui.main_window import MainWindow
from tests.conftest import PATIENCE_MS
from tests.media.audiogram_helpers import stream_facts
from tests.ui.bare import Parts, no_window, open_in


@pytest.fixture
def video(bare: Parts, demo_project: Path) -> Iterator[tuple[ClipVideoController, ProjectStore]]:
    controller = ClipVideoController(bare.parts)
    no_window(bare.parts)
    with ProjectStore.open(demo_project) as store:
        store.clips.add(Clip(0, 20_000, 22_000, "Short one"))
        store.clips.add(Clip(0, 0, 160_000, "The whole sample"))
        open_in(bare.parts, store)
        yield controller, store
        open_in(bare.parts, None)


def test_a_video_is_made_in_the_background(
    video: tuple[ClipVideoController, ProjectStore], bare: Parts, tmp_path: Path, qtbot: object
) -> None:
    controller, _ = video
    target = tmp_path / "short.mp4"
    worker = controller.make(1, "landscape", target, show_progress=False)
    assert worker is not None
    # Polled, not a waitSignal begun after start(): a short render may finish before it connects.
    qtbot.waitUntil(worker.isFinished, timeout=PATIENCE_MS)  # type: ignore[attr-defined]
    facts = stream_facts(target)
    assert facts["size"] == (1920, 1080) and facts["frames"] == 50
    qtbot.waitUntil(lambda: bare.parts.status_bar.currentMessage() != "", timeout=PATIENCE_MS)  # type: ignore[attr-defined]
    assert bare.parts.status_bar.currentMessage().startswith("Made short.mp4 (2.0 s) — turn 2")
    assert bare.errors == []


def test_cancel_stops_it_and_leaves_nothing(
    video: tuple[ClipVideoController, ProjectStore], bare: Parts, tmp_path: Path, qtbot: object
) -> None:
    controller, _ = video
    worker = controller.make(2, "square", tmp_path / "long.mp4", show_progress=False)
    assert worker is not None
    heard: list[int] = []
    worker.progressed.connect(heard.append)
    qtbot.waitUntil(lambda: any(p > 100 for p in heard), timeout=PATIENCE_MS)  # type: ignore[attr-defined]
    worker.cancelled = True  # what the progress dialog's Cancel does
    qtbot.waitUntil(worker.isFinished, timeout=PATIENCE_MS)  # type: ignore[attr-defined]
    assert max(heard) < 1000
    assert not list(tmp_path.glob("*.mp4")) and not list(tmp_path.glob(".*.part"))
    qtbot.waitUntil(  # type: ignore[attr-defined]
        lambda: bare.parts.status_bar.currentMessage() == "Video cancelled; nothing was written",
        timeout=PATIENCE_MS,
    )


def test_refusals_are_told(
    video: tuple[ClipVideoController, ProjectStore], bare: Parts, tmp_path: Path
) -> None:
    controller, _ = video
    assert controller.make(9, "square", tmp_path / "x.mp4", show_progress=False) is None
    controller.ask([])
    assert bare.errors == ["no clip with id 9", "Select the clip to make a video of."]


def test_the_clips_panel_button_asks_shape_and_file(
    opened: MainWindow, tmp_path: Path, qtbot: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened.view.select_row(2)
    clip = opened.notes.new_clip()
    assert clip is not None
    panel = opened.notes.clips_panel
    panel.table.selectRow(0)
    asked: list[list[str]] = []

    def get_item(*args: object) -> tuple[str, bool]:
        labels = args[3]
        assert isinstance(labels, list)
        asked.append(labels)
        return labels[1], True

    target = tmp_path / "clip"  # the extension is added
    monkeypatch.setattr(QInputDialog, "getItem", get_item)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    button = next(b for b in panel.findChildren(QPushButton) if b.text() == "Make Video…")
    button.click()
    assert asked == [["Square (1080×1080)", "Vertical (1080×1920)", "Landscape (1920×1080)"]]
    worker = opened.notes.video.worker
    assert worker is not None
    qtbot.waitUntil(worker.isFinished, timeout=PATIENCE_MS)  # type: ignore[attr-defined]
    facts = stream_facts(tmp_path / "clip.mp4")
    assert facts["size"] == (1080, 1920)
    assert abs(facts["video_s"] - clip.duration_ms / 1000) <= 1 / 25


def test_quitting_cancels_a_video_under_way(
    opened: MainWindow, tmp_path: Path, qtbot: object
) -> None:
    store = opened.store
    assert store is not None
    clip = opened.notes._step("clips", "New clip", lambda s: s.clips.add(Clip(0, 0, 160_000)))
    assert clip is not None
    worker = opened.notes.video.make(clip.id, "square", tmp_path / "long.mp4", show_progress=False)
    assert worker is not None
    heard: list[int] = []
    worker.progressed.connect(heard.append)
    qtbot.waitUntil(lambda: any(p > 100 for p in heard), timeout=PATIENCE_MS)  # type: ignore[attr-defined]
    opened.close()
    assert worker.isFinished()
    assert not list(tmp_path.glob("*.mp4")) and not list(tmp_path.glob(".*.part"))
