"""Import and export speed: 12,000-cue SRT, VTT and Whisper JSON files, and every export format.

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


def main(turns: int = 12_000) -> None:
    transcript = long_transcript(turns)
    words = sum(len(t.text.split()) for t in transcript.turns)
    tag = f"[{turns} turns]"
    print(f"{tag} transcript: {words} words")
    sources = {
        "srt": export(transcript, "srt", ExportOptions(one_cue_per_turn=True)).content,
        "vtt": export(transcript, "vtt", ExportOptions(one_cue_per_turn=True)).content,
        "whisper": whisper_json(transcript),
        "txt": export(long_transcript(turns, speakers=6, timed=False), "txt").content,
    }
    for name, content in sources.items():
        assert isinstance(content, str)
        source = DecodedText(content, "utf-8", f"bench.{name}")
        cues = content.count("-->") if name in ("srt", "vtt") else turns
        result = parse_source(source, name, ImportOptions())
        elapsed = best_ms(lambda s=source, n=name: parse_source(s, n, ImportOptions()))
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
