"""Find and replace inside turn text: plain, whole word or regular expression, with case option.

Whole word means "not glued to another letter or digit", so terms ending in a mark ("Debt™")
match too, which ``\\b`` would miss.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from editor.core.errors import EditError


@dataclass(frozen=True)
class SearchQuery:
    pattern: str
    regex: bool = False
    whole_word: bool = False
    case_sensitive: bool = False

    @cached_property
    def compiled(self) -> re.Pattern[str]:
        if not self.pattern:
            raise EditError("nothing to find: the search text is empty")
        body = self.pattern if self.regex else re.escape(self.pattern)
        if self.whole_word:
            body = rf"(?<!\w)(?:{body})(?!\w)"
        flags = 0 if self.case_sensitive else re.IGNORECASE
        try:
            return re.compile(body, flags)
        except re.error as error:
            raise EditError(f"invalid regular expression {self.pattern!r}: {error}") from error

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Start and end offsets of every match in ``text``."""
        return [m.span() for m in self.compiled.finditer(text)]

    def replace(self, text: str, replacement: str) -> tuple[str, int]:
        """``text`` with every match replaced, and the number of replacements."""
        if self.regex:
            try:
                return self.compiled.subn(replacement, text)
            except (re.error, IndexError) as error:
                raise EditError(f"invalid replacement {replacement!r}: {error}") from error
        return self.compiled.subn(lambda _match: replacement, text)

    def replace_at(self, text: str, start: int, replacement: str) -> str:
        """Replace the single match that starts at ``start``."""
        match = self.compiled.match(text, start)
        if match is None:
            raise EditError(f"no match at offset {start}")
        new = match.expand(replacement) if self.regex else replacement
        return text[: match.start()] + new + text[match.end() :]
