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
from pathlib import Path
from typing import Any

import numpy as np

from editor.core.align.acoustic.phonemes import letter_to_sound, pronouncer
from editor.core.errors import EditorError

FRAME_MS = 10
NORMAL_BEAM, WIDE_BEAM = 1e-48, 1e-60
UNDERFLOW_SCORE = -4.5  # per frame, of a word whose density is too small for a float (bad)
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
    from importlib.metadata import PackageNotFoundError, version  # noqa: PLC0415

    try:
        import pocketsphinx  # noqa: PLC0415

        path = Path(pocketsphinx.get_model_path("en-us/en-us"))
        release = version("pocketsphinx")
    except (ImportError, PackageNotFoundError) as error:
        return False, f"pocketsphinx is not installed ({error})"
    if not (path / "mdef").exists():
        return False, f"PocketSphinx {release} is installed without its model ({path})"
    return True, f"PocketSphinx {release}, US-English model in {path}"


class Sphinx:
    """The model with its dictionary, a decoder per beam width, and added pronunciations."""

    def __init__(self, added: dict[str, str] | None = None) -> None:
        try:
            import pocketsphinx  # noqa: PLC0415
        except ImportError as error:
            raise EditorError(
                "acoustic alignment needs the pocketsphinx package (pip install pocketsphinx)"
            ) from error
        self._ps: Any = pocketsphinx
        self._decoders: dict[float, Any] = {}
        self._used: set[float] = set()  # decoders that decoded: they carry state
        self._added: dict[str, str] = dict(added or {})
        self.pronounced_by, self._espeak = pronouncer()
        try:
            self._base = self._decoder(NORMAL_BEAM)
        except (RuntimeError, OSError, ValueError) as error:  # a build without the model files
            raise EditorError(f"the acoustic model could not be loaded ({error})") from error

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

    @property
    def added(self) -> dict[str, str]:
        """The pronunciations given so far, by word (a worker process starts with them)."""
        return dict(self._added)

    def fresh(self) -> None:
        """Forget what the decoders learnt from the audio so far (the running cepstral mean,
        among others): the next search gives the same result as in a new process."""
        for beam in self._used:
            del self._decoders[beam]
        self._used.clear()
        if NORMAL_BEAM not in self._decoders:
            self._base = self._decoder(NORMAL_BEAM)

    def warm(self, pcm: np.ndarray) -> None:
        """Let the decoders learn the recording's running cepstral mean from ``pcm`` (the audio
        just before a stretch), as they would have had they decoded up to there."""
        if len(pcm) < 1600:
            return
        for beam in (NORMAL_BEAM, WIDE_BEAM):
            decoder = self._decoder(beam)
            self._used.add(beam)
            decoder.add_fsg("warm", decoder.create_fsg("warm", 0, 1, [(0, 1, 1.0, "a")]))
            decoder.activate_search("warm")
            decoder.start_utt()
            decoder.process_raw(_dithered(pcm).tobytes(), full_utt=True)
            decoder.end_utt()

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
        self,
        pcm: np.ndarray,
        words: Sequence[str],
        wide: bool = False,
        open_end: bool = True,
        *,
        skippable: int = 0,
        entries: Sequence[int] = (),
    ) -> tuple[int, list[Piece]] | None:
        """Where ``words`` are in ``pcm`` (16 kHz int16), in order; None if they do not fit.

        With ``open_end`` the audio may stop after any word: only as many words as the window
        holds are returned, so a window cut a little short costs only its last word or two.
        The first ``skippable`` words may be left out at the start (the window may begin after
        them). With ``entries`` instead, the path may begin only at those words (a probe for
        which turn follows a pause). Returns the index of the first word found and the pieces
        from there on.
        """
        if not words or len(pcm) < 1600:
            return None
        beam = WIDE_BEAM if wide else NORMAL_BEAM
        decoder = self._decoder(beam)
        self._used.add(beam)
        try:
            if open_end or skippable or entries:
                starts = list(entries) or list(range(min(skippable, len(words) - 1) + 1))
                leave = min(starts) + 1 if entries else max(starts) + 1
                decoder.add_fsg("window", self._grammar(decoder, words, starts, open_end, leave))
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
        found = [
            (_ALTERNATE.sub("", s.word), s.start_frame, s.end_frame, s.ascore) for s in segments
        ]
        found = [f for f in found if f[0] not in _FILLERS]
        names = [f[0] for f in found]
        possible = entries or range(skippable + 1)
        first = next((k for k in possible if list(words[k : k + len(names)]) == names), None)
        if not found or first is None:
            return None
        pieces = [Piece(a, b, _per_frame(score, b - a + 1)) for _, a, b, score in found]
        return first, pieces

    @staticmethod
    def _grammar(
        decoder: Any, words: Sequence[str], starts: list[int], open_end: bool, leave: int
    ) -> Any:
        """Words in a row, entered at any of ``starts``; with ``open_end`` left after any word
        from ``leave`` on."""
        count = len(words)
        transitions: list[tuple[int, int, float] | tuple[int, int, float, str]] = [
            (i, i + 1, 1.0, word) for i, word in enumerate(words)
        ]
        if open_end:
            transitions += [(i, count, 1.0) for i in range(max(1, leave), count)]
        transitions += [(0, i, 1.0) for i in starts if 0 < i < count]
        return decoder.create_fsg("window", 0, count, transitions)


def _dithered(pcm: np.ndarray) -> np.ndarray:
    """The samples with ±1 of noise: digital silence (all zeros) has no spectrum, and breaks
    the model's features and their normalisation."""
    noise = np.random.default_rng(0).integers(-1, 2, len(pcm), dtype=np.int16)
    return np.clip(pcm.astype(np.int32) + noise, -32768, 32767).astype(np.int16)


def _per_frame(density: float, frames: int) -> float:
    """The log density per frame; a density too small for a float (a long word matching
    badly, such as one stretched over music) counts as a bad match."""
    if density < 1e-300:
        return UNDERFLOW_SCORE
    return math.log(density) / max(1, frames)
