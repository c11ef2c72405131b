"""The audiogram's layout, timing, levels and YUV frames, without Qt (issue 21)."""

from __future__ import annotations

import numpy as np
import pytest

from editor.core.audiogram.clip_audio import AUDIO_RATE, ClipAudio, frame_levels
from editor.core.audiogram.clip_captions import video_cues
from editor.core.audiogram.clip_words import clip_speech
from editor.core.audiogram.frames import FrameComposer, to_planes
from editor.core.audiogram.layout import SHAPES, layout_for
from editor.core.audiogram.timeline import HOLD_MS, FrameState, Timeline, bar_window
from editor.core.errors import EditorError
from editor.core.model import Clip, Transcript, TranscriptTurn, Word


@pytest.mark.parametrize("shape", list(SHAPES))
def test_layout_boxes_are_even_inside_the_frame_and_in_order(shape: str) -> None:
    layout = layout_for(shape)
    assert (layout.width, layout.height) == SHAPES[shape]
    boxes = [layout.title, layout.bars, layout.words]
    for box in boxes:
        assert all(v % 2 == 0 for v in (box.x, box.y, box.width, box.height))
        assert 0 <= box.x < box.right <= layout.width and 0 <= box.y < box.bottom <= layout.height
    assert layout.title.bottom <= layout.bars.y and layout.bars.bottom <= layout.words.y
    with pytest.raises(EditorError, match="unknown shape 'round'"):
        layout_for("round")


def test_colours_convert_as_ffmpeg_does() -> None:
    """The colour matrix is FFmpeg's default (BT.601, limited range); solid colours compared."""
    import av

    rng = np.random.default_rng(7)
    for rgb in [(0, 0, 0), (255, 255, 255), (140, 232, 196), *rng.integers(0, 256, (20, 3))]:
        solid = np.full((16, 16, 3), rgb, dtype=np.uint8)
        ours = to_planes(solid)
        frame = av.VideoFrame.from_ndarray(solid, format="rgb24").reformat(format="yuv420p")
        packed = frame.to_ndarray().astype(int)  # 16 rows of Y, then 4 of U and 4 of V
        assert np.abs(ours.y - packed[:16]).max() <= 1
        assert np.abs(ours.u.reshape(4, 16) - packed[16:20]).max() <= 1
        assert np.abs(ours.v.reshape(4, 16) - packed[20:]).max() <= 1


def _cues() -> Timeline:
    words = tuple(Word(t, 1000 + i * 500, 1400 + i * 500) for i, t in enumerate(["a", "b", "c"]))
    turns = (
        TranscriptTurn("Ann", "a b c", 1000, 2400, words),
        TranscriptTurn("Bo", "later words", 9000, 10_000),  # no word times
    )
    speech = clip_speech(Transcript(turns), Clip(1, 0, 12_000))
    return Timeline(video_cues(speech), 12_000, 25)


def test_a_cue_shows_from_its_first_word_and_marks_the_spoken_one() -> None:
    timeline = _cues()
    assert timeline.frame_count == 300 and timeline.time_of(25) == 1000
    assert timeline.state_at(999) == FrameState(None)
    assert timeline.state_at(1000) == FrameState(0, 0)
    assert timeline.state_at(1450) == FrameState(0, 0)  # held through the pause after "a"
    assert timeline.state_at(1500) == FrameState(0, 1)
    assert timeline.state_at(2399) == FrameState(0, 2)
    assert timeline.state_at(2400) == FrameState(0, None)  # the last word has ended
    assert timeline.state_at(2400 + HOLD_MS - 1) == FrameState(0, None)
    assert timeline.state_at(2400 + HOLD_MS) == FrameState(None)
    # Words spread over their turn are not marked: their times are not their own.
    assert timeline.state_at(9000) == FrameState(1, None)


def test_levels_follow_the_sound() -> None:
    rate, fps = AUDIO_RATE, 25
    t = np.arange(rate * 2) / rate
    tone = (0.5 * np.sin(2 * np.pi * 440 * t)).astype(np.float32)
    tone[rate:] = 0  # one second of tone, one of silence
    levels = frame_levels(ClipAudio(tone[None, :], rate, "mono", 0), fps, 50)
    assert levels[:25].min() > 0.95 and levels[25:].max() == 0
    assert list(bar_window(levels, 0, 4)) == [0, 0, levels[0], levels[1]]
    assert list(bar_window(levels, 49, 4)) == [*levels[47:50], 0]


def test_a_frame_is_the_background_with_bars_and_the_words_box() -> None:
    layout = layout_for("square")
    background = np.full((layout.height, layout.width, 3), 40, dtype=np.uint8)
    words = layout.words
    painted: list[FrameState] = []

    def paint(state: FrameState) -> np.ndarray:
        painted.append(state)
        return np.full((words.height, words.width, 3), 200, dtype=np.uint8)

    composer = FrameComposer(layout, background, paint)
    quiet = composer.frame(FrameState(0, 1), np.zeros(layout.bar_count, np.float32)).copy()
    loud = composer.frame(FrameState(0, 1), np.ones(layout.bar_count, np.float32)).copy()
    assert painted == [FrameState(0, 1)]  # drawn once, then taken from the cache
    for cue in range(1, 6):  # only the last few states are kept: the first is drawn again
        composer.frame(FrameState(cue), np.zeros(layout.bar_count, np.float32))
    composer.frame(FrameState(0, 1), np.zeros(layout.bar_count, np.float32))
    assert painted == [FrameState(0, 1), *(FrameState(c) for c in range(1, 6)), FrameState(0, 1)]
    assert composer.states_drawn == 7
    box = layout.words
    assert (quiet[box.y : box.bottom, box.x : box.right] == to_planes(paint(FrameState(0))).y).all()
    assert (
        quiet[: layout.title.bottom].tolist() == composer.background[: layout.title.bottom].tolist()
    )
    bars = layout.bars
    assert (loud[bars.y : bars.bottom] != quiet[bars.y : bars.bottom]).any()
    assert (quiet[words.y : layout.height] == loud[words.y : layout.height]).all()  # luma
