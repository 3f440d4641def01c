"""chrono.units window by window: every unit, part and step of docs/dates.md, to the day.

test_units.py checks properties (parts tile their unit, widening never narrows);
these pin the days themselves, so that an off-by-one in chrono/units.py fails a
test (they kill the mutants mutmut left alive there, docs/development.md).
"""

from __future__ import annotations

import pytest

from chrono import units
from chrono.days import Day
from chrono.model import Window
from chrono.units import (
    SEASON_MONTHS,
    STEPS,
    century_window,
    day_window,
    decade_window,
    half_window,
    month_window,
    months_window,
    offset_days,
    part_of,
    part_precision,
    quarter_window,
    season_precision,
    season_window,
    shift_months,
    week_window,
    widen,
    year_window,
    years_window,
)


def d(text: str) -> Day:
    sign = -1 if text.startswith("-") else 1
    y, m, dd = (int(p) for p in text.lstrip("-").split("-"))
    return Day.from_ymd(sign * y, m, dd)


def w(first: str | None, last: str | None) -> Window:
    return Window(None if first is None else d(first), None if last is None else d(last))


# --- units ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "first", "last", "precision"),
    [
        (21, "2001-03-01", "2001-05-31", "season"),
        (22, "2001-06-01", "2001-08-31", "season"),
        (23, "2001-09-01", "2001-11-30", "season"),
        (24, "2001-12-01", "2002-02-28", "season"),
        (25, "2001-03-01", "2001-05-31", "season"),
        (26, "2001-06-01", "2001-08-31", "season"),
        (27, "2001-09-01", "2001-11-30", "season"),
        (28, "2001-12-01", "2002-02-28", "season"),
        (29, "2001-09-01", "2001-11-30", "season"),  # southern spring
        (30, "2001-12-01", "2002-02-28", "season"),
        (31, "2001-03-01", "2001-05-31", "season"),
        (32, "2001-06-01", "2001-08-31", "season"),
        (33, "2001-01-01", "2001-03-31", "quarter"),
        (34, "2001-04-01", "2001-06-30", "quarter"),
        (35, "2001-07-01", "2001-09-30", "quarter"),
        (36, "2001-10-01", "2001-12-31", "quarter"),
        (37, "2001-01-01", "2001-04-30", "third"),
        (38, "2001-05-01", "2001-08-31", "third"),
        (39, "2001-09-01", "2001-12-31", "third"),
        (40, "2001-01-01", "2001-06-30", "half"),
        (41, "2001-07-01", "2001-12-31", "half"),
    ],
)
def test_every_edtf_season_code(code: int, first: str, last: str, precision: str) -> None:
    assert season_window(2001, code) == w(first, last)
    assert season_precision(code) == precision


def test_the_season_table_has_every_code_of_edtf() -> None:
    assert sorted(SEASON_MONTHS) == list(range(21, 42))


def test_winter_ends_in_a_leap_february() -> None:
    assert season_window(2003, 24) == w("2003-12-01", "2004-02-29")


@pytest.mark.parametrize(
    ("quarter", "first", "last"),
    [(1, "2023-01-01", "2023-03-31"), (2, "2023-04-01", "2023-06-30"),
     (3, "2023-07-01", "2023-09-30"), (4, "2023-10-01", "2023-12-31")],
)  # fmt: skip
def test_quarters(quarter: int, first: str, last: str) -> None:
    assert quarter_window(2023, quarter) == w(first, last)


def test_halves_years_months_and_days() -> None:
    assert half_window(2023, 1) == w("2023-01-01", "2023-06-30")
    assert half_window(2023, 2) == w("2023-07-01", "2023-12-31")
    assert year_window(2022) == w("2022-01-01", "2022-12-31")
    assert years_window(1985, 1987) == w("1985-01-01", "1987-12-31")
    assert month_window(2024, 2) == w("2024-02-01", "2024-02-29")
    assert months_window(2024, 11, 4) == w("2024-11-01", "2025-02-28")
    assert day_window(2025, 5, 12) == w("2025-05-12", "2025-05-12")
    with pytest.raises(ValueError):
        day_window(2025, 2, 29)


def test_weeks_decades_and_centuries() -> None:
    assert week_window(1998, 32) == w("1998-08-03", "1998-08-09")
    assert week_window(1998, 1) == w("1997-12-29", "1998-01-04")
    assert decade_window(1990) == w("1990-01-01", "1999-12-31")
    assert century_window(1900) == w("1900-01-01", "1999-12-31")
    assert century_window(1) == w("0001-01-01", "0099-12-31")
    assert century_window(-499) == w("-0499-01-01", "-0400-12-31")


# --- parts ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("part", "first", "last"),
    [
        ("early", "2022-01-01", "2022-04-30"),
        ("mid", "2022-05-01", "2022-08-31"),
        ("late", "2022-09-01", "2022-12-31"),
        ("half1", "2022-01-01", "2022-06-30"),
        ("half2", "2022-07-01", "2022-12-31"),
        ("quarter1", "2022-01-01", "2022-03-31"),
        ("quarter2", "2022-04-01", "2022-06-30"),
        ("quarter3", "2022-07-01", "2022-09-30"),
        ("quarter4", "2022-10-01", "2022-12-31"),
    ],
)
def test_parts_of_a_year(part: str, first: str, last: str) -> None:
    got = part_of(year_window(2022), "year", part)
    assert got == w(first, last)
    assert got.earliest is not None and got.latest is not None  # whole numbers of days:
    assert (got.earliest.isoformat(), got.latest.isoformat()) == (first, last)


@pytest.mark.parametrize(
    ("month", "part", "first", "last"),
    [
        (2, "early", "2024-02-01", "2024-02-10"),
        (2, "mid", "2024-02-11", "2024-02-20"),
        (2, "late", "2024-02-21", "2024-02-29"),
        (2, "half1", "2024-02-01", "2024-02-15"),
        (2, "half2", "2024-02-16", "2024-02-29"),
        (5, "late", "2024-05-21", "2024-05-31"),
        (5, "half2", "2024-05-16", "2024-05-31"),
        (4, "late", "2024-04-21", "2024-04-30"),
    ],
)
def test_parts_of_a_month(month: int, part: str, first: str, last: str) -> None:
    assert part_of(month_window(2024, month), "month", part) == w(first, last)


def test_parts_of_seasons_quarters_decades_and_centuries() -> None:
    assert part_of(season_window(2001, 24), "season", "late") == w("2002-02-01", "2002-02-28")
    assert part_of(quarter_window(2023, 3), "quarter", "early") == w("2023-07-01", "2023-07-31")
    assert part_of(quarter_window(2023, 3), "quarter", "mid") == w("2023-08-01", "2023-08-31")
    assert part_of(decade_window(1990), "decade", "early") == w("1990-01-01", "1993-12-31")
    assert part_of(decade_window(1990), "decade", "late") == w("1997-01-01", "1999-12-31")
    assert part_of(decade_window(1990), "decade", "half2") == w("1995-01-01", "1999-12-31")
    assert part_of(century_window(1900), "century", "early") == w("1900-01-01", "1933-12-31")
    assert part_of(century_window(1900), "century", "mid") == w("1934-01-01", "1966-12-31")


def test_parts_of_a_stretch_of_days() -> None:
    week = week_window(2025, 20)  # Monday 12 to Sunday 18 May 2025
    assert part_of(week, "week", "early") == w("2025-05-12", "2025-05-14")
    assert part_of(week, "week", "mid") == w("2025-05-15", "2025-05-16")
    assert part_of(week, "week", "late") == w("2025-05-17", "2025-05-18")
    assert part_of(week, "week", "half1") == w("2025-05-12", "2025-05-14")
    assert part_of(week, "week", "half2") == w("2025-05-15", "2025-05-18")
    nine = w("2022-01-01", "2022-01-09")
    assert part_of(nine, "day", "late") == w("2022-01-07", "2022-01-09")


@pytest.mark.parametrize(
    ("kind", "part", "precision"),
    [
        ("year", "half1", "half"),
        ("month", "half2", "half"),
        ("year", "quarter2", "quarter"),
        ("decade", "quarter1", "decade"),
        ("year", "early", "third"),
        ("month", "late", "third"),
    ],
)
def test_the_precision_of_a_part(kind: str, part: str, precision: str) -> None:
    assert part_precision(kind, part) == precision


# --- widening ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("step", "first", "last"),
    [
        ("day", "2004-06-10", "2004-06-21"),
        ("week", "2004-06-04", "2004-06-27"),
        ("month", "2004-05-11", "2004-07-20"),
        ("season", "2004-05-11", "2004-07-20"),
        ("quarter", "2004-05-11", "2004-07-20"),
        ("third", "2004-05-11", "2004-07-20"),
        ("half", "2004-05-11", "2004-07-20"),
        ("year", "2003-06-11", "2005-06-20"),
        ("decade", "2003-06-11", "2005-06-20"),
        ("century", "1994-06-11", "2014-06-20"),
        ("partial", "2004-06-10", "2004-06-21"),
        ("set", "2003-06-11", "2005-06-20"),
        ("recent", "2004-06-04", "2004-06-27"),
        ("month-part", "2004-06-04", "2004-06-27"),
    ],
)
def test_one_step_of_every_precision(step: str, first: str, last: str) -> None:
    assert widen(w("2004-06-11", "2004-06-20"), step, 1) == w(first, last)


def test_the_step_table_covers_every_precision() -> None:
    assert sorted(STEPS) == sorted(
        ["day", "week", "month", "season", "quarter", "third", "half", "year", "decade",
         "century", "partial", "set", "recent", "month-part"]
    )  # fmt: skip


def test_two_steps_and_open_ends() -> None:
    assert widen(w("2004-06-11", "2004-06-11"), "day", 2) == w("2004-06-09", "2004-06-13")
    assert widen(w(None, "2004-06-30"), "month", 1) == w(None, "2004-07-31")
    assert widen(w("2004-06-01", None), "month", 1) == w("2004-05-01", None)
    assert widen(w(None, "2004-06-11"), "day", 1) == w(None, "2004-06-12")
    assert widen(w("2004-06-11", None), "day", 1) == w("2004-06-10", None)
    assert widen(w("2004-06-01", "2004-06-30"), "month", 2) == w("2004-04-01", "2004-08-31")
    assert widen(w("2004-02-29", "2004-02-29"), "year", 1) == w("2003-02-28", "2005-02-28")


def test_a_start_on_a_month_end_moves_back_to_the_same_day() -> None:
    # Only the latest day keeps to a month's end: 30 April less a month is 30 March.
    assert widen(w("2004-04-30", "2004-05-10"), "month", 1) == w("2004-03-30", "2004-06-10")
    assert widen(w("2004-04-30", "2004-05-10"), "year", 1) == w("2003-04-30", "2005-05-10")


def test_whole_months_stay_whole() -> None:
    assert widen(month_window(2004, 6), "month", 1) == w("2004-05-01", "2004-07-31")
    assert widen(month_window(2004, 2), "month", 1) == w("2004-01-01", "2004-03-31")
    assert widen(month_window(2003, 1), "month", 1) == w("2002-12-01", "2003-02-28")


def test_shifting_by_months_clamps_to_the_month_reached() -> None:
    assert shift_months(d("2004-01-31"), 1, keep_month_end=False) == d("2004-02-29")
    assert shift_months(d("2004-03-31"), -1, keep_month_end=False) == d("2004-02-29")
    assert shift_months(d("2004-04-30"), 1, keep_month_end=False) == d("2004-05-30")
    assert shift_months(d("2004-04-30"), 1, keep_month_end=True) == d("2004-05-31")
    assert shift_months(d("2004-04-29"), 1, keep_month_end=True) == d("2004-05-29")
    assert shift_months(d("2004-12-15"), 2, keep_month_end=True) == d("2005-02-15")


@pytest.mark.parametrize(
    ("amount", "unit", "fewest", "most"),
    [
        (1, "day", 1, 1),
        (3, "day", 3, 3),
        (2, "week", 14, 14),
        (1, "month", 28, 31),
        (2, "month", 59, 62),
        (1, "quarter", 89, 92),
        (1, "year", 365, 366),
        (1, "decade", 3651, 3653),  # one leap day only across 2100
        (1, "century", 36524, 36525),
    ],
)
def test_how_long_an_offset_lasts(
    amount: int, unit: str, fewest: int, most: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(units, "_OFFSET_CACHE", {})  # computed here, not found in the cache
    assert offset_days(amount, unit) == (fewest, most)
    assert offset_days(amount, unit) == (fewest, most)  # the second time from the cache
