"""The same input gives the same alignment, whatever eSpeak NG spoke before in the process.

eSpeak NG keeps state from one text it speaks to the next; every synthesis runs in a fresh
process (``speech.Speaker``), so neither aligner's result depends on what came before.
"""

from __future__ import annotations

import json

import pytest

from editor.core.align.aligner import ACOUSTIC, SPEECH, align_media
from editor.core.align.speech import Speaker, speak
from editor.core.formats import read_transcript
from tests.conftest import SAMPLE10_MP3, SAMPLE10_TRANSCRIPT
from tests.core.test_alignment import HARD, require_espeak

OTHER = ["Completely different words, spoken first.", "Yes? No. Maybe... 1990!"]


@pytest.fixture(autouse=True)
def _espeak() -> None:
    require_espeak()


def _texts() -> list[str]:
    return [t.text for t in read_transcript(SAMPLE10_TRANSCRIPT).turns]


def test_a_text_is_spoken_the_same_after_others() -> None:
    first = speak(_texts()[:3])
    speak(OTHER)
    again = speak(_texts()[:3])
    assert first.samples.tobytes() == again.samples.tobytes()
    assert (first.turn_starts, first.words) == (again.turn_starts, again.words)


def test_batches_come_back_in_order_and_a_closed_speaker_stops() -> None:
    with Speaker([OTHER, _texts()[:2]]) as speaker:
        assert speaker.next().words[1] and len(speaker.next().turn_starts) == 2
    with Speaker([_texts()] * 50) as speaker:  # closed while it is still speaking
        speaker.next()


def test_the_espeak_aligner_gives_the_same_times_after_other_speech() -> None:
    first = align_media(SAMPLE10_MP3, _texts(), method=SPEECH)
    speak(OTHER)
    assert align_media(SAMPLE10_MP3, _texts(), method=SPEECH) == first


def test_the_acoustic_aligner_with_its_second_opinion_gives_the_same_times() -> None:
    """A paragraph missing from the audio makes windows fail, so the eSpeak NG aligner is
    asked where the next turns start (in this process, the recording being short)."""
    extra = json.loads(HARD.with_suffix(".json").read_text())["turns"][4]["text"]
    texts = _texts()
    texts = [*texts[:4], extra, *texts[4:]]
    first = align_media(SAMPLE10_MP3, texts, method=ACOUSTIC)
    assert first.failures > 0  # the coarse aligner was asked
    speak(OTHER)
    assert align_media(SAMPLE10_MP3, texts, method=ACOUSTIC) == first
