"""Publishing in one step: the sample episode's page imported, chapters and a clip added, every
file written and the RSS item valid by the namespace's rules; the files are the exports' own;
a file that cannot be written leaves nothing half-written and nothing replaced."""

from __future__ import annotations

import errno
import os
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest

from editor.core import ops
from editor.core.episode_page import read_episode_page
from editor.core.errors import EditorError
from editor.core.formats import ExportOptions, export, read_transcript
from editor.core.model import Chapter, Clip, Person
from editor.core.project.create import create_project
from editor.core.project.exporting import episode_author, transcript_for_export
from editor.core.project.project_exports import PROJECT_EXPORTS
from editor.core.project.store import ProjectStore
from editor.core.publish import publish_project, run_elsewhere
from editor.core.rss_item import ItemParts, cdata, rss_item
from editor.core.textfile import read_text
from editor.demo import ensure_demo_project
from tests.core.podcast_rules import NS, validate_item
from tests.formats.conftest import rows

PAGE = Path(__file__).parent.parent / "data" / "episode-page.txt"  # ../shared/samples' page
BASE = "https://media.example.com/show/s2e5/"
ALL_FILES = {
    "transcript.vtt",
    "transcript.srt",
    "transcript.json",
    "transcript.html",
    "chapters.json",
    "shownotes.html",
    "shownotes.md",
    "shownotes.txt",
    "soundbites.xml",
    "youtube.txt",
    "rss-item.xml",
}
CHAPTERS = ((0, "Welcome"), (95_000, "Amazon's mandate"), (400_000, "What it costs"))


@pytest.fixture
def episode(tmp_path: Path) -> Path:
    """The sample episode page imported into a new project, with three chapters and a clip."""
    project = tmp_path / "Human Debt Fighters.tep"
    create_project(project)
    with ProjectStore.open(project) as store:
        ops.import_episode_page(store, read_episode_page(read_text(PAGE)))
        for start, title in CHAPTERS:
            store.chapters.add(Chapter(0, start, title))
        store.clips.add(Clip(0, 20_000, 45_500, "Floored on the panel", "I was floored"))
    return project


def _item(folder: Path) -> ET.Element:
    return ET.fromstring((folder / "rss-item.xml").read_text(encoding="utf-8"))


def test_publish_writes_every_file_and_a_valid_item(episode: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    publication = publish_project(episode, out, BASE)
    assert {p.name for p in out.iterdir()} == ALL_FILES
    assert {path.name for path, _what, _size in publication.files} == ALL_FILES
    assert all((out / name).stat().st_size > 0 for name in ALL_FILES)
    report = validate_item((out / "rss-item.xml").read_text(encoding="utf-8"), True)
    assert report.errors == [] and report.advice == []
    item = _item(out)
    assert item.findtext("title") == (
        "The Secret Society of Human Debt Fighters - Human Work Advocates"
    )
    assert item.findtext("description") == (out / "shownotes.html").read_text(encoding="utf-8")
    transcripts = [t.attrib for t in item.findall(f"{{{NS}}}transcript")]
    assert transcripts == [
        {"url": BASE + name, "type": kind, "language": "en-US", **rel}
        for name, kind, rel in (
            ("transcript.vtt", "text/vtt", {"rel": "captions"}),
            ("transcript.srt", "application/x-subrip", {"rel": "captions"}),
            ("transcript.json", "application/json", {}),
            ("transcript.html", "text/html", {}),
        )
    ]
    chapters = item.findall(f"{{{NS}}}chapters")
    assert [c.attrib for c in chapters] == [
        {"url": BASE + "chapters.json", "type": "application/json+chapters"}
    ]
    (soundbite,) = item.findall(f"{{{NS}}}soundbite")
    assert soundbite.attrib == {"startTime": "20.000", "duration": "25.500"}
    assert soundbite.text == "Floored on the panel"
    people = [(p.get("role"), p.text) for p in item.findall(f"{{{NS}}}person")]
    assert people == [("host", "Duena Blomstrom"), ("host", "Dr Alessandria Polizzi")]
    youtube = (out / "youtube.txt").read_text(encoding="utf-8")
    assert youtube == "00:00 Welcome\n01:35 Amazon's mandate\n06:40 What it costs\n"
    assert not [n for n in publication.notes if "by their names alone" in n]


def test_the_files_are_what_the_exports_write(episode: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    publish_project(episode, out, BASE)
    with ProjectStore.open(episode, readonly=True) as store:
        episode_meta = store.episode()
        transcript = transcript_for_export(store)
        for name, kind in (("vtt", "vtt"), ("srt", "srt"), ("json", "json"), ("html", "html")):
            options = ExportOptions(title=episode_meta.title, author=episode_author(episode_meta))
            expected = export(transcript, kind, options).as_bytes()
            assert (out / f"transcript.{name}").read_bytes() == expected, name
        for name, kind in (
            ("chapters.json", "chapters"),
            ("shownotes.html", "shownotes-html"),
            ("shownotes.md", "shownotes-md"),
            ("shownotes.txt", "shownotes-txt"),
            ("soundbites.xml", "soundbites"),
            ("youtube.txt", "youtube"),
        ):
            assert (out / name).read_bytes() == PROJECT_EXPORTS[kind].render(store, "x").as_bytes()


def test_timed_transcripts_read_back_as_they_were(tmp_path: Path) -> None:
    project = ensure_demo_project(tmp_path / "demo")
    out = tmp_path / "out"
    publish_project(project, out)
    with ProjectStore.open(project, readonly=True) as store:
        expected = rows(store.transcript())
    for name in ("transcript.vtt", "transcript.srt", "transcript.json"):
        again = read_transcript(out / name)
        assert rows(again) == expected, name
        assert again.warnings == (), name


def test_without_a_base_url_the_item_names_the_files_and_says_so(
    episode: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    publication = publish_project(episode, out)
    report = validate_item((out / "rss-item.xml").read_text(encoding="utf-8"), False)
    assert report.errors == []
    item = _item(out)
    assert item.findall(f"{{{NS}}}transcript")[0].get("url") == "transcript.vtt"
    chapters = item.find(f"{{{NS}}}chapters")
    assert chapters is not None and chapters.get("url") == "chapters.json"
    assert any("by their names alone" in note for note in publication.notes)
    # and the validator tells the two apart: bare names are not the URLs a feed needs
    assert validate_item((out / "rss-item.xml").read_text(encoding="utf-8"), True).errors


@pytest.mark.parametrize(
    "url",
    [
        "http://media.example.com/",
        "ftp://x.example/",
        "media.example.com",
        "https://",
        "https://x.example/?a=1",
    ],
)
def test_a_base_url_that_is_not_https_is_refused_before_anything_is_written(
    episode: Path, tmp_path: Path, url: str
) -> None:
    out = tmp_path / "out"
    with pytest.raises(EditorError, match="the podcast namespace requires https"):
        publish_project(episode, out, url)
    assert not out.exists()


def test_a_base_url_with_or_without_its_slash_gives_the_same_item(
    episode: Path, tmp_path: Path
) -> None:
    publish_project(episode, tmp_path / "a", "https://x.example/my%20show")
    publish_project(episode, tmp_path / "b", "https://x.example/my%20show/")
    first, second = (tmp_path / f / "rss-item.xml" for f in "ab")
    assert first.read_bytes() == second.read_bytes()
    urls = [t.get("url") for t in _item(tmp_path / "a").findall(f"{{{NS}}}transcript")]
    assert urls[0] == "https://x.example/my%20show/transcript.vtt"
    with pytest.raises(EditorError, match="a URL has no spaces; write each as %20"):
        publish_project(episode, tmp_path / "c", "https://x.example/my show/")
    assert not (tmp_path / "c").exists()


def test_what_the_project_has_nothing_for_is_left_out_and_said(tmp_path: Path) -> None:
    project = tmp_path / "bare.tep"
    create_project(project, transcript=read_transcript(PAGE.parent / "sample10-transcript.txt"))
    out = tmp_path / "out"
    publication = publish_project(project, out)
    assert {p.name for p in out.iterdir()} == ALL_FILES - {
        "chapters.json",
        "soundbites.xml",
        "youtube.txt",
    }
    notes = " | ".join(publication.notes)
    assert "no chapters: chapters.json, youtube.txt and <podcast:chapters> left out" in notes
    assert "no clips: soundbites.xml and <podcast:soundbite> left out" in notes
    assert "the episode has no title; the item's <title> is the project's: bare" in notes
    report = validate_item((out / "rss-item.xml").read_text(encoding="utf-8"), False)
    assert report.errors == []
    assert _item(out).find(f"{{{NS}}}chapters") is None


def test_too_few_chapters_for_youtube_leave_its_block_out_with_the_reason(
    episode: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    publish_project(episode, out, BASE)  # an earlier publish with three chapters
    with ProjectStore.open(episode) as store:
        store.chapters.remove(store.chapters.all()[-1].id)
    publication = publish_project(episode, out, BASE)
    assert "youtube.txt" not in {path.name for path, _w, _s in publication.files}
    notes = " | ".join(publication.notes)
    assert "youtube.txt left out:" in notes and "has 2 chapter(s)" in notes
    assert f"{out / 'youtube.txt'} is from an earlier publish and was left as it is" in notes
    assert (out / "chapters.json").exists()


def test_an_episode_without_turns_is_refused_naming_it(tmp_path: Path) -> None:
    project = tmp_path / "empty.tep"
    create_project(project)
    with pytest.raises(EditorError, match=r"empty\.tep: has no turns"):
        publish_project(project, tmp_path / "out")


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def test_a_folder_in_a_files_place_stops_the_publish_before_any_file(
    episode: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    (out / "chapters.json").mkdir(parents=True)
    with pytest.raises(EditorError, match=r"chapters\.json: a folder has this name; nothing was"):
        publish_project(episode, out, BASE)
    assert [p.name for p in out.iterdir()] == ["chapters.json"]


def test_a_read_only_file_is_refused_and_nothing_is_replaced(episode: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    publish_project(episode, out, BASE)
    with ProjectStore.open(episode) as store:
        store.set_episode(replace(store.episode(), title="Renamed"))
    before = _snapshot(out)
    (out / "transcript.srt").chmod(0o444)
    with pytest.raises(EditorError, match=r"transcript\.srt: the file is read-only"):
        publish_project(episode, out, BASE)
    assert _snapshot(out) == before


def test_a_disk_that_fills_up_midway_leaves_the_old_files_whole_and_no_temporary_file(
    episode: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    publish_project(episode, out, BASE)
    (out / "transcript.vtt").chmod(0o600)
    with ProjectStore.open(episode) as store:
        store.set_episode(replace(store.episode(), title="Renamed"))
    before = _snapshot(out)
    calls = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 6:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr("editor.core.staged_files.os.fsync", fsync)
    with pytest.raises(EditorError, match=r"cannot write \(No space left on device\); nothing was"):
        publish_project(episode, out, BASE)
    assert _snapshot(out) == before
    assert sorted(p.name for p in out.iterdir()) == sorted(ALL_FILES)  # no .NAME.XXXX left
    monkeypatch.undo()
    publish_project(episode, out, BASE)
    assert (out / "transcript.vtt").stat().st_mode & 0o777 == 0o600  # a replaced file's mode
    assert _item(out).findtext("title") == "Renamed"


def test_the_validator_finds_what_breaks_the_rules() -> None:
    good = (
        f'<item xmlns:podcast="{NS}"><title>T</title><description>D</description>'
        '<podcast:transcript url="https://x.example/t.vtt" type="text/vtt" rel="captions"/>'
        '<podcast:chapters url="https://x.example/c.json" type="application/json+chapters"/>'
        '<podcast:soundbite startTime="1.5" duration="20">S</podcast:soundbite>'
        '<podcast:person role="guest">Ann</podcast:person></item>'
    )
    assert validate_item(good, True).errors == []
    broken = {
        'xmlns:podcast="https://podcastindex.org/namespace/1.0"': 'xmlns:podcast="urn:other"',
        ' rel="captions"/>': ' rel="subtitles"/>',
        'type="text/vtt"': 'type="text/x-vtt"',
        'url="https://x.example/t.vtt"': 'url="http://x.example/t.vtt"',
        'type="application/json+chapters"': 'type="application/json"',
        ' duration="20"': "",
        'startTime="1.5"': 'startTime="-1"',
        'role="guest">Ann': 'role="guest"> ',
        'role="guest"': 'role="sidekick"',
        "<title>T</title>": "",
        "<description>D</description>": "<description></description>",
        "x.example/t.vtt": "x.example/my t.vtt",
    }
    for old, new in broken.items():
        assert old in good, old
        assert validate_item(good.replace(old, new), True).errors, (old, new)
    twice = good.replace(
        "</item>",
        '<podcast:chapters url="https://x.example/d" type="application/json+chapters"/></item>',
    )
    assert validate_item(twice, True).errors == ["<podcast:chapters>: at most one per item"]
    captions_on_html = good.replace('type="text/vtt"', 'type="text/html"')
    assert "no time codes" in validate_item(captions_on_html, True).errors[0]
    short = good.replace('duration="20"', 'duration="5"')
    report = validate_item(short, True)
    assert report.errors == [] and "outside the recommended 15–120 s" in report.advice[0]
    assert validate_item("<item><title>", True).errors[0].startswith("not well-formed XML")


def test_a_cdata_end_inside_the_show_notes_cannot_end_the_description_early() -> None:
    html = "<p>a ]]> b ]]]]> c</p><p><![CDATA[ d ]]></p>\x07"
    parts = ItemParts("T", html, (), "en-US", None, "", ())
    xml, warnings = rss_item(parts)
    assert warnings == ()
    assert ET.fromstring(xml).findtext("description") == html.replace("\x07", "")
    assert validate_item(xml, absolute_urls=True).errors == []
    assert cdata("]]>") == "<![CDATA[]]]]><![CDATA[>]]>"


def test_people_other_than_hosts_and_guests_and_http_pages_are_not_credited() -> None:
    people = (
        Person("Ann", "Host", "https://ann.example"),
        Person("Bo", "guest", "http://bo.example"),
        Person("Cy", "producer"),
        Person("  ", "guest"),
    )
    xml, warnings = rss_item(ItemParts("T", "<p>D</p>", (), "", None, "", people))
    item = ET.fromstring(xml)
    assert [(p.get("role"), p.get("href"), p.text) for p in item.findall(f"{{{NS}}}person")] == [
        ("host", "https://ann.example", "Ann"),
        ("guest", None, "Bo"),
    ]
    assert warnings == (
        "rss-item.xml: Bo's page http://bo.example is an http: address; the podcast namespace "
        "needs https:, so <podcast:person> has no href",
    )
    assert validate_item(xml, absolute_urls=True).errors == []


def test_run_elsewhere_runs_in_another_process_and_brings_errors_back(
    episode: Path, tmp_path: Path
) -> None:
    assert run_elsewhere(os.getpid) != os.getpid()
    publication = run_elsewhere(publish_project, episode, tmp_path / "out", BASE)
    assert {path.name for path, _w, _s in publication.files} == ALL_FILES
    with pytest.raises(EditorError, match=r"missing\.tep"):  # a ProjectError, by its message
        run_elsewhere(publish_project, tmp_path / "missing.tep", tmp_path / "out", None)
