"""The one entry point for reading a date expression."""

from __future__ import annotations

import datetime as _dt
import re

from chrono.days import Day
from chrono.errors import ParseError
from chrono.model import Interval
from chrono.parsing.edtf import looks_like_edtf, parse_date, parse_edtf
from chrono.parsing.natural import Parser
from chrono.resolve import resolve

MAX_LENGTH = 1000  # longer text is no date expression; refusing it bounds the work
_NUMERIC_DATE = re.compile(r"[0-9]{1,2}/[0-9]{1,2}/[0-9]{2,4}")

Reference = Day | _dt.date | str | None


def to_day(reference: Reference) -> Day | None:
    """A reference date given as a Day, a ``datetime.date`` or ISO text."""
    if reference is None or isinstance(reference, Day):
        return reference
    if isinstance(reference, _dt.date):
        return Day.from_ymd(reference.year, reference.month, reference.day)
    text = reference.strip()
    expected = "a reference date as YYYY-MM-DD"
    try:
        interval = parse_date(text, 0, len(text)) if text else None
    except ParseError as err:
        raise ParseError(reference, err.position, expected) from None
    if interval is None or interval.precision != "day" or interval.qualifiers:
        raise ParseError(reference, 0, expected)
    return interval.earliest


def parse(
    text: str,
    reference: Reference = None,
    *,
    dayfirst: bool | None = None,
    direction: str | None = None,
) -> Interval:
    """Read ``text`` into an :class:`Interval`, or raise :class:`ParseError`.

    ``reference`` is the document's date, for expressions such as ``May 12``;
    ``dayfirst`` settles numeric dates such as ``03/04/2021``; ``direction``
    (``past`` or ``future``) is the tense of the statement, for extraction.
    """
    if not isinstance(text, str):
        raise ParseError(repr(text), 0, "a date expression as text")
    if len(text) > MAX_LENGTH:
        raise ParseError(text, MAX_LENGTH, f"a date expression of at most {MAX_LENGTH} characters")
    ref = to_day(reference)
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    body = text[start:end]
    try:
        if looks_like_edtf(body) and not _NUMERIC_DATE.fullmatch(body):
            try:
                return parse_edtf(text, start, end)
            except ParseError as edtf_error:
                # 1985-87 and 1999-2001 are news-style year ranges, not broken EDTF
                try:
                    return _natural(text, ref, dayfirst, direction)
                except ParseError:
                    raise edtf_error from None
        return _natural(text, ref, dayfirst, direction)
    except ValueError as err:
        if isinstance(err, ParseError):
            raise
        raise ParseError(text, start, f"a consistent date ({err})") from err
    except OverflowError as err:
        raise ParseError(text, start, "a year the calendar can hold") from err


def _natural(
    text: str, reference: Day | None, dayfirst: bool | None, direction: str | None
) -> Interval:
    return resolve(Parser(text, dayfirst=dayfirst).expression(), reference, text, direction)
