"""Automatic alignment against ground truth, anchors, cancelling; the timing operations."""

from __future__ import annotations

import functools
import json
import shutil
import statistics
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from bench import align as bench_align
from bench.align import Case, measure
from bench.assembled import write_wav
from editor.core import ops
from editor.core.align.acoustic import NAME as ACOUSTIC_NAME
from editor.core.align.acoustic.decoder import Sphinx
from editor.core.align.acoustic.lexicon import cardinal, spoken_words
from editor.core.align.acoustic.phonemes import from_espeak, letter_to_sound
from editor.core.align.aligner import ACOUSTIC, SPEECH, SPEECH_NAME, align_file, align_media
from editor.core.align.dtw import AlignmentCancelled
from editor.core.align.project import AlignmentResult, plan, run
from editor.core.align.result import AlignedTurn, Anchor
from editor.core.formats import read_transcript
from editor.core.model import ALIGNED, CONFIRMED, ESTIMATED, Transcript, TranscriptTurn, Word
from editor.core.project.create import create_project
from editor.core.project.store import ProjectStore
from tests.conftest import SAMPLE10_MP3, SAMPLE10_TRANSCRIPT, SAMPLE10_TRUTH, in_ci

HARD = Path(__file__).parent.parent / "data" / "hard" / "hard12.ogg"


@functools.cache
def _espeak_missing() -> str:
    """Why eSpeak NG cannot speak here ("" when it can); tried once per test run."""
    try:
        from editor.core.align.speech import speak

        speak(["test"])
    except Exception as error:
        return str(error) or type(error).__name__
    return ""


def require_espeak() -> None:
    """Skip without eSpeak NG on a laptop; fail in CI, which must have it."""
    if error := _espeak_missing():
        if in_ci():
            pytest.fail(f"eSpeak NG must be installed in CI: {error}")
        pytest.skip(f"eSpeak NG is not available: {error}")


@pytest.fixture(autouse=True)
def _espeak() -> None:
    require_espeak()


def _errors(
    media: Path, texts: list[str], starts: list[float], method: str = SPEECH
) -> list[float]:
    aligned = align_file(media, texts, method=method)
    return [abs(a.start_ms / 1000 - s) for a, s in zip(aligned, starts, strict=True) if a]


@pytest.mark.parametrize("method", [SPEECH, ACOUSTIC])
def test_sample_aligns_within_the_goals(method: str) -> None:
    truth = json.loads(SAMPLE10_TRUTH.read_text())["turns"]
    texts = [t.text for t in read_transcript(SAMPLE10_TRANSCRIPT).turns]
    errors = _errors(SAMPLE10_MP3, texts, [t["start"] for t in truth], method)
    assert statistics.median(errors) < (0.3 if method == SPEECH else 0.06)
    assert float(np.percentile(errors, 90)) < (1.0 if method == SPEECH else 0.1)


def test_harder_audio_aligns_within_the_goals() -> None:
    """The eSpeak NG aligner on its own kind of voice (the acoustic one: see the bench)."""
    data = json.loads(HARD.with_suffix(".json").read_text())["turns"]
    assert any(t["text"] != t["spoken"] for t in data)  # the text differs from the speech
    errors = _errors(HARD, [t["text"] for t in data], [t["start"] for t in data])
    assert statistics.median(errors) < 0.3
    assert float(np.percentile(errors, 90)) < 1.0


@pytest.mark.parametrize("method", [SPEECH, ACOUSTIC])
def test_anchors_stay_and_the_rest_fits_between_them(method: str) -> None:
    truth = json.loads(SAMPLE10_TRUTH.read_text())["turns"]
    texts = [t.text for t in read_transcript(SAMPLE10_TRANSCRIPT).turns]
    anchor = Anchor(round(truth[5]["start"] * 1000), round(truth[5]["end"] * 1000))
    aligned = align_file(SAMPLE10_MP3, texts, {5: anchor}, method=method)
    assert aligned[5] is None
    before = [a for a in aligned[:5] if a]
    after = [a for a in aligned[6:] if a]
    assert all(a.end_ms <= anchor.start_ms + 40 for a in before)
    assert all(a.start_ms >= anchor.end_ms - 40 for a in after)
    errors = [abs(a.start_ms / 1000 - t["start"]) for a, t in zip(aligned, truth, strict=True) if a]
    assert statistics.median(errors) < 0.3


@pytest.mark.parametrize("method", [SPEECH, ACOUSTIC])
def test_cancelling_stops_the_alignment(method: str) -> None:
    texts = [t.text for t in read_transcript(SAMPLE10_TRANSCRIPT).turns]
    with pytest.raises(AlignmentCancelled):
        align_file(SAMPLE10_MP3, texts, cancelled=lambda: True, method=method)
    calls: list[float] = []  # cancelled halfway, from the progress callback's thread
    with pytest.raises(AlignmentCancelled):
        align_file(
            SAMPLE10_MP3,
            texts,
            progress=calls.append,
            cancelled=lambda: bool(calls) and calls[-1] > 0.1,
            method=method,
        )
    assert calls and max(calls) < 1


@pytest.fixture
def untimed(tmp_path: Path) -> ProjectStore:
    media = tmp_path / "sample10.mp3"
    shutil.copy(SAMPLE10_MP3, media)
    path = tmp_path / "p.tep"
    create_project(path, media=media, transcript=read_transcript(SAMPLE10_TRANSCRIPT))
    return ProjectStore.open(path)


def test_project_alignment_is_one_undoable_step_with_confidence(untimed: ProjectStore) -> None:
    before = untimed.turns()
    ops.set_times(untimed, before[5].id, 55_600, 78_700)  # a person confirmed this one
    results = run(plan(untimed))
    assert results.report.aligner == ACOUSTIC_NAME
    assert before[5].id not in results and len(results) == 9
    changes = ops.apply_alignment(untimed, results)
    turns = untimed.turns()
    assert [t.timing for t in turns].count(ALIGNED) == 9
    assert turns[5].timing == CONFIRMED and turns[5].start_ms == 55_600 and not turns[5].words
    aligned = [t for t in turns if t.timing == ALIGNED]
    assert all(t.confidence is not None and 0 <= t.confidence <= 1 for t in aligned)
    for turn in aligned:  # every token timed, in order, the turn spanning its words
        assert [w.text for w in turn.words] == turn.text.split()
        starts = [w.start_ms for w in turn.words]
        assert None not in starts and starts == sorted(starts)  # type: ignore[type-var]
        assert turn.start_ms == starts[0] and turn.end_ms == turn.words[-1].end_ms
        assert all(w.confidence is not None for w in turn.words)
    ops.undo(untimed, changes)
    assert [t.start_ms for t in untimed.turns()].count(None) == 9
    assert not any(t.words for t in untimed.turns())


def test_estimates_fill_the_gaps_by_text_length(untimed: ProjectStore) -> None:
    turns = untimed.turns()
    ops.set_times(untimed, turns[0].id, 0, 15_000)
    ops.set_times(untimed, turns[9].id, 141_000, 168_000)
    changes = ops.estimate_missing_times(untimed)
    assert changes.count == 8
    estimated = untimed.turns()[1:9]
    assert all(t.timing == ESTIMATED for t in estimated)
    starts = [t.start_ms for t in estimated]
    assert None not in starts
    assert starts == sorted(s for s in starts if s is not None) and starts[0] == 15_000
    assert estimated[-1].end_ms == 141_000
    lengths = [len(t.text) for t in estimated]
    durations = [(t.end_ms or 0) - (t.start_ms or 0) for t in estimated]
    ratio = [d / n for d, n in zip(durations, lengths, strict=True)]
    assert max(ratio) / min(ratio) < 1.2  # in proportion to the text
    ops.confirm_times(untimed, [estimated[0].id])
    assert untimed.turns()[1].timing == CONFIRMED


def test_stamping_sets_the_start_and_the_previous_end(untimed: ProjectStore) -> None:
    first, second = untimed.turns()[:2]
    ops.stamp_start(untimed, first.id, 0)
    ops.stamp_start(untimed, second.id, 16_990)
    first, second = untimed.turns()[:2]
    assert (first.start_ms, first.end_ms, second.start_ms) == (0, 16_990, 16_990)
    assert second.timing == CONFIRMED
    ops.set_times(untimed, first.id, end_ms=16_000)  # a person set this end: it stays
    ops.stamp_start(untimed, second.id, 17_200)
    assert untimed.turns()[0].end_ms == 16_000


def test_nudging_moves_one_edge(untimed: ProjectStore) -> None:
    turn = untimed.turns()[0]
    ops.set_times(untimed, turn.id, 1000, 5000)
    ops.nudge(untimed, turn.id, "start", -100)
    ops.nudge(untimed, turn.id, "end", 100)
    assert (untimed.turn(turn.id).start_ms, untimed.turn(turn.id).end_ms) == (900, 5100)
    ops.nudge(untimed, turn.id, "start", -5000)
    assert untimed.turn(turn.id).start_ms == 0


def test_timed_imports_are_confirmed(tmp_path: Path) -> None:
    path = tmp_path / "t.tep"
    create_project(path, transcript=Transcript((TranscriptTurn("A", "x", 0, 100),)))
    with ProjectStore.open(path) as store:
        assert store.turns()[0].is_confirmed


# -- the acoustic aligner: real voices (read from ../shared/corpora when it is there) ------------


def _corpus(case: Case | None) -> Case:
    if case is None:
        pytest.skip("the shared corpora are not here (../shared/corpora)")
    return case


def test_the_phone_call_aligns_to_the_word() -> None:
    figures = measure(_corpus(bench_align.phone_call()), ACOUSTIC)
    assert statistics.median(figures.turns) < 0.15 and float(np.percentile(figures.turns, 90)) < 0.3
    assert max(figures.turns) < 0.5
    assert statistics.median(figures.words) < 0.15  # first words of the human utterances
    assert figures.timed >= 0.95 and figures.low_turns == 0


def test_a_reading_gets_every_word_timed() -> None:
    case = _corpus(bench_align.reading())
    result = align_media(case.media, case.texts, method=ACOUSTIC)
    words = [w for t in result.turns if t for w in t.words]
    assert len(words) == sum(len(t.split()) for t in case.texts)
    assert sum(1 for w in words if (w.confidence or 0) > 0.3) / len(words) >= 0.95
    starts = [w.start_ms or 0 for w in words]
    assert starts == sorted(starts) and starts[0] > 5000  # the reading starts after 6.7 s
    assert result.failures == 0


# -- bad input: generated audio ------------------------------------------------------------------


def _sample_texts() -> list[str]:
    return [t.text for t in read_transcript(SAMPLE10_TRANSCRIPT).turns]


@pytest.mark.parametrize("kind", ["silence", "noise and tones"])
def test_audio_without_the_speech_gets_low_confidence_quickly(
    tmp_path: Path, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "Quickly" is counted in audio decoded, not in seconds, so a loaded machine cannot fail it:
    # the aligner gives up after a few passes over audio with nothing to find (4.4 today).
    decoded = [0]
    search = Sphinx.align

    def counted(self: Sphinx, pcm: np.ndarray, *args: Any, **kwargs: Any) -> Any:
        decoded[0] += len(pcm)
        return search(self, pcm, *args, **kwargs)

    monkeypatch.setattr(Sphinx, "align", counted)  # one stretch: it is aligned in this process
    rng = np.random.default_rng(1)
    t = np.arange(60 * 16_000) / 16_000
    samples = (
        np.zeros(len(t))
        if kind == "silence"
        else 0.05 * rng.normal(size=len(t)) + 0.2 * np.sin(2 * np.pi * 220 * t) * (t % 2 < 1)
    )
    result = align_media(write_wav(tmp_path / "x.wav", samples), _sample_texts(), method=ACOUSTIC)
    assert 0 < decoded[0] <= 8 * len(samples)  # at most eight passes over the minute
    turns = [t for t in result.turns if t is not None]
    assert len(turns) == 10 and all(t.confidence < 0.3 for t in turns)
    assert all(0 <= t.start_ms <= t.end_ms <= 60_000 for t in turns)


def test_a_paragraph_missing_from_the_audio_leaves_the_rest_in_place() -> None:
    truth = json.loads(SAMPLE10_TRUTH.read_text())["turns"]
    texts = _sample_texts()
    extra = json.loads(HARD.with_suffix(".json").read_text())["turns"][4]["text"]
    result = align_media(SAMPLE10_MP3, [*texts[:4], extra, *texts[4:]], method=ACOUSTIC)
    aligned = [t for t in result.turns if t is not None]
    missing = aligned.pop(4)
    errors = [abs(a.start_ms / 1000 - t["start"]) for a, t in zip(aligned, truth, strict=True)]
    # The turns next to the gap may be pulled into it; the rest stay where they are.
    assert statistics.median(errors) < 0.1 and sum(e < 0.3 for e in errors) >= 7
    assert missing.confidence < 0.2 and sum(a.confidence < 0.2 for a in aligned) <= 1


def test_a_transcript_in_another_language_goes_to_the_espeak_aligner() -> None:
    french = [
        "C'est évident ce que dit Nicolas, mais je ne me l'étais jamais formulé comme ça.",
        "Ce qui fait la force du smartphone, c'est pas seulement l'accumulation des fonctions.",
    ]
    result = align_media(SAMPLE10_MP3, french)
    assert result.aligner == SPEECH_NAME and "not English" in result.notes[0]


# -- what the aligner is asked to find -------------------------------------------------------------


def test_tokens_become_spoken_words() -> None:
    known = {"percent", "dollars", "hello", "mm", "hmm", "kpmg"}.__contains__
    assert spoken_words("1990,", known) == ["nineteen", "ninety"]
    assert spoken_words("4,000", known) == ["four", "thousand"]
    assert spoken_words("3.5%", known) == ["three", "point", "five", "percent"]
    assert spoken_words("$20", known) == ["twenty", "dollars"]
    assert spoken_words("21st", known) == ["twenty", "first"]
    assert spoken_words("90s", known) == ["nineties"]
    assert spoken_words("Mm-hmm.", known) == ["mm", "hmm"]
    assert spoken_words("“Hello!”", known) == ["hello"]
    assert spoken_words("—", known) == []
    assert spoken_words("Café", known) == ["cafe"]
    assert cardinal(2_000_017) == ["two", "million", "seventeen"]


def test_unknown_words_get_cmu_phones() -> None:
    assert from_espeak("b_l_'0_m_s_t_r_0_m") == ["B", "L", "AA", "M", "S", "T", "R", "AA", "M"]
    assert from_espeak("k_,eI_p_,i:_;_,E_m_dZ_'i:") == ["K", "EY", "P", "IY", "EH", "M", "JH", "IY"]
    assert letter_to_sound("shape") == ["SH", "AE", "P"]
    assert letter_to_sound("123") == ["AH"]


def test_word_times_follow_the_text_as_it_is_now(untimed: ProjectStore) -> None:
    turn = untimed.turns()[0]
    tokens = turn.text.split()
    words = tuple(Word(t, 100 * k, 100 * k + 90, 0.9) for k, t in enumerate(tokens))
    results = AlignmentResult({turn.id: AlignedTurn(0, 100 * len(tokens), 0.9, words)})
    ops.edit_text(untimed, turn.id, "Edited " + " ".join(tokens[1:]))  # while it was aligning
    ops.apply_alignment(untimed, results)
    stored = untimed.turn(turn.id).words
    assert stored[0] == Word("Edited") and stored[1] == words[1]
    assert (untimed.turn(turn.id).start_ms, untimed.turn(turn.id).timing) == (0, ALIGNED)
