"""The editor's journey: open, listen, fix words and a speaker, split and merge, glossary, review.

Run by ``run_journey.py`` under the system Python; it records what the window showed in
``driver.seen`` and the test checks that and the project file afterwards.
"""

from __future__ import annotations

from typing import Any

from atspi_driver import Driver
from turn_list import item, name_of, open_editor, select_words, turns


def listen(driver: Driver) -> None:
    """A click on a turn plays from there; the seek slider moves on by itself."""
    seek = driver.find("slider", "Seek")
    driver.click(item(driver, 0, 10))
    start = seek.queryValue().currentValue
    moved = driver.until(
        lambda: (value := seek.queryValue().currentValue) >= start + 1500 and value,
        "the seek slider to move 1.5 s on",
    )
    driver.seen["seek"] = {"start": start, "moved_to": moved}
    driver.shot("playing")
    driver.key("ctrl+space")  # pause: the follow mode would move the selection while editing


def fix_text(driver: Driver, wrong: str, right: str) -> None:
    """F2 on a five-line turn: the editor shows all of it; select the wrong words, type."""
    row = item(driver, 5, 10)
    driver.seen["row_box_before"] = driver.box(row)
    editor = open_editor(driver, 5, 10)
    text = driver.text_of(editor)
    driver.seen["editor_box"] = driver.box(editor)
    driver.seen["row_box_editing"] = driver.box(item(driver, 5, 10))
    driver.seen["editor_text"] = text
    driver.shot("editor-open-on-a-long-turn")
    select_words(driver, editor, wrong)
    driver.type(right)
    driver.until(lambda: right in driver.text_of(editor), "the typed words in the editor")
    driver.shot("words-corrected-before-enter")
    driver.key("Return")
    driver.seen["fixed_row"] = name_of(driver, 5, 10, right)


def change_speaker(driver: Driver) -> None:
    """Shift+F2 on the short turn "I thought": its speaker field, a name, Enter."""
    driver.click(item(driver, 3, 10))
    driver.key("shift+F2")
    field = driver.focused_as("text", "Speaker")
    driver.key("ctrl+a")
    driver.type("Duena Blomstrom")
    driver.until(lambda: driver.text_of(field) == "Duena Blomstrom", "the name in the field")
    driver.shot("speaker-field")
    driver.key("Return")
    driver.seen["speaker_row"] = name_of(driver, 3, 10, "Duena Blomstrom: I thought")


def split_and_merge(driver: Driver, split_before: str) -> None:
    """Ctrl+Enter in mid-sentence makes two turns; Backspace at the start joins them again."""
    original = item(driver, 6, 10).name
    editor = open_editor(driver, 6, 10)
    editor.queryText().setCaretOffset(driver.text_of(editor).index(split_before))
    driver.key("ctrl+Return")
    first = name_of(driver, 6, 11, "even said,")
    second = name_of(driver, 7, 11, split_before)
    driver.seen["split"] = [first, second]
    driver.shot("split-into-two-turns")
    editor = open_editor(driver, 7, 11)
    driver.key("ctrl+Home", "BackSpace")
    driver.until(lambda: len(turns(driver)) == 10, "the two turns merged into one")
    reopened = driver.focused_as("text", "Turn text")
    driver.seen["merged_editor_text"] = driver.text_of(reopened)
    driver.key("Escape")
    driver.seen["merged"] = name_of(driver, 6, 10, split_before)
    driver.seen["merge_original"] = original


def glossary_fix(driver: Driver) -> None:
    """Glossary → Terms → Add Term…: the term and its mis-hearing; Issues → Fix All."""
    driver.click(driver.find("page tab", "Glossary"))
    driver.click(driver.find("page tab", contains="Terms ("))
    driver.click(driver.find("push button", "Add Term…"))
    dialog = driver.dialog("Add to Glossary")
    term = driver.find("text", "Term:", within=dialog)
    driver.click(term)
    driver.type("Human Debt")
    variants = driver.find("text", "Variants:", within=dialog)
    driver.click(variants)
    driver.type("Human Death")
    driver.until(lambda: driver.text_of(variants) == "Human Death", "the variant typed")
    driver.shot("glossary-term-dialog")
    driver.click(driver.find("push button", "OK", within=dialog))
    driver.gone(dialog, "the glossary dialog")
    driver.click(driver.find("page tab", contains="Issues ("))
    issues = driver.find("table", "Issues")
    driver.until(lambda: driver.all("table cell", issues), "the glossary's finding")
    driver.seen["issues"] = [cell.name for cell in driver.all("table cell", issues)]
    driver.shot("glossary-issue")
    driver.click(driver.find("push button", "Fix All"))
    driver.seen["glossary_row"] = name_of(driver, 1, 10, "Human Debt Fighters")


def review(driver: Driver) -> None:
    """Ctrl+D on the first turn: reviewed, and the status bar counts it."""
    driver.click(item(driver, 0, 10))
    driver.key("ctrl+d")
    label = driver.find("label", contains="Reviewed")
    driver.seen["reviewed_label"] = driver.until(
        lambda: label.name == "Reviewed 1/10" and label.name, "Reviewed 1/10"
    )
    driver.shot("reviewed")


def run(driver: Driver, params: dict[str, Any]) -> None:
    driver.seen["rows_at_start"] = len(turns(driver))
    driver.shot("opened")
    listen(driver)
    fix_text(driver, params["wrong"], params["right"])
    change_speaker(driver)
    split_and_merge(driver, params["split_before"])
    glossary_fix(driver)
    review(driver)
