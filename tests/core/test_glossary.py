"""Glossary matching on the real sample, the mark rule, CSV files, and fixing findings."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.core import ops
from editor.core.errors import InputError
from editor.core.formats import read_transcript
from editor.core.glossary import GlossaryMatcher, Kind, MarkRule, scan
from editor.core.glossary.csv_io import read_glossary_csv, write_glossary_csv
from editor.core.glossary.marks import apply_mark_rule
from editor.core.glossary.scan import issues
from editor.core.model import CaseRule, GlossaryTerm, Transcript, TranscriptTurn, Turn
from editor.core.project.store import ProjectStore
from tests.conftest import EPISODE_TRANSCRIPT

# The episode page's marked frameworks and links, plus the auditor the show mentions. Canonical
# forms only: no variants, so every mis-hearing has to be found by the fuzzy matcher.
PAGE_TERMS = [
    "Human Debt™",
    "Empathy Architecture™",
    "Execution Debt",
    "PeopleNotTech",
    "Tech-Led Culture",
    "KPMG",
    "Duena Blomstrom",
    "Alessandria Polizzi",
    "Verdant Consulting",
]


def terms(*names: str, **extra: object) -> list[GlossaryTerm]:
    return [GlossaryTerm(i, name, **extra) for i, name in enumerate(names, 1)]  # type: ignore[arg-type]


def sample_turns() -> list[Turn]:
    transcript = read_transcript(EPISODE_TRANSCRIPT)
    return [Turn(i, f"{i:04d}", None, t.text) for i, t in enumerate(transcript.turns, 1)]


def test_the_sample_with_canonical_terms_only() -> None:
    found = issues(scan(GlossaryMatcher(terms(*PAGE_TERMS)), sample_turns()))
    summary = [(f.turn_number, f.hit.found, f.kind, f.hit.suggestion) for f in found]
    assert summary == [
        (2, "Human Death", Kind.SUSPECT, "Human Debt™"),
        (32, "human debt", Kind.STYLE, "Human Debt™"),
        (40, "KPNG", Kind.SUSPECT, "KPMG"),
    ]
    assert all(80 <= f.hit.score <= 100 for f in found)


def test_correct_uses_are_found_as_canonical() -> None:
    found = scan(GlossaryMatcher(terms(*PAGE_TERMS)), sample_turns())
    canonical = {f.hit.found for f in found if f.kind == Kind.CANONICAL}
    assert canonical == {"Alessandria Polizzi", "Verdant Consulting", "Duena Blomstrom"}


@pytest.mark.parametrize(
    "text",
    [
        "The human side of work.",
        "That debt is real.",
        "Human beings and human work.",
        "Debt, debt and more debt.",
        "We met at KPI reviews.",
        "Execution matters.",
    ],
)
def test_ordinary_words_are_not_flagged(text: str) -> None:
    assert GlossaryMatcher(terms(*PAGE_TERMS)).check(text) == []


def test_classes_mark_case_variants() -> None:
    matcher = GlossaryMatcher(
        [GlossaryTerm(1, "Human Debt™", variants=("Human Dead",)), GlossaryTerm(2, "KPMG")]
    )
    kinds = {
        hit.found: hit.kind
        for hit in matcher.check(
            "Human Debt™ and Human Debt and HUMAN DEBT™ and Human Debt® and Human Dead and KPMG™."
        )
    }
    assert kinds == {
        "Human Debt™": Kind.CANONICAL,
        "Human Debt": Kind.STYLE,
        "HUMAN DEBT™": Kind.STYLE,
        "Human Debt®": Kind.STYLE,
        "Human Dead": Kind.VARIANT,
        "KPMG™": Kind.STYLE,
    }


def test_case_rule_ignore_and_joined_spelling() -> None:
    matcher = GlossaryMatcher(
        [GlossaryTerm(1, "PeopleNotTech", case_rule=CaseRule.IGNORE), GlossaryTerm(2, "Amazon")]
    )
    kinds = [(h.found, h.kind) for h in matcher.check("peoplenottech, People Not Tech, amazon")]
    assert kinds == [
        ("peoplenottech", Kind.CANONICAL),
        ("People Not Tech", Kind.STYLE),
        ("amazon", Kind.STYLE),
    ]


def test_first_mention_rule() -> None:
    matcher = GlossaryMatcher(terms("Human Debt™"))
    turns = [Turn(1, "a", None, "Human Debt is new."), Turn(2, "b", None, "Human Debt again.")]
    every = [f.kind for f in scan(matcher, turns, MarkRule.EVERY)]
    first = [f.kind for f in scan(matcher, turns, MarkRule.FIRST)]
    assert every == [Kind.STYLE, Kind.STYLE]
    assert first == [Kind.STYLE, Kind.CANONICAL]


def test_export_applies_the_mark_rule() -> None:
    matcher = GlossaryMatcher(terms("Human Debt™"))
    transcript = Transcript(
        (
            TranscriptTurn("A", "Human Debt and Human Debt™."),
            TranscriptTurn("B", "More Human Debt™, human debt."),
        )
    )
    every = apply_mark_rule(transcript, matcher, MarkRule.EVERY)
    assert [t.text for t in every.turns] == [
        "Human Debt™ and Human Debt™.",
        "More Human Debt™, human debt.",  # the wrong case is left for a person
    ]
    first = apply_mark_rule(transcript, matcher, MarkRule.FIRST)
    assert [t.text for t in first.turns] == [
        "Human Debt™ and Human Debt.",
        "More Human Debt, human debt.",
    ]


def test_csv_round_trip_and_formula_cells(tmp_path: Path) -> None:
    path = tmp_path / "g.csv"
    path.write_text(
        "\ufeffterm,variants,note,case\nHuman Debt™,Human Death|Human Dead,framework,exact\n"
        "=HYPERLINK(x),,,ignore\n\n",
        encoding="utf-8",
    )
    drafts = read_glossary_csv(path)
    assert drafts[0].variants == ("Human Death", "Human Dead")
    assert drafts[1].case_rule == CaseRule.IGNORE
    out = write_glossary_csv(
        [GlossaryTerm(1, d.term, d.variants, d.case_rule, d.note) for d in drafts]
    )
    assert out.splitlines() == [
        "term,variants,note",
        "Human Debt™,Human Death|Human Dead,framework",
        "'=HYPERLINK(x),,",
    ]
    path.write_text(out, encoding="utf-8")
    assert [d.term for d in read_glossary_csv(path)] == ["Human Debt™", "=HYPERLINK(x)"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("name,note\nx,y\n", r"g\.csv:1: the first line must be the header"),
        (
            "term,variants,note\n,a|b,orphan\n",
            r"g\.csv:2: a row has variants or a note but no term",
        ),
        ("term,case\nX,sometimes\n", r"g\.csv:2: case must be"),
        (  # a quoted note over two lines: the next record starts on line 4
            'term,variants,note\nX,,"two\nlines"\n,orphan,\n',
            r"g\.csv:4: a row has variants or a note but no term",
        ),
    ],
)
def test_bad_csv_names_file_and_line(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "g.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_glossary_csv(path)


def test_fix_all_is_one_step_and_undoable(store: ProjectStore) -> None:
    for name in PAGE_TERMS:
        store.glossary.add(name)
    matcher = GlossaryMatcher(store.glossary.terms())
    before = store.turns()
    found = issues(scan(matcher, before))
    changes = ops.fix_findings(store, found)
    assert changes.count == 3
    assert issues(scan(matcher, store.turns())) == []
    assert "Human Debt™ Fighters" in store.turns()[1].text
    ops.undo(store, changes)
    assert store.turns() == before


def test_ignore_here_and_add_variant(store: ProjectStore) -> None:
    term = store.glossary.add("KPMG")
    turn = store.turns()[39]
    store.glossary.ignore(turn.id, "KPNG")
    matcher = GlossaryMatcher(store.glossary.terms())
    assert issues(scan(matcher, store.turns(), ignored=store.glossary.ignored())) == []
    updated = store.glossary.add_variant(term.id, "KPNG")
    assert updated.variants == ("KPNG",)
    hit = GlossaryMatcher(store.glossary.terms()).check(turn.text)[0]
    assert hit.kind == Kind.VARIANT


def test_mark_rule_is_stored(store: ProjectStore) -> None:
    assert store.glossary.mark_rule() == "every"
    store.glossary.set_mark_rule("first")
    assert store.glossary.mark_rule() == "first"
