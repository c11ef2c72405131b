"""Suggested chapters: proposed from the episode page's topics or from changes of subject,
reviewed, then applied as one step (``editor.core.ops.chapters``)."""

from editor.core.chapter_suggest.suggest import (
    Suggestion,
    left_out,
    suggest_chapters,
    suggest_for,
)
from editor.core.chapter_suggest.topics import SpecialTerm

__all__ = ["SpecialTerm", "Suggestion", "left_out", "suggest_chapters", "suggest_for"]
