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
from chrono.errors import ChronoError, DayError
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
    # a ChronoError for chrono's callers, a ValueError for everyone else
    with pytest.raises(DayError, match="day 29 is not in 2023-02"):
        Day.from_ymd(2023, 2, 29)
    with pytest.raises(ValueError, match="month 13"):
        Day.from_ymd(2024, 13, 1)
    assert issubclass(DayError, ChronoError)


def test_repr_and_str_are_iso() -> None:
    day = Day.from_ymd(2022, 5, 12)
    assert repr(day) == "Day('2022-05-12')"
    assert str(day) == "2022-05-12"
    assert repr(Day.from_ymd(-499, 1, 1)) == "Day('-0499-01-01')"  # 500 BC, signed (dates.md)
    assert str(Day.from_ymd(12000, 1, 1)) == "+12000-01-01"
    assert repr([day]) == "[Day('2022-05-12')]"


@given(days(st.integers(min_value=-20000, max_value=20000)))
def test_repr_evaluates_back_to_the_day(day: Day) -> None:
    assert eval(repr(day), {"Day": Day}) == day
    assert Day(str(day)) == day


def test_iso_text_that_is_no_day_is_refused() -> None:
    for text in ("2022-02-30", "2022-5-12", "12 May 2022", "12000-01-01x"):
        with pytest.raises(DayError):
            Day(text)


@given(st.dates())
def test_date_round_trip(date: dt.date) -> None:
    assert Day.from_date(date).to_date() == date


def test_to_date_and_from_date() -> None:
    assert Day.from_date(dt.date(2022, 5, 12)) == Day.from_ymd(2022, 5, 12)
    assert Day.from_date(dt.datetime(2022, 5, 12, 23, 59)) == Day.from_ymd(2022, 5, 12)
    assert Day.from_ymd(1, 1, 1).to_date() == dt.date.min
    assert Day.from_ymd(9999, 12, 31).to_date() == dt.date.max


@pytest.mark.parametrize("year", [0, -499, 10000])
def test_to_date_outside_1_to_9999_is_a_clear_error(year: int) -> None:
    with pytest.raises(DayError, match="outside the years 1-9999"):
        Day.from_ymd(year, 1, 1).to_date()


@given(days(), days())
def test_a_day_minus_a_day_is_the_days_between(a: Day, b: Day) -> None:
    assert a - b == a.ordinal - b.ordinal
    assert b.plus(a - b) == a


def test_month_arithmetic_carries_years() -> None:
    assert add_months(2004, 12, 1) == (2005, 1)
    assert add_months(2004, 1, -1) == (2003, 12)
    assert add_months(0, 1, -1) == (-1, 12)
