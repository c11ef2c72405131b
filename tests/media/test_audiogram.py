"""The audiogram of a 30 s clip of the spoken sample, read back (issue 21, social clips).

One video is made through the command line and checked as a player would see it: its length,
its streams, the index before the data, its frames against the renderer's own, the word marked
as it is spoken, and playing it in libVLC.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from editor.cli import main
from editor.core.audiogram.layout import FPS, Box
from editor.core.audiogram.render import AudiogramRenderer, audiogram_job
from editor.core.audiogram.timeline import FrameState
from editor.core.project.store import ProjectStore
from tests.conftest import PATIENCE_S, in_ci
from tests.media.audiogram_helpers import (
    decoded_frames,
    stream_facts,
    top_level_boxes,
    word_timed_sample,
)

CLIP_S = (12.5, 42.5)


class Made:
    def __init__(self, project: Path, video: Path, renderer: AudiogramRenderer) -> None:
        self.project, self.video, self.renderer = project, video, renderer


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Made:
    folder = tmp_path_factory.mktemp("audiogram")
    project = word_timed_sample(folder / "sample.tep")
    start, end = CLIP_S
    assert main(["clip", "add", str(project), "--start", str(start), "--end", str(end)]) == 0
    video = folder / "clip.mp4"
    assert main(["clip", "video", str(project), "--id", "1", "-o", str(video)]) == 0
    from editor.media.audiogram import QtTextPainter

    with ProjectStore.open(project, readonly=True) as store:
        renderer = AudiogramRenderer(audiogram_job(store, 1, "square"), QtTextPainter)
    return Made(project, video, renderer)


def test_the_video_is_as_long_as_the_clip_in_h264_and_aac(made: Made) -> None:
    facts = stream_facts(made.video)
    clip_s = CLIP_S[1] - CLIP_S[0]
    assert facts["video"] == ("h264", "yuv420p")
    assert facts["audio"] == "aac"
    assert facts["size"] == (1080, 1080)
    assert facts["rate"] == FPS
    assert facts["frames"] == clip_s * FPS
    assert abs(facts["video_s"] - clip_s) <= 1 / FPS
    assert abs(facts["audio_s"] - clip_s) <= 0.050


def test_the_index_comes_before_the_data(made: Made) -> None:
    boxes = top_level_boxes(made.video)
    assert "moov" in boxes and "mdat" in boxes
    assert boxes.index("moov") < boxes.index("mdat")


def _words_box(frame: np.ndarray, box: Box) -> np.ndarray:
    return frame[box.y : box.bottom, box.x : box.right].astype(np.int16)  # luma


def _frames_with(renderer: AudiogramRenderer) -> dict[FrameState, int]:
    """The first frame of each state the video goes through."""
    first: dict[FrameState, int] = {}
    for index in range(renderer.timeline.frame_count):
        first.setdefault(renderer.state(index), index)
    return first


def test_frames_show_the_caption_of_their_moment(made: Made) -> None:
    """A frame read back equals the renderer's own frame for its time in the words box, and
    not the frame of another caption or of the word before: burned in, and in sync."""
    renderer = made.renderer
    states = _frames_with(renderer)
    marked = [(s, i) for s, i in states.items() if s.cue is not None and s.word is not None]
    (one, at_one), (other, at_other) = marked[3], marked[-3]
    assert one.cue != other.cue and at_one > 0
    assert renderer.state(at_one - 1) != one  # the word changed at this frame
    box = renderer.layout.words
    decoded = decoded_frames(made.video, {at_one, at_other})
    back = _words_box(decoded[at_one], box)
    same = np.abs(back - _words_box(renderer.frame(at_one), box)).mean()
    other_caption = np.abs(back - _words_box(renderer.frame(at_other), box)).mean()
    word_before = np.abs(back - _words_box(renderer.frame(at_one - 1), box)).mean()
    no_caption = np.abs(back - _words_box(renderer.composer.background, box)).mean()
    # Measured: 0.15 against its own frame; 2.5 the word before, 14.3 another caption, 11.7 none.
    assert same < 1.0
    assert word_before > 3 * same
    assert min(other_caption, no_caption) > 10 * same


def _mark_centre(frame: np.ndarray, renderer: AudiogramRenderer) -> tuple[float, float, int]:
    """Where the marked word's colour is in a frame's caption lines (half-size chroma)."""
    from editor.core.audiogram.frames import colour

    layout = renderer.layout
    box, h, w = layout.words, layout.height, layout.width
    u = frame[h : h + h // 4].reshape(h // 2, w // 2)
    v = frame[h + h // 4 :].reshape(h // 2, w // 2)
    _, mark_u, mark_v = colour(layout.palette.bar)
    top = (box.y + box.height // 4) // 2  # below the speaker's name, which has that colour too
    rows = slice(top, box.bottom // 2)
    columns = slice(box.x // 2, box.right // 2)
    near = (np.abs(u[rows, columns].astype(int) - mark_u) < 12) & (
        np.abs(v[rows, columns].astype(int) - mark_v) < 12
    )
    ys, xs = np.nonzero(near)
    return float(xs.mean()) if len(xs) else -1.0, float(ys.mean()) if len(ys) else -1.0, len(xs)


def test_the_mark_follows_the_spoken_word(made: Made) -> None:
    renderer = made.renderer
    states = _frames_with(renderer)
    pairs = []
    for state, index in states.items():
        if state.cue is None or state.word is None:
            continue
        cue = renderer.timeline.cues[state.cue]
        first_line = {id(p.word) for p in cue.lines[0]}
        words = cue.words()
        following = FrameState(state.cue, state.word + 1)
        if following in states and {id(words[state.word]), id(words[state.word + 1])} <= first_line:
            pairs.append((index, states[following]))
    assert pairs
    before, after = pairs[len(pairs) // 2]
    decoded = decoded_frames(made.video, {before, after})
    x1, y1, n1 = _mark_centre(decoded[before], renderer)
    x2, y2, n2 = _mark_centre(decoded[after], renderer)
    # Measured: ~500-700 chroma pixels of the mark, 63 half-pixels to the right on one line.
    assert min(n1, n2) > 100
    assert x2 > x1 + 10
    assert abs(y2 - y1) < 5


@pytest.fixture
def vlc_module() -> Iterator[Any]:
    from editor.media import BackendUnavailable
    from editor.media.vlc_player import load_vlc

    try:
        vlc = load_vlc()
        instance = vlc.Instance(["--aout=dummy", "--vout=dummy", "--quiet", "--no-xlib"])
    except (BackendUnavailable, NameError) as error:
        if in_ci():
            pytest.fail(f"libVLC must be available in CI: {error}")
        pytest.skip(f"libVLC not available: {error}")
    yield vlc, instance
    instance.release()


@pytest.mark.playback
def test_it_plays_in_vlc_to_the_end(made: Made, vlc_module: Any) -> None:
    vlc, instance = vlc_module
    media = instance.media_new(str(made.video))
    player = instance.media_player_new()
    player.set_media(media)
    happened = {name: threading.Event() for name in ("playing", "end", "error")}
    events = player.event_manager()
    for kind, name in (
        (vlc.EventType.MediaPlayerPlaying, "playing"),
        (vlc.EventType.MediaPlayerEndReached, "end"),
        (vlc.EventType.MediaPlayerEncounteredError, "error"),
    ):  # the handlers only set a flag: libVLC must not be called from its own event thread
        events.event_attach(kind, lambda _event, name=name: happened[name].set())
    try:
        player.play()
        assert happened["playing"].wait(PATIENCE_S)
        assert abs(player.get_length() - (CLIP_S[1] - CLIP_S[0]) * 1000) <= 100
        tracks = {t.type: t.codec for t in media.tracks_get()}
        assert tracks[vlc.TrackType.video] == int.from_bytes(b"h264", "little")
        assert tracks[vlc.TrackType.audio] == int.from_bytes(b"mp4a", "little")
        player.set_position(0.95)  # the last 1.5 s, not the whole clip in real time
        assert happened["end"].wait(PATIENCE_S)
        assert not happened["error"].is_set()
        assert player.video_get_size(0) == (1080, 1080)
    finally:
        player.stop()
        player.release()
