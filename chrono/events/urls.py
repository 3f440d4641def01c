"""What an event's ``url`` may be: a web address, never something a browser would run.

The chart turns ``url`` into a link, so ``javascript:``, ``data:`` and ``file:``
addresses, addresses without a host (``//evil``, relative paths) and addresses
with spaces, control or invisible characters are refused when the file is
read, not when someone clicks.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

_SCHEMES = ("http", "https")
_UNSAFE = re.compile(r"[\s\x00-\x1f\x7f-\x9f\\]")  # whitespace, control characters, backslash


def is_web_address(text: str) -> bool:
    """Whether ``text`` is an http or https URL with a host, and nothing a browser misreads."""
    if _UNSAFE.search(text) or (
        not text.isascii() and any(unicodedata.category(c) == "Cf" for c in text)
    ):  # Cf: invisible characters such as U+202E, which turns the rest of a line around
        return False
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018  # raises ValueError for a port that is not one
    except ValueError:
        return False
    return parts.scheme.lower() in _SCHEMES and bool(parts.hostname)
