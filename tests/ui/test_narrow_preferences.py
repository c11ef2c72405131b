"""Preferences built without a MainWindow (issue 19): from the window's parts
(``tests.ui.bare``), the settings, a player on a fake backend, a transport bar and the actions;
what the dialog's OK applies takes effect and comes back at the next start."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from editor.ui import theme
from editor.ui.actions import build_actions
from editor.ui.player_controller import PlayerController
from editor.ui.preferences import Preferences
from editor.ui.settings import Settings
from editor.ui.transport import TransportBar
from tests.ui.bare import Parts, no_window
from tests.ui.fakes import FakePlayer


@pytest.fixture(autouse=True)
def system_look_afterwards() -> Iterator[None]:
    yield
    theme.apply_theme(theme.SYSTEM)


def _preferences(bare: Parts, settings: Settings) -> Preferences:
    parts = bare.parts
    player = PlayerController(FakePlayer(), parts.parent)
    return Preferences(parts, settings, player, TransportBar(), build_actions(parts.parent))


def test_preferences_apply_and_are_kept_without_a_window(bare: Parts, settings: Settings) -> None:
    parts = bare.parts
    preferences = _preferences(bare, settings)
    no_window(parts)
    preferences.actions["preferences"].trigger()  # Ctrl+, opens the dialog over the parent
    dialog = preferences.dialog
    assert dialog is not None and dialog.parentWidget() is parts.parent
    dialog.font_size.setValue(21)
    dialog.skip.setValue(12.5)
    dialog.accept()
    assert parts.view.font().pointSizeF() == 21
    assert preferences.player.skip_ms == 12_500
    assert preferences.actions["forward"].text() == "&Forward 12.5 Seconds"
    assert preferences.transport.forward.accessibleName() == "Forward 12.5 seconds"
    assert parts.status_bar.currentMessage() == "Preferences saved"
    font = parts.view.font()
    font.setPointSizeF(25)
    parts.view.change_font(font)  # zoomed in
    preferences.reset_zoom()  # Ctrl+0: back to the chosen size
    assert parts.view.font().pointSizeF() == 21
    assert (settings.font_size(), settings.skip_ms()) == (21, 12_500)
    again = _preferences(bare, settings)  # the next start applies what was kept
    assert again.player.skip_ms == 12_500
