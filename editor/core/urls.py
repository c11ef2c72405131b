"""Which URLs may go into published output: web pages and mail addresses, nothing executable.

A ``javascript:`` or ``data:`` URL typed into a link or chapter field would run in a listener's
podcast app or browser; exports drop such URLs, and the chapter editor refuses them.
"""

from __future__ import annotations

import re

_WEB = re.compile(r"^https?://\S+$", re.IGNORECASE)
_MAIL = re.compile(r"^mailto:\S+$", re.IGNORECASE)


def is_web_url(url: str) -> bool:
    return bool(_WEB.match(url.strip()))


def is_link_url(url: str) -> bool:
    """A web page or a mail address: what show notes may link to."""
    return is_web_url(url) or bool(_MAIL.match(url.strip()))
