"""Show notes from the project: Markdown, plain text, and HTML in the RSS-safe subset.

Rendered with Jinja2 templates from ``resources/templates`` (a file of the same name in the
user's config folder ``templates/`` takes precedence). HTML is autoescaped and limited to
``<p> <ul> <ol> <li> <a>``; a description over 4,000 bytes gets a warning, since Apple cuts it.
Glossary marks are applied to the notes' text by the project's mark rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from platformdirs import user_config_dir

from editor import APP_NAME
from editor.core.chapters import chapter_lines
from editor.core.formats.base import Exported
from editor.core.formats.documents import escape_markdown, without_control_chars
from editor.core.glossary.marks import mark_texts
from editor.core.glossary.matcher import GlossaryMatcher
from editor.core.glossary.scan import MarkRule
from editor.core.project.store import ProjectStore
from editor.core.published_page import description_blocks, is_bare, published_texts
from editor.core.timecode import format_clock
from editor.core.urls import is_link_url
from editor.resources import resource

KINDS = {"md": "shownotes.md.j2", "txt": "shownotes.txt.j2", "html": "shownotes.html.j2"}
RSS_DESCRIPTION_LIMIT = 4000
ALLOWED_TAGS = {"p", "ul", "ol", "li", "a"}
_TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)")


@dataclass(frozen=True)
class QuotedClip:
    quote: str
    speaker: str
    start: str


def template_folders() -> list[Path]:
    user = Path(user_config_dir(APP_NAME, appauthor=False)) / "templates"
    return [folder for folder in (user, resource("templates")) if folder.is_dir()]


def _safe_url(url: str) -> str:
    """Only web and mail links: a ``javascript:`` URL in show notes would be an attack."""
    return url.strip() if is_link_url(url) else "#"


def _markdown_url(url: str) -> str:
    """A safe URL that cannot end the Markdown link early or open a tag."""
    return quote(_safe_url(url).strip(), safe=":/?#[]@!$&'*+,;=%~.-_")


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader([str(f) for f in template_folders()]),
        autoescape=select_autoescape(enabled_extensions=("html.j2",), default=False),
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        finalize=lambda value: without_control_chars(value) if isinstance(value, str) else value,
    )
    env.filters["md"] = escape_markdown
    env.filters["safe_url"] = _safe_url
    env.filters["md_url"] = _markdown_url
    env.filters["bare"] = is_bare
    env.tests["bare"] = is_bare
    return env


def context(store: ProjectStore) -> dict[str, Any]:
    meta = store.episode()
    clips = [c for c in store.clips.all() if c.in_notes and c.quote]
    chapters = chapter_lines(store.chapters.all())
    summary = [p.strip() for p in meta.summary.split("\n\n") if p.strip()]
    texts = [
        meta.title,
        *summary,
        *meta.topics,
        *(title for _, title in chapters),
        *(clip.quote for clip in clips),
    ]
    terms = store.glossary.terms()
    if terms:
        marked_texts = mark_texts(
            texts, GlossaryMatcher(terms), MarkRule(store.glossary.mark_rule())
        )
        published = published_texts(meta.page)  # as the page has them: left as they are
        texts = [t if t in published else m for t, m in zip(texts, marked_texts, strict=True)]
    marked = iter(texts)
    title = next(marked)
    summary = [next(marked) for _ in summary]
    topics = [next(marked) for _ in meta.topics]
    chapters = [(time, next(marked)) for time, _ in chapters]
    quotes = [QuotedClip(next(marked), c.speaker, format_clock(c.start_ms)) for c in clips]
    return {
        "title": title,
        "show": meta.show,
        "season": meta.season,
        "number": meta.number,
        "summary": summary,
        "topics": topics,
        "chapters": chapters,
        "clips": quotes,
        "links": list(meta.links),
        "people": list(meta.people),
        "description": description_blocks(meta.page, summary, topics, meta.links),
    }


def render_shownotes(store: ProjectStore, kind: str, destination: str = "<stdout>") -> Exported:
    template = _environment().get_template(KINDS[kind])
    text = template.render(**context(store))
    text = re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
    warnings: list[str] = []
    if kind == "html":
        stray = sorted({tag.lower() for tag in _TAG.findall(text)} - ALLOWED_TAGS)
        if stray:
            warnings.append(f"{destination}: the template uses tags podcast apps drop: {stray}")
        size = len(text.encode("utf-8"))
        if size > RSS_DESCRIPTION_LIMIT:
            warnings.append(
                f"{destination}: {size} bytes; Apple Podcasts cuts descriptions "
                f"at {RSS_DESCRIPTION_LIMIT} bytes"
            )
    return Exported(text, tuple(warnings))
