"""What a careful reader takes a refer-back phrase to mean in running text.

The grammar reads ``a year earlier`` or ``the quarter`` wherever it stands
(chrono.parsing.referback); here the prose around it decides two things the
grammar cannot: ``a year ago`` in a sentence about a quarter is that quarter a
year before, and a bare ``the quarter`` or ``the period`` is a date only in a
report about a period (one in focus, or financial news).
"""

from __future__ import annotations

import re

from chrono.model import Interval
from chrono.parsing.nodes import Expression, Unit
from chrono.parsing.referback import FOCUS_ITSELF, IN_FOCUS_QUARTER, KIND

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
