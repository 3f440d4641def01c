"""What a careful reader takes a refer-back phrase to mean in running text.

The grammar reads ``a year earlier`` or ``the quarter`` wherever it stands
(chrono.parsing.referback); here the prose around it decides two things the
grammar cannot: ``a year ago`` in a sentence about a quarter is that quarter a
year before, and a bare ``the quarter`` or ``the period`` is a date only in a
report about a period (one in focus, or financial news); and in a history of a
year long past, ``in January`` is a January of the year under discussion.
"""

from __future__ import annotations

import re

from chrono.days import Day, add_months
from chrono.errors import ParseError
from chrono.model import Interval, Window, lower, upper
from chrono.parsing.nodes import Expression, Unit
from chrono.parsing.referback import FOCUS_ITSELF, IN_FOCUS_QUARTER, KIND
from chrono.resolve import resolve

# A sentence about a period of accounts: "third-quarter profit rose from a year ago"
_ABOUT_A_PERIOD = re.compile(r"\b(?:quarters?|period|half|(?:three|six|nine)\s+months)\b", re.I)
# The words of financial news, where "the quarter" is the one just reported
_FINANCE = re.compile(
    r"\b(?:profits?|earnings|revenues?|sales|income|loss(?:es)?|shares?|dividends?|"
    r"quarterly|results|fiscal|operating|margins?|net|orders|output|growth|gdp)\b",
    re.I,
)


def refer_back(
    expression: Expression,
    focus: Interval | None,
    same_sentence: bool,
    sentence: str,
    text: str,
) -> Expression | None:
    """``expression`` as the prose means it, or None where it names no date at all.

    ``focus`` is the date mentioned last and ``same_sentence`` whether it stands in
    the mention's sentence.
    """
    first = expression.first
    comparing = expression.form == "single" or (
        expression.form == "since" and text[first.start - 5 : first.start].lower() == "from "
    )  # "profit rose 5% from a year ago": a comparison, not "since"
    if (
        comparing
        and first.kind == "ago"
        and focus is not None
        and focus.precision in ("quarter", "half")
        and (same_sentence or _ABOUT_A_PERIOD.search(sentence))
    ):
        # "third-quarter profit rose 5% from a year ago": that quarter, a year before
        moved = Unit(
            KIND, first.start, first.end, amount=-first.amount, unit=FOCUS_ITSELF, shift=first.unit
        )
        return Expression("single", moved)
    for unit in (first, expression.second):
        if unit is not None and _bare_period(unit, text) and not _period_meant(focus, sentence):
            return None
    return expression


def _bare_period(unit: Unit, text: str) -> bool:
    """``the quarter``, ``the period``: a noun that is a date only in a report of one."""
    return (
        unit.kind == KIND
        and unit.shift is None
        and unit.unit in (IN_FOCUS_QUARTER, "period")
        and text[unit.start : unit.end].lower().split() in (["the", "quarter"], ["the", "period"])
    )


def _period_meant(focus: Interval | None, sentence: str) -> bool:
    if focus is not None and focus.precision not in ("day", "week"):
        return True  # a period in focus: "In the third quarter ... during the period"
    return bool(_FINANCE.search(sentence))


def compares(expression: Expression, focus: Interval | None) -> bool:
    """``a year earlier`` beside a quarter: the same period a year before, a comparison.

    A report goes on about its own period (a quarter, a half, a year of accounts)
    after comparing it with another, so such a mention does not become the focus; a
    shift from a day or a month (``In March 2023 ... A year earlier``) moves the
    story, and does.
    """
    unit = expression.first
    if unit.kind != KIND or unit.shift is None:
        return False
    if unit.unit in (IN_FOCUS_QUARTER, "period"):
        return True  # the year-earlier quarter, the year-ago period
    return focus is not None and focus.precision in ("quarter", "half", "year")


class History:
    """Whether the text so far tells of years long past: most of its dates lie two
    calendar years or more before the reference's. News that mentions an old year in
    passing ("arrested since 1990 ... in December") stays news."""

    __slots__ = ("old", "recent", "year")

    def __init__(self, reference: Day | None) -> None:
        self.year = None if reference is None else reference.year
        self.old = 0
        self.recent = 0

    def count(self, interval: Interval | None) -> None:
        if self.year is None or interval is None or interval.latest is None:
            return
        if interval.latest.year < self.year - 1:
            self.old += 1
        else:
            self.recent += 1

    def telling(self) -> bool:
        return self.old > 2 * self.recent


# Dates that need a year and take the one the story is in (a history of 1887)
_YEARLESS = frozenset({"month", "season", "day"})
_FORWARD_FORMS = frozenset({"by", "before", "after"})  # until May: the May to come
_BACKWARD_FORMS = frozenset({"since", "from"})
_AT_MOST = 400  # days: a focus longer than about a year names no year to be in


def year_in_focus(
    expression: Expression,
    focus: Interval | None,
    reference: Day | None,
    direction: str | None,
    text: str,
) -> Expression:
    """``In January`` in a history of a winter long past: the January of that story.

    ``the twenties`` there is the one holding the focus or within ten years of it,
    ``the turn of the century`` the century boundary nearest it.

    A month, a month and day or a season without a year, in a statement that does
    not look forward, takes its year from the focus when the focus lies wholly in a
    year before the reference's (a story of another year, not the news of this
    one): the occurrence nearest the focus, or for ``until May`` / ``by May`` the
    first not over by its start, for ``since May`` the latest begun by its end. A
    past statement still never lands after the reference. Elsewhere the reference
    rules hold, and ``expression`` comes back as it was.
    """
    unit = expression.first
    if reference is None or focus is None or direction == "future" or expression.second:
        return expression
    a, b = focus.earliest, focus.latest
    if a is None or b is None or b.year >= reference.year - 1:
        return expression
    if unit.kind == "decade" and unit.two_digit and unit.year is not None:
        # "the twenties" in a story of 1924: the one holding the focus or within ten
        # years of it; a decade further off ("the '70s" after 1958) keeps the reference's
        century = b.year // 100 * 100
        for decade in (century + unit.year, century - 100 + unit.year):
            if a.year - 10 <= decade + 9 and decade <= b.year + 10:
                return expression._replace(first=unit._replace(year=decade, two_digit=False))
        return expression
    if unit.kind == "turn" and unit.year is None:
        # "by the turn of the century" in a story of 1888: the boundary nearest it
        middle = (a.year + b.year) // 2
        return expression._replace(first=unit._replace(year=(middle + 50) // 100 * 100))
    if (
        unit.kind not in _YEARLESS
        or unit.year is not None
        or unit.shift is not None
        or unit.parts
        or b.ordinal - a.ordinal > _AT_MOST
    ):
        return expression
    single = Expression("single", unit)
    try:
        ahead = resolve(single, a, text, "future")  # the first not over by the focus's start
        back = resolve(single, b, text, "past")  # the latest begun by its end
    except (ParseError, ValueError):
        return expression
    if expression.form in _FORWARD_FORMS:
        chosen = ahead
    elif expression.form in _BACKWARD_FORMS:
        chosen = back
    else:
        chosen = min((back, ahead), key=lambda i: _gap(i, a, b))  # ties to the past
    first = chosen.earliest
    if first is None or (direction == "past" and first > reference):
        return expression
    return expression._replace(first=unit._replace(year=first.year))


def _gap(interval: Interval, a: Day, b: Day) -> float:
    first, last = lower(interval.earliest), upper(interval.latest)
    return max(0, first - b.ordinal, a.ordinal - last)


# "the three months to Sept. 30", "the quarter ended June 30": a period that ends on the day
_PERIOD_TO = re.compile(
    r"\b(?:(three|six|nine|twelve|3|6|9|12)[\s-]+months?|(quarter|half|year))\s+"
    r"(?:to|ended|ending|through|until|till)\s+$",
    re.IGNORECASE,
)
_MONTH_WORDS = {"three": 3, "six": 6, "nine": 9, "twelve": 12, "quarter": 3, "half": 6, "year": 12}
_PERIOD_PRECISION = {3: "quarter", 6: "half", 12: "year"}


def period_ending(text: str, start: int, day: Interval) -> Interval:
    """The focus a day leaves: the period it ends where the text says so, else the day.

    ``Net income in the three months to Sept. 30 ... a year earlier`` compares the
    quarter, not the day: the months that end with the day (whole months when the
    day ends one) become the focus.
    """
    end = day.latest
    if end is None or day.earliest != end:
        return day
    match = _PERIOD_TO.search(text, max(0, start - 40), start)
    if match is None:
        return day
    words = (match.group(1) or match.group(2)).lower()
    months = _MONTH_WORDS.get(words) or int(words)
    y, m, _ = end.ymd
    first_year, first_month = add_months(y, m, 1 - months)
    if end.plus(1).day != 1:
        return day  # "the three months to Sept. 29": no whole months to name
    first = Day.from_ymd(first_year, first_month, 1)
    precision = _PERIOD_PRECISION.get(months, "month")
    return Interval.within(Window(first, end), precision, rule=f"the {months} months to {end}")
