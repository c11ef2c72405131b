"""DOCX core properties name the episode and its hosts, not python-docx's template."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import docx

from editor.cli import main
from editor.core.formats import ExportOptions, export
from editor.core.model import Person, Transcript, TranscriptTurn
from editor.core.project.store import ProjectStore
from editor.demo import ensure_demo_project


def _properties(content: bytes) -> docx.opc.coreprops.CoreProperties:
    return docx.Document(io.BytesIO(content)).core_properties


def test_title_and_author_are_the_episodes() -> None:
    transcript = Transcript((TranscriptTurn("Ann", "Hello.", 0, 1000),))
    content = export(transcript, "docx", ExportOptions(title="Episode 12", author="Ann, Bo"))
    props = _properties(content.as_bytes())
    assert (props.title, props.author, props.last_modified_by) == (
        "Episode 12",
        "Ann, Bo",
        "Ann, Bo",
    )
    assert props.comments == ""
    assert datetime.now(UTC) - props.created < timedelta(minutes=5)
    unnamed = _properties(export(transcript, "docx").as_bytes())
    assert unnamed.author == "" and unnamed.title == ""


def test_the_export_command_fills_them_from_the_project(tmp_path: Path) -> None:
    project = ensure_demo_project(tmp_path / "demo")
    with ProjectStore.open(project) as store:
        store.set_episode(
            replace(
                store.episode(),
                title="Human Debt™ and the people team",
                people=(Person("Alessandria Polizzi", "host"), Person("A Guest", "guest")),
            )
        )
    out = tmp_path / "ep.docx"
    assert main(["export", str(project), "-o", str(out)]) == 0
    props = _properties(out.read_bytes())
    assert props.title == "Human Debt™ and the people team"
    assert props.author == "Alessandria Polizzi"
