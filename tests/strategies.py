"""Hypothesis strategies for chrono's values and texts, shared by the property tests."""

from __future__ import annotations

from hypothesis import strategies as st

from chrono.days import Day, days_from_civil, month_length
from chrono.parsing.vocabulary import MONTH_NAMES

# Deep time both ways: the day type has no 1-9999 limit.
years = st.integers(min_value=-20000, max_value=20000)
modern_years = st.integers(min_value=1000, max_value=2999)
months = st.integers(min_value=1, max_value=12)


@st.composite
def days(draw: st.DrawFn, year_strategy: st.SearchStrategy[int] = years) -> Day:
    year = draw(year_strategy)
    month = draw(months)
    day = draw(st.integers(min_value=1, max_value=month_length(year, month)))
    return Day(days_from_civil(year, month, day))


references = days(st.integers(min_value=1800, max_value=2200))

_PARTS = ["", "early ", "mid-", "late ", "the end of ", "the first half of ", "the middle of "]
_QUALIFIERS = ["", "circa ", "c. ", "about ", "around "]
_OPEN = ["", "before ", "after ", "by ", "since ", "until ", "no later than "]
_UNITS = [
    "{y}",
    "{M} {y}",
    "{d} {M} {y}",
    "{M} {d}, {y}",
    "spring {y}",
    "winter {y}",
    "Q{q} {y}",
    "H{h} {y}",
    "the {dec}0s",
    "{y}-{m:02d}",
    "{y}-{m:02d}-{d:02d}",
    "{M}",
    "{M} {d}",
    "the third quarter",
    "last year",
    "two years ago",
    "Friday",
    "the weekend",
    "yesterday",
    "{y}~",
    "{y}-{m:02d}?",
    "{y}-{m:02d}-{d:02d}%",
    "the {c}th century",
    "{y} BC",
]


@st.composite
def expressions(draw: st.DrawFn) -> str:
    """A varied, mostly valid English or EDTF expression."""
    year = draw(st.integers(min_value=1000, max_value=2999))
    month = draw(months)
    values = {
        "y": year,
        "m": month,
        "M": MONTH_NAMES[month],
        "d": draw(st.integers(1, 28)),
        "q": draw(st.integers(1, 4)),
        "h": draw(st.integers(1, 2)),
        "dec": draw(st.integers(100, 299)),
        "c": draw(st.integers(4, 20)),
    }
    unit = draw(st.sampled_from(_UNITS)).format(**values)
    if draw(st.booleans()):
        other = draw(st.sampled_from(_UNITS)).format(**values)
        return draw(st.sampled_from(["from {} to {}", "between {} and {}", "{} - {}"])).format(
            unit, other
        )
    return (
        draw(st.sampled_from(_OPEN))
        + draw(st.sampled_from(_QUALIFIERS))
        + draw(st.sampled_from(_PARTS))
        + unit
    )


# English month and weekday names, written here rather than taken from the parser's
# tables, so that a test built on them checks those tables too.
MONTH_WORDS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
WEEKDAY_WORDS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
