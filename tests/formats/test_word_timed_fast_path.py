"""The one-pass reading of word-timed cues gives what the general cue-text rules give."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from editor.core.formats import cue_text

PAYLOADS = [
    "<v Ann><00:00:01.200><c>Hello</c> <00:00:01.500><c>world.</c>",
    "<v.loud Ann Lee><00:01.200><c>two words</c>\n<00:01.900><c>more</c></v>",
    "<00:00:01.200><c>no</c> <00:00:01.300><c>voice</c>",
    "<v Tom &amp; Ann><00:00:01.200><c>amp</c>",
    "<v><00:00:01.200><c>empty voice</c>",
    "<vx Ann><00:00:01.200><c>not a voice</c>",
    "<v Ann><00:00:61.200><c>bad</c> <00:00:01.300><c>stamp</c>",
    "<v Ann><00:00:01.200><c></c> <00:00:01.300><c>after empty</c>",
    "<v Ann><00:00:01.2000><c>long</c>",
]


def _general(payload: str, monkeypatch: pytest.MonkeyPatch) -> list[cue_text.Piece]:
    with monkeypatch.context() as patched:
        patched.setattr(cue_text, "_word_timed", lambda _payload: None)
        return cue_text.parse_payload(payload)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_same_pieces_as_the_general_rules(payload: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert cue_text.parse_payload(payload) == _general(payload, monkeypatch)


def test_the_common_shape_takes_the_fast_path() -> None:
    assert cue_text._word_timed(PAYLOADS[0]) is not None


stamp = st.one_of(
    st.builds(
        lambda h, m, s, ms: f"{h:02}:{m:02}:{s:02}.{ms:03}",
        st.integers(0, 2),
        st.integers(0, 61),
        st.integers(0, 61),
        st.integers(0, 999),
    ),
    st.builds(
        lambda h, m, s: f"{h}:{m:02}:{s:02}.250",
        st.integers(0, 9),
        st.integers(0, 61),
        st.integers(0, 61),
    ),
    st.builds(lambda m, s: f"{m:02}:{s:02}.500", st.integers(0, 99), st.integers(0, 61)),
    st.sampled_from(["1:02.000", "00:01.5", "99999999:00:00.000", "00:00:01.0000"]),
)
word = st.text(alphabet=st.sampled_from("ab &;.<>/ \n"), max_size=6)
segment = st.builds(
    lambda t, w, gap: f"<{t}><c>{w}</c>{gap}", stamp, word, st.sampled_from(["", " ", "\n"])
)
payload = st.builds(
    lambda voice, parts, close: voice + "".join(parts) + close,
    st.sampled_from(["", "<v Ann>", "<v.x Bo B>", "<v>", "<v A&amp;B>"]),
    st.lists(segment, min_size=1, max_size=5),
    st.sampled_from(["", "</v>", " "]),
)


@given(text=payload)
def test_generated_word_timed_payloads_agree(text: str) -> None:
    original = cue_text._word_timed
    fast = cue_text.parse_payload(text)
    cue_text._word_timed = lambda _payload: None  # type: ignore[assignment]
    try:
        general = cue_text.parse_payload(text)
    finally:
        cue_text._word_timed = original
    assert fast == general
