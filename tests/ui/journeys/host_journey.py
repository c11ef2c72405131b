"""The host's journey: words selected in a turn become a clip, and its audio is cut to a file.

Run by ``run_journey.py`` under the system Python; the test checks the clip in the project file
and the audio file afterwards.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from atspi_driver import Driver
from turn_list import open_editor, select_words


def make_clip(driver: Driver, row: int, quote: str) -> Any:
    """F2, select the words, Ctrl+K: the Clips panel lists the quote. Returns the cell of its
    title, the one a person sees and clicks (the quote's column is past the panel's edge)."""
    editor = open_editor(driver, row, 10)
    select_words(driver, editor, quote)
    driver.shot("words-selected")
    driver.key("ctrl+k")
    driver.key("Escape")
    driver.focused_as("list", "Transcript turns")  # the editor closed
    driver.click(driver.find("page tab", "Clips"))
    table = driver.find("table", "Clips")
    driver.find("table cell", quote, within=table, showing=False)  # scrolled out of the panel
    cell = driver.find("table cell", contains=" ".join(quote.split()[:4]), within=table)
    driver.seen["clip_cells"] = [c.name for c in driver.all("table cell", table)]
    driver.shot("clip-in-the-panel")
    return cell


def cut_audio(driver: Driver, cell: Any, folder: Path) -> None:
    """Select the clip, Cut Audio…: the dialog proposes a name; Save; the file appears."""
    driver.click(cell)
    driver.click(driver.find("push button", "Cut Audio…"))
    dialog = driver.dialog("Save the Clip's Audio")
    field = driver.find("text", "File name:", within=dialog)
    proposed = driver.until(lambda: driver.text_of(field), "a proposed file name")
    driver.seen["proposed_name"] = proposed
    driver.shot("cut-audio-dialog")
    target = folder / Path(proposed).name
    driver.save_as("Save the Clip's Audio", target)
    driver.until(lambda: target.exists() and target.stat().st_size > 0, f"{target.name} on disk")
    driver.seen["cut_file"] = str(target)
    driver.shot("clip-cut")


def run(driver: Driver, params: dict[str, Any]) -> None:
    cell = make_clip(driver, params["row"], params["quote"])
    cut_audio(driver, cell, Path(params["work"]))
