"""Drive the real window from outside through the accessibility tree, as a person would.

Run by the system Python (pyatspi is a PyGObject module, not installable in a venv) inside
``dbus-run-session``, by ``run_journey.py``. A ``Driver`` starts its own Xvfb and accessibility
bus, starts the app, finds controls by role and name, clicks where the tree says they are and
types with xdotool, and takes screenshots. Standard library and pyatspi only.

Searches never walk the whole tree (calls into a busy app take long, and a walk of every widget
hung under load): they ask the tree's Collection interface for one role, from the app's root or a
given branch, and the open turn editor, which Qt does not list among the list's children, is found
as a screen reader finds it, by the focus event it sends. Every wait is for a state of the tree or
of a file, bounded by ``PATIENCE_S``; the 50 ms poll in between lets the app work.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

PATIENCE_S = 60.0  # only a hung app takes this long
POLL_S = 0.05


class JourneyError(Exception):
    """What the journey waited for and never saw."""


class Driver:
    """One Xvfb, one accessibility bus and one app for the life of this process."""

    def __init__(self, shots: Path, app: list[str], stderr: Path) -> None:
        self.shots = shots
        self.shots.mkdir(parents=True, exist_ok=True)
        self.seen: dict[str, Any] = {"shots": []}
        self.xvfb, self.display = _start_xvfb()
        self.env = {**os.environ, "DISPLAY": self.display}
        self.bus = subprocess.Popen(
            ["/usr/libexec/at-spi-bus-launcher", "--launch-immediately"],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        from gi.repository import Gio, GLib

        session = Gio.bus_get_sync(Gio.BusType.SESSION, None)

        def bus_is_up() -> bool:
            reply = session.call_sync(
                "org.freedesktop.DBus",
                "/org/freedesktop/DBus",
                "org.freedesktop.DBus",
                "NameHasOwner",
                GLib.Variant("(s)", ("org.a11y.Bus",)),
                None,
                Gio.DBusCallFlags.NONE,
                -1,
                None,
            )
            return bool(reply.unpack()[0])

        self.context = GLib.MainContext.default()
        self.until(bus_is_up, "the accessibility bus")
        import pyatspi  # binds to the bus above, for good

        self.atspi = pyatspi
        self.focused: Any = None
        pyatspi.Registry.registerEventListener(self._on_focus, "object:state-changed:focused")
        app_env = {**self.env, "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1", "QT_QPA_PLATFORM": "xcb"}
        self.stderr = stderr.open("w", encoding="utf-8")
        self.app = subprocess.Popen(
            app, env=app_env, stdout=subprocess.DEVNULL, stderr=self.stderr, text=True
        )
        self.root = self.until(self._app_root, "the app in the accessibility tree")
        self.window = self.find("frame")

    # -- waiting -------------------------------------------------------------------------------

    def until(self, condition: Callable[[], Any], what: str, timeout: float = PATIENCE_S) -> Any:
        """``condition()``'s first true value, polled while the tree's events are taken in."""
        deadline = time.monotonic() + timeout
        while True:
            while self.context.iteration(False):
                pass
            if getattr(self, "app", None) is not None and self.app.poll() is not None:
                raise JourneyError(f"the app exited ({self.app.returncode}) before {what}")
            try:
                found = condition()
            except Exception:  # the tree changes under us while the app works
                found = None
            if found:
                return found
            if time.monotonic() > deadline:
                raise JourneyError(f"timed out waiting for {what}")
            time.sleep(POLL_S)

    def _on_focus(self, event: Any) -> None:
        if event.detail1:
            self.focused = event.source

    def _app_root(self) -> Any:
        desktop = self.atspi.Registry.getDesktop(0)
        for index in range(desktop.childCount):
            child = desktop.getChildAtIndex(index)
            if child is not None and child.get_process_id() == self.app.pid:
                return child
        return None

    # -- finding -------------------------------------------------------------------------------

    def all(self, role: str, within: Any | None = None) -> list[Any]:
        """Every accessible of ``role`` under ``within`` (the app), in the tree's order."""
        pyatspi = self.atspi
        collection = (within or self.root).queryCollection()
        wanted = getattr(pyatspi, "ROLE_" + role.upper().replace(" ", "_"))
        rule = collection.createMatchRule(
            pyatspi.StateSet(),
            collection.MATCH_ALL,
            "",
            collection.MATCH_NONE,
            [wanted],
            collection.MATCH_ANY,
            "",
            collection.MATCH_NONE,
            False,
        )
        return list(collection.getMatches(rule, collection.SORT_ORDER_CANONICAL, 0, True))

    def find(
        self,
        role: str,
        name: str | None = None,
        *,
        contains: str | None = None,
        within: Any | None = None,
        showing: bool = True,
    ) -> Any:
        """The first ``role`` named ``name`` (or whose name contains ``contains``), waited for."""

        def match() -> Any:
            for node in self.all(role, within):
                label = node.name or ""
                if name is not None and label != name:
                    continue
                if contains is not None and contains not in label:
                    continue
                if showing and not self.is_showing(node):
                    continue
                return node
            return None

        where = f" in {within.getRoleName()} {within.name!r}" if within is not None else ""
        return self.until(match, f"{role} {name or contains or ''!r}{where}")

    def is_showing(self, node: Any) -> bool:
        states = node.getState()
        _, _, width, height = self.box(node)
        return bool(states.contains(self.atspi.STATE_SHOWING) and width > 0 and height > 0)

    def focused_as(self, role: str, name: str) -> Any:
        """The control that has the keyboard once it is ``role`` ``name``."""

        def match() -> Any:
            node = self.focused
            ok = node is not None and node.getRoleName() == role and node.name == name
            return node if ok else None

        return self.until(match, f"the focus on {role} {name!r}")

    def text_of(self, node: Any) -> str:
        text = node.queryText()
        return str(text.getText(0, text.characterCount))

    def box(self, node: Any) -> tuple[int, int, int, int]:
        extents = node.queryComponent().getExtents(self.atspi.DESKTOP_COORDS)
        return extents.x, extents.y, extents.width, extents.height

    def dialog(self, title: str) -> Any:
        """The top-level window ``title`` (a dialog, a file dialog, a message box) once shown."""

        def match() -> Any:
            for index in range(self.root.childCount):
                child = self.root.getChildAtIndex(index)
                if child is not None and child.name == title and self.is_showing(child):
                    return child
            return None

        return self.until(match, f"the window {title!r}")

    def windows(self) -> list[tuple[str, str]]:
        """Role and title of each window the app shows now."""
        shown = []
        for index in range(self.root.childCount):
            child = self.root.getChildAtIndex(index)
            if child is not None and self.is_showing(child):
                shown.append((child.getRoleName(), child.name or ""))
        return shown

    def gone(self, window: Any, what: str) -> None:
        def closed() -> bool:
            try:
                return not self.is_showing(window)
            except Exception:  # the window's object is gone with it
                return True

        self.until(closed, f"{what} to close")

    # -- acting --------------------------------------------------------------------------------

    def click(self, node: Any, button: str = "1") -> None:
        x, y, width, height = self.until(
            lambda: (box := self.box(node))[2] > 0 and box[3] > 0 and box,
            f"a place to click on {node.getRoleName()} {node.name!r}",
        )
        self.xdotool(
            "mousemove", str(x + min(width // 2, 200)), str(y + height // 2), "click", button
        )

    def menu(self, *path: str) -> None:
        """Click through the menu bar: ``menu("File", "Export", "Markdown (.md)…")``."""
        node = self.find("menu bar")
        for name in path:  # Qt lists a menu title as a menu item holding its popup menu
            node = self.find("menu item", name, within=node)
            self.click(node)

    def save_as(self, title: str, path: Path) -> None:
        """In Qt's file dialog ``title``: type the file's path and press Enter (Save / Open)."""
        dialog = self.dialog(title)
        field = self.find("text", "File name:", within=dialog)
        field.queryEditableText().setTextContents(str(path))
        self.until(lambda: self.text_of(field) == str(path), "the file name in its field")
        self.click(field)
        self.key("End", "Return")
        self.gone(dialog, f"the dialog {title!r}")

    def xdotool(self, *args: str) -> None:
        subprocess.run(["xdotool", *args], env=self.env, check=True, timeout=PATIENCE_S)

    def key(self, *keys: str) -> None:
        self.xdotool("key", "--delay", "60", *keys)

    def type(self, text: str) -> None:
        self.xdotool("type", "--delay", "30", text)

    def shot(self, name: str) -> None:
        path = self.shots / f"{len(self.seen['shots']) + 1:02d}-{name}.png"
        subprocess.run(
            ["import", "-display", self.display, "-window", "root", str(path)],
            check=False,
            timeout=PATIENCE_S,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.seen["shots"].append(path.name)

    def close(self) -> dict[str, Any]:
        """Quit the app through File → Quit, stop the X server and the bus. (The menu, not
        Ctrl+Q: with no window manager, the keyboard focus can be left on a closed dialog.)"""
        self.seen["alive_at_end"] = self.app.poll() is None
        if self.app.poll() is None:
            try:
                self.menu("File", "Quit")
                code = self.app.wait(timeout=PATIENCE_S)
            except (JourneyError, subprocess.TimeoutExpired, subprocess.CalledProcessError):
                if self.app.poll() is None:
                    self.seen["quit_failed"] = self.windows()
                    self.shot("quit-failed")
                    stack = _native_stack(self.app.pid)
                    (self.shots / "native-stack.txt").write_text(stack, encoding="utf-8")
                    self.seen["native_stack"] = stack[-8000:]  # every thread: the file
                    self.app.send_signal(signal.SIGABRT)  # faulthandler prints every thread
                try:
                    code = self.app.wait(timeout=PATIENCE_S)
                except subprocess.TimeoutExpired:
                    self.app.kill()
                    code = self.app.wait()
        else:
            code = self.app.returncode
        self.seen["exit_code"] = code
        self.stderr.close()
        for process in (self.bus, self.xvfb):
            process.terminate()
            try:
                process.wait(timeout=PATIENCE_S)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        return self.seen


def _native_stack(pid: int) -> str:
    """Every thread's C stack of a hung process (gdb, where installed), for the report."""
    if shutil.which("gdb") is None:
        return "(no gdb)"
    traced = subprocess.run(
        ["gdb", "-p", str(pid), "-batch", "-ex", "thread apply all bt 25"],
        capture_output=True,
        text=True,
        timeout=PATIENCE_S,
        check=False,
    )
    return traced.stdout


def _start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    """An X server on a free display number, which it reports once it accepts clients."""
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()
    if not number:
        raise JourneyError("Xvfb did not report its display")
    return server, f":{number}"
