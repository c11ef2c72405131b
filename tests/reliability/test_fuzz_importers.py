"""Every importer, fed generated input: it either reads it or raises ``InputError`` naming the
file (and the line, unless the problem is the whole file). Anything else is a bug.

The ``ci`` Hypothesis profile runs a few hundred inputs per importer; ``HYPOTHESIS_PROFILE=nightly``
runs 8,000 each, over 100,000 in all. The counts are printed in the reliability figures.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from editor.core.episode_page import read_episode_page
from editor.core.errors import InputError
from editor.core.formats import AUTO, FORMATS, ImportOptions, import_formats, parse_source
from editor.core.glossary.csv_io import read_glossary_csv
from editor.core.model import Transcript
from editor.core.textfile import DecodedText, decode
from editor.core.timecode import MAX_MS
from tests.reliability.figures import count
from tests.reliability.fuzz_inputs import (
    any_document,
    csv_document,
    json_document,
    raw_bytes,
    spliced_corpus,
    text_document,
)

pytestmark = pytest.mark.slow  # a long reliability run: `pytest -m "not slow"` skips it

# Problems that concern the whole file rather than one line of it.
WHOLE_FILE = re.compile(
    r"empty|binary|encoding|not valid|not text|no turns|no subtitle cues|no cues|no .* header"
    r"|no segments|no 'segments'|not a Whisper|not a Podcasting|not an oTranscribe|has no text"
    r"|cannot tell the transcript format|no episode description|no speaker lines"
    r"|not an? (?:AssemblyAI|Deepgram|Rev\.ai) transcript|no words or utterances"
    r"|no transcript paragraphs"
)
JSON_FORMATS = ("json", "whisper", "otr", "assemblyai", "deepgram", "revai")
TEXT_FORMATS = tuple(name for name in import_formats() if name not in JSON_FORMATS)


def _outcome(read: Callable[[], object], path: str, text: str) -> str:
    try:
        result = read()
    except InputError as error:
        assert error.path == path, f"the error names {error.path}, not the file {path}"
        if error.line is None:
            assert WHOLE_FILE.search(error.reason), f"no line for: {error.reason}"
        else:
            lines = len(re.split(r"\r\n|\r|\n", text))
            assert 1 <= error.line <= lines + 1, f"line {error.line} is not in the file"
        return "refused"
    if isinstance(result, Transcript):
        _check_transcript(result)
    return "read"


def _check_transcript(transcript: Transcript) -> None:
    """What the project needs of an imported transcript, whatever the file said."""
    assert transcript.turns
    for turn in transcript.turns:
        assert isinstance(turn.text, str) and "\x00" not in turn.text
        assert turn.speaker is None or (isinstance(turn.speaker, str) and turn.speaker.strip())
        for value in (turn.start_ms, turn.end_ms):
            assert value is None or (type(value) is int and 0 <= value <= MAX_MS), f"bad {value!r}"
        for word in turn.words:
            for value in (word.start_ms, word.end_ms):
                assert value is None or (type(value) is int and 0 <= value <= MAX_MS), value


def _parse(text: str, format_name: str, suffix: str) -> str:
    path = f"fuzz{suffix}"
    source = DecodedText(text, "utf-8", path)
    outcome = _outcome(lambda: parse_source(source, format_name, ImportOptions()), path, text)
    count("fuzz cases run")
    return outcome


@pytest.mark.parametrize("format_name", TEXT_FORMATS)
@given(text=st.one_of(text_document, spliced_corpus()))
def test_text_importers(format_name: str, text: str) -> None:
    _parse(text, format_name, FORMATS[format_name].extensions[0])


@pytest.mark.parametrize("format_name", JSON_FORMATS)
@given(text=st.one_of(json_document, spliced_corpus()))
def test_json_importers(format_name: str, text: str) -> None:
    _parse(text, format_name, FORMATS[format_name].extensions[0])


@given(text=any_document, suffix=st.sampled_from([".srt", ".vtt", ".json", ".txt", ".otr", ""]))
def test_detection_then_import(text: str, suffix: str) -> None:
    _parse(text, AUTO, suffix)


@given(data=raw_bytes)
def test_decoding_any_bytes_then_import(data: bytes) -> None:
    path = "fuzz.srt"

    def read() -> object:
        return parse_source(decode(data, path))

    _outcome(read, path, data.decode("latin-1"))
    count("fuzz cases run")


@given(text=csv_document)
def test_glossary_csv(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "glossary.csv"
        path.write_text(text, encoding="utf-8")
        _outcome(lambda: read_glossary_csv(path), str(path), text)
    count("fuzz cases run")


@given(text=st.one_of(text_document, spliced_corpus()))
def test_episode_page(text: str) -> None:
    path = "page.txt"
    _outcome(lambda: read_episode_page(DecodedText(text, "utf-8", path)), path, text)
    count("fuzz cases run")
