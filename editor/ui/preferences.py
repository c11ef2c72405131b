"""Edit → Preferences (Ctrl+,): applies the user's choices at start and whenever they change.

The transcript's text size, the theme, rewind-on-resume and skip lengths, and the keyboard
shortcuts are kept in the settings (``Settings``) and applied to the window here: the list's
font, the application palette, the player and transport, and every action's keys (so the
menus and Help → Keyboard Shortcuts show the user's keys). Given the window's parts, the
settings, the player, the transport and the actions, not the window (issue 19).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication

from editor.ui import keymap, theme
from editor.ui.preferences_dialog import PreferencesDialog, PreferenceValues

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from editor.ui.collaborators import Collaborators
    from editor.ui.player_controller import PlayerController
    from editor.ui.settings import Settings
    from editor.ui.transport import TransportBar


class Preferences(QObject):
    def __init__(
        self,
        parts: Collaborators,
        settings: Settings,
        player: PlayerController,
        transport: TransportBar,
        actions: dict[str, QAction],  # every action by key: their keys are preferences
    ) -> None:
        super().__init__(parts.parent)
        self.parts, self.settings, self.player = parts, settings, player
        self.transport, self.actions = transport, actions
        self.dialog: PreferencesDialog | None = None
        actions["preferences"].triggered.connect(self.open_dialog)
        self.apply(
            PreferenceValues(
                font_size=settings.font_size() or self._system_size(),
                theme=settings.theme(),
                rewind_ms=settings.rewind_on_resume_ms(),
                skip_ms=settings.skip_ms(),
                keys=keymap.with_changes(settings.shortcuts()),
            ),
            store=False,
        )

    def current(self) -> PreferenceValues:
        return PreferenceValues(
            font_size=self.settings.font_size() or self._system_size(),
            theme=self.settings.theme(),
            rewind_ms=self.player.rewind_on_resume_ms,
            skip_ms=self.player.skip_ms,
            keys=keymap.current(self.actions),
        )

    def open_dialog(self) -> PreferencesDialog:
        """Show the dialog (window-modal, without blocking); OK applies and stores."""
        if self.dialog is not None:
            self.dialog.raise_()
            return self.dialog
        dialog = PreferencesDialog(self.current(), self.parts.parent)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self.apply(dialog.values()))
        dialog.finished.connect(lambda _result: self._closed(dialog))
        dialog.open()
        return dialog

    def _closed(self, dialog: PreferencesDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def apply(self, values: PreferenceValues, store: bool = True) -> None:
        settings = self.settings
        theme.apply_theme(values.theme)
        if values.font_size and values.font_size != self.parts.view.font().pointSizeF():
            self._set_font_size(values.font_size)
        self.player.rewind_on_resume_ms = values.rewind_ms
        self.player.skip_ms = values.skip_ms
        actions = self.actions
        keymap.apply(actions, values.keys)
        seconds = f"{values.skip_ms / 1000:g}"
        actions["back"].setText(f"&Back {seconds} Seconds")
        actions["forward"].setText(f"&Forward {seconds} Seconds")
        self.transport.set_skip(values.skip_ms, self._keys_text("back"), self._keys_text("forward"))
        if not store:
            return
        system = self._system_size()
        settings.set_font_size(0.0 if values.font_size == system else values.font_size)
        settings.set_theme(values.theme)
        settings.set_rewind_on_resume_ms(values.rewind_ms)
        settings.set_skip_ms(values.skip_ms)
        settings.set_shortcuts(keymap.changes_only(values.keys))
        settings.sync()
        self.parts.message("Preferences saved", 5000)

    def reset_zoom(self) -> None:
        """Ctrl+0: back to the text size chosen in Preferences (the system's if none)."""
        self._set_font_size(self.settings.font_size() or self._system_size())

    def _set_font_size(self, size: float) -> None:
        font = self.parts.view.font()
        font.setPointSizeF(size)
        self.parts.view.change_font(font)

    def _keys_text(self, key: str) -> str:
        return ", ".join(keymap.native(keymap.portable(s)) for s in self.actions[key].shortcuts())

    @staticmethod
    def _system_size() -> float:
        return QGuiApplication.font().pointSizeF()
