"""Edit → Preferences: every setting changed through the dialog takes effect, is stored, and
comes back at the next start; a shortcut that clashes is refused with the reason."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget

from editor.ui import keymap, theme
from editor.ui.actions import shortcut_table
from editor.ui.main_window import MainWindow
from editor.ui.preferences_dialog import PreferencesDialog
from editor.ui.settings import Settings
from tests.conftest import PATIENCE_MS
from tests.ui.fakes import FakePlayer

CTRL, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier


@pytest.fixture(autouse=True)
def system_look_afterwards() -> Iterator[None]:
    yield
    theme.apply_theme(theme.SYSTEM)  # no test leaves the application dark


def open_preferences(window: MainWindow, qtbot: object) -> PreferencesDialog:
    window.activateWindow()  # back from an earlier dialog: shortcuts go to the active window
    qtbot.waitUntil(window.isActiveWindow, timeout=PATIENCE_MS)  # type: ignore[attr-defined]
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Comma, CTRL)  # type: ignore[attr-defined]
    dialog = window.preferences.dialog
    assert dialog is not None, "Ctrl+, opened no dialog"
    qtbot.waitExposed(dialog, timeout=PATIENCE_MS)  # type: ignore[attr-defined]
    return dialog


def press_ok(dialog: PreferencesDialog, qtbot: object) -> None:
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert not dialog.isVisible()
    window = dialog.parentWidget()
    assert window is not None
    window.activateWindow()  # the keys that follow go to the window, as after a real OK
    qtbot.waitUntil(window.isActiveWindow, timeout=PATIENCE_MS)  # type: ignore[attr-defined]


def press_keys(
    dialog: PreferencesDialog, qtbot: object, key: Qt.Key, mods: Qt.KeyboardModifier
) -> None:
    """As a keyboard does it: Ctrl goes down on its own first, then the key."""
    edit = dialog.primary
    edit.setFocus()
    if mods & CTRL:
        qtbot.keyPress(edit, Qt.Key.Key_Control, CTRL)  # type: ignore[attr-defined]
        QApplication.processEvents()
    qtbot.keyClick(edit, key, mods)  # type: ignore[attr-defined]
    if mods & CTRL:
        qtbot.keyRelease(edit, Qt.Key.Key_Control)  # type: ignore[attr-defined]
    QApplication.processEvents()


def restarted(settings: Settings, qtbot: object) -> MainWindow:
    again = MainWindow(FakePlayer(), settings)
    qtbot.addWidget(again)  # type: ignore[attr-defined]
    return again


def test_ctrl_comma_opens_preferences_and_every_control_is_named(
    opened: MainWindow, qtbot: object
) -> None:
    dialog = open_preferences(opened, qtbot)
    assert dialog.windowTitle() == "Preferences"
    assert "Preferences" in [a.text().replace("&", "").rstrip("…") for a in opened.actions()]
    for widget in dialog.findChildren(QWidget):
        if widget.focusPolicy() != Qt.FocusPolicy.NoFocus and widget.isVisibleTo(dialog):
            named = widget.accessibleName() or getattr(widget, "text", lambda: "")()
            assert named, f"{type(widget).__name__} has no accessible name"
    dialog.reject()


def test_the_text_size_applies_to_the_list_and_comes_back(
    opened: MainWindow, settings: Settings, qtbot: object
) -> None:
    dialog = open_preferences(opened, qtbot)
    dialog.font_size.setValue(21)
    press_ok(dialog, qtbot)
    assert opened.view.font().pointSizeF() == 21
    opened.zoom(1)
    assert opened.view.font().pointSizeF() == 22
    qtbot.keyClick(opened.view, Qt.Key.Key_0, CTRL)  # type: ignore[attr-defined]
    assert opened.view.font().pointSizeF() == 21  # Ctrl+0 goes back to the chosen size
    assert restarted(settings, qtbot).view.font().pointSizeF() == 21


def test_the_skip_length_is_what_alt_right_and_the_buttons_jump(
    opened: MainWindow, fake_player: FakePlayer, settings: Settings, qtbot: object
) -> None:
    dialog = open_preferences(opened, qtbot)
    dialog.skip.setValue(12.5)
    press_ok(dialog, qtbot)
    opened.player.seek(30_000)
    qtbot.keyClick(opened.view, Qt.Key.Key_Right, ALT)  # type: ignore[attr-defined]
    assert fake_player.seeks[-1] == 42_500
    qtbot.keyClick(opened.view, Qt.Key.Key_Left, ALT)  # type: ignore[attr-defined]
    assert fake_player.seeks[-1] == 30_000
    qtbot.mouseClick(opened.transport.forward, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert fake_player.seeks[-1] == 42_500
    assert opened.transport.forward.accessibleName() == "Forward 12.5 seconds"
    assert opened.action("back").text() == "&Back 12.5 Seconds"
    assert restarted(settings, qtbot).player.skip_ms == 12_500


def test_rewind_on_resume_is_set_and_kept(
    opened: MainWindow, settings: Settings, qtbot: object
) -> None:
    dialog = open_preferences(opened, qtbot)
    dialog.rewind.setCurrentIndex(dialog.rewind.findData(1500))
    press_ok(dialog, qtbot)
    assert opened.player.rewind_on_resume_ms == 1500
    assert restarted(settings, qtbot).player.rewind_on_resume_ms == 1500


def test_dark_light_and_system_themes(
    opened: MainWindow, settings: Settings, qtbot: object
) -> None:
    system_style = QApplication.style().name()
    dialog = open_preferences(opened, qtbot)
    dialog.theme.setCurrentIndex(dialog.theme.findData(theme.DARK))
    press_ok(dialog, qtbot)
    assert QApplication.style().name().lower() == "fusion"
    assert theme.is_dark(QApplication.palette())
    waveform = opened.timing.waveform
    qtbot.waitUntil(lambda: theme.is_dark(waveform.palette()), timeout=PATIENCE_MS)  # type: ignore[attr-defined]
    assert not opened.timing.waveform.grab().isNull()  # the ruler paints on the dark palette
    assert settings.theme() == theme.DARK
    dialog = open_preferences(opened, qtbot)
    dialog.theme.setCurrentIndex(dialog.theme.findData(theme.LIGHT))
    press_ok(dialog, qtbot)
    assert not theme.is_dark(QApplication.palette())
    dialog = open_preferences(opened, qtbot)
    dialog.theme.setCurrentIndex(dialog.theme.findData(theme.SYSTEM))
    press_ok(dialog, qtbot)
    assert QApplication.style().name() == system_style


def test_a_changed_shortcut_triggers_its_action_and_the_old_one_does_not(
    opened: MainWindow, settings: Settings, qtbot: object
) -> None:
    dialog = open_preferences(opened, qtbot)
    dialog.select("mark_reviewed")
    assert dialog.primary.keySequence() == QKeySequence("Ctrl+D")
    press_keys(dialog, qtbot, Qt.Key.Key_M, CTRL)
    assert dialog.keys["mark_reviewed"] == ("Ctrl+M",)
    press_ok(dialog, qtbot)
    opened.view.select_row(0)
    opened.view.setFocus()
    qtbot.keyClick(opened.view, Qt.Key.Key_M, CTRL)  # type: ignore[attr-defined]
    assert opened.model.turn(0).reviewed
    assert opened.view.current_row() == 1
    qtbot.keyClick(opened.view, Qt.Key.Key_D, CTRL)  # type: ignore[attr-defined]
    assert not opened.model.turn(1).reviewed  # Ctrl+D does nothing now
    assert settings.shortcuts() == {"mark_reviewed": ("Ctrl+M",)}
    rows = {command: keys for _menu, command, keys in shortcut_table(opened.actions_by_key)}
    assert rows["Mark Reviewed and Next"] == "Ctrl+M"  # what F1 lists
    again = restarted(settings, qtbot)
    assert again.action("mark_reviewed").shortcut() == QKeySequence("Ctrl+M")


def test_a_key_another_command_has_is_refused_with_a_clear_message(
    opened: MainWindow, settings: Settings, qtbot: object
) -> None:
    dialog = open_preferences(opened, qtbot)
    dialog.select("mark_reviewed")
    press_keys(dialog, qtbot, Qt.Key.Key_K, CTRL)  # New Clip from Selection's
    assert "Ctrl+K is already the shortcut of “New Clip from Selection (Edit)”" in (
        dialog.message.text()
    )
    assert dialog.keys["mark_reviewed"] == ("Ctrl+D",)
    assert dialog.primary.keySequence() == QKeySequence("Ctrl+D")
    press_keys(dialog, qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier)
    assert "typed as text" in dialog.message.text()
    press_ok(dialog, qtbot)
    assert opened.action("mark_reviewed").shortcut() == QKeySequence("Ctrl+D")
    assert opened.action("new_clip").shortcut() == QKeySequence("Ctrl+K")
    assert settings.shortcuts() == {}


def test_reset_to_default_and_reset_all(opened: MainWindow, qtbot: object) -> None:
    dialog = open_preferences(opened, qtbot)
    dialog.select("find")
    press_keys(dialog, qtbot, Qt.Key.Key_F12, Qt.KeyboardModifier.NoModifier)
    assert dialog.keys["find"] == ("F12",)
    dialog.select("replace")
    press_keys(dialog, qtbot, Qt.Key.Key_F, CTRL)  # free now that Find has F12
    assert dialog.keys["replace"] == ("Ctrl+F",)
    dialog.select("find")
    qtbot.mouseClick(dialog.reset_one, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert "Ctrl+F, is now the shortcut of “Find and Replace (Edit)”" in dialog.message.text()
    assert dialog.keys["find"] == ("F12",)
    dialog.select("copy")
    qtbot.mouseClick(dialog.clear, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert dialog.keys["copy"] == ()
    assert dialog.primary.keySequence().isEmpty()
    qtbot.mouseClick(dialog.reset_all, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert dialog.keys == keymap.DEFAULTS
    dialog.reject()


def test_cancel_changes_nothing(opened: MainWindow, settings: Settings, qtbot: object) -> None:
    size = opened.view.font().pointSizeF()
    dialog = open_preferences(opened, qtbot)
    dialog.font_size.setValue(size + 5)
    dialog.skip.setValue(20)
    dialog.select("undo")
    press_keys(dialog, qtbot, Qt.Key.Key_F12, Qt.KeyboardModifier.NoModifier)
    dialog.reject()
    assert opened.view.font().pointSizeF() == size
    assert opened.player.skip_ms == 5000
    assert opened.action("undo").shortcut() == QKeySequence("Ctrl+Z")
    assert settings.shortcuts() == {} and settings.skip_ms() == 5000


def test_stored_changes_are_only_the_differences_and_unknown_actions_are_dropped() -> None:
    keys = keymap.with_changes({"undo": ("F12",), "gone_action": ("Ctrl+M",)})
    assert "gone_action" not in keys and keys["undo"] == ("F12",)
    assert keymap.changes_only(keys) == {"undo": ("F12",)}
    assert keymap.changes_only(keymap.DEFAULTS) == {}
    assert keymap.check(keymap.DEFAULTS, "undo", "Ctrl+Return") is not None
    assert keymap.check(keymap.DEFAULTS, "undo", "F12") is None
    assert keymap.check(keymap.DEFAULTS, "undo", "Ctrl+Z") is None  # its own key
