"""WebVTT against other people's test suites: W3C web-platform-tests, mozilla vtt.js, webvtt-py.

The files stay in ``../shared/corpora`` (see its SOURCES.md); these tests read them there and skip
when that folder is absent. Each corpus is checked twice: the parser's cues (identifier, times,
raw text) against what the suite expects, and the importer's timed cues (plain text) against the
same cues with their markup taken off, so the import loses no cue and invents no time.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from editor.core.errors import InputError
from editor.core.formats import parse_source, read_transcript
from editor.core.formats.base import ImportOptions, Warnings
from editor.core.formats.cue_text import parse_payload
from editor.core.formats.vtt_format import read_cues
from editor.core.formats.webvtt_parser import parse
from editor.core.textfile import read_text

SHARED = Path(__file__).resolve().parents[3] / "shared" / "corpora"
WPT = SHARED / "wpt-webvtt"
VTTJS = SHARED / "vttjs"
WEBVTT_PY = SHARED / "subs" / "webvtt-py"

needs = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/corpora is not here")

# (id, start ms, end ms, raw text)
Row = tuple[str, int, int, str]

# vtt.js expectations that contradict the WebVTT parsing algorithm; the spec's answer is used
# (README, "WebVTT"). Each value is what the spec gives.
VTTJS_AGAINST_THE_SPEC: dict[str, list[Row]] = {
    # Three digits make the first field hours, which then need a ':ss' the time lacks.
    "cue-times/min-top-digits.vtt": [],
    "cue-times/minimum-spots-over-sixty.vtt": [],
    # A cue right under the signature line ends the (empty) header: the spec reads the cue.
    "file-layout/header-no-new-line.vtt": [("", 11000, 13000, "Test")],
    # Disabled in vtt.js itself (issue 262): the block '-->' / timing line / 'Test' gives a cue.
    "integration/id.vtt": [
        ("1", 1000, 2000, "This"),
        ("Random", 2000, 3000, "Is"),
        ("12*AS& Over ...", 3000, 4000, "A"),
        ("", 4000, 5000, "Test"),
        ("ja88120 aa", 6000, 7000, "And stuff?"),
    ],
}


def _parsed(path: Path) -> list[Row] | None:
    """The parser's cues, or None when the file is refused (the spec aborts: no cues)."""
    try:
        source = read_text(path)
        return [
            (c.identifier, c.start_ms, c.end_ms, c.text)
            for c in parse(source.text, source.path).cues
        ]
    except InputError:
        return None


def _imported(path: Path) -> list[tuple[int | None, int | None, str]] | None:
    """The importer's timed cues (times, plain text), or None when it refuses the file."""
    try:
        cues = read_cues(read_text(path), Warnings(str(path)))
    except InputError:
        return None
    return [(c.start_ms, c.end_ms, c.text) for c in cues if c.start_ms is not None]


def _plain(rows: list[Row]) -> list[tuple[int | None, int | None, str]]:
    """What the importer should give for these cues: markup off, empty cues skipped."""
    result: list[tuple[int | None, int | None, str]] = []
    for _, start, end, text in rows:
        for piece in parse_payload(text):
            result.append((start, max(start, end), piece.text))
    return result


def _multi_voice(rows: list[Row]) -> bool:
    return any(len(parse_payload(text)) > 1 for *_, text in rows)


def _wpt_cases() -> list[tuple[str, list[Row]]]:
    if not WPT.is_dir():
        return []
    expected: dict[str, Any] = json.loads((WPT / "expected.json").read_text(encoding="utf-8"))
    return [
        (name, [("", c["start_ms"], c["end_ms"], c["text"]) for c in case["cues"]])
        for name, case in sorted(expected.items())
    ]


def _vttjs_cases() -> list[tuple[str, list[Row]]]:
    if not VTTJS.is_dir():
        return []
    manifest = json.loads((VTTJS / "manifest.json").read_text(encoding="utf-8"))
    cases = []
    for pair in manifest["pairs"]:
        data = json.loads((VTTJS / pair["json"]).read_text(encoding="utf-8"))
        rows = [
            (c["id"], round(c["startTime"] * 1000), round(c["endTime"] * 1000), c["text"])
            for c in data["cues"]
        ]
        cases.append((pair["vtt"], VTTJS_AGAINST_THE_SPEC.get(pair["vtt"], rows)))
    return cases


@needs
def test_every_w3c_case_gives_the_cues_the_spec_gives() -> None:
    cases = _wpt_cases()
    assert len(cases) == 24
    failures = [
        name
        for name, rows in cases
        if [row[1:] for row in _parsed(WPT / f"{name}.vtt") or []] != [row[1:] for row in rows]
    ]
    assert failures == []
    imported = [
        name
        for name, rows in cases
        if (_imported(WPT / f"{name}.vtt") or []) != [r for r in _plain(rows) if r[2]]
    ]
    assert imported == []


@needs
def test_vttjs_pairs_all_agree_except_where_vttjs_contradicts_the_spec() -> None:
    cases = _vttjs_cases()
    assert len(cases) == 239
    failures = []
    for name, rows in cases:
        got = _parsed(VTTJS / name)
        if got != rows and not (got is None and rows == []):
            failures.append(name)
    assert failures == []
    imported = [
        name
        for name, rows in cases
        if not _multi_voice(rows) and (_imported(VTTJS / name) or []) != _plain(rows)
    ]
    assert imported == []
    assert len(VTTJS_AGAINST_THE_SPEC) == 4


@needs
def test_the_w3c_nulls_file_is_read_with_replacement_characters() -> None:
    transcript = read_transcript(WPT / "nulls.vtt", options=ImportOptions(one_turn_per_cue=True))
    timed = [t.text for t in transcript.turns if t.start_ms is not None]
    assert timed == ["text1", "text2", "\ufffdtext\ufffd3", "text4", "text5", "text6", "text7"]
    # The cues with a NUL in their timing line are dropped by the spec: kept untimed, warned.
    untimed = [t for t in transcript.turns if t.start_ms is None]
    assert untimed and all(t.text == '"FAIL"' for t in untimed)
    assert sum("cannot be read" in w for w in transcript.warnings) == 10  # then "… more like"


# webvtt-py's test files: what its tests (and the spec) expect, as (timed cues, texts to find)
# or None for a file that must be refused with a message naming it.
WEBVTT_PY_EXPECTED: dict[str, tuple[int | None, list[str]] | None] = {
    "captions_with_bom.vtt": (4, ["Caption text #1"]),
    "comments.vtt": (3, ["- Ta en kopp varmt te. - Det är inte varmt.", "- Ta en kopp"]),
    "cue_tags.vtt": (3, ["When the moon hits your eye", "Like a big-a pizza pie", "That's amore"]),
    "empty.vtt": None,
    "invalid.vtt": (7, ["Caption text #7"]),  # no WEBVTT line: its content is SRT-like
    "invalid_format.sbv": None,
    "invalid_format1.srt": None,
    "invalid_format2.srt": None,
    "invalid_format3.srt": None,
    "invalid_format4.srt": (0, ["some text"]),  # a timing line with no text: kept, warned
    "invalid_timeframe.sbv": (4, ["Caption text #3"]),
    "invalid_timeframe.srt": (5, ["Caption text #2"]),
    "invalid_timeframe.vtt": (6, ["Caption text #2"]),  # #2 kept untimed, warned
    "invalid_timeframe_in_cue_text.vtt": (3, ["Caption text #2"]),
    "metadata_headers.vtt": (2, ["Caption text #2"]),
    "metadata_headers_multiline.vtt": (2, ["Caption text #1"]),
    "missing_caption_text.sbv": (4, ["Caption text #1"]),
    "missing_caption_text.srt": (4, ["Caption text #5"]),
    "missing_caption_text.vtt": (4, ["Caption text #5"]),
    "missing_timeframe.sbv": (4, ["Caption text #2"]),
    "missing_timeframe.srt": (4, ["Caption text #2"]),
    "missing_timeframe.vtt": (6, ["Caption text #2"]),  # #2 kept untimed, warned
    "netflix_chicas_del_cable.vtt": (
        None,
        ["[Alba] En 1928,", "Diez años no son suficientes para olvidarte..."],
    ),
    "no_captions.vtt": None,
    "one_caption.srt": (1, ["Caption text #1"]),
    "one_caption.vtt": (1, ["Caption text #1"]),
    "sample.sbv": (5, ["Caption text #3 (line 1) Caption text #3 (line 2)"]),
    "sample.srt": (5, ["Caption text #5"]),
    "sample.vtt": (16, ["Caption text #16"]),
    "styles.vtt": (1, ["- Hello world."]),
    "two_captions.sbv": (2, ["Caption text #2 (line 1) Caption text #2 (line 2)"]),
    "using_identifiers.vtt": (6, ["Caption text #6"]),
    "youtube_dl.vtt": (None, ["yeah what", "this will happen is I'm telling"]),
}


def _webvtt_py_failures() -> list[str]:
    failures = []
    for path in sorted(WEBVTT_PY.iterdir()):
        expected = WEBVTT_PY_EXPECTED[path.name]
        try:
            transcript = parse_source(read_text(path), options=ImportOptions(one_turn_per_cue=True))
        except InputError as error:
            if expected is not None or not str(error).startswith(str(path)):
                failures.append(path.name)
            continue
        if expected is None:
            failures.append(path.name)
            continue
        count, texts = expected
        turns = transcript.turns
        timed = [t for t in turns if t.start_ms is not None]
        untimed = len(turns) - len(timed)
        wrong_count = count is not None and len(timed) != count
        missing = [text for text in texts if text not in [t.text for t in turns]]
        unexplained = untimed and len(transcript.warnings) < untimed
        if wrong_count or missing or unexplained:
            failures.append(path.name)
    return failures


@needs
def test_webvtt_py_files_all_give_what_its_tests_expect() -> None:
    assert len(list(WEBVTT_PY.iterdir())) == 33
    assert _webvtt_py_failures() == []


@needs
def test_youtube_dl_timing_line_without_a_blank_line_starts_a_cue() -> None:
    rows = _imported(WEBVTT_PY / "youtube_dl.vtt")
    assert rows is not None
    assert (286470, 304080, "yeah what") in rows
    assert (304080, 305069, "this will happen is I'm telling") in rows
