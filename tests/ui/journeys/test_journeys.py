"""Journeys through the real window, driven from outside as a person would (issue 17).

Each test makes a project from the sample episode in ``../shared/samples``, runs one journey
(``run_journey.py``, under the system Python with pyatspi, inside its own D-Bus session, X server
and accessibility bus), then checks what a person would: the project file on disk, the files
the app wrote, what the window showed (text and geometry from the accessibility tree), that the
app was alive to the end, quit cleanly and printed no traceback. Screenshots of the key states go
to ``$JOURNEY_SHOTS/<journey>/`` (default: the test's tmp folder); ``.ci/run`` keeps them.

Skipped without the tools on a laptop; in CI (``CI`` set) missing tools fail the run.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest

from editor.core.formats import read_transcript
from editor.core.model import Transcript, TranscriptTurn
from editor.core.project.create import create_project
from tests.conftest import PATIENCE_S, in_ci, require_tool

HERE = Path(__file__).parent
SAMPLES = Path(__file__).resolve().parents[4] / "shared" / "samples"
SYSTEM_PYTHON = "/usr/bin/python3"
BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
# a journey is a few dozen steps, each bounded by the driver's patience
JOURNEY_TIMEOUT_S = 12 * PATIENCE_S

pytestmark = [pytest.mark.journey, pytest.mark.timeout(JOURNEY_TIMEOUT_S + 60)]


def _missing(what: str) -> None:
    if in_ci():
        pytest.fail(f"{what} is missing: scripts/bootstrap.sh installs it")
    pytest.skip(f"{what} is not installed")


@pytest.fixture(scope="module")
def tools() -> None:
    for name in ("Xvfb", "xdotool", "dbus-run-session", "import"):
        require_tool(name)
    if not Path(BUS_LAUNCHER).exists():
        _missing("at-spi2-core (at-spi-bus-launcher)")
    probe = subprocess.run(
        [SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True, check=False
    )
    if probe.returncode != 0:
        _missing("python3-pyatspi for the system Python")
    if not SAMPLES.is_dir():
        pytest.skip("../shared/samples is not here")


@dataclass
class Journey:
    project: Path
    seen: dict[str, Any]
    stderr: str
    shots: Path


def sample_project(folder: Path) -> Path:
    """The sample episode's ten spoken paragraphs, with their true times and audio."""
    media = folder / "sample10.mp3"
    shutil.copy(SAMPLES / "sample10.mp3", media)
    text = read_transcript(SAMPLES / "sample10-transcript.txt")
    truth = json.loads((SAMPLES / "sample10-truth.json").read_text(encoding="utf-8"))["turns"]
    transcript = Transcript(
        tuple(
            TranscriptTurn(
                turn.speaker, turn.text, round(t["start"] * 1000), round(t["end"] * 1000)
            )
            for turn, t in zip(text.turns, truth, strict=True)
        )
    )
    project = folder / "Human Debt Fighters.tep"
    create_project(project, title="Episode", media=media, transcript=transcript)
    return project


def shots_folder(tmp_path: Path, journey: str) -> Path:
    base = os.environ.get("JOURNEY_SHOTS")
    folder = (Path(base) if base else tmp_path / "shots") / journey
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


def run_journey(name: str, tmp_path: Path, params: dict[str, Any] | None = None) -> Journey:
    work = tmp_path / "work"
    work.mkdir()
    project = sample_project(work)
    shots = shots_folder(tmp_path, name)
    stderr = tmp_path / "app-stderr.txt"
    env = {
        **os.environ,
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "TRANSCRIPT_EDITOR_AUDIO": "dummy",
        "PYTHONUNBUFFERED": "1",
        "PYTHONFAULTHANDLER": "1",  # a hung app, aborted by the driver, says where it hung
    }
    env.pop("QT_QPA_PLATFORM", None)
    player = "vlc" if in_ci() else "auto"
    command = [
        "dbus-run-session",
        "--",
        SYSTEM_PYTHON,
        str(HERE / "run_journey.py"),
        "--journey",
        name,
        "--shots",
        str(shots),
        "--stderr",
        str(stderr),
        "--params",
        json.dumps({"work": str(work), **(params or {})}),
        "--",
        sys.executable,
        "-m",
        "editor",
        "--player",
        player,
        str(project),
    ]
    done = subprocess.run(
        command,
        env=env,
        cwd=work,
        capture_output=True,
        text=True,
        timeout=JOURNEY_TIMEOUT_S,
        check=False,
    )
    lines = done.stdout.strip().splitlines()
    assert done.returncode == 0 and lines, f"the driver failed:\n{done.stdout}\n{done.stderr}"
    seen = json.loads(lines[-1])
    app_stderr = stderr.read_text(encoding="utf-8", errors="replace")
    assert "error" not in seen, (
        f"{seen['error']}\nwindows: {seen.get('windows')}\n{seen.get('driver_traceback')}\n"
        f"app stderr:\n{app_stderr[-3000:]}\nscreenshots: {shots}"
    )
    assert "Traceback" not in app_stderr, app_stderr
    assert seen["alive_at_end"], app_stderr
    assert seen["exit_code"] == 0, f"{seen}\n{app_stderr}"
    return Journey(project, seen, app_stderr, shots)


def rows(project: Path) -> list[tuple[str, str, int]]:
    """(speaker, text, reviewed) of each turn, read from the file the app saved."""
    with sqlite3.connect(f"file:{project}?mode=ro", uri=True) as conn:
        return list(
            conn.execute(
                "SELECT speakers.name, turns.text, turns.reviewed FROM turns"
                " LEFT JOIN speakers ON speakers.id = turns.speaker_id ORDER BY position"
            )
        )


WRONG, RIGHT = "4,000 five hundred hour professionals", "4,500 HR professionals"
SPLIT_BEFORE = "well, I think that there'll be left"


def test_editor_journey(tools: None, tmp_path: Path) -> None:
    original = rows(sample_project(tmp_path))
    params = {"wrong": WRONG, "right": RIGHT, "split_before": SPLIT_BEFORE}
    journey = run_journey("editor", tmp_path, params)
    seen, saved = journey.seen, rows(journey.project)
    assert seen["rows_at_start"] == 10
    # listening: the slider moved on by itself after a click on the first turn
    assert seen["seek"]["moved_to"] >= seen["seek"]["start"] + 1500
    # the open editor shows the whole five-line turn, and the row does not shrink around it
    _, _, width, height = seen["editor_box"]
    assert height >= 4 * 14 and width >= 300, seen["editor_box"]
    assert seen["row_box_editing"][3] >= seen["row_box_before"][3], seen
    assert seen["editor_text"] == original[5][1]
    # the words typed over the wrong ones, on screen and on disk
    assert RIGHT in seen["fixed_row"] and WRONG not in seen["fixed_row"]
    assert saved[5][1] == original[5][1].replace(WRONG, RIGHT)
    # the speaker changed with Shift+F2
    assert saved[3][:2] == ("Duena Blomstrom", "I thought")
    # split in mid-sentence into two turns, then merged back to the very same text
    first, second = seen["split"]
    assert first.endswith("even said,") and second.split(": ", 1)[1].startswith(SPLIT_BEFORE)
    assert seen["merged"] == seen["merge_original"]
    assert saved[6] == original[6] and len(saved) == 10
    # the glossary's fix, in the list and on disk
    assert any("Human Death" in cell for cell in seen["issues"]), seen["issues"]
    assert "Human Debt Fighters" in seen["glossary_row"]
    assert "Human Debt Fighters" in saved[1][1] and "Human Death" not in saved[1][1]
    # reviewed: the status bar counts it, the file has it
    assert seen["reviewed_label"] == "Reviewed 1/10"
    assert [r[2] for r in saved] == [1] + [0] * 9
    # nothing else changed
    untouched = [0, 2, 4, 7, 8, 9]
    assert [saved[i][:2] for i in untouched] == [original[i][:2] for i in untouched]


QUOTE = "there's zero data behind zero ROI behind any of these decisions"


def test_host_journey(tools: None, tmp_path: Path) -> None:
    import av

    journey = run_journey("host", tmp_path, {"row": 6, "quote": QUOTE, "long_row": 5})
    seen = journey.seen
    assert QUOTE in seen["clip_cells"]
    with sqlite3.connect(f"file:{journey.project}?mode=ro", uri=True) as conn:
        clips = list(
            conn.execute("SELECT start_ms, end_ms, title, quote, speaker FROM clips ORDER BY id")
        )
        turns = conn.execute("SELECT start_ms, end_ms FROM turns ORDER BY position").fetchall()
    assert len(clips) == 2, clips  # the quote's, then the whole turn's
    start_ms, end_ms, title, quote, speaker = clips[0]
    assert (quote, speaker) == (QUOTE, "Alessandria Polizzi")
    assert turns[6][0] <= start_ms < end_ms <= turns[6][1]
    # the Cut Audio dialog proposed the clip's title, not the project's name
    assert "zero data behind" in seen["proposed_name"] and "Fighters" not in seen["proposed_name"]
    cut = Path(seen["cut_file"])
    assert cut.parent == journey.project.parent and cut.stat().st_size > 0
    with av.open(str(cut)) as container:
        seconds = float(container.duration or 0) / av.time_base
    assert abs(seconds * 1000 - (end_ms - start_ms)) < 300, (seconds, start_ms, end_ms, title)
    check_video(seen, end_ms - start_ms)
    # the second video, of the whole turn, cancelled: no file, no temporary file left
    assert clips[1][:2] == turns[5] and seen["long_clip_title"] == clips[1][2], (clips, seen)
    assert "cancelled" in seen["cancel_status"], seen["cancel_status"]
    assert not Path(seen["cancelled_file"]).exists()
    assert not [p.name for p in journey.project.parent.iterdir() if p.name.endswith(".part")]


def check_video(seen: dict[str, Any], clip_ms: int) -> None:
    """Make Video… wrote an h264 + aac MP4 as long as the clip, said in the status bar."""
    import av

    video = Path(seen["video_file"])
    assert video.suffix == ".mp4" and "zero data behind" in video.name, video
    assert f"Made {video.name}" in seen["video_status"], seen["video_status"]
    with av.open(str(video)) as container:
        codecs = {s.type: s.codec_context.name for s in container.streams}
        seconds = float(container.duration or 0) / av.time_base
    assert codecs == {"video": "h264", "audio": "aac"}, codecs
    assert abs(seconds * 1000 - clip_ms) < 100, (seconds, clip_ms)


NOTES = {"Title:": "Amazon's return-to-office mandate", "Season:": "2", "Episode:": "5"}
BASE_URL = "https://media.example.com/s2e5/"


def test_producer_journey(tools: None, tmp_path: Path) -> None:
    published = tmp_path / "published"
    published.mkdir()  # a fresh, empty folder chosen in the dialog
    params = {
        "page": str(SAMPLES / "episode-page.txt"),
        "notes": NOTES,
        "uncheck": 0,  # the suggestion at 0:00: "Welcome" goes there (YouTube's first chapter)
        "chapters": [[0, "Welcome"]],
        "clip_row": 6,
        "publish_to": str(published),
        "base_url": BASE_URL,
    }
    journey = run_journey("producer", tmp_path, params)
    seen = journey.seen
    page_title = "The Secret Society of Human Debt Fighters - Human Work Advocates"
    assert seen["imported_title"] == page_title
    with sqlite3.connect(f"file:{journey.project}?mode=ro", uri=True) as conn:
        episode = conn.execute(
            "SELECT title, show, season, number, summary FROM episode"
        ).fetchone()
        chapters = [row[0] for row in conn.execute("SELECT title FROM chapters ORDER BY start_ms")]
        clips = conn.execute("SELECT count(*) FROM clips").fetchone()[0]
    assert episode[:4] == (NOTES["Title:"], page_title, 2, 5)
    assert episode[4].startswith("In this episode, Duena Blomstrom")
    check_suggested(seen, chapters)
    assert clips == 1
    check_exports(seen, journey.project.parent / "exports", chapters)
    check_published(seen, published)


def check_suggested(seen: dict[str, Any], chapters: list[str]) -> None:
    """Nine topics for ten turns gave eight suggestions, naming the one left out; with the last
    topic deleted the
    dialog listed eight; the first unchecked, seven were added, undone and redone as one step."""
    assert "8 chapters suggested" in seen["suggest_left_out"], seen["suggest_left_out"]
    assert "Left out, for want of room" in seen["suggest_left_out"]
    suggested = seen["suggested"]
    assert len(suggested) == 8 and all(len(row) == 4 for row in suggested), suggested
    assert suggested[0][0] == "0:00" and all(row[1] and row[2][0].isdigit() for row in suggested)
    assert seen["suggested_checked"] == [False] + [True] * 7
    # "Chapters from": the changes of subject ignore the topics, and back to the topics
    assert seen["basis_focused"] == "combo box"  # Alt+F
    assert "1 chapter suggested, where the subject changes." in seen["by_subject"]
    assert "8 chapters suggested, one per topic" in seen["by_topic_again"]
    assert (seen["chapters_added"], seen["chapters_after_undo"]) == (7, 0)
    assert seen["chapters_after_redo"] == 7
    assert "Suggested chapters" in seen["undo_item"] and "Suggested chapters" in seen["redo_item"]
    assert chapters == ["Welcome"] + [row[1] for row in suggested[1:]]


def check_exports(seen: dict[str, Any], folder: Path, chapters: list[str]) -> None:
    """Every export of the menu, run from the menu: as many as the app has, each file written."""
    from editor.core.formats import export_choices
    from editor.core.project.project_exports import PROJECT_EXPORTS

    expected = [f"{d} (.{n})…" for n, d in export_choices()]
    expected += [f"{kind.description}…" for kind in PROJECT_EXPORTS.values()]
    assert seen["export_items"] == expected
    files = {label: folder / name for label, name in seen["exports"].items()}
    assert list(files) == expected
    assert all(path.stat().st_size > 0 for path in files.values()), files
    text = {label: path.read_bytes() for label, path in files.items()}
    assert text["WebVTT captions (.vtt)…"].startswith(b"WEBVTT")
    assert text["Word document (.docx)…"].startswith(b"PK")
    assert NOTES["Title:"].encode() in text["Show notes (Markdown)…"]
    chapters_json = json.loads(text["Podcasting 2.0 chapters (JSON)…"])
    assert [c["title"] for c in chapters_json["chapters"]] == chapters
    assert b"And I'm just like" in text["Clips (CSV)…"]
    youtube = text["YouTube chapters (description block)…"].decode().splitlines()
    assert youtube[0] == "00:00 Welcome" and len(youtube) == len(chapters), youtube
    assert [line.split(" ", 1)[1] for line in youtube] == chapters


def check_published(seen: dict[str, Any], folder: Path) -> None:
    """File → Publish… wrote every file into the folder chosen, linked by the base URL typed."""
    from editor.core.publish import ITEM_FILE, NOTES_FILES, OPTIONAL_FILES, TRANSCRIPT_FILES
    from editor.core.rss_item import PODCAST_NAMESPACE

    expected = {n for n, *_ in TRANSCRIPT_FILES} | {n for n, _ in NOTES_FILES}
    expected |= {*OPTIONAL_FILES, ITEM_FILE}
    assert set(seen["published_files"]) == expected, seen["published_files"]
    assert any(f"Published {len(expected)} files" in label for label in seen["publish_summary"])
    assert all((folder / name).stat().st_size > 0 for name in expected)
    assert (folder / "transcript.vtt").read_bytes().startswith(b"WEBVTT")
    item = ElementTree.parse(folder / ITEM_FILE).getroot()
    podcast = [e for e in item.iter() if e.tag.startswith(f"{{{PODCAST_NAMESPACE}}}")]
    assert podcast, ElementTree.tostring(item)
    links = {e.get("url") for e in podcast if e.tag.endswith("}transcript")}
    assert f"{BASE_URL}transcript.vtt" in links, links
