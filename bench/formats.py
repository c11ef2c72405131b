"""Import and export speed: 12,000-cue SRT, VTT (also word-timed) and Whisper JSON files, and
every export format.

Prints ``name: value unit`` lines, best of several runs.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable

from bench.generate import long_transcript
from editor.core.formats import FORMATS, ExportOptions, ImportOptions, export, parse_source
from editor.core.model import Transcript
from editor.core.textfile import DecodedText
from editor.core.timecode import format_precise


def best_ms(action: Callable[[], object], repeat: int = 3) -> float:
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        timings.append((time.perf_counter() - started) * 1000)
    return min(timings)


def whisper_json(transcript: Transcript) -> str:
    segments = [
        {
            "start": t.start_ms / 1000,  # type: ignore[operator]
            "end": t.end_ms / 1000,  # type: ignore[operator]
            "text": " " + t.text,
            "speaker": t.speaker,
            "words": [
                {
                    "word": w.text,
                    "start": w.start_ms / 1000,
                    "end": w.end_ms / 1000,  # type: ignore[operator]
                    "score": w.confidence,
                }
                for w in t.words
            ],
        }
        for t in transcript.turns
    ]
    return json.dumps({"segments": segments})


def word_timed_vtt(transcript: Transcript) -> str:
    """A cue per turn with a timestamp tag before every word, as word-level captions have it
    (``<00:00:01.200><c>word</c>``)."""
    blocks = ["WEBVTT"]
    for turn in transcript.turns:
        words = " ".join(f"<{format_precise(w.start_ms or 0)}><c>{w.text}</c>" for w in turn.words)
        timing = f"{format_precise(turn.start_ms or 0)} --> {format_precise(turn.end_ms or 0)}"
        blocks.append(f"{timing}\n<v {turn.speaker}>{words}")
    return "\n\n".join(blocks) + "\n"


def main(turns: int = 12_000) -> None:
    transcript = long_transcript(turns)
    words = sum(len(t.text.split()) for t in transcript.turns)
    tag = f"[{turns} turns]"
    print(f"{tag} transcript: {words} words")
    sources = {
        "srt": export(transcript, "srt", ExportOptions(one_cue_per_turn=True)).content,
        "vtt": export(transcript, "vtt", ExportOptions(one_cue_per_turn=True)).content,
        "vtt-words": word_timed_vtt(transcript),
        "whisper": whisper_json(transcript),
        "txt": export(long_transcript(turns, speakers=6, timed=False), "txt").content,
    }
    for name, content in sources.items():
        assert isinstance(content, str)
        fmt = name.split("-")[0]
        source = DecodedText(content, "utf-8", f"bench.{fmt}")
        cues = content.count("-->") if fmt in ("srt", "vtt") else turns
        result = parse_source(source, fmt, ImportOptions())
        elapsed = best_ms(lambda s=source, f=fmt: parse_source(s, f, ImportOptions()))
        what = "untimed, 6 speakers" if name == "txt" else f"{cues} cues"
        print(f"{tag} import {name} ({what} -> {len(result.turns)} turns): {elapsed:.0f} ms")
    for name, fmt in FORMATS.items():
        if fmt.write is not None:
            elapsed = best_ms(
                lambda n=name: export(transcript, n), repeat=1 if name == "docx" else 3
            )
            print(f"{tag} export {name}: {elapsed:.0f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 12_000)
