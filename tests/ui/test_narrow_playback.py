"""Controllers on the playback side built without a MainWindow (issue 19): from the window's
parts (``tests.ui.bare``), a player on a fake backend and playback follow, and still at work."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from editor.core.playback import PlaybackState
from editor.core.project.store import ProjectStore
from editor.ui.follow import FollowController
from editor.ui.player_controller import PlayerController
from editor.ui.turn_playback import TurnPlayback
from tests.ui.bare import Parts, no_window, open_in
from tests.ui.fakes import FakePlayer


@dataclass
class Playback:
    bare: Parts
    backend: FakePlayer
    player: PlayerController
    follow: FollowController
    store: ProjectStore


@pytest.fixture
def playing(bare: Parts, demo_project: Path) -> Iterator[Playback]:
    """The demo project open in the bare parts, its media loaded into a player."""
    backend = FakePlayer()
    player = PlayerController(backend, bare.parts.parent)
    follow = FollowController(bare.parts.model, bare.parts.view)
    with ProjectStore.open(demo_project) as store:
        open_in(bare.parts, store)
        player.load(store.media_path())
        yield Playback(bare, backend, player, follow, store)
        open_in(bare.parts, None)


def test_turns_are_played_from_the_list_without_a_window(playing: Playback) -> None:
    parts, backend, follow = playing.bare.parts, playing.backend, playing.follow
    turns = TurnPlayback(parts, playing.player, follow)
    no_window(parts)
    start = parts.model.turn(3).start_ms
    assert start is not None
    follow.suspend()
    turns.play_clicked_turn(3)  # a click plays from the turn's start and follows again
    assert backend.state() == PlaybackState.PLAYING
    assert backend.seeks[-1] == start
    assert not follow.suspended
    parts.view.select_row(1)
    turns.play_selected_turn()  # Ctrl+J
    assert backend.seeks[-1] == parts.model.turn(1).start_ms
    parts.model.set_current_row(2)  # the turn under the playhead
    follow.suspend()
    turns.replay_current_turn()  # Ctrl+Shift+Space: again, without taking the view back
    assert backend.seeks[-1] == parts.model.turn(2).start_ms
    assert follow.suspended
    assert playing.bare.errors == []
