"""import → export → import keeps speaker, text and times for every format that carries them."""

from __future__ import annotations

import pytest

from editor.core.formats import FORMATS, ExportOptions, ImportOptions, export, read_transcript
from editor.core.model import Transcript
from editor.core.textfile import DecodedText
from tests.conftest import EPISODE_TRANSCRIPT
from tests.formats.conftest import CORPUS, rows

TIMED_FORMATS = ["srt", "vtt", "json"]
CORPUS_FILES = sorted(p.name for p in CORPUS.iterdir())


def _reimport(transcript: Transcript, name: str, **options: bool) -> Transcript:
    exported = export(transcript, name, ExportOptions(**options))  # type: ignore[arg-type]
    assert isinstance(exported.content, str)
    source = DecodedText(exported.content, "utf-8", f"again.{name}")
    read = FORMATS[name].read
    assert read is not None
    import_options = ImportOptions(one_turn_per_cue=options.get("one_cue_per_turn", False))
    return read(source, import_options)


@pytest.mark.parametrize("name", TIMED_FORMATS)
@pytest.mark.parametrize("per_turn", [False, True])
def test_timed_transcript_round_trips_exactly(
    timed_sample: Transcript, name: str, per_turn: bool
) -> None:
    again = _reimport(timed_sample, name, one_cue_per_turn=per_turn)
    assert rows(again) == rows(timed_sample)
    assert again.warnings == ()


def test_plain_text_round_trip_keeps_start_seconds(timed_sample: Transcript) -> None:
    again = _reimport(timed_sample, "txt", with_times=True)
    assert [(t.speaker, t.text) for t in again.turns] == [
        (t.speaker, t.text) for t in timed_sample.turns
    ]
    assert [t.start_ms for t in again.turns] == [
        (t.start_ms or 0) // 1000 * 1000 for t in timed_sample.turns
    ]


def _normal(transcript: Transcript, with_end: bool) -> list[tuple[object, ...]]:
    return [
        (t.speaker, " ".join(t.text.split()), t.start_ms, t.end_ms if with_end else None)
        for t in transcript.turns
    ]


@pytest.mark.parametrize("source", CORPUS_FILES)
@pytest.mark.parametrize("name", TIMED_FORMATS)
def test_every_corpus_file_survives_each_timed_format(source: str, name: str) -> None:
    first = read_transcript(CORPUS / source)
    if any(t.start_ms is None for t in first.turns):
        pytest.skip("untimed turns get estimated times on export, by design")
    again = _reimport(first, name)
    has_ends = all(t.end_ms is not None for t in first.turns)
    assert _normal(again, has_ends) == _normal(first, has_ends)


def test_word_timings_survive_p20_json(timed_sample: Transcript) -> None:
    first = read_transcript(CORPUS / "p20_words.json")
    again = _reimport(first, "json")
    assert [t.words for t in again.turns] == [t.words for t in first.turns]


def test_untimed_episode_round_trips_through_plain_text() -> None:
    first = read_transcript(EPISODE_TRANSCRIPT)
    assert rows(_reimport(first, "txt")) == rows(first)
