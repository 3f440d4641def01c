"""Rules of resolve.py the other tests leave loose, pinned by days worked out by hand.

Offsets follow docs/events.md ("2 weeks after", "within 3 days of": from that many days
before the start to that many after the end; a month or a year as long as the calendar
makes it); weekends, ISO weeks, year-end, today and its neighbours follow dates.md's
reference-date rules. Reference 2025-05-14 is a Wednesday.
"""

from __future__ import annotations

import pytest

import chrono

WEDNESDAY = "2025-05-14"


def _days(text: str, reference: str | None = None) -> tuple[str, str]:
    interval = chrono.parse(text, reference)
    return str(interval.earliest), str(interval.latest)


@pytest.mark.parametrize(
    ("text", "earliest", "latest"),
    [
        ("2 weeks after May 12 2020", "2020-05-26", "2020-05-26"),
        ("2 weeks before May 12 2020", "2020-04-28", "2020-04-28"),
        ("3 days after 2020-02-27", "2020-03-01", "2020-03-01"),  # 2020 is a leap year
        ("3 days before 2020-03-01", "2020-02-27", "2020-02-27"),
        ("within 3 days of 2020-03-01", "2020-02-27", "2020-03-04"),
        ("within 1 week of 2020-03-10", "2020-03-03", "2020-03-17"),
        ("1 month after 2020-03-15", "2020-04-15", "2020-04-15"),
        ("2 months before 2020-05-15", "2020-03-15", "2020-03-15"),
        ("a quarter after March 2020", "2020-06-01", "2020-06-30"),
        ("2 years after 2020", "2022-01-01", "2022-12-31"),
        ("1 decade after 1990", "2000-01-01", "2000-12-31"),
        ("1 century before 1900", "1800-01-01", "1800-12-31"),
    ],
)
def test_an_offset_moves_the_window_by_the_calendar(text: str, earliest: str, latest: str) -> None:
    assert _days(text) == (earliest, latest)


def test_an_offset_keeps_the_precision_of_what_it_moves() -> None:
    assert chrono.parse("2 years after 2020").precision == "year"
    assert chrono.parse("2 weeks after May 12 2020").precision == "day"
    assert chrono.parse("a quarter after March 2020").precision == "month"


def test_an_offset_names_its_amount_unit_and_direction_in_the_rule() -> None:
    assert "2 week" in chrono.parse("2 weeks after May 12 2020").rule
    assert "after" in chrono.parse("2 weeks after May 12 2020").rule
    assert "before" in chrono.parse("3 days before 2020-03-01").rule
    assert "within" in chrono.parse("within 3 days of 2020-03-01").rule


@pytest.mark.parametrize(
    ("text", "reference", "earliest", "latest"),
    [
        # the most recent Saturday and Sunday begun by the reference date
        ("the weekend", WEDNESDAY, "2025-05-10", "2025-05-11"),
        ("last weekend", WEDNESDAY, "2025-05-10", "2025-05-11"),
        ("the weekend", "2025-05-17", "2025-05-17", "2025-05-18"),  # a Saturday: begun
        ("the weekend", "2025-05-18", "2025-05-17", "2025-05-18"),  # a Sunday
        ("the weekend", "2025-05-12", "2025-05-10", "2025-05-11"),  # a Monday
        # the one of the reference's (ISO) week, and the one after
        ("this weekend", WEDNESDAY, "2025-05-17", "2025-05-18"),
        ("this weekend", "2025-05-18", "2025-05-17", "2025-05-18"),
        ("next weekend", WEDNESDAY, "2025-05-24", "2025-05-25"),
        ("next weekend", "2025-05-18", "2025-05-24", "2025-05-25"),
    ],
)
def test_weekends(text: str, reference: str, earliest: str, latest: str) -> None:
    assert _days(text, reference) == (earliest, latest)


@pytest.mark.parametrize(
    ("text", "reference", "earliest", "latest"),
    [
        ("last week", WEDNESDAY, "2025-05-05", "2025-05-11"),
        ("this week", WEDNESDAY, "2025-05-12", "2025-05-18"),
        ("next week", WEDNESDAY, "2025-05-19", "2025-05-25"),
        ("this week", "2025-05-18", "2025-05-12", "2025-05-18"),  # Sunday ends the ISO week
        ("last week", "2025-05-19", "2025-05-12", "2025-05-18"),  # Monday begins the next
        ("week 32 of 1998", None, "1998-08-03", "1998-08-09"),
        ("1998-W32", None, "1998-08-03", "1998-08-09"),
        ("week 1 of 2021", None, "2021-01-04", "2021-01-10"),  # Jan 1 2021 is a Friday
        ("week 53 of 2020", None, "2020-12-28", "2021-01-03"),  # 2020 has 53 ISO weeks
    ],
)
def test_iso_weeks(text: str, reference: str | None, earliest: str, latest: str) -> None:
    assert _days(text, reference) == (earliest, latest)
    assert chrono.parse(text, reference).precision == "week"


@pytest.mark.parametrize("text", ["week 53 of 2021", "week 0 of 2021", "2021-W53"])
def test_a_week_the_year_does_not_have_is_an_error(text: str) -> None:
    with pytest.raises(chrono.ParseError, match="week"):
        chrono.parse(text)


def test_year_end_is_december_31() -> None:
    assert _days("year-end 2020") == ("2020-12-31", "2020-12-31")
    assert _days("year-end", WEDNESDAY) == ("2025-12-31", "2025-12-31")
    interval = chrono.parse("by year-end", WEDNESDAY)
    assert interval.earliest is None and str(interval.latest) == "2025-12-31"
    assert chrono.parse("year-end 2020").precision == "day"


def test_year_end_without_a_year_needs_the_reference_date() -> None:
    with pytest.raises(chrono.ParseError, match="year-end"):
        chrono.parse("year-end")


@pytest.mark.parametrize(
    ("text", "day"),
    [("today", "2025-05-14"), ("yesterday", "2025-05-13"), ("tomorrow", "2025-05-15")],
)
def test_today_and_its_neighbours(text: str, day: str) -> None:
    assert _days(text, WEDNESDAY) == (day, day)
    interval = chrono.parse(text, WEDNESDAY)
    assert interval.precision == "day" and text in interval.rule


def test_today_crosses_month_and_year_ends() -> None:
    assert _days("tomorrow", "2024-12-31") == ("2025-01-01", "2025-01-01")
    assert _days("yesterday", "2024-03-01") == ("2024-02-29", "2024-02-29")


def test_recently_is_the_91_days_up_to_the_reference_date() -> None:
    # docs/dates.md: reference 14 May 2025 -> 12 February - 14 May 2025
    assert _days("recently", WEDNESDAY) == ("2025-02-12", WEDNESDAY)
    assert chrono.parse("recently", WEDNESDAY).precision == "recent"
    with pytest.raises(chrono.ParseError, match="recently"):
        chrono.parse("recently")


@pytest.mark.parametrize(
    ("text", "earliest", "latest"),
    [
        # the first date takes the second's year; the year before when its month is later
        ("between March and 2023-05-12", "2023-03-01", "2023-05-12"),
        ("between December and 2023-03-12", "2022-12-01", "2023-03-12"),
        ("from March 12 to 2023-05", "2023-03-12", "2023-05-31"),
        ("between May 12 and May 20 2023", "2023-05-12", "2023-05-20"),  # same month
        ("between Dec 20 and Jan 5 2023", "2022-12-20", "2023-01-05"),
        ("from March to summer 2023", "2023-03-01", "2023-08-31"),
        ("between March and Q2 2023", "2023-03-01", "2023-06-30"),
        ("from January to the first half of 2023", "2023-01-01", "2023-06-30"),
    ],
)
def test_the_first_date_borrows_the_second_dates_year(
    text: str, earliest: str, latest: str
) -> None:
    # the reference date is years later: without the borrowed year, March would be 2025
    assert _days(text, WEDNESDAY) == (earliest, latest)


@pytest.mark.parametrize(("text", "at"), [("before @x", 7), ("from 2020 to @x", 13)])
def test_an_event_reference_outside_an_event_points_at_the_at_sign(text: str, at: int) -> None:
    with pytest.raises(chrono.ParseError) as caught:
        chrono.parse(text)
    assert caught.value.text == text
    assert caught.value.position == at == text.index("@")
    assert "event reference" in caught.value.expected


def test_between_runs_to_the_later_end_when_the_second_lies_inside_the_first() -> None:
    assert _days("between 2023 and March 2023") == ("2023-01-01", "2023-12-31")
    assert _days("between March 2023 and 2023") == ("2023-03-01", "2023-12-31")


def test_a_span_or_between_names_both_dates_in_its_rule() -> None:
    rule = chrono.parse("between March 2023 and 2024").rule
    assert "between" in rule and "a month and year" in rule and "a year" in rule
    rule = chrono.parse("from 2020 to May 2022").rule
    assert rule.index("a year") < rule.index("a month and year") and "span" in rule


def test_since_keeps_the_start_and_leaves_the_end_open() -> None:
    interval = chrono.parse("since 2020")
    assert (str(interval.start.earliest), str(interval.start.latest)) == (
        "2020-01-01",
        "2020-12-31",
    )
    assert str(interval.end.earliest) == "2020-01-01" and interval.end.latest is None
    assert "since" in interval.rule
    approximate = chrono.parse("since circa 2020")
    assert approximate.core is not None and str(approximate.core.earliest) == "2020-01-01"
    assert approximate.core.latest is None
