"""A clip's captions: SRT or WebVTT with times from the clip's start, and the cues of its video.

The files are written by the caption exporters themselves (``formats.srt_format``,
``formats.vtt_format``), from a transcript of the clip's words whose every word has a time, so
cues follow their line and length rules and start at the word that begins them. The video's
cues use the SRT caption profile (2 lines of 32 characters) and keep, for each piece of a line,
the word it belongs to, so the word being spoken can be marked.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

from editor.core.errors import EditorError
from editor.core.formats import srt_format, vtt_format
from editor.core.formats.base import Exported, ExportOptions
from editor.core.formats.captions import CaptionLimits, cut_turn
from editor.core.model import Transcript, TranscriptTurn, Word
from editor.core.time_estimates import Span

from .clip_words import ClipSpeech, ClipTurn, ClipWord

WRITERS = {".srt": srt_format.write, ".vtt": vtt_format.write}
VIDEO_LIMITS: CaptionLimits = srt_format.LIMITS


@dataclass(frozen=True, slots=True)
class CuePiece:
    """Text on a caption line and the word of the clip it shows (a long word may be cut)."""

    text: str
    word: ClipWord


@dataclass(frozen=True, slots=True)
class VideoCue:
    start_ms: int
    end_ms: int
    speaker: str
    lines: tuple[tuple[CuePiece, ...], ...]

    def words(self) -> list[ClipWord]:
        """The cue's words in order, each once."""
        seen: list[ClipWord] = []
        for line in self.lines:
            for piece in line:
                if not seen or seen[-1] is not piece.word:
                    seen.append(piece.word)
        return seen


def clip_transcript(speech: ClipSpeech) -> Transcript:
    """The clip's turns as exporters read them, every word timed from the clip's start."""
    return Transcript(tuple(_transcript_turn(turn) for turn in speech.turns))


def _transcript_turn(turn: ClipTurn) -> TranscriptTurn:
    return TranscriptTurn(
        speaker=turn.speaker or None,
        text=" ".join(w.text for w in turn.words),
        start_ms=turn.start_ms,
        end_ms=turn.end_ms,
        words=tuple(Word(w.text, w.start_ms, w.end_ms) for w in turn.words),
    )


def clip_captions(speech: ClipSpeech, destination: str, suffix: str | None = None) -> Exported:
    """SRT or WebVTT (by ``suffix``, else ``destination``'s extension) for the clip; what was
    estimated is told in its warnings, which name ``destination``."""
    if suffix is None:
        suffix = PurePath(destination).suffix
    writer = WRITERS.get(suffix.lower())
    if writer is None:
        raise EditorError(f"{destination}: choose .srt or .vtt for a clip's captions")
    if not speech.turns:
        raise EditorError("the clip has no words to caption (no turn falls inside it)")
    exported = writer(clip_transcript(speech), ExportOptions(destination=destination))
    notes = tuple(f"{destination}: {note}" for note in speech.notes)
    return Exported(exported.content, notes + exported.warnings)


def video_cues(speech: ClipSpeech, limits: CaptionLimits = VIDEO_LIMITS) -> list[VideoCue]:
    """The cues burned into the video, in order, each knowing the word behind every piece."""
    cues: list[VideoCue] = []
    for turn in speech.turns:
        words = turn.words
        span = Span(turn.start_ms, turn.end_ms, estimated=False)
        index, used = 0, 0  # the word the next piece belongs to, and how much of it is shown
        for cue in cut_turn(_transcript_turn(turn), span, turn.number, limits):
            lines = []
            for line in cue.lines:
                pieces = []
                for text in line.split(" "):
                    pieces.append(CuePiece(text, words[index]))
                    used += len(text)
                    if used >= len(words[index].text):
                        index, used = min(index + 1, len(words) - 1), 0
                lines.append(tuple(pieces))
            cues.append(VideoCue(cue.start_ms, cue.end_ms, turn.speaker, tuple(lines)))
    return cues
