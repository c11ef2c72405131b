"""Exports that are safe to publish: a corpus of hostile strings in every field a user can type,
through every export. HTML and XML stay inert, links keep only web and mail schemes, Markdown
cannot open a tag or a link, CSV cells cannot start a formula, and file names stay in their folder.
"""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from editor.core import ops
from editor.core.errors import EditError
from editor.core.filenames import safe_filename
from editor.core.formats import ExportOptions, export
from editor.core.glossary.csv_io import FORMULA_PREFIXES, write_glossary_csv
from editor.core.model import Chapter, Clip, EpisodeMeta, Link, Person, TranscriptTurn
from editor.core.project.exporting import transcript_for_export
from editor.core.project.project_exports import PROJECT_EXPORTS
from editor.core.project.store import ProjectStore
from editor.core.publish import plan_publication
from tests.core.podcast_rules import validate_item
from tests.reliability.figures import count

CORPUS = (
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'><svg/onload=alert(1)>",
    "<iframe src=javascript:alert(1)>",
    "javascript:alert(1)",
    " JaVaScRiPt:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "</textarea></title><style>*{display:none}</style>",
    "<!-- comment --><![CDATA[x]]>",
    "&lt;script&gt; already escaped &amp;",
    "[click](javascript:alert(1))",
    "![img](https://evil.example/x.png)",
    '=HYPERLINK("https://evil.example","click")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)",
    "\t=1+1",
    "{{ 7*7 }} {% raw %}",
    "# heading\n> quote\n- item",
    "Right\u202eto\u202cleft",
    "../../etc/passwd",
    "CON",
    "a\x00b\x1fc",
)
# An unescaped tag, or a link to a script: what a Markdown renderer would make live.
LIVE_MARKDOWN = re.compile(r"(?<!\\)<(script|img|svg|iframe|style)|(?<!\\)\]\((javascript|data):")
WEB = ("http://", "https://", "mailto:", "#")
ALLOWED_HTML = {
    "br",
    "p",
    "ul",
    "ol",
    "li",
    "a",
    "cite",
    "time",
    "html",
    "head",
    "meta",
    "title",
    "body",
}


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += [(name, value or "") for name, value in attrs]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


@pytest.fixture(params=range(len(CORPUS)), ids=lambda i: f"s{i}")
def hostile(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[ProjectStore, str]:
    bad = CORPUS[request.param]
    store = ProjectStore.create(tmp_path / "p.tep", title=bad)
    store.set_episode(
        EpisodeMeta(
            title=bad,
            show=bad,
            summary=f"{bad}\n\n{bad}",
            topics=(bad,),
            people=(Person(bad, bad, bad, bad), Person("Ann", "host", f"https://a.example/{bad}")),
            links=(Link(bad, bad), Link("ok", "https://ok.example")),
        )
    )
    ops.insert_turns(store, [TranscriptTurn(bad, f"{bad} said {bad}", 1000, 5000)])
    store.clips.add(Clip(0, 1000, 4000, bad, bad, (bad,), bad, bad))
    with pytest.raises(EditError, match="web address"):
        store.chapters.add(Chapter(0, 1000, bad, url=bad, img=bad))
    store.chapters.add(Chapter(0, 1000, bad))
    # A project written before chapter links were checked: exports must still drop them.
    store.db.execute("UPDATE chapters SET url = ?, img = ?", (bad, bad))
    store.glossary.add(f"Term {bad}", (bad,), note=bad)
    yield store, bad
    store.close()


def _render(store: ProjectStore, name: str) -> str:
    if name in PROJECT_EXPORTS:
        content = PROJECT_EXPORTS[name].render(store, "out").content
    else:
        options = ExportOptions(title=store.episode().title, with_times=True)
        content = export(transcript_for_export(store), name, options).content
    assert isinstance(content, str)
    return content


@pytest.mark.parametrize("name", ["html", "shownotes-html"])
def test_html_stays_inert(hostile: tuple[ProjectStore, str], name: str) -> None:
    store, bad = hostile
    page = _Tags()
    page.feed(_render(store, name))
    assert set(page.tags) <= ALLOWED_HTML, page.tags
    for attribute, value in page.attributes:
        assert not attribute.startswith("on")
        if attribute in ("href", "src"):
            assert value.strip().lower().startswith(WEB), value
    shown = "".join(page.text)
    visible = "".join(c for c in bad if c >= " " or c == "\n").strip()
    assert visible.split("\n")[0][:12] in shown  # the text is shown, escaped, not dropped
    count("injection strings × HTML outputs checked")


@pytest.mark.parametrize("name", ["md", "shownotes-md", "clips-md"])
def test_markdown_cannot_open_a_tag_or_a_link(hostile: tuple[ProjectStore, str], name: str) -> None:
    store, _bad = hostile
    text = _render(store, name).lower()
    assert not LIVE_MARKDOWN.search(text), LIVE_MARKDOWN.search(text)
    count("injection strings × Markdown outputs checked")


def test_xml_and_json_exports_round_trip_the_text(hostile: tuple[ProjectStore, str]) -> None:
    store, bad = hostile
    root = ET.fromstring(f"<r>{_render(store, 'soundbites')}</r>".replace("podcast:", ""))
    printable = "".join(c for c in bad if c >= " " or c in "\t\n")
    assert [e.text for e in root] == [printable]
    chapters = json.loads(_render(store, "chapters"))["chapters"]
    assert chapters[0]["title"] == bad
    assert all(
        chapter.get(key, "https://").startswith(WEB[:2])
        for chapter in chapters
        for key in ("url", "img")
    )
    assert json.loads(_render(store, "clips-json"))["clips"][0]["title"] == bad
    count("injection strings × XML/JSON outputs checked")


def test_the_rss_item_stays_valid_xml_and_keeps_the_text(
    hostile: tuple[ProjectStore, str], tmp_path: Path
) -> None:
    store, bad = hostile
    folder = tmp_path / "published"
    plan_publication(store, folder, "https://cdn.example.com/ep").carry_out()
    xml = (folder / "rss-item.xml").read_text(encoding="utf-8")
    assert validate_item(xml, absolute_urls=True).errors == []
    item = ET.fromstring(xml)
    printable = "".join(c for c in bad if c >= " " or c in "\t\n")
    assert item.findtext("title") == " ".join(printable.split())
    assert item.findtext("description") == (folder / "shownotes.html").read_text("utf-8")
    people = item.findall("{https://podcastindex.org/namespace/1.0}person")
    assert [p.text for p in people] == ["Ann"]  # the hostile role is not a host or a guest
    href = people[0].get("href")
    assert href is None or href.startswith("https://a.example/")
    count("injection strings × RSS items checked")


def test_csv_cells_cannot_start_a_formula(hostile: tuple[ProjectStore, str]) -> None:
    store, _bad = hostile
    for text in (_render(store, "clips-csv"), write_glossary_csv(store.glossary.terms())):
        for row in list(csv.reader(io.StringIO(text)))[1:]:
            for cell in row:
                assert not cell.startswith(FORMULA_PREFIXES), cell
    count("injection strings × CSV outputs checked")


@pytest.mark.parametrize("title", (*CORPUS, "", " . ", "x" * 500, "nul.txt", "COM1"))
def test_file_names_from_titles_stay_in_their_folder(title: str, tmp_path: Path) -> None:
    name = safe_filename(title)
    assert name and len(name) <= 80
    assert not set(name) & set('\\/:*?"<>|') and all(ord(c) >= 32 for c in name)
    assert name.split(".")[0].upper() not in {"CON", "NUL", "COM1"}
    target = tmp_path / f"{name}.mp3"
    assert target.parent == tmp_path
    target.write_bytes(b"")  # and the system accepts it
    count("file names from hostile titles checked")


def test_a_title_cut_short_leaves_no_ellipsis_before_the_extension() -> None:
    from editor.core.filenames import safe_filename

    assert safe_filename("there's zero data behind any…") == "there's zero data behind any"
    assert safe_filename("…") == "clip"
