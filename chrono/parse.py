"""The one entry point for reading a date expression."""

from __future__ import annotations

import datetime as _dt
import functools
import re

from chrono.days import Day, days_from_civil, month_length
from chrono.errors import ParseError
from chrono.model import Interval, Window
from chrono.parsing.edtf import looks_like_edtf, parse_date, parse_edtf
from chrono.parsing.natural import Parser
from chrono.parsing.vocabulary import MONTH_NAMES, MONTHS
from chrono.resolve import (
    check_fiscal_start,
    has_month_day,
    month_day_nearest,
    month_day_rule,
    resolve,
)
from chrono.units import month_window, year_window

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
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    body = text[start:end]
    quick = _fast(body, ref, direction)
    if quick is not None:
        return quick
    interval = _parse(text, start, end, ref, dayfirst, direction, fiscal_year_start, focus)
    for day in (interval.start.earliest, interval.end.latest):
        if day is not None and not -MAX_DAYS <= day.ordinal <= MAX_DAYS:
            raise ParseError(
                text, start, "a year within 10^13 years of ours (Y-years reach 13 digits)"
            )
    return interval


def _parse(
    text: str,
    start: int,
    end: int,
    ref: Day | None,
    dayfirst: bool | None,
    direction: str | None,
    fiscal_year_start: int | None = None,
    focus: Interval | None = None,
) -> Interval:
    """The full grammar: EDTF where the text is EDTF's alphabet, English elsewhere."""
    body = text[start:end]
    try:
        if looks_like_edtf(body) and not _NUMERIC_DATE.fullmatch(body):
            try:
                return parse_edtf(text, start, end)
            except ParseError as edtf_error:
                # 1985-87 and 1999-2001 are news-style year ranges, not broken EDTF
                try:
                    return _natural(text, ref, dayfirst, direction, fiscal_year_start, focus)
                except ParseError:
                    raise edtf_error from None
        return _natural(text, ref, dayfirst, direction, fiscal_year_start, focus)
    except ValueError as err:
        if isinstance(err, ParseError):
            raise
        raise ParseError(text, start, f"a consistent date ({err})") from err
    except OverflowError as err:
        raise ParseError(text, start, "a year the calendar can hold") from err


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


# The commonest forms in one compiled pattern, read without tokens or nodes. Whatever
# it cannot read exactly as the full grammar would (a dot, a bad day, an unknown word)
# goes to the full grammar, which also gives the errors.
_FAST = re.compile(
    r"(?P<y>[0-9]{4})(?:-(?P<m>[0-9]{2})(?:-(?P<d>[0-9]{2}))?)?"
    r"|(?P<my_m>[A-Za-z]{3,9})(?P<my_dot>\.)?\s+(?P<my_y>[0-9]{4})"
    r"|(?P<dmy_d>[0-9]{1,2})\s+(?P<dmy_m>[A-Za-z]{3,9})(?P<dmy_dot>\.)?\s+(?P<dmy_y>[0-9]{4})"
    r"|(?P<mdy_m>[A-Za-z]{3,9})(?P<mdy_dot>\.)?\s+(?P<mdy_d>[0-9]{1,2}),?\s+(?P<mdy_y>[0-9]{4})"
    r"|(?P<md_m>[A-Za-z]{3,9})(?P<md_dot>\.)?\s+(?P<md_d>[0-9]{1,2})"
)
_FULL_MONTHS = frozenset(name.lower() for name in MONTH_NAMES if name)


def _month(name: str, dot: str | None) -> int | None:
    """A month name as the grammar reads it: a full stop only after an abbreviation."""
    lowered = name.lower()
    if dot and lowered in _FULL_MONTHS:
        return None
    return MONTHS.get(lowered)


def _fast(body: str, reference: Day | None, direction: str | None) -> Interval | None:
    m = _FAST.fullmatch(body)
    if m is None:
        return None
    g = m.group
    if g("y") is not None:
        year = int(g("y"))
        if g("m") is None:
            return Interval.within(year_window(year), "year", rule="a year")
        month = int(g("m"))
        if not 1 <= month <= 12:
            return None
        if g("d") is None:
            return Interval.within(month_window(year, month), "month", rule="EDTF date")
        day, precision, rule = int(g("d")), "day", "ISO 8601 date"
    elif g("my_m") is not None:
        month_number = _month(g("my_m"), g("my_dot"))
        if month_number is None:
            return None
        window = month_window(int(g("my_y")), month_number)
        return Interval.within(window, "month", rule="a month and year")
    elif g("md_m") is not None:
        month_number = _month(g("md_m"), g("md_dot"))
        if month_number is None:
            return None
        return _month_day(month_number, int(g("md_d")), reference, direction)
    else:
        prefix = "dmy" if g("dmy_m") is not None else "mdy"
        month_number = _month(g(prefix + "_m"), g(prefix + "_dot"))
        if month_number is None:
            return None
        month = month_number
        year = int(g(prefix + "_y"))
        day, precision, rule = int(g(prefix + "_d")), "day", "a day, month and year"
    if not 1 <= day <= month_length(year, month):
        return None
    d = Day(days_from_civil(year, month, day))
    return Interval.within(Window(d, d), precision, rule=rule)


def _month_day(
    month: int, day: int, reference: Day | None, direction: str | None
) -> Interval | None:
    """``May 12`` by resolve.py's rule; no reference or a day no month has goes to the grammar."""
    if reference is None or not has_month_day(month, day):
        return None
    d = month_day_nearest(month, day, reference, direction)
    rule = month_day_rule(month, day, reference, direction)
    return Interval.within(Window(d, d), "day", rule=rule)
