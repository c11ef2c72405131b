"""The turn list as the journeys see it: its rows by number, their names, the editor of one."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from atspi_driver import Driver


def turns(driver: Driver) -> list[Any]:
    """The turn list's items, as the tree lists them (every turn of the 10-turn sample)."""
    return driver.all("list item", driver.find("list", "Transcript turns"))


def item(driver: Driver, row: int, count: int | None = None) -> Any:
    """Row ``row`` of the list, once the list has ``count`` rows (any, if not given)."""

    def ready() -> Any:
        items = turns(driver)
        if count is not None and len(items) != count:
            return None
        return items[row] if row < len(items) else None

    return driver.until(ready, f"row {row} of {count or 'the'} turns")


def name_of(driver: Driver, row: int, count: int, has: str) -> str:
    """Row ``row``'s name ("Speaker: text") once it has ``has``."""
    return str(
        driver.until(
            lambda: has in (name := item(driver, row, count).name or "") and name,
            f"{has!r} in row {row}",
        )
    )


def open_editor(driver: Driver, row: int, count: int) -> Any:
    driver.click(item(driver, row, count))
    driver.key("F2")
    return driver.focused_as("text", "Turn text")


def select_words(driver: Driver, editor: Any, words: str) -> None:
    """In the open editor: the caret before ``words`` (moved through the tree, as a screen reader
    user moves it), then Shift+Right over them."""
    start = driver.text_of(editor).index(words)
    text = editor.queryText()
    text.setCaretOffset(start)
    driver.until(lambda: text.caretOffset == start, "the caret before the words")
    driver.key(*["shift+Right"] * len(words))
    driver.until(
        lambda: tuple(text.getSelection(0)) == (start, start + len(words)),
        f"{words!r} selected",
    )
