"""An audiogram of a clip: its sound, level bars, burned-in captions, speaker and title.

``audiogram_job`` reads what the video needs from the project; ``AudiogramRenderer`` turns it
into frames; ``make_audiogram`` writes the MP4. Text is drawn by a ``TextPainter`` the caller
supplies (the Qt one is ``editor.media.audiogram``), so this stays free of any toolkit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from editor.core.audio_cut import CutCancelled, IsCancelled, Progress
from editor.core.errors import EditorError
from editor.core.model import Clip
from editor.core.project.store import ProjectStore

from .clip_audio import ClipAudio, frame_levels, read_clip_audio
from .clip_captions import VideoCue, video_cues
from .clip_words import ClipSpeech, project_clip_speech
from .frames import FrameComposer, Pixels
from .layout import FPS, Layout, layout_for
from .mp4 import VideoCancelled, encoder_status, write_mp4
from .timeline import FrameState, Timeline, bar_window

AUDIO_SHARE = 0.05  # of the progress bar: reading the sound, before the frames


class TextPainter(Protocol):
    """Draws the text of one audiogram (its layout, title and cues are given when made)."""

    def background(self) -> Pixels:
        """The whole frame's static part in RGB: background and title."""
        ...

    def words(self, state: FrameState) -> Pixels:
        """The layout's words box in RGB for ``state``: speaker, caption, the marked word."""
        ...


PainterFactory = Callable[[Layout, str, Sequence[VideoCue]], TextPainter]


@dataclass(frozen=True)
class AudiogramJob:
    media: Path
    clip: Clip
    speech: ClipSpeech
    title: str
    shape: str


@dataclass(frozen=True)
class Audiogram:
    """What was written: the file, its frames and length, and what the user should know."""

    path: Path
    frames: int
    duration_ms: int
    notes: tuple[str, ...]


def audiogram_job(store: ProjectStore, clip_id: int, shape: str) -> AudiogramJob:
    """Everything the video of clip ``clip_id`` needs from the project."""
    layout_for(shape)  # refuse an unknown shape before any work
    clip = store.clips.get(clip_id)
    media = store.media_path()
    if media is None:
        raise EditorError(f"{store.path}: the project's media file cannot be found")
    title = store.episode().title.strip() or store.path.stem
    return AudiogramJob(media, clip, project_clip_speech(store, clip), title, shape)


class AudiogramRenderer:
    """The frames of one job, each a yuv420p buffer; ``frame(i)`` is what the file holds."""

    def __init__(
        self, job: AudiogramJob, painter_for: PainterFactory, audio: ClipAudio | None = None
    ) -> None:
        self.job = job
        self.layout = layout_for(job.shape)
        cues = video_cues(job.speech)
        self.timeline = Timeline(cues, job.clip.duration_ms, FPS)
        self.audio = audio or read_clip_audio(job.media, job.clip.start_ms, job.clip.end_ms)
        self.levels = frame_levels(self.audio, FPS, self.timeline.frame_count)
        painter = painter_for(self.layout, job.title, cues)
        self.composer = FrameComposer(self.layout, painter.background(), painter.words)

    def state(self, frame: int) -> FrameState:
        return self.timeline.state_at(self.timeline.time_of(frame))

    def frame(self, index: int) -> Pixels:
        levels = bar_window(self.levels, index, self.layout.bar_count)
        return self.composer.frame(self.state(index), levels)


def make_audiogram(
    job: AudiogramJob,
    painter_for: PainterFactory,
    destination: Path,
    *,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
) -> Audiogram:
    """Write the audiogram of ``job`` to ``destination`` (``.mp4``)."""
    if destination.suffix.lower() != ".mp4":
        raise EditorError(f"{destination}: an audiogram is written as .mp4")
    if not destination.resolve().parent.is_dir():  # FFmpeg opens the file at its first packet
        raise EditorError(f"{destination}: its folder does not exist")
    usable, status = encoder_status()
    if not usable:
        raise EditorError(f"{destination}: cannot make a video: {status}")
    clip = job.clip
    try:
        audio = read_clip_audio(job.media, clip.start_ms, clip.end_ms, cancelled)
    except CutCancelled:
        raise VideoCancelled("the video was cancelled") from None
    if progress is not None:
        progress(AUDIO_SHARE)
    renderer = AudiogramRenderer(job, painter_for, audio)
    layout, timeline = renderer.layout, renderer.timeline
    write_mp4(
        destination,
        (layout.width, layout.height),
        FPS,
        (timeline.frame_count, renderer.frame),
        audio,
        progress=None
        if progress is None
        else lambda part: progress(AUDIO_SHARE + (1 - AUDIO_SHARE) * part),
        cancelled=cancelled,
    )
    notes = list(job.speech.notes)
    if audio.missing_ms:
        notes.append(
            f"the clip ends {audio.missing_ms / 1000:.1f} s after the audio does; "
            "that end is silent"
        )
    if not job.speech.turns:
        notes.append("no turn falls inside the clip: the video has no captions")
    return Audiogram(destination, timeline.frame_count, clip.duration_ms, tuple(notes))
