"""The eSpeak NG aligner as a second opinion, near where the acoustic windows failed.

Only worked out when a window failed: for the whole run of turns when it is up to half an hour
long, else for the next few turns only, over the audio from the cursor to a little past where
they should end (so a three-hour file costs little time and memory). It proposes where those
turns start; the acoustic model decides whether they fit there (``windows``). Afterwards, stretches
where the two disagree are placed again and decided by the acoustic model (``recheck``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from editor.core.align.acoustic.recheck import recheck
from editor.core.align.acoustic.windows import Timed, WindowAligner
from editor.core.align.features import features
from editor.core.errors import EditorError

WHOLE_MS = 30 * 60_000  # runs of turns up to this long are coarsely aligned whole
TURNS = 4  # in longer ones, the turns after the failure given to the coarse aligner
MS_PER_LETTER = 160  # generous: the audio must hold all of the turns' text


@dataclass
class Coarse:
    """One run of turns: their texts, first words (segment positions) and stretch of audio."""

    pcm: np.ndarray
    texts: list[str]
    firsts: list[int]  # first aligner word of each turn (turns without words left out)
    span: tuple[int, int]
    cancelled: Callable[[], bool]
    spans: dict[int, tuple[int, int]] = field(default_factory=dict)  # by first word
    _tried: set[int] = field(default_factory=set)

    def near(self, index: int, cursor: int) -> dict[int, tuple[int, int]]:
        """Where the coarse aligner starts (and ends) the turns after word ``index``."""
        if self.span[1] - self.span[0] <= WHOLE_MS:  # all of it at once, the first time
            later = list(range(len(self.firsts)))
            start, end = self.span
        else:
            later = [k for k, first in enumerate(self.firsts) if first > index][:TURNS]
            letters = sum(len(self.texts[k]) for k in later)
            start = max(self.span[0], cursor - 3000)
            end = min(self.span[1], cursor + letters * MS_PER_LETTER + 20_000)
        if not later or all(self.firsts[k] in self._tried for k in later):
            return self.spans
        self._tried.update(self.firsts[k] for k in later)
        samples = self.pcm[start * 16 : end * 16].astype(np.float32) / 32768
        from editor.core.align.aligner import align_features  # noqa: PLC0415 - on failure

        try:
            turns = align_features(
                features(samples), [self.texts[k] for k in later], {}, _quiet, self.cancelled
            )
        except EditorError:  # no eSpeak NG: no second opinion
            return self.spans
        for k, turn in zip(later, turns, strict=True):
            if turn is not None:
                self.spans[self.firsts[k]] = (turn.start_ms + start, turn.end_ms + start)
        return self.spans

    def recheck(self, aligner: WindowAligner, timed: list[Timed]) -> int:
        """Stretches where the acoustic pass and this one disagree, placed again where that
        fits better (``recheck``); how many turns moved."""
        starts = {first: start for first, (start, _end) in self.spans.items()}
        return recheck(aligner, timed, self.firsts, starts, self.span)


def _quiet(_fraction: float) -> None:
    pass
