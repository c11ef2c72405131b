"""The JSON of speech-to-text services: AssemblyAI, Deepgram and Rev.ai (read).

- AssemblyAI (``/v2/transcript``): ``utterances[]`` with ``speaker`` (``"A"``), ``start``/``end``
  in integer milliseconds, ``text``, ``confidence`` and ``words[]`` (``text``, ``start``, ``end``,
  ``confidence``, ``speaker``); without diarization only the top-level ``words[]`` (or ``text``).
- Deepgram (``/v1/listen``): ``results.utterances[]`` (``speaker``, ``start``/``end`` in seconds,
  ``transcript``, ``words``) when asked for, and always ``results.channels[].alternatives[0]``
  with ``words[]`` (``word``, ``punctuated_word``, ``start``, ``end``, ``confidence``,
  ``speaker``). A file with several channels and no diarization names each channel.
- Rev.ai (``/speechtotext/v1/jobs/{id}/transcript``): ``monologues[]`` with ``speaker`` (a number)
  or ``speaker_name`` and ``elements[]``: ``{"type": "text", "value", "ts", "end_ts",
  "confidence"}`` and ``{"type": "punct", "value"}``, punctuation joining the word before it.

Speakers become ``Speaker A`` / ``Speaker 0``; every word keeps its times and confidence. JSON
carries no useful line numbers, so problems are named by the item (``utterance 3``).
"""

from __future__ import annotations

from typing import Any

from editor.core.errors import InputError
from editor.core.formats.base import Cue, ImportOptions, Warnings, sample
from editor.core.formats.grouping import carry_speakers, group
from editor.core.formats.json_formats import _confidence, _seconds, load
from editor.core.model import Transcript, Word
from editor.core.textfile import DecodedText
from editor.core.timecode import MAX_MS


def _object_head(text: str) -> str | None:
    head = sample(text, 8192).lstrip("\ufeff").lstrip()
    return head if head.startswith("{") else None


def sniff_deepgram(text: str) -> bool:
    head = _object_head(text)
    return head is not None and '"results"' in head and '"channels"' in head


def sniff_assemblyai(text: str) -> bool:
    head = _object_head(text)
    if head is None or '"results"' in head or '"segments"' in head or '"monologues"' in head:
        return False
    return '"audio_url"' in head or '"utterances"' in head or '"acoustic_model"' in head


def sniff_revai(text: str) -> bool:
    head = _object_head(text)
    return head is not None and '"monologues"' in head and '"elements"' in head


def _speaker(value: Any) -> str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return f"Speaker {value}"
    if isinstance(value, str) and value.strip():
        value = value.strip()
        return f"Speaker {value}" if len(value) <= 3 else value
    return None


def _milliseconds(value: Any) -> int | None:
    """AssemblyAI's integer milliseconds (a float is rounded)."""
    if type(value) is int or type(value) is float:
        return round(value) if 0 <= value <= MAX_MS else None
    return None


def _word(raw: Any, text_keys: tuple[str, ...], seconds: bool) -> Word | None:
    if type(raw) is not dict:
        return None
    text = next((v for k in text_keys if type(v := raw.get(k)) is str and v.strip()), None)
    if text is None:
        return None
    convert = _seconds if seconds else _milliseconds
    return Word(
        " ".join(text.split()), convert(raw.get("start")), convert(raw.get("end")), _confidence(raw)
    )


def _words(raw: Any, text_keys: tuple[str, ...], seconds: bool) -> list[Word]:
    if not isinstance(raw, list):
        return []
    return [w for item in raw if (w := _word(item, text_keys, seconds)) is not None]


def _finish(
    cues: list[Cue], source: DecodedText, warnings: Warnings, opts: ImportOptions
) -> Transcript:
    if not cues:
        raise InputError(source.path, "the transcript has no words or utterances with text")
    carry_speakers(cues)
    return Transcript(tuple(group(cues, opts)), warnings.result(), source.encoding)


def _object(source: DecodedText, service: str) -> dict[str, Any]:
    data = load(source)
    if not isinstance(data, dict):
        raise InputError(source.path, f"not a {service} transcript: expected a JSON object")
    if data.get("status") == "error" or (service == "Rev.ai" and data.get("failure")):
        reason = data.get("error") or data.get("failure_detail") or data.get("failure")
        raise InputError(source.path, f"not a {service} transcript: the job failed ({reason})")
    return data


# -- AssemblyAI ----------------------------------------------------------------------------------


def read_assemblyai(source: DecodedText, options: ImportOptions) -> Transcript:
    data = _object(source, "AssemblyAI")
    warnings = Warnings(source.path)
    keys = ("text",)
    cues: list[Cue] = []
    if isinstance(data.get("utterances"), list):
        for index, item in enumerate(data["utterances"]):
            cue = _utterance(item, index, keys, False, warnings)
            if cue is not None:
                cues.append(cue)
    elif isinstance(data.get("words"), list):
        cues = _word_cues(_raw_with_speakers(data["words"], keys, False), warnings)
    elif isinstance(data.get("text"), str) and data["text"].strip():
        cues = [Cue(1, None, None, " ".join(data["text"].split()))]
        warnings.add(None, "no words or utterances: the text is kept as one untimed turn")
    else:
        raise InputError(source.path, "not an AssemblyAI transcript: no 'utterances' or 'words'")
    return _finish(cues, source, warnings, options)


def _utterance(
    item: Any, index: int, keys: tuple[str, ...], seconds: bool, warnings: Warnings
) -> Cue | None:
    kind = "utterance"
    if not isinstance(item, dict):
        warnings.add(None, f"{kind} {index + 1} is not an object; skipped", kind=f"bad {kind}")
        return None
    words = _words(item.get("words"), ("punctuated_word", "word", *keys), seconds)
    text_value = next((item[k] for k in ("transcript", *keys) if isinstance(item.get(k), str)), "")
    text = " ".join(w.text for w in words) if words else " ".join(text_value.split())
    if not text:
        warnings.add(None, f"{kind} {index + 1} has no text; skipped", kind=f"empty {kind}")
        return None
    convert = _seconds if seconds else _milliseconds
    start, end = convert(item.get("start")), convert(item.get("end"))
    if start is None and words:
        start = words[0].start_ms
    if end is None and words:
        end = words[-1].end_ms
    if start is not None and end is not None and end < start:
        warnings.add(None, f"{kind} {index + 1} ends before it starts; end set to start")
        end = start
    return Cue(index + 1, start, end, text, speaker=_speaker(item.get("speaker")), words=words)


def _raw_with_speakers(
    raw: list[Any], keys: tuple[str, ...], seconds: bool, channel: str | None = None
) -> list[tuple[Word, str | None]]:
    found: list[tuple[Word, str | None]] = []
    for item in raw:
        word = _word(item, ("punctuated_word", "word", *keys), seconds)
        if word is not None:
            speaker = _speaker(item.get("speaker")) if isinstance(item, dict) else None
            found.append((word, speaker or channel))
    return found


def _word_cues(words: list[tuple[Word, str | None]], warnings: Warnings) -> list[Cue]:
    """One cue per word; ``group`` joins them into turns at speaker changes and pauses."""
    untimed = sum(1 for word, _ in words if word.start_ms is None)
    if untimed:
        warnings.add(None, f"{untimed} word(s) without times kept untimed")
    return [
        Cue(i + 1, w.start_ms, w.end_ms, w.text, speaker=speaker, words=[w])
        for i, (w, speaker) in enumerate(words)
    ]


# -- Deepgram ------------------------------------------------------------------------------------


def read_deepgram(source: DecodedText, options: ImportOptions) -> Transcript:
    data = _object(source, "Deepgram")
    results = data.get("results")
    if not isinstance(results, dict):
        raise InputError(source.path, "not a Deepgram transcript: no 'results' object")
    warnings = Warnings(source.path)
    keys = ("transcript",)
    if isinstance(results.get("utterances"), list) and results["utterances"]:
        cues = [
            c
            for i, item in enumerate(results["utterances"])
            if (c := _utterance(item, i, keys, True, warnings)) is not None
        ]
        return _finish(cues, source, warnings, options)
    channels = results.get("channels")
    if not isinstance(channels, list):
        raise InputError(source.path, "not a Deepgram transcript: no 'channels' or 'utterances'")
    words: list[tuple[Word, str | None]] = []
    for index, channel in enumerate(channels):
        alternative = _first_alternative(channel)
        if alternative is None:
            warnings.add(None, f"channel {index + 1} has no alternatives; skipped")
            continue
        name = f"Channel {index + 1}" if len(channels) > 1 else None
        if isinstance(alternative.get("words"), list) and alternative["words"]:
            words.extend(_raw_with_speakers(alternative["words"], keys, True, name))
        elif isinstance(alternative.get("transcript"), str) and alternative["transcript"].strip():
            text = " ".join(alternative["transcript"].split())
            words.append((Word(text), name))
            warnings.add(None, f"channel {index + 1} has no words: kept as one untimed turn")
    if len(channels) > 1:
        words.sort(key=lambda pair: -1 if pair[0].start_ms is None else pair[0].start_ms)
    return _finish(_word_cues(words, warnings), source, warnings, options)


def _first_alternative(channel: Any) -> dict[str, Any] | None:
    alternatives = channel.get("alternatives") if isinstance(channel, dict) else None
    if isinstance(alternatives, list) and alternatives and isinstance(alternatives[0], dict):
        return alternatives[0]
    return None


# -- Rev.ai --------------------------------------------------------------------------------------


def read_revai(source: DecodedText, options: ImportOptions) -> Transcript:
    data = _object(source, "Rev.ai")
    monologues = data.get("monologues")
    if not isinstance(monologues, list):
        raise InputError(source.path, "not a Rev.ai transcript: no 'monologues' list")
    warnings = Warnings(source.path)
    cues: list[Cue] = []
    for index, monologue in enumerate(monologues):
        cue = _monologue(monologue, index, warnings)
        if cue is not None:
            cues.append(cue)
    return _finish(cues, source, warnings, options)


def _monologue(monologue: Any, index: int, warnings: Warnings) -> Cue | None:
    where = f"monologue {index + 1}"
    if not isinstance(monologue, dict) or not isinstance(monologue.get("elements"), list):
        warnings.add(None, f"{where} has no 'elements'; skipped", kind="no elements")
        return None
    words: list[Word] = []
    for element in monologue["elements"]:
        if not isinstance(element, dict) or not isinstance(element.get("value"), str):
            continue
        value: str = element["value"]
        if element.get("type") == "text" and value.strip():
            words.append(
                Word(
                    " ".join(value.split()),
                    _seconds(element.get("ts")),
                    _seconds(element.get("end_ts")),
                    _confidence(element),
                )
            )
        elif value.strip() and words:  # punctuation belongs to the word before it
            last = words[-1]
            words[-1] = Word(last.text + value.strip(), last.start_ms, last.end_ms, last.confidence)
        elif value.strip():
            words.append(Word(value.strip()))
    if not words:
        warnings.add(None, f"{where} has no text; skipped", kind="empty monologue")
        return None
    starts = [w.start_ms for w in words if w.start_ms is not None]
    ends = [w.end_ms for w in words if w.end_ms is not None]
    name = monologue.get("speaker_name")
    speaker = name.strip() if isinstance(name, str) and name.strip() else None
    return Cue(
        index + 1,
        min(starts) if starts else None,
        max(ends) if ends else None,
        " ".join(w.text for w in words),
        speaker=speaker or _speaker(monologue.get("speaker")),
        words=words,
    )
