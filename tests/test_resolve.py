"""The reference-date rules of dates.md, pinned where a one-character change would flip them.

Expected days are worked out by hand from dates.md ("nearest the reference date, ties
to the past"), not taken from the code: each tie below is an exact tie in days.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import chrono
from chrono.days import Day
from chrono.extract import extract
from chrono.model import Window, lower, upper
from chrono.resolve import (
    month_day_nearest,
    month_nearest,
    pick,
    trusted_span,
    weekday_near,
    weekday_on_or_before,
)
from chrono.units import (
    PART_NAMES,
    century_window,
    decade_window,
    months_window,
    part_of,
    years_window,
)
from tests.strategies import expressions, references


def _days(text: str, reference: str | None = None) -> tuple[str, str]:
    interval = chrono.parse(text, reference)
    return str(interval.earliest), str(interval.latest)


def test_a_month_tied_between_two_years_goes_to_the_past() -> None:
    # 2025-12-15: June 2025 ended 168 days before, June 2026 begins 168 days after.
    assert _days("June", "2025-12-15") == ("2025-06-01", "2025-06-30")
    assert _days("in June", "2025-12-15") == ("2025-06-01", "2025-06-30")


def test_a_month_day_tied_between_two_years_goes_to_the_past() -> None:
    # 2023-03-02 to 2024-03-02 is 366 days (February 29, 2024 between): 2023-09-01 is
    # 183 days from each. Both the plain form and a widened one (another code path).
    assert _days("March 2", "2023-09-01") == ("2023-03-02", "2023-03-02")
    assert _days("2 March", "2023-09-01") == ("2023-03-02", "2023-03-02")
    assert _days("about March 2", "2023-09-01") == ("2023-03-01", "2023-03-03")


def test_one_day_off_the_tie_the_nearer_wins() -> None:
    assert _days("March 2", "2023-09-02") == ("2024-03-02", "2024-03-02")
    assert _days("June", "2025-12-16") == ("2026-06-01", "2026-06-30")


def test_dates_md_examples_of_the_nearest_occurrence() -> None:
    assert _days("May 12", "2025-05-20") == ("2025-05-12", "2025-05-12")
    assert _days("December 28", "2025-01-05") == ("2024-12-28", "2024-12-28")
    assert _days("in March", "2025-09-10") == ("2025-03-01", "2025-03-31")
    assert _days("February 29", "2025-01-05") == ("2024-02-29", "2024-02-29")


def test_pick_ties_to_the_past_and_follows_the_tense() -> None:
    ref = Day.from_ymd(2000, 1, 11)
    spans = [(ref.ordinal - 10, ref.ordinal - 5), (ref.ordinal + 5, ref.ordinal + 10)]
    assert pick(spans, ref) == 0
    assert pick(spans, ref, "future") == 1
    assert pick(spans, ref, "past") == 0


@given(
    st.lists(st.tuples(st.integers(-50, 50), st.integers(0, 20)), min_size=1, max_size=6),
    st.integers(-60, 60),
)
def test_pick_by_default_is_the_nearest_span_ties_to_the_past(
    starts: list[tuple[int, int]], r: int
) -> None:
    spans = sorted((first, first + length) for first, length in starts)

    def gap(i: int) -> int:
        first, last = spans[i]
        return first - r if r < first else max(0, r - last)

    chosen = pick(spans, Day(r))
    nearest = min(gap(i) for i in range(len(spans)))
    assert gap(chosen) == nearest
    # of the spans as near, a span begun by the reference first; else the earliest
    tied = [i for i in range(len(spans)) if gap(i) == nearest]
    begun = [i for i in tied if spans[i][0] <= r]
    assert chosen == (begun or tied)[0]


@given(st.integers(-200_000, 200_000), st.integers(1, 12), st.integers(1, 28))
def test_the_month_day_found_is_nearest(ordinal: int, month: int, dom: int) -> None:
    ref = Day(ordinal)
    found = month_day_nearest(month, dom, ref)
    assert found.ymd[1:] == (month, dom)
    for year in (found.year - 1, found.year + 1):
        other = Day.from_ymd(year, month, dom)
        gap, best = abs(other.ordinal - ref.ordinal), abs(found.ordinal - ref.ordinal)
        assert best < gap or (best == gap and found <= ref)


@given(st.integers(-200_000, 200_000), st.integers(1, 12))
def test_the_month_found_is_nearest(ordinal: int, month: int) -> None:
    ref = Day(ordinal)
    window = month_nearest(month, ref)
    assert window.earliest is not None and window.latest is not None

    def gap(first: int, last: int) -> int:
        return first - ordinal if ordinal < first else max(0, ordinal - last)

    best = gap(window.earliest.ordinal, window.latest.ordinal)
    for year in (window.earliest.year - 1, window.earliest.year + 1):
        other = chrono.parse(f"{year:04d}-{month:02d}") if 1 <= year <= 9999 else None
        if other is None or other.earliest is None or other.latest is None:
            continue
        g = gap(other.earliest.ordinal, other.latest.ordinal)
        assert best < g or (best == g and window.earliest.ordinal <= ordinal)


def test_between_borrows_the_year_of_the_second_and_steps_back_a_year() -> None:
    assert _days("between December and March 2023") == ("2022-12-01", "2023-03-31")
    assert _days("between March and May 2023") == ("2023-03-01", "2023-05-31")
    interval = chrono.parse("from December to March 2023")
    assert str(interval.start) == "2022-12-01 .. 2022-12-31"
    assert str(interval.end) == "2023-03-01 .. 2023-03-31"


@given(st.integers(-100_000, 100_000), st.integers(1, 7))
def test_a_weekday_is_the_latest_on_or_before_the_reference(ordinal: int, weekday: int) -> None:
    ref = Day(ordinal)
    day = weekday_on_or_before(weekday, ref)
    assert day.isoweekday == weekday and 0 <= ref.ordinal - day.ordinal < 7


@given(st.integers(-100_000, 100_000), st.integers(1, 7))
def test_a_weekday_in_context_is_within_three_days(ordinal: int, weekday: int) -> None:
    anchor = Day(ordinal)
    day = weekday_near(weekday, anchor)
    assert day.isoweekday == weekday and -3 <= day.ordinal - anchor.ordinal <= 3


_ANCHOR = "The talks opened on May 14, 2025. "  # a Wednesday; the reference is Tuesday May 20


@pytest.mark.parametrize(
    ("sentence", "monday"),
    [
        # a weekday near a day just mentioned is the one within three days of it
        ("Two men were held Monday.", "2025-05-12"),
        # but "said Monday" dates the report: the reference date decides (extract.md)
        ("Police said Monday that two men were held.", "2025-05-19"),
    ],
)
def test_said_monday_is_read_against_the_reference(sentence: str, monday: str) -> None:
    mentions = extract(_ANCHOR + sentence, "2025-05-20").mentions
    weekday = [m for m in mentions if m.text == "Monday"]
    assert len(weekday) == 1 and weekday[0].interval is not None
    assert str(weekday[0].interval.earliest) == monday


def _revalidated(interval: chrono.Interval) -> chrono.Interval:
    """The same fields through the validating constructors of Window and Interval."""

    def again(w: Window | None) -> Window | None:
        return None if w is None else Window(w.earliest, w.latest)

    start, end = again(interval.start), again(interval.end)
    assert start is not None and end is not None
    return chrono.Interval(
        start,
        end,
        interval.precision,
        core=again(interval.core),
        qualifiers=interval.qualifiers,
        warnings=interval.warnings,
        rule=interval.rule,
    )


_GOLDEN = json.loads((Path(__file__).parent / "data" / "dates_golden.json").read_text("utf-8"))


def test_intervals_built_without_validators_pass_them() -> None:
    checked = 0
    for row in _GOLDEN:
        try:
            interval = chrono.parse(row["text"], row["reference"])
        except chrono.ParseError:
            continue
        assert _revalidated(interval) == interval, row["text"]
        checked += 1
    assert checked > 100


_SEASON_PARTS = {p: p for p in ("early", "mid", "late", "half1", "half2")}


@given(
    st.integers(-5000, 5000),
    st.integers(1, 12),
    st.sampled_from([1, 3, 4, 6]),
    st.sampled_from(list(PART_NAMES)),
)
def test_unit_windows_pass_the_window_validator(
    year: int, month: int, count: int, part: str
) -> None:
    for window in (
        months_window(year, month, count),
        years_window(year, year),
        decade_window(year),
        century_window(year),
        part_of(decade_window(year), "decade", part),
        part_of(
            months_window(year, month, max(count, 3)), "season", _SEASON_PARTS.get(part, "mid")
        ),
        part_of(years_window(year, year), "year", part),
        part_of(months_window(year, month, 1), "month", part),
        part_of(months_window(year, month, count), "days", part),
        part_of(years_window(year, year + count), "decade", "mid-late"),
    ):
        assert window.earliest is not None and window.latest is not None
        assert Window(window.earliest, window.latest) == window
        assert window.earliest <= window.latest


_BOUNDS = st.one_of(st.none(), st.integers(-800_000, 800_000).map(Day))


@st.composite
def _windows(draw: st.DrawFn) -> Window:
    earliest, latest = draw(_BOUNDS), draw(_BOUNDS)
    if earliest is not None and latest is not None and latest < earliest:
        earliest, latest = latest, earliest
    return Window(earliest, latest)


@given(_windows(), _windows(), st.sampled_from(["day", "month", "year", "decade"]))
def test_spans_built_without_validators_equal_validated_ones(
    start: Window, end: Window, precision: str
) -> None:
    """resolve builds a span without a core by trusted_span: the same as Interval.span."""
    if upper(end.latest) < lower(start.earliest):
        return  # resolve refuses these before building a span
    rule = "a span"
    built = trusted_span(start, end, precision, ("approximate",), ("w",), rule)
    validated = chrono.Interval.span(
        start, end, precision, qualifiers=("approximate",), warnings=("w",), rule=rule
    )
    assert built == validated
    assert built.rule == validated.rule
    assert _revalidated(built) == built


@given(expressions(), references)
def test_what_the_grammar_builds_passes_the_validators(text: str, reference: Day) -> None:
    """Intervals, spans and unit windows built without validators are ones they accept."""
    try:
        interval = chrono.parse(text, reference)
    except chrono.ParseError:
        return
    rebuilt = _revalidated(interval)
    assert rebuilt == interval
    assert rebuilt.rule == interval.rule
