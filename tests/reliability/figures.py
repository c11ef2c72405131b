"""Figures the reliability tests count as they run, printed at the end of the session.

``tests/conftest.py`` prints them in pytest's terminal summary, so a CI log shows how many kills
were survived, fuzz cases run and bad files tried, next to the pass/fail line.
"""

from __future__ import annotations

from collections import Counter

FIGURES: Counter[str] = Counter()


def count(name: str, amount: int = 1) -> None:
    FIGURES[name] += amount


def summary_lines() -> list[str]:
    return [f"{name}: {value:,}" for name, value in sorted(FIGURES.items())]
