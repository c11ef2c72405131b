"""YouTube chapters: each of YouTube's rules broken in turn is reported and fixed in the block;
fewer than three chapters is an error naming the project; the command line and the project
export agree."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.cli import main
from editor.core.errors import EditorError
from editor.core.model import Chapter
from editor.core.project.project_exports import PROJECT_EXPORTS
from editor.core.project.store import ProjectStore
from editor.core.youtube import youtube_chapters, youtube_timestamp
from editor.demo import ensure_demo_project

HOUR = 3_600_000


def _block(chapters: list[Chapter], duration_ms: int | None = 600_000) -> tuple[str, list[str]]:
    exported = youtube_chapters(chapters, duration_ms, "ep.tep")
    assert isinstance(exported.content, str)
    return exported.content, list(exported.warnings)


def _chapters(*starts_and_titles: tuple[int, str]) -> list[Chapter]:
    return [Chapter(i, start, title) for i, (start, title) in enumerate(starts_and_titles, 1)]


def test_a_list_that_keeps_the_rules_is_written_as_it_is_without_a_warning() -> None:
    text, warnings = _block(_chapters((0, "Welcome"), (42_550, "Mandate"), (125_900, "Trust")))
    assert text == "00:00 Welcome\n00:42 Mandate\n02:05 Trust\n"
    assert warnings == []


def test_timestamps_are_mm_ss_under_an_hour_and_h_mm_ss_from_an_hour_on() -> None:
    assert [youtube_timestamp(s) for s in (0, 9, 65, 3599, 3600, 3725, 36_000)] == [
        "00:00",
        "00:09",
        "01:05",
        "59:59",
        "1:00:00",
        "1:02:05",
        "10:00:00",
    ]
    text, _ = _block(_chapters((0, "A"), (HOUR - 30_000, "B"), (HOUR + 62_000, "C")), 2 * HOUR)
    assert text == "00:00 A\n59:30 B\n1:01:02 C\n"


def test_a_late_first_chapter_is_moved_to_zero_and_reported() -> None:
    text, warnings = _block(_chapters((12_000, "Mandate"), (60_000, "Trust"), (90_000, "Costs")))
    assert text.splitlines()[0] == "00:00 Mandate"
    assert len(warnings) == 1
    assert "'Mandate', starts at 0:12; moved to 00:00" in warnings[0]


def test_a_first_chapter_within_the_first_second_already_reads_00_00() -> None:
    text, warnings = _block(_chapters((400, "Welcome"), (60_000, "Trust"), (90_000, "Costs")))
    assert text.startswith("00:00 Welcome\n") and warnings == []


def test_a_short_chapter_is_merged_into_the_one_before_and_reported() -> None:
    chapters = _chapters((0, "Welcome"), (30_000, "Blip"), (36_000, "Mandate"), (90_000, "End"))
    text, warnings = _block(chapters)
    assert text == "00:00 Welcome\n00:36 Mandate\n01:30 End\n"
    assert warnings == [
        "YouTube chapters: 'Blip' at 00:30 lasts 6 s, under YouTube's 10 s; "
        "merged into the one before, 'Welcome'"
    ]


def test_a_short_first_chapter_is_merged_into_the_next_which_then_starts_at_zero() -> None:
    text, warnings = _block(
        _chapters((0, "Cold open"), (4_000, "Welcome"), (60_000, "B"), (90_000, "C"))
    )
    assert text == "00:00 Welcome\n01:00 B\n01:30 C\n"
    assert len(warnings) == 1 and "'Cold open' at 00:00 lasts 4 s" in warnings[0]
    assert "merged into the next, 'Welcome', which now starts at 00:00" in warnings[0]


def test_a_short_last_chapter_is_measured_against_the_audio() -> None:
    chapters = _chapters((0, "A"), (60_000, "B"), (90_000, "C"), (595_000, "Outro"))
    text, warnings = _block(chapters, 600_000)
    assert text == "00:00 A\n01:00 B\n01:30 C\n"
    assert "'Outro' at 09:55 lasts 5 s" in warnings[0] and "the one before, 'C'" in warnings[0]


def test_lengths_are_counted_in_the_seconds_as_written() -> None:
    # 9.95 s apart in milliseconds, but written 00:10 and 00:20: ten seconds as YouTube reads it
    text, warnings = _block(_chapters((0, "A"), (10_050, "B"), (20_000, "C")), 60_000)
    assert text == "00:00 A\n00:10 B\n00:20 C\n" and warnings == []
    # two chapters in one second would be one timestamp twice: the first of them is merged
    text, warnings = _block(_chapters((0, "A"), (30_100, "B"), (30_900, "C"), (60_000, "D")))
    assert text == "00:00 A\n00:30 C\n01:00 D\n"
    assert "'B' at 00:30 lasts 0 s" in warnings[0]


def test_chapters_out_of_order_are_sorted_and_reported() -> None:
    text, warnings = _block(_chapters((60_000, "B"), (0, "A"), (90_000, "C")))
    assert text == "00:00 A\n01:00 B\n01:30 C\n"
    assert warnings == ["YouTube chapters: the chapters were not in time order; sorted by start"]


def test_several_broken_rules_are_each_reported() -> None:
    chapters = _chapters((90_000, "C"), (12_000, "A"), (50_000, "Blip"), (55_000, "B"))
    text, warnings = _block(chapters, 100_000)
    assert text == "00:00 A\n00:55 B\n01:30 C\n"
    assert len(warnings) == 3, warnings
    assert "not in time order" in warnings[0]
    assert "'A', starts at 0:12; moved to 00:00" in warnings[1]
    assert "'Blip' at 00:50 lasts 5 s" in warnings[2] and "the one before, 'A'" in warnings[2]


def test_an_unknown_audio_length_is_said_not_guessed() -> None:
    text, warnings = _block(_chapters((0, "A"), (60_000, "B"), (90_000, "C")), None)
    assert text == "00:00 A\n01:00 B\n01:30 C\n"
    assert warnings == [
        "YouTube chapters: the audio's length is unknown (no media linked), so the last "
        "chapter, 'C', could not be checked for YouTube's 10 s"
    ]


def test_silent_chapters_and_line_breaks_stay_out_of_the_block() -> None:
    chapters = [
        Chapter(1, 0, "Welcome"),
        Chapter(2, 20_000, "Sponsor", toc=False),
        Chapter(3, 40_000, "Two\nlines"),
        Chapter(4, 80_000, "End\x07"),
    ]
    text, warnings = _block(chapters)
    assert text == "00:00 Welcome\n00:40 Two lines\n01:20 End\n" and warnings == []


@pytest.mark.parametrize(
    ("chapters", "detail"),
    [
        ([], "this project has 0 chapter(s). Mark more"),
        (_chapters((0, "A"), (60_000, "B")), "this project has 2 chapter(s). Mark more"),
        (
            _chapters((0, "A"), (60_000, "B"), (65_000, "C")),
            "this project has 3 chapter(s), 1 once those under 10 s are merged",
        ),
        (
            [*_chapters((0, "A"), (60_000, "B")), Chapter(9, 90_000, "S", toc=False)],
            "this project has 3 chapter(s) (1 silent)",
        ),
    ],
)
def test_fewer_than_three_chapters_is_an_error_naming_the_project(
    chapters: list[Chapter], detail: str
) -> None:
    with pytest.raises(EditorError, match=r"^ep\.tep: YouTube shows chapters only") as error:
        youtube_chapters(chapters, 70_000, "ep.tep")
    assert detail in str(error.value)


def test_the_command_line_writes_the_block_and_reports_the_fixes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = ensure_demo_project(tmp_path / "demo")
    with ProjectStore.open(project) as store:
        for start, title in ((3_000, "Welcome"), (55_609, "Mandate"), (100_000, "Blip")):
            store.chapters.add(Chapter(0, start, title))
        store.chapters.add(Chapter(0, 105_000, "Trust"))
    out = tmp_path / "youtube.txt"
    assert main(["export", str(project), "--format", "youtube", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == "00:00 Welcome\n00:55 Mandate\n01:45 Trust\n"
    err = capsys.readouterr().err
    assert "warning: YouTube chapters: the first chapter, 'Welcome', starts at 0:03" in err
    assert "warning: YouTube chapters: 'Blip' at 01:40 lasts 5 s" in err
    assert "audio's length is unknown" not in err  # the demo's media is linked
    with ProjectStore.open(project, readonly=True) as store:
        assert PROJECT_EXPORTS["youtube"].render(store, "x").content == out.read_text("utf-8")


def test_the_command_line_refuses_too_few_chapters_naming_the_project(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = ensure_demo_project(tmp_path / "demo")
    out = tmp_path / "youtube.txt"
    assert main(["export", str(project), "--format", "youtube", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"{project}: YouTube shows chapters only when there are at least 3" in err
    assert not out.exists()
