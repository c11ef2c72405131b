"""An audiogram's frames as yuv420p buffers, built from parts drawn once.

The static background (gradient, title) is converted to the video's planes once; each frame
starts as a copy of it, gets its level bars filled in as rectangles and the words box (speaker
and caption) pasted from a small cache keyed by what it shows, so a frame costs a few array
copies and each caption state is drawn once. Colours are converted with the matrix of FFmpeg's
scaler by default (BT.601, limited range), chroma as the average of each 2×2 block.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from .layout import RGB, Box, Layout
from .timeline import FrameState

Pixels = npt.NDArray[np.uint8]  # height × width × 3, RGB
Levels = npt.NDArray[np.float32]


@dataclass(frozen=True)
class Planes:
    """A picture in yuv420p: full-size luma, half-size chroma."""

    y: Pixels
    u: Pixels
    v: Pixels


def to_planes(rgb: Pixels) -> Planes:
    """RGB (even width and height) to BT.601 limited-range Y, U, V; chroma averaged 2×2."""
    r, g, b = (rgb[..., k].astype(np.float32) for k in range(3))
    y = 16 + 0.2568 * r + 0.5041 * g + 0.0979 * b
    u = 128 - 0.1482 * r - 0.2910 * g + 0.4392 * b
    v = 128 + 0.4392 * r - 0.3678 * g - 0.0714 * b
    return Planes(_byte(y), _byte(_half(u)), _byte(_half(v)))


def _half(plane: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    h, w = plane.shape
    quarters: npt.NDArray[np.float32] = plane.reshape(h // 2, 2, w // 2, 2).mean(axis=(1, 3))
    return quarters


def _byte(plane: npt.NDArray[np.float32]) -> Pixels:
    return np.clip(np.rint(plane), 0, 255).astype(np.uint8)


def colour(rgb: RGB) -> tuple[int, int, int]:
    """One RGB colour's Y, U, V."""
    planes = to_planes(np.array([[rgb, rgb], [rgb, rgb]], dtype=np.uint8))
    return int(planes.y[0, 0]), int(planes.u[0, 0]), int(planes.v[0, 0])


KEPT_STATES = 4
WordsPainter = Callable[[FrameState], Pixels]  # the words box for a state, in RGB


class FrameComposer:
    """Frames of one layout: ``frame(state, levels)`` is the buffer PyAV's yuv420p takes
    (height × 1.5 rows of ``width``), reused from frame to frame."""

    def __init__(self, layout: Layout, background: Pixels, paint_words: WordsPainter) -> None:
        self.layout = layout
        w, h = layout.width, layout.height
        self.background = self._packed(to_planes(background))  # the frame with no bars or words
        self._frame = self.background.copy()
        self._paint_words = paint_words
        self._words: OrderedDict[FrameState, Planes] = OrderedDict()  # the newest last
        self._drawn = 0
        self._bar_colours = colour(layout.palette.bar), colour(layout.palette.bar_ahead)
        self._planes = (
            self._frame[:h],
            self._frame[h : h + h // 4].reshape(h // 2, w // 2),
            self._frame[h + h // 4 :].reshape(h // 2, w // 2),
        )

    def _packed(self, planes: Planes) -> Pixels:
        w, h = self.layout.width, self.layout.height
        packed = np.empty((h * 3 // 2, w), dtype=np.uint8)
        packed[:h] = planes.y
        packed[h : h + h // 4] = planes.u.reshape(h // 4, w)
        packed[h + h // 4 :] = planes.v.reshape(h // 4, w)
        return packed

    @property
    def states_drawn(self) -> int:
        """How many words boxes have been drawn."""
        return self._drawn

    def words(self, state: FrameState) -> Planes:
        """The words box for ``state``. Frames go forward in time, so each state is drawn once
        and kept while it lasts; only the last few are kept (a box is ~0.5 MB)."""
        planes = self._words.get(state)
        if planes is None:
            planes = self._words[state] = to_planes(self._paint_words(state))
            self._drawn += 1
            if len(self._words) > KEPT_STATES:
                self._words.popitem(last=False)
        else:
            self._words.move_to_end(state)
        return planes

    def frame(self, state: FrameState, levels: Levels) -> Pixels:
        np.copyto(self._frame, self.background)
        self._bars(levels)
        self._paste(self.layout.words, self.words(state))
        return self._frame

    def _paste(self, box: Box, planes: Planes) -> None:
        y, u, v = self._planes
        y[box.y : box.bottom, box.x : box.right] = planes.y
        x2, y2, w2, h2 = box.x // 2, box.y // 2, box.width // 2, box.height // 2
        u[y2 : y2 + h2, x2 : x2 + w2] = planes.u
        v[y2 : y2 + h2, x2 : x2 + w2] = planes.v

    def _bars(self, levels: Levels) -> None:
        """Bars mirrored about the box's middle line, the heard half in the bright colour."""
        box, count = self.layout.bars, len(levels)
        pitch = box.width // count // 2 * 2
        width = max(2, pitch * 3 // 5 // 2 * 2)
        left = box.x + (box.width - pitch * count + pitch - width) // 2 // 2 * 2
        middle = box.y + box.height // 2 // 2 * 2
        planes = self._planes
        for k, level in enumerate(levels):
            half = max(2, int(level * box.height / 2) // 2 * 2)
            x = left + k * pitch
            values = self._bar_colours[0 if k <= count // 2 else 1]
            planes[0][middle - half : middle + half, x : x + width] = values[0]
            for plane, value in zip(planes[1:], values[1:], strict=True):
                plane[(middle - half) // 2 : (middle + half) // 2, x // 2 : (x + width) // 2] = (
                    value
                )
