"""Conversion between SQLite rows and the domain dataclasses.

Lists and nested records are stored as compact JSON text; word timings as arrays
``[text, start_ms, end_ms, confidence]`` to keep long episodes small.
"""

from __future__ import annotations

import json
from typing import Any, Protocol

from editor.core.model import (
    CaseRule,
    Chapter,
    Clip,
    EpisodeMeta,
    GlossaryTerm,
    Link,
    MediaLink,
    PageBlock,
    Person,
    PublishedPage,
    Speaker,
    TimingSource,
    Turn,
    Word,
)


class Row(Protocol):
    """What a query returns: ``sqlite3.Row`` or any mapping by column name."""

    def __getitem__(self, key: str, /) -> Any: ...


TURN_COLUMNS = (
    "id, position, speaker_id, text, start_ms, end_ms, reviewed, words, timing, confidence"
)


def dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def words_to_json(words: tuple[Word, ...]) -> str | None:
    if not words:
        return None
    return dumps([[w.text, w.start_ms, w.end_ms, w.confidence] for w in words])


def words_from_json(text: str | None) -> tuple[Word, ...]:
    if not text:
        return ()
    return tuple(Word(w[0], w[1], w[2], w[3]) for w in json.loads(text))


# The same columns without the word timings: for lists that show turns but never their words.
TURN_COLUMNS_WITHOUT_WORDS = TURN_COLUMNS.replace("words", "NULL AS words")


def turn_from_row(row: Row) -> Turn:
    return Turn(
        id=row["id"],
        position=row["position"],
        speaker_id=row["speaker_id"],
        text=row["text"],
        start_ms=row["start_ms"],
        end_ms=row["end_ms"],
        reviewed=bool(row["reviewed"]),
        words=words_from_json(row["words"]),
        timing=timing_from_column(row["timing"]),
        confidence=row["confidence"],
    )


def turn_to_row(turn: Turn) -> dict[str, Any]:
    return {
        "id": turn.id,
        "position": turn.position,
        "speaker_id": turn.speaker_id,
        "text": turn.text,
        "start_ms": turn.start_ms,
        "end_ms": turn.end_ms,
        "reviewed": int(turn.reviewed),
        "words": words_to_json(turn.words),
        "timing": timing_to_column(turn.timing),
        "confidence": turn.confidence,
    }


def timing_from_column(value: str | None) -> TimingSource:
    """A turn's ``timing`` column: NULL (what files have always held for confirmed times) is
    CONFIRMED; a word this version does not know (a newer one wrote it) is taken as ESTIMATED,
    times kept but not trusted as confirmed."""
    if value is None:
        return TimingSource.CONFIRMED
    try:
        return TimingSource(value)
    except ValueError:
        return TimingSource.ESTIMATED


def timing_to_column(timing: TimingSource) -> str | None:
    """CONFIRMED is stored as NULL, as files have always held it (an older file's
    'confirmed' reads the same), so a file keeps one spelling of it."""
    return None if timing is TimingSource.CONFIRMED else timing.value


def speaker_from_row(row: Row) -> Speaker:
    return Speaker(id=row["id"], name=row["name"], color=row["color"])


def speaker_to_row(speaker: Speaker) -> dict[str, Any]:
    return {"id": speaker.id, "name": speaker.name, "color": speaker.color}


def episode_from_row(row: Row) -> EpisodeMeta:
    return EpisodeMeta(
        title=row["title"],
        show=row["show"],
        season=row["season"],
        number=row["number"],
        summary=row["summary"],
        topics=tuple(json.loads(row["topics"])),
        people=tuple(Person(**p) for p in json.loads(row["people"])),
        links=tuple(Link(**link) for link in json.loads(row["links"])),
    )


def episode_to_row(meta: EpisodeMeta) -> dict[str, Any]:
    return {
        "title": meta.title,
        "show": meta.show,
        "season": meta.season,
        "number": meta.number,
        "summary": meta.summary,
        "topics": dumps(list(meta.topics)),
        "people": dumps(
            [{"name": p.name, "role": p.role, "url": p.url, "bio": p.bio} for p in meta.people]
        ),
        "links": dumps([{"title": link.title, "url": link.url} for link in meta.links]),
    }


def media_from_row(row: Row) -> MediaLink:
    return MediaLink(
        relative_path=row["relative_path"],
        absolute_path=row["absolute_path"],
        size=row["size"],
        head_sha256=row["head_sha256"],
        duration_ms=row["duration_ms"],
    )


def glossary_from_row(row: Row) -> GlossaryTerm:
    return GlossaryTerm(
        id=row["id"],
        term=row["term"],
        variants=tuple(json.loads(row["variants"])),
        case_rule=CaseRule(row["case_rule"]),
        note=row["note"],
    )


def clip_from_row(row: Row) -> Clip:
    return Clip(
        id=row["id"],
        start_ms=row["start_ms"],
        end_ms=row["end_ms"],
        title=row["title"],
        quote=row["quote"],
        tags=tuple(json.loads(row["tags"])),
        note=row["note"],
        speaker=row["speaker"],
        in_notes=bool(row["in_notes"]),
    )


def chapter_from_row(row: Row) -> Chapter:
    return Chapter(
        id=row["id"],
        start_ms=row["start_ms"],
        title=row["title"],
        url=row["url"],
        img=row["img"],
        toc=bool(row["toc"]),
        turn_id=row["turn_id"],
    )


EPISODE_PAGE_KEY = "episode_page"  # in ``meta``: the page the show notes were imported from


def page_to_json(page: PublishedPage | None) -> str:
    """The published page as JSON for the ``meta`` table ("" for none)."""
    if page is None:
        return ""
    blocks = [{"kind": b.kind, "text": b.text, "items": list(b.items)} for b in page.blocks]
    return dumps({"title": page.title, "blocks": blocks})


def page_from_json(text: str) -> PublishedPage | None:
    if not text:
        return None
    data = json.loads(text)
    blocks = tuple(
        PageBlock(b["kind"], b.get("text", ""), tuple(b.get("items", ()))) for b in data["blocks"]
    )
    return PublishedPage(data["title"], blocks)
