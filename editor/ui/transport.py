"""The transport bar: play/pause, back and forward (5 s by default), position, seek, speed.

A pure view: it shows the player's state and emits what the user asked for; the main window
connects it to the ``PlayerController``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSlider,
    QStyle,
    QToolButton,
    QWidget,
)

from editor.core.playback import MAX_RATE, MIN_RATE, RATE_STEP, PlaybackState
from editor.core.timecode import format_hms

RATES = [
    round(MIN_RATE + RATE_STEP * i, 1) for i in range(round((MAX_RATE - MIN_RATE) / RATE_STEP) + 1)
]

STALLED_TIP = (
    "The media player reports the same position while playing: its clock is not advancing. "
    "Time stamps use the player's real position. Pause and play, or restart the app."
)


class TransportBar(QWidget):
    toggle_requested = Signal()
    skip_requested = Signal(int)  # milliseconds, negative to go back
    seek_requested = Signal(int)
    rate_requested = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        style = self.style()
        self.back = self._button(
            style.standardIcon(QStyle.StandardPixmap.SP_MediaSeekBackward),
            "Back 5 seconds (Alt+Left)",
        )
        self.play = self._button(
            style.standardIcon(QStyle.StandardPixmap.SP_MediaPlay), "Play / pause (Ctrl+Space)"
        )
        self.forward = self._button(
            style.standardIcon(QStyle.StandardPixmap.SP_MediaSeekForward),
            "Forward 5 seconds (Alt+Right)",
        )
        self.time = QLabel("00:00:00 / --:--:--")
        self.time.setAccessibleName("Position and duration")
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setAccessibleName("Seek")
        self.slider.setRange(0, 0)
        self.speed = QComboBox()
        self.speed.setAccessibleName("Playback speed")
        self.speed.setToolTip("Playback speed (Alt+Down slower, Alt+Up faster)")
        for rate in RATES:
            self.speed.addItem(f"{rate:.1f}×", rate)
        self.speed.setCurrentIndex(RATES.index(1.0))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        for widget in (self.back, self.play, self.forward, self.time):
            layout.addWidget(widget)
        layout.addWidget(self.slider, 1)
        layout.addWidget(QLabel("Speed"))
        layout.addWidget(self.speed)
        self.skip_ms = 5000
        self.back.clicked.connect(lambda: self.skip_requested.emit(-self.skip_ms))
        self.forward.clicked.connect(lambda: self.skip_requested.emit(self.skip_ms))
        self.play.clicked.connect(self.toggle_requested)
        self.slider.sliderReleased.connect(lambda: self.seek_requested.emit(self.slider.value()))
        self.slider.actionTriggered.connect(self._on_slider_action)
        self.speed.activated.connect(lambda i: self.rate_requested.emit(self.speed.itemData(i)))
        self._duration: int | None = None
        self._stalled = False
        self.set_enabled(False)

    def _button(self, icon: object, tip: str) -> QToolButton:
        button = QToolButton()
        button.setIcon(icon)  # type: ignore[arg-type]
        button.setToolTip(tip)
        button.setAccessibleName(tip.split(" (", maxsplit=1)[0])
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        return button

    def _on_slider_action(self, action: int) -> None:
        steps = (
            QSlider.SliderAction.SliderPageStepAdd,
            QSlider.SliderAction.SliderPageStepSub,
            QSlider.SliderAction.SliderSingleStepAdd,
            QSlider.SliderAction.SliderSingleStepSub,
        )
        if QSlider.SliderAction(action) in steps:
            self.seek_requested.emit(self.slider.sliderPosition())

    def set_skip(self, skip_ms: int, back_keys: str, forward_keys: str) -> None:
        """The skip length (Preferences) and its keys, in what the buttons do and say."""
        self.skip_ms = skip_ms
        for button, word, keys in (
            (self.back, "Back", back_keys),
            (self.forward, "Forward", forward_keys),
        ):
            name = f"{word} {skip_ms / 1000:g} seconds"
            button.setToolTip(f"{name} ({keys})" if keys else name)
            button.setAccessibleName(name)

    def set_enabled(self, enabled: bool) -> None:
        for widget in (self.back, self.play, self.forward, self.slider, self.speed):
            widget.setEnabled(enabled)

    def set_state(self, state: PlaybackState) -> None:
        pixmap = (
            QStyle.StandardPixmap.SP_MediaPause
            if state == PlaybackState.PLAYING
            else QStyle.StandardPixmap.SP_MediaPlay
        )
        self.play.setIcon(self.style().standardIcon(pixmap))

    def set_duration(self, duration_ms: int) -> None:
        self._duration = duration_ms
        self.slider.setRange(0, duration_ms)
        self.slider.setPageStep(10_000)
        self.slider.setSingleStep(1000)
        self._show(self.slider.value())

    def set_position(self, position_ms: int) -> None:
        if not self.slider.isSliderDown():
            self.slider.blockSignals(True)
            self.slider.setValue(position_ms)
            self.slider.blockSignals(False)
        self._show(position_ms)

    def set_rate(self, rate: float) -> None:
        index = self.speed.findData(round(rate, 1))
        if index >= 0:
            self.speed.setCurrentIndex(index)

    def set_stalled(self, stalled: bool) -> None:
        """Say so when playback does not advance, rather than show a clock that is not true."""
        self._stalled = stalled
        self.time.setToolTip(STALLED_TIP if stalled else "")
        self._show(self.slider.value())

    def _show(self, position_ms: int) -> None:
        total = format_hms(self._duration) if self._duration else "--:--:--"
        warning = " — not advancing" if self._stalled else ""
        self.time.setText(f"{format_hms(position_ms)} / {total}{warning}")
