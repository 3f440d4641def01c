import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chrono.days import (
    Day,
    add_months,
    civil_from_days,
    days_from_civil,
    format_year,
    is_leap,
    iso_week_monday,
    iso_week_of,
    iso_weeks_in_year,
)
from tests.strategies import days, years


@given(st.dates())
def test_agrees_with_the_standard_library_inside_1_to_9999(date: dt.date) -> None:
    day = Day.from_ymd(date.year, date.month, date.day)
    assert day.ordinal == (date - dt.date(1970, 1, 1)).days
    assert day.isoweekday == date.isoweekday()
    assert day.isoformat() == date.isoformat()
    assert iso_week_of(day) == date.isocalendar()[:2]


@given(st.integers(min_value=-(10**9), max_value=10**9))
def test_civil_round_trip_over_deep_time(n: int) -> None:
    assert days_from_civil(*civil_from_days(n)) == n


@given(days(), days())
def test_order_follows_the_calendar(a: Day, b: Day) -> None:
    assert (a < b) == (a.ymd < b.ymd)


@given(years)
def test_iso_weeks_cover_the_year(year: int) -> None:
    weeks = iso_weeks_in_year(year)
    assert weeks in (52, 53)
    assert iso_week_monday(year, 1).isoweekday == 1
    assert iso_week_monday(year + 1, 1).ordinal - iso_week_monday(year, 1).ordinal == 7 * weeks


def test_astronomical_years_and_signed_text() -> None:
    assert Day.from_ymd(0, 2, 29).isoformat() == "0000-02-29"  # 1 BC was a leap year
    assert Day.from_ymd(-499, 1, 1).isoformat() == "-0499-01-01"
    assert Day.from_ymd(12000, 1, 1).isoformat() == "+12000-01-01"
    assert format_year(-20000) == "-20000"
    assert is_leap(2000) and not is_leap(1900) and is_leap(-4)


def test_invalid_days_are_refused() -> None:
    with pytest.raises(ValueError):
        Day.from_ymd(2023, 2, 29)
    with pytest.raises(ValueError):
        Day.from_ymd(2024, 13, 1)


def test_month_arithmetic_carries_years() -> None:
    assert add_months(2004, 12, 1) == (2005, 1)
    assert add_months(2004, 1, -1) == (2003, 12)
    assert add_months(0, 1, -1) == (-1, 12)
