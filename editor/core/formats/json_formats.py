"""JSON transcripts: Podcasting 2.0 (read and write) and Whisper-family recogniser output (read).

Podcasting 2.0: ``{"version", "segments": [{"speaker", "startTime", "endTime", "body"}]}``, times
in float seconds, one segment per word or per phrase. A body ending in a newline ends a paragraph;
this writer ends every turn that way, so its files read back turn for turn.

Whisper family: openai-whisper and faster-whisper (``segments[].words[]`` with ``probability``),
WhisperX (``score``, ``speaker`` labels such as ``SPEAKER_00``, words that may lack times),
whisper-timestamped (``text`` and ``confidence`` per word, a ``confidence`` per segment too) and
whisper.cpp (``transcription[]`` with millisecond ``offsets``). A word's confidence (0–1) is kept
whichever key carries it; a word without one takes its segment's, when the segment has one.
"""

from __future__ import annotations

import json
from typing import Any

from editor.core.errors import InputError
from editor.core.formats.base import Cue, Exported, ExportOptions, ImportOptions, Warnings, sample
from editor.core.formats.captions import turn_spans, untimed_warning
from editor.core.formats.grouping import carry_speakers, group
from editor.core.model import Transcript, Word
from editor.core.textfile import DecodedText
from editor.core.timecode import MAX_MS, seconds_from_file

MAX_SECONDS = MAX_MS / 1000

P20 = "json"
WHISPER = "whisper"
P20_VERSION = "1.0.0"
# openai-whisper/faster-whisper, WhisperX, whisper-timestamped (and Podcasting 2.0 extensions)
CONFIDENCE_KEYS = ("probability", "score", "confidence")


def load(source: DecodedText) -> Any:
    try:
        return json.loads(source.text)
    except json.JSONDecodeError as error:
        raise InputError(source.path, f"not valid JSON: {error.msg}", error.lineno) from error


def _looks_like_json_object(text: str) -> bool:
    return sample(text, 4096).lstrip("\ufeff").lstrip().startswith("{")


def sniff_p20(text: str) -> bool:
    head = sample(text, 4096)
    return _looks_like_json_object(text) and '"segments"' in head and '"startTime"' in head


def sniff_whisper(text: str) -> bool:
    head = sample(text, 8192)
    if not _looks_like_json_object(text) or '"startTime"' in head:
        return False
    return ('"segments"' in head and '"start"' in head) or '"transcription"' in head


# -- Podcasting 2.0 ------------------------------------------------------------------------------


def read_p20(source: DecodedText, options: ImportOptions) -> Transcript:
    data = load(source)
    segments = data.get("segments") if isinstance(data, dict) else None
    if not isinstance(segments, list):
        raise InputError(source.path, "not a Podcasting 2.0 transcript: no 'segments' list")
    warnings = Warnings(source.path)
    word_level = _mostly_single_words(segments)
    cues: list[Cue] = []
    for index, segment in enumerate(segments):
        cue = _p20_cue(segment, index, warnings, word_level)
        if cue is not None:
            cues.append(cue)
    if not cues:
        raise InputError(source.path, "the transcript has no segments with text")
    carry_speakers(cues)
    return Transcript(tuple(group(cues, options)), warnings.result(), source.encoding)


def _mostly_single_words(segments: list[Any]) -> bool:
    bodies = [s.get("body", "") for s in segments[:200] if isinstance(s, dict)]
    single = sum(1 for b in bodies if isinstance(b, str) and len(b.split()) <= 1)
    return bool(bodies) and single >= 0.8 * len(bodies)


def _p20_cue(segment: Any, index: int, warnings: Warnings, word_level: bool) -> Cue | None:
    where = f"segment {index + 1}"
    if not isinstance(segment, dict) or not isinstance(segment.get("body"), str):
        warnings.add(None, f"{where} has no text body; skipped", kind="segment without body")
        return None
    body: str = segment["body"]
    start, end = _seconds(segment.get("startTime")), _seconds(segment.get("endTime"))
    if start is None:
        warnings.add(None, f"{where} has no startTime; kept untimed", kind="no startTime")
    if start is not None and end is not None and end < start:
        warnings.add(None, f"{where} ends before it starts; end set to start", kind="reversed")
        end = start
    speaker = segment.get("speaker")
    text = " ".join(body.split())
    words = [Word(text, start, end, _confidence(segment))] if word_level and text else []
    return Cue(
        index + 1,
        start,
        end,
        text,
        speaker=(speaker.strip() or None) if isinstance(speaker, str) else None,
        ends_turn=body.endswith("\n"),
        words=words,
    )


def _seconds(value: Any) -> int | None:
    if type(value) is float or type(value) is int:  # the common case, kept fast
        return int(value * 1000 + 0.5) if 0 <= value <= MAX_SECONDS else None
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        seconds = float(value)
    except ValueError:
        return None
    return seconds_from_file(seconds)


def write_p20(transcript: Transcript, options: ExportOptions) -> Exported:
    spans, untimed = turn_spans(transcript.turns)
    segments: list[dict[str, Any]] = []
    for turn, span in zip(transcript.turns, spans, strict=True):
        speaker = turn.speaker or ""
        words = _timed_words_matching(turn.words, turn.text)
        if words is not None:
            for position, word in enumerate(words):
                last = position == len(words) - 1
                segments.append(
                    _segment(
                        speaker, word.start_ms, word.end_ms, word.text + ("\n" if last else "")
                    )
                )
        else:
            segments.append(_segment(speaker, span.start_ms, span.end_ms, turn.text + "\n"))
    content = json.dumps(
        {"version": P20_VERSION, "segments": segments}, ensure_ascii=False, indent=1
    )
    warnings = (untimed_warning(options.destination, untimed),) if untimed else ()
    return Exported(content + "\n", warnings)


def _segment(speaker: str, start: int | None, end: int | None, body: str) -> dict[str, Any]:
    assert start is not None and end is not None
    return {"speaker": speaker, "startTime": start / 1000, "endTime": end / 1000, "body": body}


def _timed_words_matching(words: tuple[Word, ...], text: str) -> tuple[Word, ...] | None:
    """The words, when each is timed and together they spell the text."""
    if not words or any(w.start_ms is None or w.end_ms is None for w in words):
        return None
    return words if " ".join(w.text for w in words) == " ".join(text.split()) else None


# -- Whisper family ------------------------------------------------------------------------------


def read_whisper(source: DecodedText, options: ImportOptions) -> Transcript:
    data = load(source)
    if not isinstance(data, dict):
        raise InputError(source.path, "not a Whisper transcript: expected a JSON object")
    warnings = Warnings(source.path)
    if isinstance(data.get("segments"), list):
        cues = [
            c
            for i, s in enumerate(data["segments"])
            if (c := _whisper_cue(s, i, warnings)) is not None
        ]
    elif isinstance(data.get("transcription"), list):
        cues = [
            c
            for i, s in enumerate(data["transcription"])
            if (c := _whisper_cpp_cue(s, i, warnings)) is not None
        ]
    else:
        raise InputError(source.path, "not a Whisper transcript: no 'segments' or 'transcription'")
    if not cues:
        raise InputError(source.path, "the transcript has no segments with text")
    carry_speakers(cues)
    return Transcript(tuple(group(cues, options)), warnings.result(), source.encoding)


def _whisper_cue(segment: Any, index: int, warnings: Warnings) -> Cue | None:
    if not isinstance(segment, dict) or not isinstance(segment.get("text"), str):
        warnings.add(None, f"segment {index + 1} has no text; skipped", kind="no text")
        return None
    words = _whisper_words(segment.get("words") or [], _confidence(segment))
    untimed = sum(1 for w in words if w.start_ms is None)
    if untimed:
        warnings.add(
            None,
            f"segment {index + 1}: {untimed} word(s) without times kept untimed",
            kind="untimed words",
        )
    speaker = segment.get("speaker")
    return Cue(
        index + 1,
        _seconds(segment.get("start")),
        _seconds(segment.get("end")),
        " ".join(segment["text"].split()),
        speaker=speaker if isinstance(speaker, str) and speaker else None,
        words=words,
    )


def _confidence(item: dict[str, Any]) -> float | None:
    """A recogniser's confidence in 0–1 under any of the keys the Whisper family uses."""
    for key in CONFIDENCE_KEYS:
        value = item.get(key)
        if type(value) is float or type(value) is int:  # not a bool
            return float(value) if 0 <= value <= 1 else None  # also rejects NaN
    return None


def _whisper_words(raw_words: Any, segment_confidence: float | None = None) -> list[Word]:
    """Words of a segment; a loop rather than a helper per word, as there are 100k of them."""
    words: list[Word] = []
    if not isinstance(raw_words, list):
        return words
    for raw in raw_words:
        if type(raw) is not dict:
            continue
        text = raw.get("word") or raw.get("text")
        if type(text) is not str or not (text := text.strip()):
            continue
        confidence = _confidence(raw)
        words.append(
            Word(
                text,
                _seconds(raw.get("start")),
                _seconds(raw.get("end")),
                segment_confidence if confidence is None else confidence,
            )
        )
    return words


def _whisper_cpp_cue(segment: Any, index: int, warnings: Warnings) -> Cue | None:
    if not isinstance(segment, dict) or not isinstance(segment.get("text"), str):
        warnings.add(None, f"segment {index + 1} has no text; skipped", kind="no text")
        return None
    offsets = segment.get("offsets")
    if not isinstance(offsets, dict):
        offsets = {}
    speaker = segment.get("speaker")
    return Cue(
        index + 1,
        _milliseconds(offsets.get("from")),
        _milliseconds(offsets.get("to")),
        " ".join(segment["text"].split()),
        speaker=f"Speaker {speaker}" if isinstance(speaker, str) and speaker else None,
    )


def _milliseconds(value: Any) -> int | None:
    """whisper.cpp writes integer milliseconds; anything else is no time at all."""
    return value if type(value) is int and 0 <= value <= MAX_MS else None
