"""The host's journey: words selected in a turn become a clip, its audio is cut to a file, a
video is made of it (Make Video…), and a second video, of a whole turn, is cancelled.

Run by ``run_journey.py`` under the system Python; the test checks the clips in the project file,
the audio file and the video afterwards.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from atspi_driver import Driver
from turn_list import item, open_editor, select_words


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


def ask_video(driver: Driver, cell: Any, folder: Path) -> Path:
    """Select the clip, Make Video…: the shape (the default, OK), then the file (its proposed
    name, Save). Returns the file chosen."""
    driver.click(cell)
    driver.click(driver.find("push button", "Make Video…"))
    shape = driver.dialog("Make Video")
    combo = driver.find("combo box", within=shape)
    driver.seen.setdefault("video_shapes", []).append(combo.name)
    driver.shot("video-shape")
    driver.click(driver.find("push button", "OK", within=shape))
    driver.gone(shape, "the shape dialog")
    dialog = driver.dialog("Save the Clip's Video")
    field = driver.find("text", "File name:", within=dialog)
    proposed = driver.until(lambda: driver.text_of(field), "a proposed file name")
    target = folder / Path(proposed).name
    driver.save_as("Save the Clip's Video", target)
    return target


def progress_dialog(driver: Driver) -> Any:
    """The "Make Video" window that shows a progress bar, if one is shown now."""
    for index in range(driver.root.childCount):
        window = driver.root.getChildAtIndex(index)
        if window is None or window.name != "Make Video" or not driver.is_showing(window):
            continue
        if driver.all("progress bar", window):
            return window
    return None


def make_video(driver: Driver, cell: Any, folder: Path) -> None:
    """A video of the clip, let finish: the file on disk and "Made NAME" in the status bar."""
    target = ask_video(driver, cell, folder)
    status = driver.find("status bar")
    seen_progress = False

    def made() -> bool:
        nonlocal seen_progress
        seen_progress = seen_progress or progress_dialog(driver) is not None
        return target.exists() and f"Made {target.name}" in (status.name or "")

    driver.until(made, f"{target.name} made")
    driver.seen["video_file"] = str(target)
    driver.seen["video_status"] = status.name
    driver.seen["video_progress_seen"] = seen_progress  # a short clip may beat the 300 ms
    driver.shot("video-made")


def cancel_video(driver: Driver, row: int, folder: Path) -> None:
    """A clip of a whole turn (Ctrl+K on the row), Make Video…, Cancel in the progress dialog:
    the status bar says it was cancelled; the test checks that no file was left."""
    driver.click(item(driver, row))
    driver.key("ctrl+k")
    table = driver.find("table", "Clips")
    driver.until(lambda: table.queryTable().nRows == 2, "the second clip in the panel")
    cell = table.queryTable().getAccessibleAt(0, 2)  # its title: it starts before the first
    driver.seen["long_clip_title"] = cell.name
    target = ask_video(driver, cell, folder)
    window = driver.until(lambda: progress_dialog(driver), "the progress dialog")
    driver.shot("video-progress")
    driver.click(driver.find("push button", "Cancel", within=window))
    driver.gone(window, "the progress dialog")
    status = driver.find("status bar")
    driver.seen["cancel_status"] = driver.until(
        lambda: "cancelled" in (status.name or "") and status.name, "the video cancelled"
    )
    driver.seen["cancelled_file"] = str(target)
    driver.shot("video-cancelled")


def run(driver: Driver, params: dict[str, Any]) -> None:
    cell = make_clip(driver, params["row"], params["quote"])
    cut_audio(driver, cell, Path(params["work"]))
    make_video(driver, cell, Path(params["work"]))
    cancel_video(driver, params["long_row"], Path(params["work"]))
