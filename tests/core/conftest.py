"""Fixtures for the core's tests."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from editor.core.align.acoustic.stretches import Planner, Stretch


@pytest.fixture
def planned(monkeypatch: pytest.MonkeyPatch) -> list[Stretch]:
    """Every stretch the alignment planner gives during the test, in order (the plan is made
    in this process; workers only align)."""
    found: list[Stretch] = []
    original = Planner.stretches

    def recorded(self: Planner, cancelled: Callable[[], bool] = lambda: False) -> Iterator[Stretch]:
        for stretch in original(self, cancelled):
            found.append(stretch)
            yield stretch

    monkeypatch.setattr(Planner, "stretches", recorded)
    return found
