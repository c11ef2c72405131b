"""In the window too, a clip's quote follows a correction of its text (issue 17, point 7)."""

from __future__ import annotations

from editor.core.search import SearchQuery
from editor.ui.main_window import MainWindow

QUOTE_COLUMN = 3


def test_replace_all_corrects_the_quote_in_the_clips_panel_and_one_undo_restores_it(
    opened: MainWindow,
) -> None:
    opened.view.select_row(2)
    clip = opened.notes.new_clip()
    assert clip is not None and "long title" in clip.quote
    count = opened.edits.replace_all(SearchQuery("long title"), "long-awaited title", None)
    assert count > 0
    assert opened.store is not None
    [stored] = opened.store.clips.all()
    assert "long-awaited title" in stored.quote and "long title" not in stored.quote
    assert opened.notes.clips_panel.table.item(0, QUOTE_COLUMN).text() == stored.quote
    opened.edits.runner.undo()  # the replace and the quote: one step
    assert opened.store.clips.all()[0].quote == clip.quote
    assert opened.notes.clips_panel.table.item(0, QUOTE_COLUMN).text() == clip.quote
