"""The command line, end to end: the issue's acceptance run, exit codes, untouched files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from editor import __version__
from editor.cli import main
from tests.cli.running import run
from tests.conftest import EPISODE_TRANSCRIPT, SAMPLE10_MP3, in_ci


def test_acceptance_new_info_export_reimport(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "ep.tep"
    assert run(capsys, "new", project, "--transcript", EPISODE_TRANSCRIPT, "--title", "RTO")[0] == 0
    code, out, _ = run(capsys, "info", project, "--json")
    assert code == 0
    info = json.loads(out)
    assert info["turns"] == 50
    assert info["speakers"] == [
        {"name": "Alessandria Polizzi", "turns": 18},
        {"name": "Duena Blomstrom", "turns": 32},
    ]
    assert abs(info["words"] - 3320) <= 10
    assert info["timed_turns"] == 0
    assert info["schema_version"] >= 1
    assert info["title"] == "RTO"

    exported = tmp_path / "out.txt"
    assert run(capsys, "export", project, "--format", "txt", "-o", exported)[0] == 0
    second = tmp_path / "again.tep"
    assert run(capsys, "new", second, "--transcript", exported)[0] == 0
    from editor.core.project.store import ProjectStore

    with (
        ProjectStore.open(project, readonly=True) as a,
        ProjectStore.open(second, readonly=True) as b,
    ):
        assert a.transcript().turns == b.transcript().turns


def test_info_with_media(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = tmp_path / "ep.tep"
    run(capsys, "new", project, "--media", SAMPLE10_MP3)
    info = json.loads(run(capsys, "info", project, "--json")[1])
    assert info["media"]["found"] is True
    assert abs(info["duration_ms"] - 168_807) < 300
    code, out, _ = run(capsys, "info", project)
    assert code == 0 and "(found)" in out


def test_info_tells_of_typing_left_uncommitted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from editor.core.project.store import ProjectStore

    project = tmp_path / "ep.tep"
    run(capsys, "new", project, "--transcript", EPISODE_TRANSCRIPT)
    assert "drafts:" not in run(capsys, "info", project)[1]
    with ProjectStore.open(project) as store:
        turn = store.turns()[7]
        store.drafts.save(turn.id, "typed, never committed", turn.text)
    code, out, _ = run(capsys, "info", project)
    assert code == 0 and "drafts:    1 turn(s) with typed text never committed" in out
    assert json.loads(run(capsys, "info", project, "--json")[1])["uncommitted_drafts"] == 1


def test_replace_prints_the_count(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = tmp_path / "ep.tep"
    run(capsys, "new", project, "--transcript", EPISODE_TRANSCRIPT)
    code, out, _ = run(capsys, "replace", project, "Human Death", "Human Debt™")
    assert (code, out.strip()) == (0, "1")
    code, out, _ = run(capsys, "replace", project, r"KP(N)G", r"KPMG", "--regex")
    assert code == 0 and int(out) >= 1
    code, out, _ = run(
        capsys, "replace", project, "the", "THE", "--whole-word", "--speaker", "Duena Blomstrom"
    )
    assert code == 0 and int(out) > 10


def test_import_appends_or_replaces(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    project = tmp_path / "ep.tep"
    run(capsys, "new", project, "--transcript", data_dir / "sample10-transcript.txt")
    assert run(capsys, "import", project, data_dir / "sample10-transcript.txt")[0] == 0
    assert json.loads(run(capsys, "info", project, "--json")[1])["turns"] == 20
    assert run(capsys, "import", project, EPISODE_TRANSCRIPT, "--replace")[0] == 0
    assert json.loads(run(capsys, "info", project, "--json")[1])["turns"] == 50


def _bad_inputs(tmp_path: Path) -> dict[str, Path]:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    nospeaker = tmp_path / "nospeaker.txt"
    nospeaker.write_text("Only prose.\nNo names.\n", encoding="utf-8")
    binary = tmp_path / "noise.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    return {
        "missing": tmp_path / "missing.txt",
        "empty": empty,
        "nospeaker": nospeaker,
        "binary": binary,
    }


@pytest.mark.parametrize("kind", ["missing", "empty", "nospeaker", "binary"])
def test_bad_import_exits_2_names_the_file_and_leaves_the_project_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    project = tmp_path / "ep.tep"
    run(capsys, "new", project, "--transcript", EPISODE_TRANSCRIPT)
    before = project.read_bytes()
    bad = _bad_inputs(tmp_path)[kind]
    for args in (["import", project, bad], ["import", project, bad, "--replace"]):
        code, _, err = run(capsys, *args)
        assert code == 2
        assert err.count("\n") == 1 and str(bad) in err
        assert project.read_bytes() == before


@pytest.mark.parametrize("kind", ["missing", "empty", "nospeaker", "binary"])
def test_bad_new_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    bad = _bad_inputs(tmp_path)[kind]
    project = tmp_path / "never.tep"
    code, _, err = run(capsys, "new", project, "--transcript", bad)
    assert code == 2 and str(bad) in err
    assert sorted(p.name for p in tmp_path.iterdir() if "never" in p.name) == []


def test_non_utf8_transcript_says_which_encoding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Renée Dupont:\n\nÇa va très bien, merci — à bientôt.\n".encode("cp1252"))
    code, _, err = run(capsys, "new", tmp_path / "p.tep", "--transcript", path)
    assert code == 0
    assert f"{path} is not UTF-8; read it as" in err


@pytest.mark.parametrize("command", ["info", "export", "import", "replace"])
def test_not_a_project(tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str) -> None:
    target = tmp_path / "notes.tep"
    target.write_text("hello", encoding="utf-8")
    before = target.read_bytes()
    extra = {
        "info": [],
        "export": ["--format", "txt"],
        "import": [EPISODE_TRANSCRIPT],
        "replace": ["a", "b"],
    }
    code, _, err = run(capsys, command, target, *extra[command])
    assert code == 2 and "not a Transcript Editor project" in err and str(target) in err
    assert target.read_bytes() == before


def test_newer_schema_and_readonly_project(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlite3

    project = tmp_path / "ep.tep"
    run(capsys, "new", project, "--transcript", EPISODE_TRANSCRIPT)
    project.chmod(0o444)
    before = project.read_bytes()
    code, _, err = run(capsys, "replace", project, "a", "b")
    assert code == 2 and "read-only" in err
    assert run(capsys, "info", project)[0] == 0  # reading still works
    assert project.read_bytes() == before
    project.chmod(0o644)
    conn = sqlite3.connect(project)
    conn.execute("UPDATE meta SET value = '42' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    before = project.read_bytes()
    code, _, err = run(capsys, "info", project)
    assert code == 2 and "newer version" in err
    assert project.read_bytes() == before


def test_new_refuses_an_existing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    existing = tmp_path / "ep.tep"
    existing.write_bytes(b"precious")
    code, _, err = run(capsys, "new", existing)
    assert code == 2 and "already exists" in err
    assert existing.read_bytes() == b"precious"


def test_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert __version__ in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "export" in capsys.readouterr().out


def test_console_script_and_module_entry_points(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    script = Path(sys.executable).with_name("transcript-editor")
    for command in ([str(script)], [sys.executable, "-m", "editor"]):
        result = subprocess.run(
            [*command, "--version"], capture_output=True, text=True, env=env, check=False
        )
        assert result.returncode == 0 and __version__ in result.stdout
    project = tmp_path / "p.tep"
    subprocess.run(
        [str(script), "new", str(project), "--transcript", str(EPISODE_TRANSCRIPT)],
        check=True,
        env=env,
    )
    out = subprocess.run(
        [sys.executable, "-m", "editor", "export", str(project), "--format", "txt"],
        capture_output=True,
        env=env,
        check=True,
    ).stdout
    assert out.decode("utf-8") == EPISODE_TRANSCRIPT.read_text(encoding="utf-8") + "\n"
    bad = subprocess.run(
        [str(script), "info", str(tmp_path / "none.tep")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert bad.returncode == 2 and bad.stderr.strip().endswith("no such project file")


def test_doctor_reports_versions_player_and_places(capsys: pytest.CaptureFixture[str]) -> None:
    from editor.cli.doctor import libvlc_status

    vlc_ok, _text = libvlc_status()
    if in_ci():
        assert vlc_ok, "CI installs libVLC and its plugins"
    assert main(["doctor", "--require-vlc"]) == (0 if vlc_ok else 2)
    out = capsys.readouterr().out
    assert out.startswith(f"Transcript Editor {__version__}")
    assert "media player: libVLC" in out if vlc_ok else "QtMultimedia" in out
    assert "data and snapshots:" in out
