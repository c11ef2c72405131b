"""PocketSphinx forced alignment of a few dozen words in a window of audio.

The US-English acoustic model and the CMU dictionary come inside the ``pocketsphinx`` wheel;
nothing is downloaded. Words the dictionary lacks are added with pronunciations from
``phonemes``. ``align`` returns, for each word asked for, its first and last 10 ms frame in the
window and its acoustic score per frame (the log of PocketSphinx's density, 0 for a perfect
match, more negative the worse), or None when the search found no path to the end.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from editor.core.align.acoustic.phonemes import letter_to_sound, pronouncer
from editor.core.errors import EditorError

FRAME_MS = 10
NORMAL_BEAM, WIDE_BEAM = 1e-48, 1e-60
_ALTERNATE = re.compile(r"\(\d+\)$")
_FILLERS = {"<s>", "</s>", "<sil>", "[NOISE]", "[SPEECH]", "(NULL)"}


@dataclass(frozen=True)
class Piece:
    """One aligned word: frames within the window (end inclusive) and score per frame."""

    first: int
    last: int
    score: float


def sphinx_status() -> tuple[bool, str]:
    """(usable, description) of the acoustic model."""
    try:
        import pocketsphinx  # noqa: PLC0415

        path = pocketsphinx.get_model_path("en-us/en-us")
        version = getattr(pocketsphinx, "__version__", "")
    except ImportError as error:
        return False, f"pocketsphinx is not installed ({error})"
    return True, f"PocketSphinx {version} US-English model ({path})".replace("  ", " ")


class Sphinx:
    """The model with its dictionary, a decoder per beam width, and added pronunciations."""

    def __init__(self) -> None:
        try:
            import pocketsphinx  # noqa: PLC0415
        except ImportError as error:
            raise EditorError(
                "acoustic alignment needs the pocketsphinx package (pip install pocketsphinx)"
            ) from error
        self._ps: Any = pocketsphinx
        self._decoders: dict[float, Any] = {}
        self._added: dict[str, str] = {}
        self.pronounced_by, self._espeak = pronouncer()
        self._base = self._decoder(NORMAL_BEAM)

    def _decoder(self, beam: float) -> Any:
        if beam not in self._decoders:
            ps = self._ps
            config = ps.Config(
                hmm=ps.get_model_path("en-us/en-us"),
                dict=ps.get_model_path("en-us/cmudict-en-us.dict"),
                lm=None,
                loglevel="FATAL",
                beam=beam,
                pbeam=beam,
                wbeam=beam * 1e18,
            )
            decoder = ps.Decoder(config)
            for word, phones in self._added.items():
                decoder.add_word(word, phones, False)
            self._decoders[beam] = decoder
        return self._decoders[beam]

    def knows(self, word: str) -> bool:
        return word in self._added or self._base.lookup_word(word) is not None

    def add_words(self, words: Iterable[str]) -> int:
        """Give every unknown word a pronunciation; how many were added."""
        new = sorted({w for w in words if not self.knows(w)})
        for word in new:
            phones = self._espeak.phones(word) if self._espeak is not None else []
            spelled = " ".join(phones or letter_to_sound(word))
            self._added[word] = spelled
            for decoder in self._decoders.values():
                decoder.add_word(word, spelled, False)
        return len(new)

    def align(
        self, pcm: np.ndarray, words: Sequence[str], wide: bool = False, open_end: bool = True
    ) -> list[Piece] | None:
        """Where ``words`` are in ``pcm`` (16 kHz int16), in order; None if they do not fit.

        With ``open_end`` the audio may stop after any word: only as many words as the window
        holds are returned (at least one), so a window cut a little short or long costs only
        its last word or two. Without it every word must fit (PocketSphinx's own alignment).
        """
        if not words or len(pcm) < 1600:
            return None
        decoder = self._decoder(WIDE_BEAM if wide else NORMAL_BEAM)
        try:
            if open_end:
                count = len(words)
                transitions: list[tuple[int, int, float] | tuple[int, int, float, str]] = [
                    (i, i + 1, 1.0, word) for i, word in enumerate(words)
                ]
                transitions += [(i, count, 1.0) for i in range(1, count)]
                grammar = decoder.create_fsg("window", 0, count, transitions)
                decoder.add_fsg("window", grammar)
                decoder.activate_search("window")
            else:
                decoder.set_align_text(" ".join(words))
            decoder.start_utt()
            decoder.process_raw(_dithered(pcm).tobytes(), full_utt=True)
            decoder.end_utt()
            segments = decoder.seg()
        except (RuntimeError, ValueError):
            return None
        if segments is None:
            return None
        pieces = [
            Piece(s.start_frame, s.end_frame, _per_frame(s.ascore, s.end_frame - s.start_frame + 1))
            for s in segments
            if _ALTERNATE.sub("", s.word) not in _FILLERS
        ]
        return pieces if pieces and len(pieces) <= len(words) else None


def _dithered(pcm: np.ndarray) -> np.ndarray:
    """The samples with ±1 of noise: digital silence (all zeros) has no spectrum, and breaks
    the model's features and their normalisation."""
    noise = np.random.default_rng(0).integers(-1, 2, len(pcm), dtype=np.int16)
    return np.clip(pcm.astype(np.int32) + noise, -32768, 32767).astype(np.int16)


def _per_frame(density: float, frames: int) -> float:
    return math.log(max(density, 1e-300)) / max(1, frames)
