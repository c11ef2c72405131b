"""Operations on a project: each runs in one transaction and returns the ``Changes`` it made.

The GUI's undo stack and the command line both call these; nothing else writes turns or speakers.
"""

from editor.core.ops.bulk import bulk_step
from editor.core.ops.episode import import_episode_page
from editor.core.ops.glossary import fix_findings
from editor.core.ops.history import redo, undo
from editor.core.ops.speakers import merge_speakers, rename_speaker, set_speaker
from editor.core.ops.structure import (
    delete_turns,
    insert_turns,
    merge_with_previous,
    replace_transcript,
    split_turn,
)
from editor.core.ops.text import Match, edit_text, find, find_in, replace_all, replace_match
from editor.core.ops.timing import KEEP, mark_reviewed, set_times, shift_times
from editor.core.ops.timing_tools import (
    apply_alignment,
    confirm_times,
    estimate_missing_times,
    nudge,
    stamp_start,
)

__all__ = [
    "KEEP",
    "Match",
    "apply_alignment",
    "bulk_step",
    "confirm_times",
    "delete_turns",
    "edit_text",
    "estimate_missing_times",
    "find",
    "find_in",
    "fix_findings",
    "import_episode_page",
    "insert_turns",
    "mark_reviewed",
    "merge_speakers",
    "merge_with_previous",
    "nudge",
    "redo",
    "rename_speaker",
    "replace_all",
    "replace_match",
    "replace_transcript",
    "set_speaker",
    "set_times",
    "shift_times",
    "split_turn",
    "stamp_start",
    "undo",
]
