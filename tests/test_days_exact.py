"""chrono.days at its edges, checked against the standard library's calendar.

The property tests in test_days.py sample the calendar; these pin every boundary
a one-character change could move (a ``<`` for a ``<=``, a month off by one), and
so kill the mutants mutmut left alive in chrono/days.py (docs/development.md).
"""

from __future__ import annotations

import calendar
import datetime as dt

import pytest

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
    month_length,
)

EPOCH = dt.date(1970, 1, 1)
YEARS = (1, 4, 100, 1582, 1600, 1700, 1900, 1970, 1999, 2000, 2023, 2024, 2100, 2400, 9999)


def ordinal(date: dt.date) -> int:
    return (date - EPOCH).days


def test_leap_years_as_the_gregorian_calendar_counts_them() -> None:
    wrong = [y for y in range(-404, 2405) if is_leap(y) != calendar.isleap(y)]
    assert wrong == []


def test_month_lengths() -> None:
    for year in YEARS:
        lengths = [month_length(year, m) for m in range(1, 13)]
        assert lengths == [calendar.monthrange(year, m)[1] for m in range(1, 13)], year


@pytest.mark.parametrize("year", YEARS)
def test_every_first_and_last_day_of_a_month(year: int) -> None:
    for month in range(1, 13):
        first_and_last(year, month)


def first_and_last(year: int, month: int) -> None:
    last = calendar.monthrange(year, month)[1]
    first_day, last_day = dt.date(year, month, 1), dt.date(year, month, last)
    assert days_from_civil(year, month, 1) == ordinal(first_day)
    assert days_from_civil(year, month, last) == ordinal(last_day)
    assert Day.first_of_month(year, month).ordinal == ordinal(first_day)
    assert Day.last_of_month(year, month).ordinal == ordinal(last_day)
    assert civil_from_days(ordinal(first_day)) == (year, month, 1)
    assert civil_from_days(ordinal(last_day)) == (year, month, last)
    day = Day.from_ymd(year, month, last)
    assert (day.year, day.month, day.day) == (year, month, last)
    assert day.ymd == (year, month, last)
    assert day.isoweekday == last_day.isoweekday()


def test_the_epoch_and_its_neighbours() -> None:
    assert days_from_civil(1970, 1, 1) == 0
    assert civil_from_days(0) == (1970, 1, 1)
    assert civil_from_days(-1) == (1969, 12, 31)
    assert civil_from_days(59) == (1970, 3, 1)
    assert Day(0).isoweekday == 4  # a Thursday
    assert [Day(n).isoweekday for n in range(-3, 4)] == [1, 2, 3, 4, 5, 6, 7]


def test_years_before_one_follow_the_400_year_cycle() -> None:
    for year in (0, -1, -4, -100, -400, -401, -499, -2000):
        shifted = year + 2400  # the Gregorian calendar repeats every 400 years
        assert days_from_civil(year, 3, 1) == days_from_civil(shifted, 3, 1) - 876582
        assert days_from_civil(year, 2, 28) == days_from_civil(shifted, 2, 28) - 876582
        assert civil_from_days(days_from_civil(year, 12, 31)) == (year, 12, 31)
        assert civil_from_days(days_from_civil(year, 1, 1)) == (year, 1, 1)


@pytest.mark.parametrize(
    ("year", "text"),
    [
        (0, "0000"),
        (1, "0001"),
        (999, "0999"),
        (9999, "9999"),
        (10000, "+10000"),
        (-1, "-0001"),
        (-499, "-0499"),
        (-12345, "-12345"),
    ],
)
def test_years_are_written_with_four_digits_or_a_sign(year: int, text: str) -> None:
    assert format_year(year) == text


def test_days_are_written_in_iso_form() -> None:
    day = Day.from_ymd(2025, 5, 12)
    assert day.isoformat() == str(day) == "2025-05-12"
    assert Day.from_ymd(-499, 1, 1).isoformat() == "-0499-01-01"
    assert Day.from_ymd(10000, 12, 31).isoformat() == "+10000-12-31"


@pytest.mark.parametrize(
    ("year", "month", "day", "message"),
    [
        (2024, 0, 1, "month 0 is not 1-12"),
        (2024, 13, 1, "month 13 is not 1-12"),
        (2024, 1, 0, "day 0 is not in 2024-01"),
        (2024, 1, 32, "day 32 is not in 2024-01"),
        (2023, 2, 29, "day 29 is not in 2023-02"),
        (-499, 4, 31, "day 31 is not in -0499-04"),
    ],
)
def test_impossible_days_are_refused_saying_why(
    year: int, month: int, day: int, message: str
) -> None:
    with pytest.raises(ValueError) as error:
        Day.from_ymd(year, month, day)
    assert str(error.value) == message


@pytest.mark.parametrize(("month", "day"), [(1, 1), (1, 31), (2, 29), (12, 1), (12, 31)])
def test_the_edges_of_the_ranges_are_accepted(month: int, day: int) -> None:
    assert Day.from_ymd(2024, month, day).ymd == (2024, month, day)


def test_comparisons_at_equality_and_either_side() -> None:
    a, same, b = Day(5), Day(5), Day(6)
    assert a < b and not b < a and not a < same
    assert a <= b and a <= same and not b <= a
    assert b > a and not a > b and not a > same
    assert b >= a and a >= same and not a >= b
    assert a == same and a != b


def test_plus_moves_by_days_either_way() -> None:
    day = Day.from_ymd(2024, 2, 28)
    assert day.plus(1).ymd == (2024, 2, 29)
    assert day.plus(2).ymd == (2024, 3, 1)
    assert day.plus(-59).ymd == (2023, 12, 31)
    assert day.plus(0) == day


@pytest.mark.parametrize(
    ("year", "month", "months", "expected"),
    [
        (2004, 6, 0, (2004, 6)),
        (2004, 12, 1, (2005, 1)),
        (2004, 1, 11, (2004, 12)),
        (2004, 1, 12, (2005, 1)),
        (2004, 1, -1, (2003, 12)),
        (2004, 3, -14, (2003, 1)),
        (0, 1, -1, (-1, 12)),
        (-1, 12, 1, (0, 1)),
    ],
)
def test_adding_months(year: int, month: int, months: int, expected: tuple[int, int]) -> None:
    assert add_months(year, month, months) == expected


@pytest.mark.parametrize("year", (1998, 2004, 2009, 2015, 2020, 2021, 2024, 2026))
def test_iso_weeks_as_the_standard_library_counts_them(year: int) -> None:
    weeks = dt.date(year, 12, 28).isocalendar()[1]
    assert iso_weeks_in_year(year) == weeks
    for week in (1, 2, weeks):
        monday = dt.date.fromisocalendar(year, week, 1)
        assert iso_week_monday(year, week).ordinal == ordinal(monday)
    for date in (dt.date(year, 1, 1), dt.date(year, 1, 4), dt.date(year, 12, 31)):
        iso = date.isocalendar()
        assert iso_week_of(Day(ordinal(date))) == (iso[0], iso[1])
