"""Every control of the window has a name a screen reader can read (issue 17)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTextEdit,
    QWidget,
)

from editor.ui.main_window import MainWindow

CONTROLS = (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
)


def _spoken_name(widget: QWidget, labelled: set[int]) -> str:
    if widget.accessibleName():
        return widget.accessibleName()
    if isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip("…× "):
        return widget.text()
    return "labelled" if id(widget) in labelled else ""


def _inner_parts(widget: QWidget) -> bool:
    # Parts Qt builds inside a control (a combo's line edit, a spin box's field, scroll bars of
    # a view, header sections): the control itself carries the name.
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox | QAbstractSpinBox | QAbstractItemView):
            return True
        parent = parent.parentWidget()
    if isinstance(widget, QScrollBar):
        return True  # every scroll area's own bars: read as "scroll bar" of their area
    return widget.objectName().startswith("qt_")


def _where(widget: QWidget) -> str:
    parent = widget.parentWidget()
    while parent is not None and not parent.objectName() and not parent.accessibleName():
        parent = parent.parentWidget()
    return (parent.objectName() or parent.accessibleName()) if parent is not None else "window"


def test_every_control_has_an_accessible_name(opened: MainWindow) -> None:
    for dock in (opened.glossary_dock, opened.clips_dock, opened.chapters_dock, opened.notes_dock):
        dock.raise_()
    opened.find_bar.open_bar(replace=True)
    labelled = {id(label.buddy()) for label in opened.findChildren(QLabel) if label.buddy()}
    nameless = [
        f"{type(w).__name__} {w.objectName()!r} in {_where(w)}"
        for w in opened.findChildren(QWidget)
        if isinstance(w, CONTROLS) and not _inner_parts(w) and not _spoken_name(w, labelled)
    ]
    assert not nameless, nameless
