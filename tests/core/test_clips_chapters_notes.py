"""Clips, chapters and show notes: times against the ground truth, exports, escaping."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from editor.core.audio_cut import CutCancelled, cut_audio, media_duration_ms
from editor.core.chapters import chapter_at_turn, chapter_lines, chapters_json
from editor.core.clips import (
    clip_from_span,
    clip_from_turns,
    clips_csv,
    clips_json,
    clips_markdown,
    nudge,
    soundbites,
)
from editor.core.episode_page import read_episode_page
from editor.core.errors import EditError
from editor.core.formats import export
from editor.core.model import Chapter, Clip, EpisodeMeta, Transcript, TranscriptTurn, Turn, Word
from editor.core.project.store import ProjectStore
from editor.core.shownotes import render_shownotes
from editor.core.textfile import read_text
from editor.demo import ensure_demo_project
from tests.conftest import SAMPLE10_MP3, SAMPLE10_TRUTH

TRUTH = json.loads(SAMPLE10_TRUTH.read_text(encoding="utf-8"))["turns"]
PAGE = Path(__file__).parent.parent / "data" / "episode-page.txt"
SCRIPT = "<script>alert(1)</script>"


def ms(seconds: float) -> int:
    return round(seconds * 1000)


@pytest.fixture
def demo(tmp_path: Path) -> ProjectStore:
    return ProjectStore.open(ensure_demo_project(tmp_path))


# -- clips -------------------------------------------------------------------------------------


def test_clip_of_turns_has_the_ground_truth_times(demo: ProjectStore) -> None:
    turns = demo.turns()
    clip = clip_from_turns(turns[5:7], "Alessandria Polizzi")
    assert (clip.start_ms, clip.end_ms) == (ms(TRUTH[5]["start"]), ms(TRUTH[6]["end"]))
    assert clip.quote.startswith("I was actually") and clip.title.endswith("…")


def test_clip_of_a_text_span_is_interpolated_by_position(demo: ProjectStore) -> None:
    turn = demo.turns()[5]
    start = turn.text.index("And of course")
    end = len(turn.text)
    clip = clip_from_span(turn, start, end, "Alessandria Polizzi")
    assert turn.start_ms is not None and turn.end_ms is not None
    expected = turn.start_ms + round((turn.end_ms - turn.start_ms) * start / len(turn.text))
    assert clip.start_ms == expected and clip.end_ms == turn.end_ms
    assert clip.quote == turn.text[start:]


def test_clip_of_a_span_uses_word_timings_when_there_are_some() -> None:
    words = (Word("One", 1000, 1400), Word("two", 1500, 1900), Word("three", 2000, 2600))
    turn = Turn(1, "V", None, "One two three", 1000, 2600, False, words)
    clip = clip_from_span(turn, 4, 7, "A")
    assert (clip.start_ms, clip.end_ms, clip.quote) == (1500, 1900, "two")


def test_untimed_turns_cannot_be_clipped() -> None:
    with pytest.raises(EditError, match="no times"):
        clip_from_turns([Turn(1, "V", None, "text")], "A")


def test_nudge_keeps_the_clip_valid() -> None:
    clip = Clip(1, 1000, 1300)
    assert nudge(clip, "start", -100).start_ms == 900
    assert nudge(clip, "end", 100).end_ms == 1400
    assert nudge(clip, "start", 10_000).start_ms == 1200
    assert nudge(clip, "end", -10_000).end_ms == 1100
    assert nudge(Clip(1, 50, 900), "start", -100).start_ms == 0


CLIPS = [
    Clip(
        1,
        754_000,
        790_500,
        '=HYPERLINK("x")',
        'He said "no" & left',
        ("rto",),
        "-note",
        "Duena Blomstrom",
    ),
    Clip(2, 5_000, 20_000, "T" * 200, "Short.", speaker=""),
]


def test_clip_exports() -> None:
    rows = list(csv.reader(io.StringIO(clips_csv(CLIPS))))
    assert rows[0][:5] == ["start", "end", "duration", "title", "quote"]
    assert rows[1][3] == '\'=HYPERLINK("x")' and rows[1][7] == "'-note"
    assert rows[1][:3] == ["754.000", "790.500", "36.500"]
    assert clips_markdown(CLIPS).splitlines()[0] == (
        '- 12:34–13:10 "He said ”no” & left" — Duena Blomstrom'
    )
    assert json.loads(clips_json(CLIPS))["clips"][0]["start"] == 754.0
    bites = soundbites(CLIPS).splitlines()
    assert bites[0] == (
        '<podcast:soundbite startTime="754.000" duration="36.500">'
        '=HYPERLINK("x")</podcast:soundbite>'
    )
    assert len(re.search(r">(T+)<", bites[1]).group(1)) == 128  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("suffix", "tolerance"), [(".wav", 50), (".mp3", 50), (".ogg", 50), (".m4a", 100)]
)
def test_audio_cut_lasts_as_long_as_the_clip(tmp_path: Path, suffix: str, tolerance: int) -> None:
    start, end = ms(TRUTH[5]["start"]), ms(TRUTH[5]["end"])
    out = tmp_path / f"clip{suffix}"
    seen: list[float] = []
    cut_audio(SAMPLE10_MP3, start, end, out, progress=seen.append)
    assert abs(media_duration_ms(out) - (end - start)) <= tolerance
    assert seen and seen[-1] == pytest.approx(1.0, abs=0.05)
    assert [p.name for p in tmp_path.iterdir()] == [out.name]


def test_cancelled_cut_leaves_nothing(tmp_path: Path) -> None:
    out = tmp_path / "clip.wav"
    with pytest.raises(CutCancelled):
        cut_audio(SAMPLE10_MP3, 0, 60_000, out, cancelled=lambda: True)
    assert list(tmp_path.iterdir()) == []


# -- chapters ----------------------------------------------------------------------------------


def test_chapters_json_follows_the_podcasting_20_format() -> None:
    chapters = [
        Chapter(2, 42_514, "Mandate", url="https://a.example", toc=False),
        Chapter(1, 0, "Welcome", img="https://a.example/i.png"),
    ]
    data = json.loads(str(chapters_json(chapters, duration_ms=168_881, title="Ep").content))
    assert data["version"] == "1.2.0"
    assert [c["startTime"] for c in data["chapters"]] == [0.0, 42.514]
    assert data["chapters"][0] == {
        "startTime": 0.0,
        "title": "Welcome",
        "img": "https://a.example/i.png",
        "endTime": 42.514,
    }
    assert data["chapters"][1]["toc"] is False
    assert data["chapters"][1]["endTime"] == 168.881


def test_chapter_lines_start_at_zero() -> None:
    lines = chapter_lines([Chapter(1, 65_000, "Later"), Chapter(2, 5_000, "First")])
    assert lines == [("00:00:00", "First"), ("00:01:05", "Later")]  # as the chapters file has it
    with pytest.raises(EditError, match="no start time"):
        chapter_at_turn(Turn(1, "V", None, "x"), "Title")


# -- the episode page and show notes -----------------------------------------------------------


def test_episode_page_is_read() -> None:
    page = read_episode_page(read_text(PAGE))
    meta = page.meta
    assert meta.title == "The Secret Society of Human Debt Fighters - Human Work Advocates"
    assert len(meta.topics) == 9 and meta.topics[0].startswith("why RTO mandates")
    assert {(link.title, link.url) for link in meta.links} >= {
        ("Human Debt™", "https://writings.duenablomstrom.com/tag/human-debt/"),
        ("Empathy Architecture™", "https://www.duenablomstrom.com/concepts/empathy-architecture"),
        ("Execution Debt", "https://peoplenottech.com/execution-debt"),
    }
    assert [(p.name, p.role) for p in meta.people] == [
        ("Duena Blomstrom", "host"),
        ("Dr Alessandria Polizzi", "host"),  # "Hosted by … and Dr Alessandria Polizzi"
    ]
    assert {t.term for t in page.glossary} >= {"Human Debt™", "Empathy Architecture™"}
    assert page.transcript is not None and len(page.transcript.turns) == 50
    assert "Amazon’s return-to-office mandate" in meta.summary


@pytest.mark.parametrize("kind", ["md", "txt", "html"])
def test_show_notes_carry_title_topics_links_and_people(demo: ProjectStore, kind: str) -> None:
    demo.set_episode(read_episode_page(read_text(PAGE)).meta)
    text = render_shownotes(demo, kind).content
    assert isinstance(text, str)
    if kind == "html":
        text = _visible_text(text)
    assert "The Secret Society of Human Debt" in text
    page = read_episode_page(read_text(PAGE)).meta
    for topic in page.topics:
        assert topic in text.replace("&#39;", "'")
    assert "Human Debt™" in text and "Empathy Architecture™" in text
    assert "Duena Blomstrom" in text and "Alessandria Polizzi" in text


def _visible_text(html: str) -> str:
    class Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.parts: list[str] = []

        def handle_data(self, data: str) -> None:
            self.parts.append(data)

    parser = Text()
    parser.feed(html)
    return "".join(parser.parts)


def _tags(html: str) -> set[str]:
    class Tags(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.tags: set[str] = set()
            self.hrefs: list[str] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.tags.add(tag)
            self.hrefs += [v or "" for k, v in attrs if k == "href"]

    parser = Tags()
    parser.feed(html)
    return parser.tags | {f"href:{h}" for h in parser.hrefs}


def test_html_show_notes_escape_user_text_and_stay_in_the_rss_subset(demo: ProjectStore) -> None:
    from editor.core.model import Link, Person

    demo.set_episode(
        EpisodeMeta(
            title=f"Ep {SCRIPT}",
            summary=f"Hi {SCRIPT}",
            topics=(f"<b>{SCRIPT}</b>",),
            links=(Link(SCRIPT, "javascript:alert(1)"),),
            people=(Person(SCRIPT, "host", "https://x.example"),),
        )
    )
    demo.clips.add(Clip(0, 1000, 5000, SCRIPT, f"quote {SCRIPT}", speaker=SCRIPT))
    html = render_shownotes(demo, "html").content
    assert isinstance(html, str)
    tags = _tags(html)
    assert {t for t in tags if not t.startswith("href:")} <= {"p", "ul", "li", "a"}
    assert "href:javascript:alert(1)" not in tags and "href:#" in tags
    assert "<script" not in html and "&lt;script&gt;" in html


def test_html_transcript_export_of_a_script_has_no_live_tag() -> None:
    transcript = Transcript((TranscriptTurn(SCRIPT, f"Look: {SCRIPT}", 0, 1000),))
    html = export(transcript, "html").content
    assert isinstance(html, str)
    assert "script" not in {t for t in _tags(html) if not t.startswith("href:")}
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_long_html_show_notes_get_a_size_warning(demo: ProjectStore) -> None:
    demo.set_episode(EpisodeMeta(title="Long", summary="word " * 1000))
    exported = render_shownotes(demo, "html", "notes.html")
    assert exported.warnings and "Apple Podcasts cuts descriptions" in exported.warnings[0]


def test_user_templates_override_the_bundled_ones(
    demo: ProjectStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from editor.core import shownotes

    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "shownotes.txt.j2").write_text("Custom: {{ title }}\n", encoding="utf-8")
    monkeypatch.setattr(shownotes, "template_folders", lambda: [folder])
    demo.set_episode(EpisodeMeta(title="Mine"))
    assert render_shownotes(demo, "txt").content == "Custom: Mine\n"


def test_media_duration_counts_decoded_samples(tmp_path: Path) -> None:
    shutil.copy(SAMPLE10_MP3, tmp_path / "a.mp3")
    assert media_duration_ms(tmp_path / "a.mp3") == pytest.approx(168_881, abs=80)
