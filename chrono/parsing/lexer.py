"""Text to tokens with spans, in one pass of one compiled pattern.

Every alternative is a plain run of one character class or a bounded sequence,
so scanning is linear in the text whatever it holds.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from chrono.parsing.edtf import DATE_TOKEN

# Order matters: the first alternative that matches at a position wins. Whitespace
# before a token is part of its match, so it costs no match of its own.
_TOKEN = re.compile(
    r"\s*(?:"
    r"(?P<decade>(?:['’‘][0-9]0|[0-9]{1,3}0)s)(?![\w])"
    r"|(?P<ordinal>[0-9]{1,3}(?:st|nd|rd|th))(?![\w])"
    r"|(?P<isoweek>[0-9]{4}-?W[0-9]{2})(?![\w])"
    rf"|(?P<date>{DATE_TOKEN})(?![\w/])"
    r"|(?P<num>[0-9]+)"
    r"|(?P<ref>@[\w][\w.:-]*)"
    r"|(?P<word>[^\W\d_]+)"
    r"|(?P<poss>['’]s)(?![^\W\d_])"
    r"|(?P<punct>[,.\-–—/()'’:;&])"
    r"|(?P<other>\S))",
    re.DOTALL,
)
# The kind of each group, by its number (DATE_TOKEN has no groups of its own).
_KINDS = (None, *_TOKEN.groupindex)
_WORD = _TOKEN.groupindex["word"]


class Token(NamedTuple):
    """A piece of the text: its kind, its normalised value and where it stands."""

    kind: str  # decade, ordinal, date, isoweek, num, ref, word, poss, punct, other
    value: str
    start: int
    end: int


_new = tuple.__new__


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    append = tokens.append
    # Trailing whitespace is no token: stopping before it keeps a long run of it from being
    # scanned again at each of its positions.
    for m in _TOKEN.finditer(text, 0, len(text.rstrip())):
        group = m.lastindex or 0
        value = m.group(group)
        if group == _WORD:
            kind = "word"
            value = value.lower()
        else:
            kind = _KINDS[group] or "other"
            if kind == "date" and value.isdigit():
                kind = "num"
            elif kind == "poss":
                value = "'s"  # Friday's, the year's end: a date word keeps its own span
            elif kind == "punct" and value in "–—":
                value = "-"
            elif kind == "punct" and value == "’":
                value = "'"
            elif kind == "decade":
                value = value.replace("’", "'").replace("‘", "'")
        start, end = m.span(group)
        append(_new(Token, (kind, value, start, end)))  # Token(...) without its Python frame
    return tokens
