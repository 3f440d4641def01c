"""Text to tokens with spans, in one pass of one compiled pattern.

Every alternative is a plain run of one character class or a bounded sequence,
so scanning is linear in the text whatever it holds.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from chrono.parsing.edtf import DATE_TOKEN

# Order matters: the first alternative that matches at a position wins.
_TOKEN = re.compile(
    r"(?P<ws>\s+)"
    r"|(?P<decade>(?:['’‘][0-9]0|[0-9]{1,3}0)s)(?![\w])"
    r"|(?P<ordinal>[0-9]{1,3}(?:st|nd|rd|th))(?![\w])"
    r"|(?P<isoweek>[0-9]{4}-?W[0-9]{2})(?![\w])"
    rf"|(?P<date>{DATE_TOKEN})(?![\w/])"
    r"|(?P<num>[0-9]+)"
    r"|(?P<ref>@[\w][\w.:-]*)"
    r"|(?P<word>[^\W\d_]+)"
    r"|(?P<poss>['’]s)(?![^\W\d_])"
    r"|(?P<punct>[,.\-–—/()'’:;&])"
    r"|(?P<other>.)",
    re.DOTALL,
)


class Token(NamedTuple):
    """A piece of the text: its kind, its normalised value and where it stands."""

    kind: str  # decade, ordinal, date, isoweek, num, ref, word, poss, punct, other
    value: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup
        if kind == "ws" or kind is None:
            continue
        value = m.group()
        if kind == "date" and value.isdigit():
            kind = "num"
        elif kind == "word":
            value = value.lower()
        elif kind == "poss":
            value = "'s"  # Friday's, the year's end: a date word keeps its own span
        elif kind == "punct" and value in "–—":
            value = "-"
        elif kind == "punct" and value == "’":
            value = "'"
        elif kind == "decade":
            value = value.replace("’", "'").replace("‘", "'")
        tokens.append(Token(kind, value, m.start(), m.end()))
    return tokens
