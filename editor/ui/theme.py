"""Light, dark or the system's look: a Qt palette for the whole application.

"system" leaves the style and palette the platform gave (and restores them after another
choice); "light" and "dark" use the Fusion style, which draws every control from the palette,
so a dark palette gives dark controls on every platform.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

SYSTEM, LIGHT, DARK = "system", "light", "dark"
LABELS = {SYSTEM: "System", LIGHT: "Light", DARK: "Dark"}

_original: tuple[str, QPalette] | None = None  # the platform's style name and palette

_Role = QPalette.ColorRole
_DARK = {
    _Role.Window: "#2b2b2b",
    _Role.WindowText: "#e8e8e8",
    _Role.Base: "#1f1f1f",
    _Role.AlternateBase: "#2a2a2a",
    _Role.ToolTipBase: "#3a3a3a",
    _Role.ToolTipText: "#f0f0f0",
    _Role.PlaceholderText: "#9a9a9a",
    _Role.Text: "#e8e8e8",
    _Role.Button: "#363636",
    _Role.ButtonText: "#e8e8e8",
    _Role.BrightText: "#ff6b6b",
    _Role.Light: "#4a4a4a",
    _Role.Midlight: "#404040",
    _Role.Mid: "#7a7a7a",
    _Role.Dark: "#1a1a1a",
    _Role.Shadow: "#000000",
    _Role.Highlight: "#3d6fd1",
    _Role.HighlightedText: "#ffffff",
    _Role.Link: "#7cb3ff",
    _Role.LinkVisited: "#c49cff",
    _Role.Accent: "#5b9bff",
}
_DARK_DISABLED = {
    _Role.WindowText: "#7f7f7f",
    _Role.Text: "#7f7f7f",
    _Role.ButtonText: "#7f7f7f",
    _Role.Highlight: "#4a4a4a",
    _Role.HighlightedText: "#9a9a9a",
}


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, color in _DARK.items():
        palette.setColor(role, QColor(color))
    for role, color in _DARK_DISABLED.items():
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(color))
    return palette


def apply_theme(name: str) -> None:
    """Give the application the look ``name`` (one of SYSTEM, LIGHT, DARK)."""
    global _original  # noqa: PLW0603 - the platform's look, captured once per process
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    if _original is None:
        if name == SYSTEM:
            return  # nothing was changed: leave the platform's look alone
        _original = (app.style().name(), QPalette(QGuiApplication.palette()))
    if name == SYSTEM:
        QApplication.setStyle(_original[0])
        QApplication.setPalette(_original[1])
        return
    QApplication.setStyle("Fusion")
    style = app.style()
    QApplication.setPalette(dark_palette() if name == DARK else style.standardPalette())


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128
