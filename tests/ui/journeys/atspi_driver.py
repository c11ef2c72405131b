"""Drive the real window from outside through the accessibility tree, as a person would.

Run by the system Python (pyatspi is a PyGObject module, not installable in a venv) inside
``dbus-run-session``; ``tests/ui/test_journeys_atspi.py`` starts it and checks the project file
afterwards. It starts its own Xvfb and accessibility bus, starts the app, finds controls by role
and name, clicks where the tree says they are and types with xdotool, takes screenshots, and
prints one JSON object with what it saw. Standard library and pyatspi only.

    python3 atspi_driver.py --display :N --shots DIR -- APP ARGS…
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from typing import Any

PATIENCE_S = 60.0  # only a hung app takes this long


def until(condition: Callable[[], Any], what: str, timeout: float = PATIENCE_S) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            found = condition()
        except Exception:  # the tree changes under us while the app works
            found = None
        if found:
            return found
        time.sleep(0.1)
    raise SystemExit(f"timed out waiting for {what}")


class Journey:
    def __init__(self, display: str, shots: str, app: list[str]) -> None:
        self.display, self.shots = display, shots
        self.env = {**os.environ, "DISPLAY": display}
        self.xvfb = subprocess.Popen(
            ["Xvfb", display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"]
        )
        until(lambda: self._run(["xdpyinfo"]).returncode == 0, "Xvfb")
        self.bus = subprocess.Popen(
            ["/usr/libexec/at-spi-bus-launcher", "--launch-immediately"], env=self.env
        )
        time.sleep(0.5)
        import pyatspi  # needs the bus above

        self.atspi = pyatspi
        app_env = {**self.env, "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1", "QT_QPA_PLATFORM": "xcb"}
        self.app = subprocess.Popen(app, env=app_env, stderr=subprocess.PIPE, text=True)
        self.root = until(self._app_root, "the app in the accessibility tree")
        self.seen: dict[str, Any] = {}

    def _run(self, command: list[str]) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run(command, env=self.env, capture_output=True, check=False)

    def _app_root(self) -> Any:
        desktop = self.atspi.Registry.getDesktop(0)
        for index in range(desktop.childCount):
            child = desktop.getChildAtIndex(index)
            if child is not None and child.get_process_id() == self.app.pid:
                return child
        return None

    # -- finding and acting --------------------------------------------------------------------

    def walk(self, node: Any | None = None) -> Iterator[Any]:
        node = node or self.root
        yield node
        for index in range(node.childCount):
            child = node.getChildAtIndex(index)
            if child is not None:
                yield from self.walk(child)

    def find(self, role: str, name: str | None = None, contains: str | None = None) -> Any:
        def match() -> Any:
            for node in self.walk():
                if node.getRoleName() != role:
                    continue
                if name is not None and node.name != name:
                    continue
                if contains is not None and contains not in (node.name or ""):
                    continue
                return node
            return None

        return until(match, f"{role} {name or contains!r}")

    def box(self, node: Any) -> tuple[int, int, int, int]:
        extents = node.queryComponent().getExtents(self.atspi.DESKTOP_COORDS)
        return extents.x, extents.y, extents.width, extents.height

    def click(self, node: Any) -> None:
        x, y, width, height = self.box(node)
        self.xdotool("mousemove", str(x + min(width // 2, 200)), str(y + height // 2), "click", "1")

    def xdotool(self, *args: str) -> None:
        subprocess.run(["xdotool", *args], env=self.env, check=True, timeout=30)

    def key(self, *keys: str) -> None:
        self.xdotool("key", "--delay", "60", *keys)

    def type(self, text: str) -> None:
        self.xdotool("type", "--delay", "20", text)

    def shot(self, name: str) -> None:
        path = os.path.join(self.shots, f"{name}.png")
        subprocess.run(["import", "-display", self.display, "-window", "root", path], check=False)

    def close(self) -> dict[str, Any]:
        if self.app.poll() is None:
            self.key("ctrl+q")
        try:
            code = self.app.wait(timeout=PATIENCE_S)
        except subprocess.TimeoutExpired:
            self.app.kill()
            code = self.app.wait()
        assert self.app.stderr is not None
        self.seen.update(exit_code=code, stderr=self.app.stderr.read()[-4000:])
        for process in (self.bus, self.xvfb):
            process.terminate()
            process.wait(timeout=10)
        return self.seen


def _is_item(node: Any) -> bool:
    return bool(node.getRoleName() == "list item")


def editor_journey(journey: Journey) -> None:
    """Open, listen, correct a turn with the keyboard, mark it reviewed (the editor's week)."""
    turns = journey.find("list", "Transcript turns")
    item = until(
        lambda: next(
            (
                n
                for n in journey.walk(turns)
                if n.getRoleName() == "list item" and "4,000" in (n.name or "")
            ),
            None,
        ),
        "the turn about the panel",
    )
    journey.seen["turn_name_before"] = item.name
    before = journey.box(item)
    journey.click(item)
    journey.shot("01-turn-selected")
    journey.key("F2")
    editor = journey.find("text", "Turn text")
    journey.seen["editor_box"] = journey.box(editor)
    journey.seen["row_height_before"] = before[3]
    journey.shot("02-editor-open")
    journey.key("ctrl+End")
    journey.type(" Checked by ear.")
    journey.key("Return")
    until(lambda: "Checked by ear." in (item.name or "") or None, "the edit in the list")
    journey.seen["turn_name_after"] = item.name
    journey.key("ctrl+d")
    journey.shot("03-edited-and-reviewed")
    seek = journey.find("slider", "Seek")
    journey.seen["seek_value"] = seek.queryValue().currentValue


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--display", required=True)
    parser.add_argument("--shots", required=True)
    parser.add_argument("app", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.app[1:] if args.app[:1] == ["--"] else args.app
    journey = Journey(args.display, args.shots, command)
    try:
        editor_journey(journey)
    except BaseException as error:  # report what was seen, then fail
        journey.seen["error"] = repr(error)
        journey.shot("99-failure")
        turns = journey.find("list", "Transcript turns")
        journey.seen["tree"] = [(n.getRoleName(), (n.name or "")[:40]) for n in journey.walk(turns)]
    print(json.dumps(journey.close()))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
