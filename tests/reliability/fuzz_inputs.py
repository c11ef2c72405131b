"""Hypothesis strategies for importer fuzzing: format-shaped nonsense, not just random text.

Random text rarely gets past a reader's first check. These build documents from the pieces each
format is made of (timecodes, arrows, voice tags, labels, JSON keys, HTML spans), in any order
and with any damage, plus the real corpus files cut and spliced at random points.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from editor.core.textfile import decode

CORPUS = Path(__file__).resolve().parents[1] / "data" / "formats"
CORPUS_TEXTS = tuple(decode(p.read_bytes(), str(p)).text for p in sorted(CORPUS.iterdir()))

digits = st.integers(min_value=-5, max_value=125)
timecode = st.one_of(
    st.builds(
        lambda h, m, s, ms, sep: f"{h:02}:{m:02}:{s:02}{sep}{ms:03}",
        digits,
        digits,
        digits,
        st.integers(-5, 1500),
        st.sampled_from([",", ".", ":", ""]),
    ),
    st.builds(lambda m, s: f"{m}:{s:02}", digits, digits),
    st.sampled_from(["", "0", "00:00", "::", "1e9", "99999999999:00:00.000", "NaN", "-1:-1"]),
)
arrow = st.sampled_from([" --> ", "-->", " -> ", " —> ", "  -->  "])
words = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    max_size=40,
)
name = st.one_of(st.sampled_from(["Ann", "Thomas", "Dr. Polizzi", "SPEAKER_00", ""]), words)

text_line = st.one_of(
    words,
    st.builds(
        lambda a, b, c, s: f"{a}{b}{c}{s}",
        timecode,
        arrow,
        timecode,
        st.sampled_from(["", " align:start", " line:0%"]),
    ),
    st.builds(lambda n, t: f"<v {n}>{t}</v>", name, words),
    st.builds(lambda n, t: f"<{n}>{t}", timecode, words),
    st.builds(lambda n, t: f"{n}: {t}", name, words),
    st.builds(lambda n, t: f"{n}  {t}", name, timecode),
    st.builds(lambda n, t: f"{n} ({t}):", name, timecode),
    st.builds(lambda t, n, w: f"[{t}] {n}: {w}", timecode, name, words),
    st.builds(lambda a, b: f"{a},{b}", timecode, timecode),  # SBV
    st.builds(lambda n, t: f"[{n}] {t}", name, timecode),  # Zoom .txt
    st.builds(lambda n, t: f"{n} ({t})", name, timecode),  # Riverside / Descript .txt
    st.builds(lambda n, t: f"<cite>{n}:</cite><time>{t}</time>", name, timecode),
    st.builds(lambda w: f"<p>{w}</p>", st.one_of(words, timecode)),
    st.integers(-3, 10**6).map(str),
    st.sampled_from(
        ["", "WEBVTT", "WEBVTT - title", "NOTE a note", "STYLE", "REGION", "-->", "&amp;", "&#0;"]
    ),
)
text_document = st.lists(text_line, max_size=40).map("\n".join)

JSON_KEYS = [
    "segments",
    "version",
    "language",
    "speaker",
    "startTime",
    "endTime",
    "body",
    "start",
    "end",
    "text",
    "words",
    "word",
    "probability",
    "transcription",
    "offsets",
    "from",
    "to",
    "timestamps",
    "media",
    "media-time",
    "id",
    "tokens",
    "utterances",
    "results",
    "channels",
    "alternatives",
    "transcript",
    "punctuated_word",
    "confidence",
    "monologues",
    "elements",
    "type",
    "value",
    "ts",
    "end_ts",
    "speaker_name",
    "status",
    "error",
    "audio_url",
]
json_scalar = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    words,
    timecode,
)
json_value: st.SearchStrategy[Any] = st.recursive(
    json_scalar,
    lambda inner: st.one_of(
        st.lists(inner, max_size=6),
        st.dictionaries(st.one_of(st.sampled_from(JSON_KEYS), words), inner, max_size=6),
    ),
    max_leaves=12,
)
segment = st.dictionaries(
    st.sampled_from(JSON_KEYS), st.one_of(json_scalar, json_value), max_size=6
)
otr_html = st.lists(
    st.one_of(
        words.map(lambda w: f"<p>{w}</p>"),
        st.builds(
            lambda v, shown: f'<span class="timestamp" data-timestamp="{v}">{shown}</span>',
            st.one_of(timecode, st.floats().map(str)),
            timecode,
        ),
        st.builds(lambda n: f"<b>{n}:</b> ", name),
        st.sampled_from(["<br>", "<p>", "</p>", "<div>", "</span>", "&nbsp;", "<b>", "<!--"]),
    ),
    max_size=15,
).map("".join)
json_object = st.one_of(
    st.fixed_dictionaries({"version": json_scalar, "segments": st.lists(segment, max_size=12)}),
    st.fixed_dictionaries({"segments": st.lists(segment, max_size=12)}, optional={"text": words}),
    st.fixed_dictionaries({"transcription": st.lists(segment, max_size=12)}),
    st.fixed_dictionaries({"text": otr_html}, optional={"media": words, "media-time": json_scalar}),
    st.fixed_dictionaries(  # AssemblyAI
        {"audio_url": words},
        optional={"utterances": st.lists(segment, max_size=6), "words": st.lists(segment)},
    ),
    st.fixed_dictionaries(  # Deepgram
        {
            "results": st.one_of(
                json_value,
                st.fixed_dictionaries(
                    {
                        "channels": st.lists(
                            st.fixed_dictionaries({"alternatives": st.lists(segment, max_size=3)}),
                            max_size=3,
                        )
                    },
                    optional={"utterances": st.lists(segment, max_size=6)},
                ),
            )
        }
    ),
    st.fixed_dictionaries(  # Rev.ai
        {
            "monologues": st.lists(
                st.fixed_dictionaries(
                    {"elements": st.lists(segment, max_size=8)}, optional={"speaker": json_scalar}
                ),
                max_size=6,
            )
        }
    ),
    json_value,
)


def _dumps(value: Any) -> str:
    return json.dumps(value, allow_nan=True)


json_document = st.one_of(
    json_object.map(_dumps),
    st.builds(lambda v, cut: _dumps(v)[:cut], json_object, st.integers(0, 400)),
)


@st.composite
def spliced_corpus(draw: st.DrawFn) -> str:
    """A real corpus file with a slice cut out and something else put in its place."""
    text = draw(st.sampled_from(CORPUS_TEXTS))
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, min(len(text), start + 300)))
    filler = draw(st.one_of(text_line, words, st.just("")))
    return text[:start] + filler + text[end:]


any_document = st.one_of(text_document, json_document, spliced_corpus())

csv_document = st.lists(
    st.lists(
        st.one_of(
            words, st.sampled_from(["term", "variants", "case", "note", "exact", "ignore", "=1+1"])
        ),
        max_size=6,
    ).map(lambda cells: ",".join(json.dumps(c) if "," in c else c for c in cells)),
    max_size=12,
).map("\n".join)

raw_bytes = st.one_of(
    st.binary(max_size=600),
    st.builds(
        lambda bom, body: bom + body,
        st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00", b""]),
        st.binary(max_size=400),
    ),
    any_document.map(lambda t: t.encode("utf-16-le")),
    any_document.map(lambda t: t.encode("cp1252", errors="replace")),
)
