"""User preferences in the platform's place (QSettings): window layout, recent files, playback.

Project data never lives here; only how the user likes the app.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 10
REWIND_CHOICES_MS = (0, 1000, 1500, 2000)
DEFAULT_SKIP_MS = 5000
SKIP_RANGE_MS = (500, 60_000)
FONT_RANGE_PT = (7.0, 32.0)
THEMES = ("system", "light", "dark")


class Settings:
    def __init__(self, backing: QSettings | None = None) -> None:
        self._q = backing or QSettings()

    def _get(self, key: str, default: object, kind: type) -> object:
        return self._q.value(key, default, type=kind)

    # -- window --------------------------------------------------------------------------------

    def geometry(self) -> QByteArray | None:
        value = self._q.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, value: QByteArray) -> None:
        self._q.setValue("window/geometry", value)

    def window_state(self) -> QByteArray | None:
        value = self._q.value("window/state")
        return value if isinstance(value, QByteArray) else None

    def set_window_state(self, value: QByteArray) -> None:
        self._q.setValue("window/state", value)

    def splitter(self) -> QByteArray | None:
        value = self._q.value("window/splitter")
        return value if isinstance(value, QByteArray) else None

    def set_splitter(self, value: QByteArray) -> None:
        self._q.setValue("window/splitter", value)

    # -- files ---------------------------------------------------------------------------------

    def recent_files(self) -> list[str]:
        value = self._q.value("files/recent", [])
        items: list[object] = (
            [value] if isinstance(value, str) else list(value) if isinstance(value, list) else []
        )
        return [str(item) for item in items if item]

    def add_recent_file(self, path: Path) -> None:
        entry = str(path.resolve())
        items = [entry, *(p for p in self.recent_files() if p != entry)][:MAX_RECENT]
        self._q.setValue("files/recent", items)

    def last_folder(self) -> str:
        return str(self._get("files/last_folder", str(Path.home()), str))

    def set_last_folder(self, folder: Path) -> None:
        self._q.setValue("files/last_folder", str(folder))

    def publish_base_url(self) -> str:
        """The address File → Publish… last linked the files by (the feed's media folder)."""
        return str(self._get("files/publish_base_url", "", str))

    def set_publish_base_url(self, url: str) -> None:
        self._q.setValue("files/publish_base_url", url)

    # -- playback ------------------------------------------------------------------------------

    def player_backend(self) -> str:
        return str(self._get("playback/backend", "auto", str))

    def set_player_backend(self, name: str) -> None:
        self._q.setValue("playback/backend", name)

    def rewind_on_resume_ms(self) -> int:
        value = int(self._get("playback/rewind_on_resume_ms", 0, int))  # type: ignore[call-overload]
        return value if value in REWIND_CHOICES_MS else 0

    def set_rewind_on_resume_ms(self, value: int) -> None:
        self._q.setValue("playback/rewind_on_resume_ms", value)

    def skip_ms(self) -> int:
        """How far Alt+Left / Alt+Right jump (Preferences)."""
        value = int(self._get("playback/skip_ms", DEFAULT_SKIP_MS, int))  # type: ignore[call-overload]
        return value if SKIP_RANGE_MS[0] <= value <= SKIP_RANGE_MS[1] else DEFAULT_SKIP_MS

    def set_skip_ms(self, value: int) -> None:
        self._q.setValue("playback/skip_ms", value)

    # -- preferences: look and keys ------------------------------------------------------------

    def font_size(self) -> float:
        """The transcript's text size in points; 0 for the system's."""
        value = float(self._get("view/font_size", 0.0, float))  # type: ignore[arg-type]
        return value if FONT_RANGE_PT[0] <= value <= FONT_RANGE_PT[1] else 0.0

    def set_font_size(self, value: float) -> None:
        self._q.setValue("view/font_size", value)

    def theme(self) -> str:
        value = str(self._get("view/theme", "system", str))
        return value if value in THEMES else "system"

    def set_theme(self, value: str) -> None:
        self._q.setValue("view/theme", value)

    def shortcuts(self) -> dict[str, tuple[str, ...]]:
        """The user's keys for the actions they changed (by action key); () for none."""
        self._q.beginGroup("shortcuts")
        try:
            found = {key: str(self._q.value(key, "", type=str)) for key in self._q.childKeys()}
        finally:
            self._q.endGroup()
        return {key: tuple(k for k in text.split("\n") if k) for key, text in found.items()}

    def set_shortcuts(self, changed: dict[str, tuple[str, ...]]) -> None:
        self._q.remove("shortcuts")
        for key, keys in changed.items():
            self._q.setValue(f"shortcuts/{key}", "\n".join(keys))

    def rate(self) -> float:
        return float(self._get("playback/rate", 1.0, float))  # type: ignore[arg-type]

    def set_rate(self, value: float) -> None:
        self._q.setValue("playback/rate", value)

    def follow(self) -> bool:
        return bool(self._get("view/follow", True, bool))

    def set_follow(self, value: bool) -> None:
        self._q.setValue("view/follow", value)

    def spell_check(self) -> bool:
        return bool(self._get("edit/spell_check", True, bool))

    def set_spell_check(self, value: bool) -> None:
        self._q.setValue("edit/spell_check", value)

    def sync(self) -> None:
        self._q.sync()
