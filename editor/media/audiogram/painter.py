"""Drawing an audiogram's text with QPainter: the background with the title, and the words
box (speaker's name, caption lines, the word being spoken on a mark) for each state.

The background's gradient is made with NumPy and the text drawn on it through a QImage that
shares nothing with the caller (pixels are copied in and out), so painting works in any thread.
The captions' size is the layout's unless the widest line of any cue would not fit; then every
cue gets the size that fits that line, so the text does not change size from cue to cue.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter

from editor.core.audiogram.clip_captions import VideoCue
from editor.core.audiogram.frames import Pixels
from editor.core.audiogram.layout import RGB, Box, Layout
from editor.core.audiogram.timeline import FrameState

MIN_CAPTION_PX = 24
LINE_SPACING = 1.25  # caption line pitch, in font heights
PAD = 0.12  # around the marked word, in font heights


class QtTextPainter:
    """The ``TextPainter`` of ``editor.core.audiogram.render``, drawn by Qt."""

    def __init__(self, layout: Layout, title: str, cues: Sequence[VideoCue]) -> None:
        self.layout, self.title, self.cues = layout, title, list(cues)
        self._background = _gradient(layout)
        self.caption_font = self._caption_font()

    # -- the static part ------------------------------------------------------------------------

    def background(self) -> Pixels:
        box, palette = self.layout.title, self.layout.palette
        image = _image(self._background)
        painter = QPainter(image)
        _smooth(painter)
        font = _font(self.layout.title_px, QFont.Weight.DemiBold)
        painter.setFont(font)
        painter.setPen(_qcolour(palette.title))
        text = _fit_lines(self.title, QFontMetricsF(font), box, lines=2)
        painter.drawText(_rect(box), Qt.AlignmentFlag.AlignCenter, text)
        painter.end()
        self._background = _pixels(image)
        return self._background.copy()

    # -- the words box --------------------------------------------------------------------------

    def words(self, state: FrameState) -> Pixels:
        box = self.layout.words
        crop = self._background[box.y : box.bottom, box.x : box.right].copy()
        if state.cue is None:
            return crop
        cue = self.cues[state.cue]
        image = _image(crop)
        painter = QPainter(image)
        _smooth(painter)
        top = self._speaker(painter, cue.speaker)
        marked = cue.words()[state.word] if state.word is not None else None
        self._caption(painter, cue, marked, top)
        painter.end()
        return _pixels(image)

    def _speaker(self, painter: QPainter, name: str) -> float:
        """Draw the speaker's name at the top of the box; where the captions begin."""
        font = _font(self.layout.speaker_px, QFont.Weight.Bold)
        metrics = QFontMetricsF(font)
        if name:
            painter.setFont(font)
            painter.setPen(_qcolour(self.layout.palette.speaker))
            width = self.layout.words.width
            shown = metrics.elidedText(name, Qt.TextElideMode.ElideRight, width)
            painter.drawText(
                QRectF(0, 0, width, metrics.height()), Qt.AlignmentFlag.AlignHCenter, shown
            )
        return metrics.height() * 1.4

    def _caption(self, painter: QPainter, cue: VideoCue, marked: object, top: float) -> None:
        palette, width = self.layout.palette, self.layout.words.width
        font = self.caption_font
        metrics = QFontMetricsF(font)
        painter.setFont(font)
        space = metrics.horizontalAdvance(" ")
        pitch = metrics.height() * LINE_SPACING
        pad = metrics.height() * PAD
        for row, line in enumerate(cue.lines):
            widths = [metrics.horizontalAdvance(piece.text) for piece in line]
            x = (width - sum(widths) - space * (len(line) - 1)) / 2
            y = top + row * pitch
            for piece, piece_width in zip(line, widths, strict=True):
                rect = QRectF(x, y, piece_width, metrics.height())
                if piece.word is marked:
                    mark = rect.adjusted(-pad, -pad / 2, pad, pad / 2)
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(_qcolour(palette.bar))
                    painter.drawRoundedRect(mark, pad, pad)
                    painter.setPen(_qcolour(palette.current_word))
                else:
                    painter.setPen(_qcolour(palette.caption))
                painter.drawText(rect, Qt.AlignmentFlag.AlignLeft, piece.text)
                x += piece_width + space

    def _caption_font(self) -> QFont:
        """The layout's caption size, or the largest that fits the widest line of any cue."""
        size = self.layout.caption_px
        room = self.layout.words.width * 0.94
        texts = [" ".join(p.text for p in line) for cue in self.cues for line in cue.lines]
        while size > MIN_CAPTION_PX:
            metrics = QFontMetricsF(_font(size, QFont.Weight.Bold))
            if all(metrics.horizontalAdvance(text) <= room for text in texts):
                break
            size -= 2
        return _font(size, QFont.Weight.Bold)


def _gradient(layout: Layout) -> Pixels:
    top = np.array(layout.palette.top, dtype=np.float32)
    bottom = np.array(layout.palette.bottom, dtype=np.float32)
    share = np.linspace(0.0, 1.0, layout.height, dtype=np.float32)[:, None]
    rows = np.rint(top + (bottom - top) * share).astype(np.uint8)
    return np.ascontiguousarray(np.broadcast_to(rows[:, None, :], (layout.height, layout.width, 3)))


def _fit_lines(text: str, metrics: QFontMetricsF, box: Box, lines: int) -> str:
    """``text`` wrapped into at most ``lines`` lines of the box's width, the last elided."""
    words, result = text.split(), list[str]()
    while words and len(result) < lines:
        line = words.pop(0)
        while words and metrics.horizontalAdvance(f"{line} {words[0]}") <= box.width:
            line = f"{line} {words.pop(0)}"
        result.append(line)
    if words:
        rest = f"{result[-1]} {' '.join(words)}"
        result[-1] = metrics.elidedText(rest, Qt.TextElideMode.ElideRight, box.width)
    return "\n".join(
        metrics.elidedText(line, Qt.TextElideMode.ElideRight, box.width) for line in result
    )


def _font(pixels: int, weight: QFont.Weight) -> QFont:
    font = QFont()
    font.setPixelSize(pixels)
    font.setWeight(weight)
    return font


def _qcolour(rgb: RGB) -> QColor:
    return QColor(*rgb)


def _rect(box: Box) -> QRectF:
    return QRectF(box.x, box.y, box.width, box.height)


def _smooth(painter: QPainter) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)


def _image(pixels: Pixels) -> QImage:
    height, width, _ = pixels.shape
    image = QImage(width, height, QImage.Format.Format_RGB888)
    rows = np.frombuffer(image.bits(), np.uint8).reshape(height, image.bytesPerLine())
    rows[:, : width * 3] = pixels.reshape(height, width * 3)
    return image


def _pixels(image: QImage) -> Pixels:
    width, height = image.width(), image.height()
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(height, image.bytesPerLine())
    return rows[:, : width * 3].reshape(height, width, 3).copy()
