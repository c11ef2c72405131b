"""Where the bundled resources are: ``resources/`` in a checkout, ``editor/resources`` when
installed from a wheel or frozen into a bundle."""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def resources_dir() -> Path:
    candidates = [_PACKAGE / "resources", _PACKAGE.parent / "resources"]
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidates.insert(0, Path(frozen) / "editor" / "resources")
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("the application's resources folder is missing")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
