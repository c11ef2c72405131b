"""Sort keys that let a turn be placed between any two others without renumbering.

Keys are base-62 fractions written as strings ("V" is one half); they compare correctly as plain
byte strings, so SQLite orders them with its default collation. Because no key ever changes, a
snapshot of a turn taken for undo stays valid however many turns are inserted around it.
The midpoint algorithm follows David Greenspan's "fractional indexing".
"""

from __future__ import annotations

DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_BASE = len(DIGITS)
_ZERO = DIGITS[0]


def key_between(before: str | None, after: str | None) -> str:
    """Return a key that sorts strictly between ``before`` and ``after`` (``None`` = open end)."""
    low = before or ""
    if after is not None and low >= after:
        raise ValueError(f"keys out of order: {before!r} >= {after!r}")
    for key in (low, after):
        if key and key.endswith(_ZERO):
            raise ValueError(f"invalid key (trailing zero): {key!r}")
    return _midpoint(low, after)


def keys_between(before: str | None, after: str | None, count: int) -> list[str]:
    """Return ``count`` ascending keys between two keys, short ones first (bisecting the gap)."""
    if count <= 0:
        return []
    middle = key_between(before, after)
    half = (count - 1) // 2
    return [
        *keys_between(before, middle, half),
        middle,
        *keys_between(middle, after, count - 1 - half),
    ]


def _midpoint(low: str, high: str | None) -> str:
    if high is not None:
        shared = 0
        while (low[shared] if shared < len(low) else _ZERO) == high[shared]:
            shared += 1
        if shared:
            return high[:shared] + _midpoint(low[shared:], high[shared:])
    digit_low = DIGITS.index(low[0]) if low else 0
    digit_high = DIGITS.index(high[0]) if high is not None else _BASE
    if digit_high - digit_low > 1:
        return DIGITS[(digit_low + digit_high + 1) // 2]
    if high is not None and len(high) > 1:
        return high[:1]
    return DIGITS[digit_low] + _midpoint(low[1:], None)
