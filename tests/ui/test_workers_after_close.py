"""A worker that finishes after its project was closed leaves the next project alone."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from editor.ui.main_window import MainWindow


def test_alignment_results_of_a_closed_project_are_dropped(
    opened: MainWindow, demo_project: Path, project_path: Path
) -> None:
    aligned = opened.store
    assert aligned is not None
    turn = opened.model.turn(0)
    results = {turn.id: (123_000, 124_000, 0.9)}  # a turn id the other project has too
    assert opened.open_project(project_path)
    other = opened.store
    assert other is not None and other.find_turn(turn.id) is not None
    before = other.turn(turn.id)
    opened.timing._apply_alignment(aligned, results)  # the worker's late answer
    assert other.turn(turn.id) == before
    assert "was not applied" in opened.statusBar().currentMessage()


def test_waveform_peaks_of_a_closed_project_are_not_cached_in_the_next(
    opened: MainWindow, project_path: Path
) -> None:
    from editor.core.waveform import load_cached

    first = opened.store
    assert first is not None
    assert opened.open_project(project_path)
    assert opened.store is not None
    opened.timing._waveform_ready(first, np.ones((10, 2), dtype=np.float32))
    assert load_cached(opened.store) is None
