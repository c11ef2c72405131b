"""Desktop integration: the entry and metainfo validate, the icon comes in every size, and after
``packaging/install-desktop.sh`` the desktop recognises a project file (by name and by content)
and opens it with this app. Uses the freedesktop tools; a missing tool is a skip on a laptop and
a failure in CI.
"""

from __future__ import annotations

import configparser
import os
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from editor import APP_ID, __version__
from editor.core.project.store import ProjectStore
from tests.conftest import require_tool

ROOT = Path(__file__).resolve().parents[2]
DESKTOP = ROOT / "resources" / "desktop"
MIME_TYPE = "application/x-transcript-editor-project"
INSTALL = str(ROOT / "packaging" / "install-desktop.sh")


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(DESKTOP / f"{APP_ID}.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_validates_and_names_the_app() -> None:
    result = subprocess.run(
        [require_tool("desktop-file-validate"), str(DESKTOP / f"{APP_ID}.desktop")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0 and "error" not in result.stdout, result.stdout
    entry = _desktop_entry()
    assert entry["Icon"] == APP_ID
    assert entry["Exec"].split()[0] == "transcript-editor"  # the [project.scripts] launcher
    assert MIME_TYPE in entry["MimeType"].split(";")


def test_metainfo_validates_and_matches_the_app() -> None:
    path = DESKTOP / f"{APP_ID}.metainfo.xml"
    result = subprocess.run(
        [require_tool("appstreamcli"), "validate", "--no-net", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    root = ET.parse(path).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
    assert root.find("releases/release").get("version") == __version__  # type: ignore[union-attr]


def test_icon_in_every_usual_size() -> None:
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        png = ROOT / "resources" / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        header = png.read_bytes()[:24]
        assert header[:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">II", header[16:24]) == (size, size)


def test_installed_project_files_open_with_the_app(tmp_path: Path) -> None:
    gio = require_tool("gio")
    require_tool("update-mime-database")
    require_tool("update-desktop-database")
    prefix = tmp_path / "prefix"
    subprocess.run(
        # --exec: gio hides an entry whose command does not exist
        [INSTALL, "--prefix", str(prefix), "--exec", sys.executable],
        check=True,
        capture_output=True,
    )
    project = tmp_path / "episode.tep"
    ProjectStore.create(project, title="Episode").close()
    renamed = tmp_path / "episode-backup.bin"
    shutil.copy(project, renamed)
    env = {**os.environ, "XDG_DATA_HOME": str(prefix / "share")}

    def content_type(path: Path) -> str:
        out = subprocess.run(
            [gio, "info", "-a", "standard::content-type", str(path)],
            capture_output=True,
            text=True,
            check=True,
            env=env,
        ).stdout
        return out.rsplit("standard::content-type:", 1)[1].strip()

    assert content_type(project) == MIME_TYPE  # by its name
    assert content_type(renamed) == MIME_TYPE  # and by its content (application_id "TEP1")
    default = subprocess.run(
        [gio, "mime", MIME_TYPE], capture_output=True, text=True, check=True, env=env
    ).stdout
    assert f"Default application for “{MIME_TYPE}”: {APP_ID}.desktop" in default
    installed = (prefix / "share" / "applications" / f"{APP_ID}.desktop").read_text()
    assert f"Exec={sys.executable} %f" in installed


def test_the_app_writes_nothing_beside_the_code_or_the_working_folder(tmp_path: Path) -> None:
    """Settings, recent files and the demo go to the platform's places (here: a fake home)."""
    home, work = tmp_path / "home", tmp_path / "work"
    home.mkdir()
    work.mkdir()
    env = {key: value for key, value in os.environ.items() if not key.startswith("XDG_")} | {
        "HOME": str(home),
        "PYTHONPATH": str(ROOT),
        "QT_QPA_PLATFORM": "offscreen",
    }
    before = _code_files()
    result = subprocess.run(
        [sys.executable, "-m", "editor", "--demo", "--screenshot", "shot.png"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in work.iterdir()) == ["shot.png"]
    places = [
        home / ".config" / "transcript-editor",
        home / ".local" / "share" / "Transcript Editor",
    ]
    places += [home / ".cache" / "Transcript Editor", home / ".cache" / "transcript-editor"]
    written = [p for p in home.rglob("*") if p.is_file()]
    assert written and all(any(p.is_relative_to(place) for place in places) for p in written), [
        str(p.relative_to(home)) for p in written
    ]
    assert _code_files() == before


def _code_files() -> list[Path]:
    return sorted(
        p
        for folder in ("editor", "resources")
        for p in (ROOT / folder).rglob("*")
        if "__pycache__" not in p.parts
    )


def test_about_names_the_version() -> None:
    from editor.ui.dialogs import about_text

    text = about_text("libVLC 3.0")
    assert f"Transcript Editor {__version__}" in text and "libVLC 3.0" in text
