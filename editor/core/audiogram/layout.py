"""Where everything sits in an audiogram's frame, for each shape, and its colours.

All boxes have even coordinates and sizes, so they fall on whole pixels of the video's
half-resolution colour planes (yuv420p).
"""

from __future__ import annotations

from dataclasses import dataclass

from editor.core.errors import EditorError

SHAPES = {"square": (1080, 1080), "vertical": (1080, 1920), "landscape": (1920, 1080)}
DEFAULT_SHAPE = "square"
FPS = 25

RGB = tuple[int, int, int]


@dataclass(frozen=True, slots=True)
class Box:
    x: int
    y: int
    width: int
    height: int

    @property
    def right(self) -> int:
        return self.x + self.width

    @property
    def bottom(self) -> int:
        return self.y + self.height


@dataclass(frozen=True, slots=True)
class Palette:
    top: RGB = (24, 26, 56)  # the background's gradient, top to bottom
    bottom: RGB = (62, 34, 88)
    title: RGB = (226, 228, 240)
    speaker: RGB = (140, 232, 196)
    caption: RGB = (255, 255, 255)
    current_word: RGB = (24, 26, 56)  # the word being spoken, on a mark of ``bar``'s colour
    bar: RGB = (140, 232, 196)  # bars already heard; those still to come are ``bar_ahead``
    bar_ahead: RGB = (92, 120, 150)


@dataclass(frozen=True, slots=True)
class Layout:
    """The frame of one shape: the title at the top, the level bars, then the words (the
    speaker's name above the captions); text sizes in pixels (the captions' is the largest
    allowed: the painter makes it smaller if a line would not fit)."""

    shape: str
    width: int
    height: int
    title: Box
    bars: Box
    words: Box  # the speaker's name and the caption lines, redrawn as a whole when they change
    title_px: int
    speaker_px: int
    caption_px: int
    bar_count: int
    palette: Palette = Palette()


def layout_for(shape: str) -> Layout:
    """The layout of ``square`` (1080×1080), ``vertical`` (1080×1920) or ``landscape``
    (1920×1080)."""
    if shape not in SHAPES:
        raise EditorError(f"unknown shape {shape!r}; choose {', '.join(SHAPES)}")
    width, height = SHAPES[shape]
    margin = _even(min(width, height) * 0.07)
    inner = width - 2 * margin
    if shape == "vertical":
        title, bars, words = (0.08, 0.13), (0.30, 0.22), (0.58, 0.24)
    elif shape == "landscape":
        title, bars, words = (0.06, 0.17), (0.28, 0.26), (0.60, 0.34)
    else:
        title, bars, words = (0.06, 0.17), (0.28, 0.24), (0.58, 0.36)
    return Layout(
        shape,
        width,
        height,
        _box(margin, title, inner, height),
        _box(margin, bars, inner, height),
        _box(margin, words, inner, height),
        title_px=_even(min(width, height) * 0.042),
        speaker_px=_even(min(width, height) * 0.040),
        caption_px=_even(min(width, height) * 0.064),
        bar_count=64 if shape == "landscape" else 40,
    )


def _box(x: int, rows: tuple[float, float], width: int, height: int) -> Box:
    return Box(x, _even(rows[0] * height), width, _even(rows[1] * height))


def _even(value: float) -> int:
    return int(value) // 2 * 2
