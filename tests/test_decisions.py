"""Readings where dates.md is silent, as docs/dates.md records them."""

from __future__ import annotations

import pytest

import chrono
from chrono.serialize import interval_dict

REF = "2025-05-14"  # a Wednesday


def j(text: str, reference: str | None = REF) -> dict[str, object]:
    return interval_dict(chrono.parse(text, reference))


def test_recently_is_the_quarter_year_before_the_reference() -> None:
    out = j("recently", "2025-07-15")
    assert (out["earliest"], out["latest"], out["precision"]) == (
        "2025-04-15",
        "2025-07-15",
        "recent",
    )


def test_from_without_an_end_is_since() -> None:
    assert j("from August 2020") == j("since August 2020")


def test_no_earlier_than() -> None:
    out = j("no earlier than 2021")
    assert out["start"] == out["end"] == {"earliest": "2021-01-01", "latest": None}
    assert j("not before 2021")["start"] == out["start"]


def test_before_and_after_an_approximate_date_widen_outwards() -> None:
    before = j("before circa 1990")
    assert before["latest"] == "1990-12-31"
    assert before["core"] == {"earliest": None, "latest": "1989-12-31"}
    after = j("after circa 1990")
    assert after["earliest"] == "1990-01-01"
    assert after["core"] == {"earliest": "1991-01-01", "latest": None}


def test_circa_widens_the_date_it_stands_before() -> None:
    out = j("c. 1450 - 1500")
    assert out["start"] == {"earliest": "1449-01-01", "latest": "1451-12-31"}
    assert out["end"] == {"earliest": "1500-01-01", "latest": "1500-12-31"}


def test_a_part_of_a_month_widens_by_a_week() -> None:
    out = j("circa mid-May 2021")
    assert (out["earliest"], out["latest"]) == ("2021-05-04", "2021-05-27")


@pytest.mark.parametrize(
    ("text", "precision"),
    [
        ("late 2022", "third"),
        ("mid-September 2024", "third"),
        ("the first half of May 2024", "half"),
        ("from 2021 to March 2021", "year"),
    ],
)
def test_precisions(text: str, precision: str) -> None:
    assert j(text)["precision"] == precision


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("1985-87", "1985-01-01", "1987-12-31"),
        ("1985 - 87", "1985-01-01", "1987-12-31"),
        ("1999-2001", "1999-01-01", "2001-12-31"),
        ("1998-02", "1998-02-01", "1998-02-28"),  # a month, not 1998 to 2002
    ],
)
def test_year_ranges(text: str, first: str, last: str) -> None:
    out = j(text)
    assert (out["earliest"], out["latest"]) == (first, last)


def test_an_impossible_month_is_not_a_year_range() -> None:
    with pytest.raises(chrono.ParseError):
        chrono.parse("2004-13")


@pytest.mark.parametrize("text", ["12", "5", "in 12"])
def test_a_bare_short_number_is_not_a_year(text: str) -> None:
    with pytest.raises(chrono.ParseError, match="three or four digits"):
        chrono.parse(text)


@pytest.mark.parametrize(
    ("text", "year"),
    [("622", "0622"), ("476 AD", "0476"), ("12000 BC", "-11999"), ("AD 12000", "+12000")],
)
def test_years_with_and_without_an_era(text: str, year: str) -> None:
    assert j(text)["earliest"] == f"{year}-01-01"


def test_expanded_iso_years_read_back() -> None:
    assert j("+12000-01-01")["earliest"] == "+12000-01-01"
    assert j("-20000-12-31")["latest"] == "-20000-12-31"


def test_decades_bc_count_down() -> None:
    out = j("the 490s BC")
    assert (out["earliest"], out["latest"]) == ("-0498-01-01", "-0489-12-31")


@pytest.mark.parametrize(
    ("text", "day"), [("this Friday", "2025-05-16"), ("this Monday", "2025-05-12")]
)
def test_this_weekday_is_in_the_reference_week(text: str, day: str) -> None:
    assert j(text)["earliest"] == day


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("last March", "2025-03-01"),
        ("next March", "2026-03-01"),
        ("this March", "2026-03-01"),
        ("this May", "2025-05-01"),
    ],
)
def test_named_months_with_last_this_next(text: str, first: str) -> None:
    assert j(text)["earliest"] == first


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("3 days ago", "2025-05-11", "2025-05-11"),
        ("two weeks ago", "2025-04-28", "2025-05-04"),
        ("six months ago", "2024-11-01", "2024-11-30"),
        ("a decade ago", "2010-01-01", "2019-12-31"),
        ("this century", "2000-01-01", "2099-12-31"),
        ("last century", "1900-01-01", "1999-12-31"),
        ("year-end 2024", "2024-12-31", "2024-12-31"),
        ("early Monday", "2025-05-12", "2025-05-12"),
        ("1950S2", "1900-01-01", "1999-12-31"),
        ("Y17E7", "+170000000-01-01", "+170000000-12-31"),
    ],
)
def test_relative_and_rare_forms(text: str, first: str, last: str) -> None:
    out = j(text)
    assert (out["earliest"], out["latest"]) == (first, last)


def test_numeric_dates_with_an_order() -> None:
    assert (
        chrono.parse("03/04/2021", dayfirst=True).earliest == chrono.parse("3 April 2021").earliest
    )
    assert (
        chrono.parse("03/04/2021", dayfirst=False).earliest
        == chrono.parse("March 4, 2021").earliest
    )
    assert chrono.parse("04/13/2021").earliest == chrono.parse("April 13, 2021").earliest


def test_overlong_text_is_refused() -> None:
    with pytest.raises(chrono.ParseError, match="at most 1000 characters"):
        chrono.parse("2022 " * 300)


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("the early 1990s", "early 1990s"),
        ("the mid-1990s", "mid-1990s"),
        ("the late 20th century", "late 20th century"),
    ],
)
def test_the_before_a_part(text: str, plain: str) -> None:
    assert j(text) == j(plain)


# More forms (docs/dates.md "Holidays, fiscal years and other everyday forms")


def test_this_past_spring_is_the_latest_that_has_ended() -> None:
    assert (j("this past spring")["earliest"], j("this past spring")["latest"]) == (
        "2024-03-01",
        "2024-05-31",
    )  # on 14 May 2025 the spring under way has not ended
    assert j("this past spring", "2025-06-01")["earliest"] == "2025-03-01"


def test_a_two_digit_fiscal_year_is_the_nearest() -> None:
    assert j("FY26")["latest"] == "2026-09-30"  # from May 2025, FY26 is next year's
    assert j("FY99")["latest"] == "1999-09-30"  # 26 years back, not 74 ahead
    assert j("FY75")["latest"] == "1975-09-30"  # 50 back or 50 ahead: the past, as for May 12


def test_easter_week_is_the_monday_to_easter_sunday() -> None:
    out = j("Easter week 2000")
    assert (out["earliest"], out["latest"], out["precision"]) == (
        "2000-04-17",
        "2000-04-23",
        "week",
    )


def test_the_fifth_week_of_a_month_is_an_error() -> None:
    with pytest.raises(chrono.ParseError):
        chrono.parse("the fifth week of May 2020")


def test_or_between_two_parts_is_one_occurrence() -> None:
    out = j("late 2019 or early 2020")
    assert out["start"] == out["end"] == {"earliest": "2019-09-01", "latest": "2020-04-30"}
