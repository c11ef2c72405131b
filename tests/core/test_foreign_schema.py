"""A project file that someone changed outside the app cannot act on its own (issue 20).

Foreign triggers, views standing in for tables, extra tables, altered columns and a wrong
application id: each is refused for editing with its name in the message, the file's bytes stay
as they were, the transcript can still be read, and ``rescue`` copies the content into a clean
project that opens for editing.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from editor.core import ops
from editor.core.project.file import ForeignSchema
from editor.core.project.rescue import rescue
from editor.core.project.schema import SCHEMA_VERSION
from editor.core.project.schema_check import expected
from editor.core.project.store import ProjectStore

CONTENT_TABLES = sorted(
    name for kind, name in expected(SCHEMA_VERSION) if kind == "table" and not name.startswith("_")
)


def _tamper(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("PRAGMA legacy_alter_table = ON")  # a rename leaves other tables' SQL alone
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def _trigger_on(table: str) -> Callable[[Path], str]:
    def tamper(path: Path) -> str:
        _tamper(
            path,
            f"CREATE TRIGGER sneaky_{table} AFTER UPDATE ON {table} "
            "BEGIN DELETE FROM turns WHERE id <> new.id; END",
        )
        return f"sneaky_{table}"

    return tamper


def _view_for(table: str) -> Callable[[Path], str]:
    def tamper(path: Path) -> str:
        _tamper(
            path,
            f"ALTER TABLE {table} RENAME TO hidden_{table}",
            f"CREATE VIEW {table} AS SELECT * FROM hidden_{table}",
        )
        return f"a view in place of the table '{table}'"

    return tamper


def _extra_table(path: Path) -> str:
    _tamper(path, "CREATE TABLE payload (x)")
    return "an added table 'payload'"


def _altered_column(path: Path) -> str:
    _tamper(path, "ALTER TABLE clips ADD COLUMN evil TEXT")
    return "an altered table 'clips'"


def _wrong_application_id(path: Path) -> str:
    _tamper(path, "PRAGMA application_id = 1234")
    return "the application id 0x4d2"


TAMPERINGS = {
    **{f"trigger on {t}": _trigger_on(t) for t in CONTENT_TABLES},
    **{f"view for {t}": _view_for(t) for t in CONTENT_TABLES},
    "extra table": _extra_table,
    "altered column": _altered_column,
    "wrong application id": _wrong_application_id,
}


@pytest.mark.parametrize("name", sorted(TAMPERINGS))
def test_a_changed_project_is_refused_for_editing_read_and_rescued(
    project_path: Path, tmp_path: Path, name: str
) -> None:
    with ProjectStore.open(project_path, snapshot=False) as store:
        texts = [t.text for t in store.turns()]
    named = TAMPERINGS[name](project_path)
    before = project_path.read_bytes()

    with pytest.raises(ForeignSchema) as refused:
        ProjectStore.open(project_path)
    assert named in str(refused.value)
    assert project_path.read_bytes() == before
    assert not project_path.with_name(project_path.name + "-wal").exists()

    with ProjectStore.open(project_path, readonly=True) as store:
        assert any(named in problem or problem in named for problem in store.foreign_schema)
        if "view for speakers" not in name:
            assert [t.text for t in store.turns()] == texts
    assert project_path.read_bytes() == before

    clean = tmp_path / "rescued.tep"
    report = rescue(project_path, clean)
    assert report.left_behind and report.rows["turns"] == len(texts)
    assert project_path.read_bytes() == before
    with ProjectStore.open(clean) as store:  # a clean project: opens for editing, edits stay
        assert [t.text for t in store.turns()] == texts
        first, second = store.turns()[:2]
        ops.edit_text(store, first.id, "Edited after the rescue.")
        assert store.turn(second.id).text == second.text


def test_the_sneaky_trigger_of_the_issue_would_have_deleted_turns(project_path: Path) -> None:
    """Why the refusal matters: without it, one edit would empty the transcript."""
    _trigger_on("turns")(project_path)
    conn = sqlite3.connect(project_path)
    conn.execute("UPDATE turns SET text = 'x' WHERE id = (SELECT min(id) FROM turns)")
    assert conn.execute("SELECT count(*) FROM turns").fetchone()[0] == 1
    conn.close()


def test_a_clean_project_and_an_upgraded_old_one_pass_the_check(
    project_path: Path, tmp_path: Path
) -> None:
    with ProjectStore.open(project_path) as store:
        assert store.turn_count() == 50
    from tests.core.test_migrations import _old_project

    old = tmp_path / "old.tep"
    _old_project(old)
    with ProjectStore.open(old, readonly=True) as store:
        assert store.foreign_schema == []
    with ProjectStore.open(old) as store:
        assert store.schema_version == SCHEMA_VERSION
    with ProjectStore.open(old) as store:  # and again, now at the current version
        assert store.turns()[0].text == "Hello."


def test_every_connection_distrusts_the_schema(project_path: Path) -> None:
    with ProjectStore.open(project_path) as store:
        assert store.db.execute("PRAGMA trusted_schema").fetchone()[0] == 0
    with ProjectStore.open(project_path, readonly=True) as store:
        assert store.db.execute("PRAGMA trusted_schema").fetchone()[0] == 0


def test_rescue_refuses_to_overwrite(project_path: Path, tmp_path: Path) -> None:
    from editor.core.errors import ProjectError

    taken = tmp_path / "taken.tep"
    taken.write_bytes(b"mine")
    with pytest.raises(ProjectError, match="already exists"):
        rescue(project_path, taken)
    assert taken.read_bytes() == b"mine"


def test_command_line_info_names_the_change_and_rescue_makes_a_clean_copy(
    project_path: Path, tmp_path: Path
) -> None:
    import subprocess
    import sys

    _trigger_on("turns")(project_path)

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "editor", *args], capture_output=True, text=True, check=False
        )

    info = cli("info", str(project_path))
    assert info.returncode == 0 and "sneaky_turns" in info.stdout and "rescue" in info.stdout
    refused = cli("replace", str(project_path), "Debt", "Credit")
    assert refused.returncode != 0 and "sneaky_turns" in refused.stderr
    clean = tmp_path / "clean.tep"
    rescued = cli("rescue", str(project_path), str(clean))
    assert rescued.returncode == 0, rescued.stderr
    assert "50 turns" in rescued.stdout and "sneaky_turns" in rescued.stdout
    assert cli("replace", str(clean), "Debt", "Credit").returncode == 0
