"""The user's keyboard shortcuts: defaults from ``actions.SPECS``, changes kept in the settings.

A key map is ``{action key: (key sequence, …)}`` in portable text ("Ctrl+D"). Only the actions
the user changed are stored; ``check`` says why a key cannot be given to an action (another
action has it, the editor needs it, or it would be typed as text) and ``None`` when it can.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from editor.ui.actions import SPECS, ActionSpec

KeyMap = dict[str, tuple[str, ...]]

DEFAULTS: KeyMap = {spec.key: spec.shortcuts for spec in SPECS}
SPEC_BY_KEY: dict[str, ActionSpec] = {spec.key: spec for spec in SPECS}

# Keys the turn editor and the list handle themselves, never through an action.
RESERVED = {
    "Ctrl+Return": "splitting the turn while editing",
    "Ctrl+Enter": "splitting the turn while editing",
    "Ctrl+V": "pasting while editing",
    "Ctrl+X": "cutting while editing",
    "Shift+Return": "a new line while editing",
}
_COMMAND_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


def portable(sequence: str | QKeySequence) -> str:
    return QKeySequence(sequence).toString(QKeySequence.SequenceFormat.PortableText)


def native(sequence: str) -> str:
    """How the key reads on this system ("Ctrl+D"; "⌘D" on macOS)."""
    return QKeySequence(sequence).toString(QKeySequence.SequenceFormat.NativeText)


def command_name(key: str) -> str:
    """ "Mark Reviewed and Next (Edit)": the action as the user sees it in the menus."""
    spec = SPEC_BY_KEY[key]
    menu = spec.menu.replace("/", " › ")
    return f"{spec.text.replace('&', '').rstrip('…')} ({menu})"


def with_changes(changed: Mapping[str, tuple[str, ...]]) -> KeyMap:
    """The whole key map: the defaults with the user's changes (unknown actions dropped)."""
    keys = dict(DEFAULTS)
    keys.update({key: tuple(v) for key, v in changed.items() if key in DEFAULTS})
    return keys


def changes_only(keys: Mapping[str, tuple[str, ...]]) -> KeyMap:
    """What to store: the actions whose keys differ from the defaults."""
    return {
        key: tuple(value)
        for key, value in keys.items()
        if key in DEFAULTS and [portable(k) for k in value] != [portable(k) for k in DEFAULTS[key]]
    }


def owner(keys: Mapping[str, tuple[str, ...]], sequence: str, but: str = "") -> str | None:
    """The action (other than ``but``) that already has ``sequence``."""
    wanted = portable(sequence)
    for key, value in keys.items():
        if key != but and any(portable(k) == wanted for k in value):
            return key
    return None


def check(keys: Mapping[str, tuple[str, ...]], action: str, sequence: str) -> str | None:
    """Why ``sequence`` cannot be a shortcut of ``action``, or ``None`` if it can."""
    seq = QKeySequence(sequence)
    if seq.isEmpty():
        return None
    shown = native(sequence)
    if seq.count() > 1:
        return f"{shown} is a sequence of several keys; use one key combination."
    reserved = RESERVED.get(portable(seq))
    if reserved is not None:
        return f"{shown} is kept for {reserved}. Choose another key."
    combination = seq[0]  # type: ignore[index]  # QKeySequence's stubs lack __getitem__
    # Function, media and launch keys follow the F keys in Qt's numbering; text, Enter, Tab,
    # arrows and the like come before them.
    special = combination.key().value >= Qt.Key.Key_F1.value
    if not combination.keyboardModifiers() & _COMMAND_MODIFIERS and not special:
        return (
            f"{shown} without Ctrl or Alt is typed as text or moves the cursor. "
            "Add Ctrl or Alt, or choose a function key."
        )
    other = owner(keys, sequence, but=action)
    if other is not None:
        return (
            f"{shown} is already the shortcut of “{command_name(other)}”. "
            "Nothing was changed: give that command another key first, or choose another key."
        )
    return None


def apply(actions: Mapping[str, QAction], keys: Mapping[str, tuple[str, ...]]) -> None:
    for key, value in keys.items():
        if key in actions:
            actions[key].setShortcuts([QKeySequence(k) for k in value])


def current(actions: Mapping[str, QAction]) -> KeyMap:
    """The keys the actions have now, in portable text."""
    return {
        key: tuple(portable(s) for s in action.shortcuts() if not s.isEmpty())
        for key, action in actions.items()
        if key in DEFAULTS
    }
