"""Show notes that follow the episode page they were imported from, as the page published it.

``description_blocks`` lays the episode's current summary paragraphs, topics and links out in
the page's order, under the page's own headings ("The discussion explores:", "Related
concepts:" …): an unedited project gives the page back, an edited one shows the edits where
they belong. A paragraph or topic added later follows the page's last one; a link the page did
not have goes to a closing "Links:" group. Text still exactly as published keeps its marks as
the page has them (no ™ is added to a title the page prints without one).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlparse

from editor.core.model import Link, PublishedPage


@dataclass(frozen=True)
class Block:
    """One piece of rendered show notes: ``paragraph``, ``heading``, ``list`` or ``links``."""

    kind: str
    text: str = ""
    items: list[str] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)


def published_texts(page: PublishedPage | None) -> frozenset[str]:
    if page is None:
        return frozenset()
    texts = {page.title}
    for block in page.blocks:
        if block.kind == "paragraph":
            texts.add(block.text)
        elif block.kind == "topics":
            texts.update(block.items)
    return frozenset(texts)


def is_bare(link: Link) -> bool:
    """A link published as its address alone (its title is the address's host)."""
    return link.title == urlparse(link.url).netloc.removeprefix("www.")


def description_blocks(
    page: PublishedPage | None, summary: list[str], topics: list[str], links: tuple[Link, ...]
) -> list[Block]:
    """The description in the page's order with the current texts; [] without a page."""
    if page is None:
        return []
    paragraphs = iter(summary)
    topic_groups = [b for b in page.blocks if b.kind == "topics"]
    remaining = list(topics)
    by_url = {link.url: link for link in links}
    used: set[str] = set()
    out: list[Block] = []
    last_paragraph = -1
    for block in page.blocks:
        if block.kind == "paragraph":
            text = next(paragraphs, None)
            if text is not None:
                out.append(Block("paragraph", text))
                last_paragraph = len(out) - 1
        elif block.kind == "heading":
            out.append(Block("heading", block.text))
        elif block.kind == "topics":
            last = block is topic_groups[-1]
            items = remaining if last else remaining[: len(block.items)]
            remaining = [] if last else remaining[len(block.items) :]
            if items:
                out.append(Block("list", block.text, items=items))
        elif block.kind == "links":
            group = [by_url[url] for url in block.items if url in by_url and url not in used]
            used.update(link.url for link in group)
            if group:
                out.append(Block("links", block.text, links=group))
    added = [Block("paragraph", text) for text in paragraphs]
    out[last_paragraph + 1 : last_paragraph + 1] = added
    if remaining:
        out.append(Block("list", "In this episode:", items=remaining))
    others = [link for link in links if link.url not in used]
    if others:
        out.append(Block("links", "Links:", links=others))
    return out
