"""The commonest shapes of English dates, read in one match of one compiled pattern.

Most expressions a user writes are a few words in a fixed order: ``late 1999``, ``the
1990s``, ``from March 2001 to 2003``, ``two years ago``, ``Q3 2023``, ``12 May 2024``.
The token-by-token reader (:mod:`chrono.parsing.natural`) spends most of its time on
choosing among rules that cannot apply to them; here the shapes are one table, compiled
into one anchored pattern of bounded repetition, and a match becomes the very node that
reader would build. Whatever the pattern cannot read exactly so (a dot after a full month
name, ``0 years ago``, an era, a winter, anything unusual) is left to that reader, which
also gives the errors. A property test checks every shape against it.

Only nodes are made here: the reference-date rules stay in :mod:`chrono.resolve`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from chrono.parsing.natural import FULL_MONTHS, decade_kind
from chrono.parsing.nodes import Expression, Unit
from chrono.parsing.vocabulary import (
    APPROXIMATE,
    MONTHS,
    NUMBERS,
    OPEN_PHRASES,
    RANGE_WORDS,
    UNIT_WORDS,
)


def _words(words: Iterable[str]) -> str:
    """An alternation of words as a trie (``ma(?:r(?:ch)?|y)``): the engine tries each
    alternative in turn, so shared beginnings are read once and a mismatch fails early."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _alternation(trie)


_CHARS = {" ": r"\s+"}  # a space in a phrase is any run of spaces


def _alternation(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
    branches = [_CHARS.get(c, c) + _alternation(rest) for c, rest in sorted(node.items()) if c]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" not in node:
        return body
    return (body if len(branches) == 1 and len(body) == 1 else f"(?:{body})") + "?"


_YEAR = r"[0-9]{4}"
# c., ca. and approx. take a full stop, and "some" may begin "some time": the token reader
_APPROXIMATE = [word for word in APPROXIMATE if word not in ("c", "ca", "approx", "some")]
_COUNTS = {word: n for word, n in NUMBERS.items() if n > 0}  # "several" is no count
_OPEN = {" ".join(words): form for words, form in OPEN_PHRASES}
_AND = r"\s+and\s+|\s*&\s*"


def _unit(p: str, month: str) -> str:
    """One unit, its groups named with the prefix ``p`` (a span has two).

    Every optional part is possessive (``?+``): none of them can begin what follows it (no
    unit begins with ``about``, ``in`` or ``late``, and a day is no year: ``may 2024`` is
    not day 20 and then 24), so the engine need not remember how to give them back, which
    halves the cost of a match. The alternatives themselves stay open: ``1990 to 2000s``
    tries the decade after the year.
    """
    return (
        rf"(?P<{p}>"
        rf"(?:(?P<{p}approx>{_words(_APPROXIMATE)})\s+)?+"
        r"(?:(?:in|during)\s+)?+"
        rf"(?:(?P<{p}part>early|mid|late)(?:\s*-\s*|\s+))?+"
        r"(?:"  # the commonest first; possessive counts: '2001' is not day 20 and then 01
        rf"(?P<{p}mon>{month})(?P<{p}mdot>\.)?+(?:\s+(?P<{p}md>[0-9]{{1,2}}+)(?![0-9]))?+"
        rf"(?:(?:\s*,\s*|\s+)(?P<{p}my>{_YEAR}))?+"
        rf"|(?P<{p}year>{_YEAR})"
        rf"|(?P<{p}dd>[0-9]{{1,2}}+)\s+(?P<{p}dmon>{month})(?P<{p}ddot>\.)?+"
        rf"(?:(?:\s*,\s*|\s+)(?P<{p}dy>{_YEAR}))?+"
        rf"|(?P<{p}qh>[qh])(?P<{p}qn>[0-9])\s+(?P<{p}qy>{_YEAR})"
        rf"|(?:the\s+)?+(?P<{p}decade>[1-9][0-9]{{2}}0)s"
        rf"|(?P<{p}n>[0-9]{{1,6}}+|{_words(_COUNTS)})\s+(?P<{p}u>{_words(UNIT_WORDS)})\s+ago"
        r"))"
    )


# a unit's groups, in the pattern's order: ``match.groups()`` cut at a unit gives them all
_FIELDS = "approx part mon mdot md my year dd dmon ddot dy qh qn qy decade n u".split()
_tuple_new = tuple.__new__


@functools.cache
def _compiled() -> re.Pattern[str]:
    """The pattern, compiled at the first parse: compiling takes about 20 ms, which
    ``chrono --help`` and every start-up would otherwise pay."""
    month, lead = _words(MONTHS), _words([*_OPEN, "between", "from"])
    spans = rf"\s+{_words(RANGE_WORDS)}\s+|\s+-\s+|{_AND}"  # a dash between spaces only
    return re.compile(
        rf"(?:(?P<lead>{lead})\s+)?+"
        + _unit("a", month)
        + rf"(?:(?P<sep>{spans})"
        + _unit("b", month)
        + "|)",  # an empty alternative costs the engine less than '?' around a whole unit
        re.ASCII,  # matched on lowered ASCII text: faster than ignoring case, and no 'ſ' as 's'
    )


# where each part sits in match.groups(): lead, a, a's fields, sep, b, b's fields (a test
# checks this against the pattern's group names)
_A = slice(2, 2 + len(_FIELDS))
_SEP = _A.stop
_B = slice(_SEP + 2, _SEP + 2 + len(_FIELDS))


def read(text: str, start: int, end: int) -> Expression | None:
    """The node of ``text[start:end]`` when it has one of the common shapes, else None."""
    if not text.isascii():
        return None  # lowering may change the length of other text
    m = _compiled().fullmatch(text.lower(), start, end)
    if m is None:
        return None
    groups = m.groups()
    first = _read_unit(text, groups[_A], *m.span(2))
    if first is None:
        return None
    lead, sep = groups[0], groups[_SEP]
    if sep is None:
        if lead is None:
            return _tuple_new(Expression, ("single", first, None, 0, None))
        lead = " ".join(lead.split())
        form = "since" if lead == "from" else _OPEN.get(lead)
        return None if form is None else Expression(form, first)
    second = _read_unit(text, groups[_B], *m.span(_SEP + 2))
    if second is None:
        return None
    between = "and" in sep or "&" in sep
    if lead is None or lead == "from":
        return None if between else _tuple_new(Expression, ("span", first, second, 0, None))
    if lead == "between" and between:
        return Expression("between", first, second)
    return None


def _month(name: str, dot: str | None) -> int | None:
    """A month name as the grammar reads it: a full stop only after an abbreviation."""
    if dot is not None and name in FULL_MONTHS:
        return None
    return MONTHS[name]


def _read_unit(text: str, fields: tuple[str | None, ...], start: int, end: int) -> Unit | None:
    """A unit from its groups (lowered, in the order of ``_FIELDS``) and its span."""
    approx, part, mon, mdot, md, my, year_text, dd, dmon, ddot, dy, qh, qn, qy, decade, n, u = (
        fields
    )
    widen = 0 if approx is None else 1
    parts = () if part is None else (part,)
    kind: str
    year = month = day = number = None
    amount, unit = 0, None
    if year_text is not None:
        kind, year = "year", int(year_text)
    elif mon is not None:
        month = _month(mon, mdot)
        if month is None:
            return None
        year = None if my is None else int(my)
        if md is None:
            kind = "month"
        else:
            kind, day = "day", int(md)
    elif dd is not None and dmon is not None:
        month = _month(dmon, ddot)
        if month is None:
            return None
        kind, day = "day", int(dd)
        year = None if dy is None else int(dy)
    elif decade is not None:
        if not text.endswith("s", start, end):
            return None  # 1990S is no decade to the tokenizer
        kind, year = decade_kind(int(decade)), int(decade)
    elif qh is not None and qn is not None and qy is not None:
        kind = "quarter" if qh == "q" else "half"
        number = int(qn)
        if not 1 <= number <= (4 if kind == "quarter" else 2):
            return None  # the reader explains
        year = int(qy)
    elif n is not None and u is not None:
        amount = int(n) if n.isdigit() else _COUNTS[n]
        if amount <= 0:
            return None
        kind, unit = "ago", UNIT_WORDS[u]
    else:
        return None
    return _tuple_new(
        Unit,
        (
            kind,
            start,
            end,
            year,
            month,
            day,
            number,
            None,
            None,
            amount,
            unit,
            False,
            parts,
            widen,
            None,
            None,
            None,
        ),
    )
