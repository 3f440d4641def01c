"""The one entry point for reading a date expression."""

from __future__ import annotations

import datetime as _dt
import functools
import re

from chrono.days import Day
from chrono.errors import ParseError
from chrono.model import Interval
from chrono.parsing.edtf import looks_like_edtf, parse_date, parse_edtf, plain_date
from chrono.parsing.natural import Parser
from chrono.parsing.shapes import read as read_shape
from chrono.resolve import (
    check_fiscal_start,
    resolve,
)

MAX_LENGTH = 1000  # longer text is no date expression; refusing it bounds the work
MAX_DAYS = 10**13 * 366  # the reach of the longest Y-year: charts and JSON stay finite
_NUMERIC_DATE = re.compile(r"[0-9]{1,2}/[0-9]{1,2}/[0-9]{2,4}")

Reference = Day | _dt.date | str | None


def to_day(reference: Reference) -> Day | None:
    """A reference date given as a Day, a ``datetime.date`` or ISO text."""
    if reference is None or isinstance(reference, Day):
        return reference
    if isinstance(reference, _dt.date):
        return Day.from_ymd(reference.year, reference.month, reference.day)
    return _reference_day(reference)


@functools.lru_cache(maxsize=64)
def _reference_day(reference: str) -> Day:
    """A reference given as text, read once: a notebook passes the same one to every parse."""
    text = reference.strip()
    expected = "a reference date as YYYY-MM-DD"
    try:
        interval = parse_date(text, 0, len(text)) if text else None
    except ParseError as err:
        raise ParseError(reference, err.position, expected) from None
    day = None if interval is None or interval.qualifiers else interval.earliest
    if day is None or interval is None or interval.precision != "day":
        raise ParseError(reference, 0, expected)
    return day


def parse(
    text: str,
    reference: Reference = None,
    *,
    dayfirst: bool | None = None,
    direction: str | None = None,
    fiscal_year_start: int | None = None,
    focus: Interval | None = None,
) -> Interval:
    """Read ``text`` into an :class:`Interval`, or raise :class:`ParseError`.

    ``reference`` is the document's date, for expressions such as ``May 12``;
    ``dayfirst`` settles numeric dates such as ``03/04/2021``; ``direction``
    (``past`` or ``future``) is the tense of the statement, for extraction;
    ``fiscal_year_start`` the month (1-12) a fiscal year starts in (October
    unless set here or by :func:`chrono.resolve.fiscal_year_starting`);
    ``focus`` is the date that ``a year earlier`` or ``that month`` points back
    at (the reference day when None).
    """
    if not isinstance(text, str):
        raise ParseError(repr(text), 0, "a date expression as text")
    if len(text) > MAX_LENGTH:
        raise ParseError(text, MAX_LENGTH, f"a date expression of at most {MAX_LENGTH} characters")
    ref = reference if reference is None or type(reference) is Day else to_day(reference)
    if fiscal_year_start is not None:
        try:
            check_fiscal_start(fiscal_year_start)
        except ValueError as err:
            raise ParseError(text, 0, str(err)) from None
    interval = plain_date(text, 0, len(text))  # the commonest date of all, in one match
    if interval is not None:
        return interval
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    try:
        # English in the common shapes, in one match (no such text is EDTF: the shapes all
        # have a letter or a space that EDTF has not); else EDTF where the text is EDTF's
        # alphabet; else English token by token
        expression = read_shape(text, start, end)
        if expression is not None:
            interval = resolve(expression, ref, text, direction, fiscal_year_start, focus)
        else:
            body = text[start:end]
            if looks_like_edtf(body) and ("/" not in body or not _NUMERIC_DATE.fullmatch(body)):
                try:
                    interval = parse_edtf(text, start, end)
                except ParseError as edtf_error:
                    # 1985-87 and 1999-2001 are news-style year ranges, not broken EDTF
                    try:
                        interval = _natural(
                            text, ref, dayfirst, direction, fiscal_year_start, focus
                        )
                    except ParseError:
                        raise edtf_error from None
            else:
                interval = _natural(text, ref, dayfirst, direction, fiscal_year_start, focus)
    except ValueError as err:
        if isinstance(err, ParseError):
            raise
        raise ParseError(text, start, f"a consistent date ({err})") from err
    except OverflowError as err:
        raise ParseError(text, start, "a year the calendar can hold") from err
    first, last = interval.start.earliest, interval.end.latest
    if (first is not None and not -MAX_DAYS <= first.ordinal <= MAX_DAYS) or (
        last is not None and not -MAX_DAYS <= last.ordinal <= MAX_DAYS
    ):
        raise ParseError(text, start, "a year within 10^13 years of ours (Y-years reach 13 digits)")
    return interval


def _natural(
    text: str,
    reference: Day | None,
    dayfirst: bool | None,
    direction: str | None,
    fiscal_year_start: int | None = None,
    focus: Interval | None = None,
) -> Interval:
    expression = Parser(text, dayfirst=dayfirst).expression()
    return resolve(expression, reference, text, direction, fiscal_year_start, focus)
