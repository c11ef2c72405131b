"""Clip quotes follow corrections of the text they quote.

A clip keeps its quote as text (the words of the turns, or of the span, it was made from). When
a turn's text is corrected in place — an edit, a replace, a replace all, a glossary fix — every
clip over that turn whose quote is part of the old text (a clip of words inside the turn) or
holds the whole old text (a clip of whole turns) gets the corrected words, in the same
transaction and the same history step as the correction (and so does a title made from the
quote, not one the user wrote). The span of a quote inside the old
text is carried over to the new text by the differences between the two (``difflib``), so a
word changed at the quote's edge is taken in whole. Splits and merges move text between turns
and leave quotes alone.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from editor.core.changes import Changes
from editor.core.clips import default_title
from editor.core.model import Clip, Turn
from editor.core.project import record_history
from editor.core.project.record_history import RecordChange
from editor.core.project.store import ProjectStore

Opcodes = Sequence[tuple[str, int, int, int, int]]


def follow_text(store: ProjectStore, changes: Changes) -> tuple[RecordChange, ...]:
    """Update the quotes of clips on text ``changes`` corrected; the clips' change, if any."""
    if changes.structure_changed:
        return ()
    edits = [
        (old, new)
        for turn_id in changes.turns_updated
        if (old := changes.before.turns[turn_id]) is not None
        and (new := changes.after.turns[turn_id]) is not None
        and old.text != new.text
    ]
    if not edits:
        return ()
    clips = store.clips.all()
    if not clips:
        return ()
    before = record_history.capture(store, "clips")
    changed = False
    for clip in clips:
        quote = clip.quote
        for old, new in edits:
            if quote and _over(clip, old):
                quote = followed(quote, old.text, new.text)
        if quote != clip.quote:
            # A title the user did not write (the quote's first words) follows as well.
            made = clip.title == default_title(clip.quote)
            title = default_title(quote) if made else clip.title
            store.db.conn.execute(
                "UPDATE clips SET quote = ?, title = ? WHERE id = ?", (quote, title, clip.id)
            )
            changed = True
    if not changed:
        return ()
    return (RecordChange(changes.label, before, record_history.capture(store, "clips")),)


def followed(quote: str, old: str, new: str) -> str:
    """``quote`` after ``old`` became ``new``: the same span of the text, or the same text."""
    at = old.find(quote)
    if at >= 0:
        ops = difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
        start, end = _start(ops, at), _end(ops, at + len(quote), new)
        return new[start:end].strip() or quote
    if old.strip() and old in quote:
        return quote.replace(old, new, 1)
    return quote


def _over(clip: Clip, turn: Turn) -> bool:
    """A clip can quote a turn it overlaps in time (an untimed turn: by its text alone)."""
    if turn.start_ms is None or turn.end_ms is None:
        return True
    return clip.start_ms < turn.end_ms and turn.start_ms < clip.end_ms


def _start(ops: Opcodes, position: int) -> int:
    for tag, i1, i2, j1, _j2 in ops:
        if i1 <= position < i2:
            return j1 + (position - i1) if tag == "equal" else j1
    return ops[-1][4] if ops else position


def _end(ops: Opcodes, position: int, new: str) -> int:
    for tag, i1, _i2, j1, j2 in ops:
        # Text added right at the quote's end joins it when glued to it ("Debt" → "Debt™").
        if tag == "insert" and i1 == position and not new[j1:j2][:1].isspace():
            return j2
    for tag, i1, i2, j1, j2 in ops:
        if i1 < position <= i2:
            return j1 + (position - i1) if tag == "equal" else j2
    return 0
