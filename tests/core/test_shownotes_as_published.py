"""Show notes from the sample episode page give the page back as published (issue 18), until
the producer edits something; each point of the issue is a test here."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from editor.core.episode_page import read_episode_page
from editor.core.model import Chapter, Link
from editor.core.project.store import ProjectStore
from editor.core.shownotes import render_shownotes
from editor.core.textfile import read_text
from editor.demo import ensure_demo_project

PAGE = Path(__file__).parent.parent / "data" / "episode-page.txt"
KINDS = ["md", "txt", "html"]
LAST_LINK = {
    "md": "(https://peoplenottech.com)",
    "txt": "PeopleNotTech → https://peoplenottech.com",
    "html": 'href="https://peoplenottech.com"',
}
TITLE = "The Secret Society of Human Debt Fighters - Human Work Advocates"


@pytest.fixture
def imported(tmp_path: Path) -> ProjectStore:
    """The demo project after File → Import Episode Page (glossary terms included)."""
    store = ProjectStore.open(ensure_demo_project(tmp_path))
    page = read_episode_page(read_text(PAGE))
    store.set_episode(page.meta)
    store.glossary.add_new_terms(page.glossary)
    return store


def notes(store: ProjectStore, kind: str) -> str:
    text = render_shownotes(store, kind).content
    assert isinstance(text, str)
    return text


def positions(text: str, *pieces: str) -> list[int]:
    found = [text.find(piece) for piece in pieces]
    assert -1 not in found, [p for p, i in zip(pieces, found, strict=True) if i < 0]
    return found


@pytest.mark.parametrize("kind", KINDS)
def test_the_discussion_explores_heads_the_topics(imported: ProjectStore, kind: str) -> None:
    text = notes(imported, kind)
    first, second = positions(text, "The discussion explores:", "why RTO mandates are based")
    assert first < second
    assert "In this episode:" not in text and "## In this episode" not in text


@pytest.mark.parametrize("kind", KINDS)
def test_paragraphs_keep_the_page_order(imported: ProjectStore, kind: str) -> None:
    text = notes(imported, kind)
    found = positions(
        text,
        "In this episode, Duena Blomstrom",
        "Rather than treating RTO",
        "The discussion explores:",
        "how Execution Debt grows",
        "The episode also addresses the wider ripple effects",
        "This conversation forms part of Season 2",
        "Canonical framework:",
        "Related concepts:",
        "Institutional execution and governance:",
        "This episode also connects directly",
        "https://www.techledculture.com",
    )
    assert found == sorted(found)


@pytest.mark.parametrize("kind", KINDS)
def test_link_groups_keep_their_headings(imported: ProjectStore, kind: str) -> None:
    text = notes(imported, kind)
    found = positions(
        text,
        "Canonical framework:",
        "https://writings.duenablomstrom.com/tag/human-debt/",
        "Related concepts:",
        "https://peoplenottech.com/execution-debt",
        "https://www.duenablomstrom.com/concepts/empathy-architecture",
        "Institutional execution and governance:",
        LAST_LINK[kind],
    )
    assert found == sorted(found)
    if kind == "txt":
        assert "Human Debt™ → https://writings.duenablomstrom.com/tag/human-debt/" in text


@pytest.mark.parametrize("kind", KINDS)
def test_dr_stays_in_the_name(imported: ProjectStore, kind: str) -> None:
    assert "Host: Dr Alessandria Polizzi" in notes(imported, kind)


@pytest.mark.parametrize("kind", KINDS)
def test_the_co_host_is_a_host_not_a_guest(imported: ProjectStore, kind: str) -> None:
    roles = [(p.name, p.role) for p in imported.episode().people]
    assert roles == [("Duena Blomstrom", "host"), ("Dr Alessandria Polizzi", "host")]
    assert "Guest" not in notes(imported, kind)


@pytest.mark.parametrize("kind", KINDS)
def test_the_host_bio_is_shown(imported: ProjectStore, kind: str) -> None:
    text = notes(imported, kind).replace("&amp;", "&")
    assert "Duena Blomstrom — Author & Keynote #Speaker on #HumanDebt" in text.replace("\\", "")


@pytest.mark.parametrize("kind", KINDS)
def test_no_mark_is_added_to_the_title_as_published(imported: ProjectStore, kind: str) -> None:
    assert imported.glossary.terms()  # "Human Debt™" is a glossary term from the page
    text = notes(imported, kind)
    assert TITLE in text and "Human Debt™ Fighters" not in text


def test_an_edited_title_gets_the_mark_rule(imported: ProjectStore) -> None:
    meta = imported.episode()
    imported.set_episode(replace(meta, title="Human Debt Fighters, live"))
    assert notes(imported, "txt").startswith("Human Debt™ Fighters, live\n")


def test_markdown_chapters_are_a_list(imported: ProjectStore) -> None:
    turns = imported.turns()
    imported.chapters.add(Chapter(0, 0, "Welcome", turn_id=turns[0].id))
    imported.chapters.add(Chapter(0, turns[4].start_ms or 40_000, "Amazon's mandate"))
    text = notes(imported, "md")
    assert "## Chapters\n\n- 00:00:00 Welcome\n- 00:00:" in text


def test_edits_show_where_they_belong(imported: ProjectStore) -> None:
    meta = imported.episode()
    topics = ("why RTO is about control", *meta.topics[1:], "a topic added later")
    summary = meta.summary.split("\n\n")
    summary[1] = "Rather than a policy debate, a systems failure."
    extra = Link("Newsletter", "https://news.example")
    imported.set_episode(
        replace(meta, topics=topics, summary="\n\n".join(summary), links=(*meta.links, extra))
    )
    text = notes(imported, "txt")
    found = positions(
        text,
        "Rather than a policy debate",
        "The discussion explores:\n• why RTO is about control",
        "• a topic added later",
        "The episode also addresses",
        "Links:\nNewsletter → https://news.example",
    )
    assert found == sorted(found)
    assert "why RTO mandates are based" not in text


def test_the_published_page_is_kept_in_the_project(imported: ProjectStore) -> None:
    page = read_episode_page(read_text(PAGE)).meta.page
    assert page is not None and imported.episode().page == page
    imported.close()
    with ProjectStore.open(imported.path) as again:
        assert again.episode().page == page


def test_an_edit_without_the_page_keeps_its_layout(imported: ProjectStore) -> None:
    """The Show Notes panel saves a fresh EpisodeMeta (no page): the layout stays."""
    meta = imported.episode()
    imported.set_episode(replace(meta, page=None, topics=("only one topic",)))
    assert imported.episode().page == meta.page
    text = notes(imported, "txt")
    assert "The discussion explores:\n• only one topic\n\nThe episode also addresses" in text
