"""The audiogram's text drawn with Qt: ``QtTextPainter`` (QPainter on a QImage, no window).

Rendering from the command line needs a Qt application but no display: ``ensure_qt`` makes one
on the offscreen platform when none exists (the window's own is used when there is one).
"""

from __future__ import annotations

import os
import sys
from typing import Any

from editor.media.audiogram.painter import QtTextPainter

__all__ = ["QtTextPainter", "ensure_qt"]

_APP: list[Any] = []  # the application made here, kept alive for the process


def ensure_qt() -> None:
    """A Qt application for fonts and painting: the existing one, else an offscreen one."""
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415 - Qt only when drawing

    if QApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _APP.append(QApplication([sys.argv[0] if sys.argv else "transcript-editor"]))
