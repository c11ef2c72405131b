"""Controllers on the playback side built without a MainWindow (issue 19): from the window's
parts (``tests.ui.bare``), a player on a fake backend and playback follow, and still at work."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from editor.core.formats import read_transcript
from editor.core.model import CONFIRMED, ESTIMATED, Transcript
from editor.core.playback import PlaybackState
from editor.core.project.create import create_project
from editor.core.project.store import ProjectStore
from editor.ui.follow import FollowController
from editor.ui.player_controller import PlayerController
from editor.ui.timing_controller import TimingController
from editor.ui.turn_playback import TurnPlayback
from editor.ui.word_controller import WordController
from tests.conftest import PATIENCE_MS, SAMPLE10_TRANSCRIPT
from tests.ui.bare import Parts, no_window, open_in
from tests.ui.fakes import FakePlayer
from tests.ui.test_word_follow import TURNS


@dataclass
class Playback:
    bare: Parts
    backend: FakePlayer
    player: PlayerController
    follow: FollowController
    store: ProjectStore


def _playing(bare: Parts, project: Path) -> Iterator[Playback]:
    backend = FakePlayer()
    player = PlayerController(backend, bare.parts.parent)
    follow = FollowController(bare.parts.model, bare.parts.view)
    with ProjectStore.open(project) as store:
        open_in(bare.parts, store)
        player.load(store.media_path())
        yield Playback(bare, backend, player, follow, store)
        open_in(bare.parts, None)


@pytest.fixture
def playing(bare: Parts, demo_project: Path) -> Iterator[Playback]:
    """The demo project open in the bare parts, its media loaded into a player."""
    yield from _playing(bare, demo_project)


@pytest.fixture
def untimed(bare: Parts, demo_project: Path) -> Iterator[Playback]:
    """The demo's media with a transcript that has no times yet."""
    path = demo_project.with_name("untimed.tep")
    media = demo_project.with_name("sample10.mp3")
    create_project(path, media=media, transcript=read_transcript(SAMPLE10_TRANSCRIPT))
    yield from _playing(bare, path)


@pytest.fixture
def worded(bare: Parts, demo_project: Path) -> Iterator[Playback]:
    """Turns with word times and confidences (``test_word_follow``) on the demo's media."""
    path = demo_project.with_name("worded.tep")
    create_project(path, media=demo_project.with_name("sample10.mp3"), transcript=Transcript(TURNS))
    yield from _playing(bare, path)


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


def test_timing_stamps_estimates_and_draws_the_waveform_without_a_window(
    untimed: Playback, qtbot: object
) -> None:
    parts, follow = untimed.bare.parts, untimed.follow
    timing = TimingController(parts, untimed.player, follow)
    no_window(parts)
    assert timing.parent() is parts.parent
    model, view = parts.model, parts.view
    view.select_row(0)
    untimed.player.seek(0)
    timing.stamp()  # F9: the selected turn starts at the playhead; on to the next
    untimed.player.seek(16_990)
    timing.stamp()
    assert (model.turn(0).start_ms, model.turn(0).end_ms, model.turn(1).start_ms) == (
        0,
        16_990,
        16_990,
    )
    assert view.current_row() == 2 and follow.suspended  # the user leads while stamping
    view.select_row(1)
    timing.nudge("start", -100)
    assert model.turn(1).start_ms == 16_890
    parts.runner.undo()
    assert model.turn(1).start_ms == 16_990
    timing.estimate()
    assert parts.status_bar.currentMessage().startswith("Estimated times for ")
    assert {model.turn(r).timing for r in range(2, 10)} == {ESTIMATED}
    view.select_row(3)
    timing.confirm()
    assert model.turn(3).timing == CONFIRMED
    timing.move_boundary(model.turn(3).id, 30_000)  # a boundary dragged on the waveform
    assert model.turn(3).start_ms == 30_000
    timing.load_waveform(untimed.store.media_path())  # read in a worker, kept in the project
    qtbot.waitUntil(lambda: timing.waveform.peaks is not None, timeout=PATIENCE_MS)  # type: ignore[attr-defined]
    timing.stop_workers()
    assert untimed.bare.errors == []


def test_words_follow_play_and_step_without_a_window(worded: Playback) -> None:
    parts, backend, follow = worded.bare.parts, worded.backend, worded.follow
    words = WordController(parts, worded.player, follow)
    no_window(parts)
    model = parts.model

    def styled(row: int, style: str) -> list[str]:
        turn = model.turn(row)
        return [turn.text[h.start : h.end] for h in words.highlights(turn) if h.style == style]

    worded.player.seek(5850)  # the playhead's word is marked
    assert styled(1, "word_current") == ["Kubernetes"]
    assert styled(1, "word_uncertain") == ["Kubernetes", "clusters."]
    words.play_word(0, model.turn(0).text.index("show"))  # Alt+click on a word
    assert backend.seeks[-1] == 2600 and backend.state() == PlaybackState.PLAYING
    parts.view.select_row(0)
    assert words.next_uncertain(1)  # F7
    assert parts.view.current_row() == 0 and styled(0, "word_uncertain_focus") == ["to"]
    assert words.next_uncertain(1)
    assert parts.view.current_row() == 1 and styled(1, "word_uncertain_focus") == ["Kubernetes"]
    assert parts.status_bar.currentMessage().startswith("Uncertain word “Kubernetes”")
    assert follow.suspended  # the user went somewhere: playback must not pull them away
    words.play_word(2, 0)  # a turn without word times plays from its start
    assert backend.seeks[-1] == 7500
    assert worded.bare.errors == []
