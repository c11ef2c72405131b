"""The words a clip speaks, each with times counted from the clip's start.

A turn's words keep the times the recogniser or the aligner gave them. Words without times are
spread over the time their turn still leaves them (between the timed words around them, else
over the turn's own start and end, else over an estimate from text length) by their length, and
the result says so, turn by turn. A word belongs to the clip when its middle falls inside it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from editor.core.formats.captions import turn_spans
from editor.core.model import Clip, Transcript, TranscriptTurn
from editor.core.project.exporting import with_marks
from editor.core.project.store import ProjectStore
from editor.core.time_estimates import Span
from editor.core.words import align, first_start, last_end


@dataclass(frozen=True, slots=True)
class ClipWord:
    """One word of the clip; ``timed`` when the times are the word's own, not spread."""

    text: str
    start_ms: int
    end_ms: int
    timed: bool


@dataclass(frozen=True, slots=True)
class ClipTurn:
    """The part of one turn that falls inside the clip."""

    number: int  # 1-based, as the editor shows turns
    speaker: str
    words: tuple[ClipWord, ...]

    @property
    def start_ms(self) -> int:
        return self.words[0].start_ms

    @property
    def end_ms(self) -> int:
        return self.words[-1].end_ms


@dataclass(frozen=True, slots=True)
class ClipSpeech:
    """What a clip says, in times from its start; ``notes`` tell what was estimated."""

    duration_ms: int
    turns: tuple[ClipTurn, ...]
    notes: tuple[str, ...] = ()

    @property
    def word_timed(self) -> bool:
        """Whether any word has its own times (then the current word can be shown)."""
        return any(w.timed for t in self.turns for w in t.words)


def clip_speech(transcript: Transcript, clip: Clip, fallback_speaker: str = "") -> ClipSpeech:
    """The words of ``transcript`` inside ``clip``, turn by turn, in times from its start."""
    spans, _ = turn_spans(transcript.turns)
    numbered = zip(range(1, len(spans) + 1), transcript.turns, spans, strict=True)
    return _speech(numbered, clip, fallback_speaker)


def project_clip_speech(store: ProjectStore, clip: Clip) -> ClipSpeech:
    """The clip's words as the project's exports write them (the glossary's mark rule applied).

    Only the turns that can reach into the clip have their words read (a long episode has about
    100,000): those whose span overlaps it, and those with a start but no end, whose words may
    run past the span estimated for them.
    """
    turns = store.turns(with_words=False)
    names = {s.id: s.name for s in store.speakers()}
    bare = Transcript(
        tuple(
            TranscriptTurn(
                names.get(t.speaker_id) if t.speaker_id is not None else None,
                t.text,
                t.start_ms,
                t.end_ms,
            )
            for t in turns
        )
    )
    marked = with_marks(store, bare).turns
    spans, _ = turn_spans(marked)
    numbered = [
        (number, replace(marked[number - 1], words=store.turn(turn.id).words), span)
        for number, (turn, span) in enumerate(zip(turns, spans, strict=True), 1)
        if _may_overlap(marked[number - 1], span, clip) or (turn.is_timed and turn.end_ms is None)
    ]
    return _speech(numbered, clip, clip.speaker)


def _speech(
    numbered: Iterable[tuple[int, TranscriptTurn, Span]], clip: Clip, fallback_speaker: str
) -> ClipSpeech:
    turns: list[ClipTurn] = []
    notes: list[str] = []
    for number, turn, span in numbered:
        if not _may_overlap(turn, span, clip):
            continue
        placed = placed_words(turn, span)
        inside = [w for w in placed if clip.start_ms <= _middle(w) <= clip.end_ms]
        if not inside:
            continue
        words = tuple(_from_clip_start(w, clip) for w in inside)
        turns.append(ClipTurn(number, turn.speaker or fallback_speaker, words))
        note = _estimate_note(number, turn, span, inside)
        if note:
            notes.append(note)
    return ClipSpeech(clip.duration_ms, tuple(turns), tuple(notes))


def _may_overlap(turn: TranscriptTurn, span: Span, clip: Clip) -> bool:
    """Whether the turn, or any of its timed words, reaches into the clip."""
    first, last = first_start(turn.words), last_end(turn.words)
    start = span.start_ms if first is None else min(first, span.start_ms)
    end = span.end_ms if last is None else max(last, span.end_ms)
    return start <= clip.end_ms and end >= clip.start_ms


def placed_words(turn: TranscriptTurn, span: Span) -> list[ClipWord]:
    """Every token of the turn's text with times: its word's own, or spread over what is left."""
    tokens = turn.text.split()
    starts: list[int | None] = [None] * len(tokens)
    ends: list[int | None] = [None] * len(tokens)
    if turn.words:
        for word, index in zip(turn.words, align(turn.words, turn.text), strict=True):
            if index is not None and word.start_ms is not None:
                starts[index], ends[index] = word.start_ms, word.end_ms
    timed = [s is not None for s in starts]
    _spread_untimed(tokens, starts, ends, span)
    words = []
    for index, token in enumerate(tokens):
        start = starts[index]
        assert start is not None
        end = ends[index]
        if end is None or end < start:
            following = starts[index + 1] if index + 1 < len(tokens) else span.end_ms
            end = max(start, following if following is not None else start)
        words.append(ClipWord(token, start, end, timed[index]))
    return words


def _spread_untimed(
    tokens: Sequence[str], starts: list[int | None], ends: list[int | None], span: Span
) -> None:
    """Give each run of untimed tokens the time between the timed tokens around it."""
    index = 0
    while index < len(tokens):
        if starts[index] is not None:
            index += 1
            continue
        stop = index
        while stop < len(tokens) and starts[stop] is None:
            stop += 1
        left = span.start_ms
        if index > 0:
            previous_end, previous_start = ends[index - 1], starts[index - 1]
            known = previous_end if previous_end is not None else previous_start
            left = known if known is not None else left
        after = starts[stop] if stop < len(tokens) else None
        right = max(left, span.end_ms if after is None else after)
        weights = [len(t) + 1 for t in tokens[index:stop]]
        total, done = sum(weights), 0
        for offset, weight in enumerate(weights):
            starts[index + offset] = left + (right - left) * done // total
            done += weight
            ends[index + offset] = left + (right - left) * done // total
        index = stop


def _middle(word: ClipWord) -> int:
    return (word.start_ms + word.end_ms) // 2


def _from_clip_start(word: ClipWord, clip: Clip) -> ClipWord:
    start = min(max(0, word.start_ms - clip.start_ms), clip.duration_ms)
    end = min(max(start, word.end_ms - clip.start_ms), clip.duration_ms)
    return ClipWord(word.text, start, end, word.timed)


def _estimate_note(
    number: int, turn: TranscriptTurn, span: Span, inside: list[ClipWord]
) -> str | None:
    untimed = sum(1 for w in inside if not w.timed)
    if not untimed:
        return None
    where = f"{_seconds(span.start_ms)}–{_seconds(span.end_ms)}"
    if turn.start_ms is None:
        return (
            f"turn {number} has no times: its {untimed} word(s) in the clip were spread over "
            f"{where}, estimated from text length"
        )
    if untimed == len(inside):
        return (
            f"turn {number} has no word times: its {untimed} word(s) in the clip were spread "
            f"over the turn's span ({where}) by length"
        )
    return (
        f"turn {number}: {untimed} of {len(inside)} word(s) in the clip had no times; they were "
        f"spread between the timed words around them (turn {where}) by length"
    )


def _seconds(ms: int) -> str:
    return f"{ms / 1000:.1f} s"
