"""The producer's journey: the episode page imported, chapters suggested (``producer_kit``),
show notes filled, every export run, the episode published.

Run by ``run_journey.py`` under the system Python. Every item of File → Export is taken from the
menu as the tree lists it and run through the real menus and Qt's file dialog; the test checks
the files afterwards.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import producer_kit
from atspi_driver import Driver
from turn_list import item


def import_page(driver: Driver, page: Path) -> None:
    driver.menu("File", "Import Episode Page…")
    driver.save_as("Import Episode Page", page)
    driver.click(driver.find("page tab", "Show Notes"))
    title = driver.find("text", "Title:")
    driver.seen["imported_title"] = driver.until(lambda: driver.text_of(title), "the page's title")
    driver.shot("episode-page-imported")


def replace_text(driver: Driver, field: Any, text: str) -> None:
    driver.click(field)
    driver.key("ctrl+a")
    driver.type(text)
    driver.until(lambda: driver.text_of(field) == text, f"{text!r} typed")


def fill_notes(driver: Driver, notes: dict[str, str]) -> None:
    """Type each field of the Show Notes panel; the preview shows the title once saved."""
    driver.click(driver.find("page tab", "Show Notes"))
    for label, text in notes.items():
        role = "spin button" if label in ("Season:", "Episode:") else "text"
        replace_text(driver, driver.find(role, label), text)
    preview = driver.find("label", "Show notes preview")  # a read-only browser
    driver.until(lambda: notes["Title:"] in driver.text_of(preview), "the title in the preview")
    driver.seen["preview"] = driver.text_of(preview)
    driver.shot("show-notes-filled")


def add_chapter(driver: Driver, row: int, title: str) -> None:
    driver.click(item(driver, row))
    driver.menu("Edit", "New Chapter at Selected Turn…")
    dialog = driver.dialog("New Chapter")
    replace_text(driver, driver.find("text", within=dialog), title)
    driver.key("Return")
    driver.gone(dialog, "the chapter dialog")


def add_clip(driver: Driver, row: int) -> None:
    driver.click(item(driver, row))
    driver.key("ctrl+k")
    driver.click(driver.find("page tab", "Clips"))
    driver.find("table cell", within=driver.find("table", "Clips"))


def export_all(driver: Driver, folder: Path) -> None:
    """Each item of File → Export: the dialog it opens, its proposed name saved in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    driver.menu("File", "Export")
    export = driver.find("menu item", "Export")
    labels = [node.name for node in driver.all("menu item", export)]
    driver.seen["export_items"] = labels
    driver.shot("export-menu")
    driver.key("Escape", "Escape")
    driver.until(lambda: not driver.is_showing(export), "the menu to close")
    driver.seen["exports"], driver.seen["export_notes"] = {}, []
    for label in labels:
        driver.menu("File", "Export", label)
        dialog = driver.until(
            lambda: next((w for w in driver.windows() if w[1].startswith("Export ")), None),
            f"the dialog of {label!r}",
        )
        field = driver.find("text", "File name:", within=driver.dialog(dialog[1]))
        proposed = driver.until(lambda f=field: driver.text_of(f), "a proposed name")
        target = folder / Path(proposed).name
        if label == labels[0]:
            driver.shot("export-dialog")
        driver.save_as(dialog[1], target)
        finished(driver, target)
        driver.seen["exports"][label] = target.name
    driver.shot("all-exported")


def finished(driver: Driver, target: Path) -> None:
    """The file on disk and the status bar's "Exported … to NAME"; a notes box is read, closed."""
    status = driver.find("status bar")
    done = f"to {target.name}."

    def settled() -> bool:
        if ("dialog", "Exported") in driver.windows() or ("alert", "Exported") in driver.windows():
            box = driver.dialog("Exported")
            driver.seen["export_notes"].append(
                [target.name, [n.name for n in driver.all("label", box)]]
            )
            driver.shot(f"notes-{target.suffix[1:]}")
            driver.key("Return")
            driver.gone(box, "the export's notes")
        return target.exists() and target.stat().st_size > 0 and done in (status.name or "")

    driver.until(settled, f"{target.name} exported")


def run(driver: Driver, params: dict[str, Any]) -> None:
    import_page(driver, Path(params["page"]))
    producer_kit.run(driver, params)
    fill_notes(driver, params["notes"])
    for row, title in params["chapters"]:
        add_chapter(driver, row, title)
    add_clip(driver, params["clip_row"])
    export_all(driver, Path(params["work"]) / "exports")
    producer_kit.publish(driver, Path(params["publish_to"]), params["base_url"])
