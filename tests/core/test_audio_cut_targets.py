"""``clip cut -o`` writes through a symlink and keeps a replaced file's mode."""

from __future__ import annotations

import stat
from pathlib import Path

from editor.core.audio_cut import cut_audio, media_duration_ms
from tests.conftest import SAMPLE10_MP3


def test_cut_to_a_symlink_writes_its_target(tmp_path: Path) -> None:
    target = tmp_path / "real.wav"
    target.write_bytes(b"old")
    target.chmod(0o604)
    link = tmp_path / "clip.wav"
    link.symlink_to(target)
    cut_audio(SAMPLE10_MP3, 1_000, 2_000, link)
    assert link.is_symlink()
    assert abs(media_duration_ms(target) - 1_000) <= 30
    assert stat.S_IMODE(target.stat().st_mode) == 0o604
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clip.wav", "real.wav"]
