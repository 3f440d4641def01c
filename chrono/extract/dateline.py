"""The document's own date, from its dateline or a full date on its first lines.

News opens with a dateline: ``GENEVA, Thursday, June 6, 2024 --``, ``June 6, 2024
(AP) -``, ``WASHINGTON, June 6, 2024 (Reuters) -``; a wire story without one often
gives its date on a line of its own near the top. :func:`find_reference` reads
only the first :data:`LINES` lines and :data:`CHARS` characters, so the work is
the same for a page or a book, and says which words it took the date from.
"""

from __future__ import annotations

import re

import attrs

from chrono.days import Day
from chrono.errors import ChronoError, ParseError
from chrono.extract.finder import find
from chrono.parsing.nodes import Expression
from chrono.resolve import resolve

LINES = 5  # a dateline stands on one of the first few lines ...
CHARS = 500  # ... and within the first few hundred characters

# Before the date in a dateline: nothing, or a place in capitals ("GENEVA,",
# "SAN JOSE, Calif.,", "PORTO VELHO,") and perhaps a weekday, or a label ("Published:").
_PLACE = r"[A-Z][A-Z.'’\-]*(?:\s+[A-Z][A-Z.'’\-]*)*(?:,\s*[A-Z][A-Za-z.]*)?"
_LABEL = r"(?:Published|Updated|Posted|Date|Dated|Filed)\s*(?:on\s*)?:?"
_BEFORE = re.compile(rf"\s*(?:{_PLACE}\s*,|{_LABEL})?\s*(?:\(\w[^()\n]{{0,40}}\)\s*)?\Z")
# After it: perhaps a time, an agency in brackets, then a dash or the end of the line.
_TIME = r"(?:\d{1,2}[:.]\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{2,4})?[ \t,]*)?"
_AFTER = re.compile(
    rf"[ \t,]*{_TIME}(?:(?:\([^()\n]{{1,40}}\)|/[^/\n]{{1,40}}/)[ \t]*)?(?:--|[—–\-:|]|$)",
    re.MULTILINE,
)


@attrs.frozen
class Dateline:
    """The reference date read from a document, and where: ``text[start:end]`` are its words.

    ``how`` is ``dateline`` when the date stands where a dateline does, else
    ``first lines``.
    """

    day: Day
    start: int
    end: int
    words: str
    how: str

    def describe(self) -> str:
        """One line for the terminal: the date, and the words it was read from."""
        words = " ".join(self.words.split())
        return f"reference {self.day.isoformat()}, from the {self.how} {words!r}"


def find_reference(text: str) -> Dateline | None:
    """The date of the document: a dateline's, or the first full date on its first lines.

    A full date names its day (``June 6, 2024``, ``6 June 2024``, ``2024-06-06``);
    ``June 6`` or ``Thursday`` alone need a reference themselves and do not count.
    """
    head = _head(text)
    first: Dateline | None = None
    for found in find(head):
        day = _full_day(head, found.expression)
        if day is None:
            continue
        line_start = head.rfind("\n", 0, found.start) + 1
        line_end = head.find("\n", found.end)
        line_end = len(head) if line_end < 0 else line_end
        after = _AFTER.match(head, found.end, line_end)
        if _BEFORE.match(head[line_start : found.start]) and after is not None:
            return Dateline(
                day, line_start, after.end(), head[line_start : after.end()], "dateline"
            )
        if first is None:
            first = Dateline(
                day, found.start, found.end, head[found.start : found.end], "first lines"
            )
    return first


class NoReferenceError(ChronoError):
    """``--reference auto`` on a document with no dateline and no full date near the top."""


def reference_of(text: str) -> Dateline:
    """:func:`find_reference`, or an error that asks for the date."""
    found = find_reference(text)
    if found is None:
        raise NoReferenceError(
            f"--reference auto: no dateline and no full date (such as June 6, 2024) on the"
            f" first {LINES} lines; give the document's date with --reference YYYY-MM-DD"
        )
    return found


def _head(text: str) -> str:
    """The first LINES lines, at most CHARS characters, blank lines skipped in the count."""
    limit = min(len(text), CHARS)
    if limit < len(text) and not text[limit].isspace():
        limit = max(0, max(text.rfind(" ", 0, limit), text.rfind("\n", 0, limit)))  # whole words
    seen, i = 0, 0
    while i < limit:
        j = text.find("\n", i, limit)
        if j < 0:
            return text[:limit]
        if text[i:j].strip():
            seen += 1
            if seen == LINES:
                return text[:j]
        i = j + 1
    return text[:limit]


def _full_day(head: str, expression: Expression) -> Day | None:
    """The day a self-contained date names (no reference needed), else None."""
    if expression.form != "single":
        return None
    try:
        interval = resolve(expression, None, head)
    except (ParseError, ValueError):
        return None
    if interval.is_span or interval.earliest is None or interval.earliest != interval.latest:
        return None
    return interval.earliest
