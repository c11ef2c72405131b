"""Clips: none past the end of the audio; the Cut Audio dialog proposes the clip's title."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from editor.core.errors import EditError
from editor.core.model import Clip
from editor.ui import notes_controller
from editor.ui.main_window import MainWindow


def test_a_clip_past_the_end_of_the_audio_is_refused(opened: MainWindow) -> None:
    store = opened.store
    assert store is not None
    link = store.media_link()
    assert link is not None and link.duration_ms
    with pytest.raises(EditError, match="after the end of the audio"):
        store.clips.add(Clip(0, 10_000, link.duration_ms + 60_000, title="Too long"))
    clip = store.clips.add(Clip(0, 10_000, link.duration_ms, title="To the end"))
    with pytest.raises(EditError, match="after the end of the audio"):
        store.clips.update(Clip(clip.id, 10_000, 240_000, title="Nudged out"))
    assert [c.end_ms for c in store.clips.all()] == [link.duration_ms]


def test_cut_audio_proposes_the_clips_title(
    opened: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert opened.store is not None
    clip = opened.store.clips.add(Clip(0, 2_000, 9_000, title="Why care matters"))
    proposed: list[str] = []

    def dialog(_parent: Any, _caption: str, suggested: str, _filter: str) -> tuple[str, str]:
        proposed.append(suggested)
        return "", ""

    monkeypatch.setattr(notes_controller.QFileDialog, "getSaveFileName", dialog)
    opened.notes.cut_dialog([clip.id])
    assert Path(proposed[0]).name == "Why care matters.mp3"
