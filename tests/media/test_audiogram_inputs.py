"""Audiograms of other inputs: stereo sound at another rate, a clip past the audio's end, a clip
with no words (issue 21). The audio is generated here."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from editor.core.audiogram.render import audiogram_job, make_audiogram
from editor.core.model import Clip, Transcript, TranscriptTurn
from editor.core.project.create import create_project
from editor.core.project.store import ProjectStore
from tests.media.audiogram_helpers import stream_facts

RATE = 44_100


def stereo_wav(path: Path, seconds: float) -> Path:
    """A tone on the left, silence on the right, as 16-bit stereo WAV."""
    import av

    count = round(seconds * RATE)
    tone = (0.4 * np.sin(2 * np.pi * 330 * np.arange(count) / RATE) * 32767).astype(np.int16)
    interleaved = np.stack([tone, np.zeros_like(tone)], axis=1).reshape(1, -1)
    with av.open(str(path), "w", format="wav") as output:
        stream = output.add_stream("pcm_s16le", rate=RATE, layout="stereo")
        frame = av.AudioFrame.from_ndarray(interleaved, format="s16", layout="stereo")
        frame.sample_rate = RATE
        for packet in [*stream.encode(frame), *stream.encode(None)]:
            output.mux(packet)
    return path


@pytest.fixture
def project(tmp_path: Path) -> Path:
    media = stereo_wav(tmp_path / "tone.wav", 3.0)
    turns = (TranscriptTurn("Ann", "a tone and then nothing", 0, 3_000),)
    path = tmp_path / "tone.tep"
    create_project(path, media=media, transcript=Transcript(turns))
    create_project(tmp_path / "no words.tep", media=media)
    return path


def _make(project: Path, clip: Clip, target: Path) -> tuple[list[str], dict[str, object]]:
    from editor.media.audiogram import QtTextPainter

    with ProjectStore.open(project) as store:
        added = store.clips.add(clip)
        job = audiogram_job(store, added.id, "square")
    made = make_audiogram(job, QtTextPainter, target)
    return list(made.notes), stream_facts(target)


def test_a_clip_past_the_end_of_stereo_audio_is_as_long_as_the_clip(
    project: Path, tmp_path: Path, qapp: object
) -> None:
    import av

    # The project lets a clip end up to 0.5 s after the audio (a header's duration can be short).
    notes, facts = _make(project, Clip(0, 1_000, 3_400), tmp_path / "past.mp4")
    assert notes[-1] == "the clip ends 0.4 s after the audio does; that end is silent"
    assert abs(facts["video_s"] - 2.4) <= 1 / 25  # type: ignore[operator]
    assert abs(facts["audio_s"] - 2.4) <= 0.050  # type: ignore[operator]
    with av.open(str(tmp_path / "past.mp4")) as container:
        assert container.streams.audio[0].codec_context.layout.name == "stereo"
        sound = np.concatenate(
            [f.to_ndarray() for f in container.decode(audio=0)], axis=1
        )  # fltp: channels × samples
    rate = 48_000
    left, right = sound[0], sound[1]
    heard = np.sqrt(np.mean(left[rate // 2 : rate] ** 2))  # the tone, inside the audio
    after = np.sqrt(np.mean(left[2 * rate + 2_000 : round(2.4 * rate) - 2_000] ** 2))  # past it
    assert heard > 0.2 and after < 0.01 and np.abs(right).max() < 0.01


def test_a_clip_with_no_words_says_so(project: Path, tmp_path: Path, qapp: object) -> None:
    notes, facts = _make(tmp_path / "no words.tep", Clip(0, 0, 2_000), tmp_path / "silent.mp4")
    assert notes == ["no turn falls inside the clip: the video has no captions"]
    assert facts["frames"] == 50
