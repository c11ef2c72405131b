"""The producer's kit in the window (issue 21): Suggest Chapters… reviewed, added, undone and
redone as one step, and File → Publish… into a fresh folder.

Run by ``run_journey.py`` under the system Python, from ``producer_journey.py``; the test checks
the chapters in the project file and the published folder afterwards.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from atspi_driver import Driver


def chapter_rows(driver: Driver) -> int:
    """How many rows the Chapters panel's table shows."""
    return int(driver.find("table", "Chapters").queryTable().nRows)


def edit_menu(driver: Driver, starts: str) -> str:
    """Edit → the item whose name starts with ``starts`` (Undo and Redo name their step)."""
    driver.menu("Edit")
    menu = driver.find("menu item", "Edit")
    node = driver.until(
        lambda: next(
            (n for n in driver.all("menu item", menu) if (n.name or "").startswith(starts)), None
        ),
        f"Edit → {starts}…",
    )
    name = str(node.name)
    driver.click(node)
    return name


def drop_last_topic(driver: Driver) -> str:
    """Suggest Chapters… with more topics than chapters fit names the topic left out; the
    producer cancels, deletes the page's last topic in the Show Notes panel, and asks again at
    once (before the panel's own save)."""
    driver.menu("Edit", "Suggest Chapters…")
    dialog = driver.dialog("Suggest Chapters")
    about = driver.find("label", contains="chapters suggested", within=dialog)
    driver.seen["suggest_left_out"] = str(about.name)
    driver.shot("suggest-left-out")
    driver.click(driver.find("push button", contains="Cancel", within=dialog))
    driver.gone(dialog, "the Suggest Chapters dialog")
    driver.click(driver.find("page tab", "Show Notes"))
    topics = driver.find("text", "Topics:")
    lines = driver.text_of(topics).splitlines()
    last = lines[-1]
    kept = "\n".join(lines[:-1])
    topics.queryEditableText().setTextContents(kept)
    driver.until(lambda: driver.text_of(topics) == kept, "the last topic deleted")
    driver.seen["topic_dropped"] = last
    return last


def review_suggestions(driver: Driver, uncheck: int) -> None:
    """Edit → Suggest Chapters…: read the table, uncheck row ``uncheck``, Add Checked Chapters."""
    driver.menu("Edit", "Suggest Chapters…")
    dialog = driver.dialog("Suggest Chapters")
    table = driver.find("table", "Suggested chapters", within=dialog)
    grid = table.queryTable()
    driver.until(lambda: grid.nRows > 0, "the suggestions")
    driver.seen["suggested"] = [
        [str(grid.getAccessibleAt(row, column).name) for column in range(grid.nColumns)]
        for row in range(grid.nRows)
    ]
    driver.shot("suggest-dialog")
    other_basis(driver, dialog, len(driver.seen["suggested"]))
    grid = driver.find("table", "Suggested chapters", within=dialog).queryTable()
    check = grid.getAccessibleAt(uncheck, 0)
    checked = driver.atspi.STATE_CHECKED
    driver.click(grid.getAccessibleAt(uncheck, 2))  # its turn: a cell that neither edits nor checks
    driver.key("space")
    driver.until(lambda: not check.getState().contains(checked), f"suggestion {uncheck} unchecked")
    driver.seen["suggested_checked"] = [
        grid.getAccessibleAt(row, 0).getState().contains(checked) for row in range(grid.nRows)
    ]
    driver.shot("suggestion-unchecked")
    driver.click(driver.find("push button", contains="Add Checked", within=dialog))
    driver.gone(dialog, "the Suggest Chapters dialog")


def other_basis(driver: Driver, dialog: Any, rows: int) -> None:
    """Alt+F to "Chapters from", End for the changes of subject (the table is suggested
    again), Home back to the topics (the ``rows`` suggestions again)."""
    about = driver.find("label", contains="chapters suggested", within=dialog)
    table = driver.focused
    driver.key("alt+f")  # the combo box's name is the basis shown, not its label
    driver.until(lambda: driver.focused is not table, "the focus on Chapters from")
    driver.seen["basis_focused"] = str(driver.focused.getRoleName())
    driver.key("End")
    driver.until(lambda: "where the subject changes" in (about.name or ""), "subject chapters")
    driver.seen["by_subject"] = str(about.name)
    driver.shot("suggest-by-subject")
    driver.key("Home")
    driver.until(lambda: f"{rows} chapters suggested" in (about.name or ""), "topics again")
    driver.seen["by_topic_again"] = str(about.name)


def suggest_chapters(driver: Driver, uncheck: int) -> None:
    """Review and add; the Chapters panel shows them; Undo takes them all away, Redo back."""
    review_suggestions(driver, uncheck)
    driver.click(driver.find("page tab", "Chapters"))
    added = sum(driver.seen["suggested_checked"])
    driver.until(lambda: chapter_rows(driver) == added, f"{added} chapters in the panel")
    driver.seen["chapters_added"] = chapter_rows(driver)
    driver.shot("suggested-chapters-added")
    driver.seen["undo_item"] = edit_menu(driver, "Undo")
    driver.until(lambda: chapter_rows(driver) == 0, "the chapters undone")
    driver.seen["chapters_after_undo"] = chapter_rows(driver)
    driver.shot("suggested-chapters-undone")
    driver.seen["redo_item"] = edit_menu(driver, "Redo")
    driver.until(lambda: chapter_rows(driver) == added, "the chapters redone")
    driver.seen["chapters_after_redo"] = chapter_rows(driver)


def publish(driver: Driver, folder: Path, base_url: str) -> None:
    """File → Publish…: the folder in Qt's dialog, the base URL, OK; the summary box is read."""
    driver.menu("File", "Publish…")
    chooser = driver.dialog("Publish to Folder")
    field = driver.all("text", chooser)[0]
    driver.seen["publish_field"] = field.name
    driver.shot("publish-folder-dialog")
    field.queryEditableText().setTextContents(str(folder))
    driver.until(lambda: driver.text_of(field) == str(folder), "the folder in its field")
    driver.click(field)
    driver.key("End", "Return")
    driver.gone(chooser, "the folder dialog")
    asked = driver.dialog("Publish")
    url = driver.find("text", within=asked)
    url.queryEditableText().setTextContents(base_url)
    driver.until(lambda: driver.text_of(url) == base_url, "the base URL in its field")
    driver.shot("publish-base-url")
    driver.click(driver.find("push button", "OK", within=asked))
    driver.gone(asked, "the base URL dialog")
    box = driver.dialog("Published")
    driver.seen["publish_summary"] = [n.name for n in driver.all("label", box)]
    driver.shot("published")
    driver.click(driver.find("push button", "OK", within=box))
    driver.gone(box, "the summary")
    driver.seen["published_files"] = sorted(p.name for p in folder.iterdir())


def run(driver: Driver, params: dict[str, Any]) -> None:
    """Called by the producer journey after the page import."""
    drop_last_topic(driver)
    suggest_chapters(driver, params["uncheck"])
