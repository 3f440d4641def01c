import pytest
from hypothesis import given

from chrono.days import Day
from chrono.errors import ChronoError, WindowError
from chrono.model import Interval, Window
from tests.strategies import days


def d(text: str) -> Day:
    y, m, dd = (int(p) for p in text.split("-"))
    return Day.from_ymd(y, m, dd)


def test_window_refuses_an_end_before_its_start() -> None:
    with pytest.raises(ValueError):
        Window(d("2021-02-01"), d("2021-01-01"))


def test_open_bounds_are_none_not_far_dates() -> None:
    w = Window(None, d("2020-12-31"))
    assert w.is_open and w.contains(Window(d("1000-01-01"), d("2000-01-01")))


def test_interval_refuses_a_start_that_ends_after_the_end() -> None:
    with pytest.raises(ValueError):
        Interval(
            Window(d("2021-01-01"), d("2021-12-31")),
            Window(d("2021-01-01"), d("2021-06-30")),
            "year",
        )


def test_interval_refuses_a_start_that_can_begin_after_the_end_can() -> None:
    # the end may begin on the day the start begins, never before it
    with pytest.raises(WindowError, match="can begin after the end"):
        Interval(
            Window(d("2021-01-05"), d("2021-01-10")),
            Window(d("2021-01-04"), d("2021-01-10")),
            "day",
        )
    same = Interval(
        Window(d("2021-01-05"), d("2021-01-10")), Window(d("2021-01-05"), d("2021-01-10")), "day"
    )
    assert same.start == same.end


def test_model_errors_are_chrono_errors_and_value_errors() -> None:
    with pytest.raises(ChronoError):
        Window(d("2021-02-01"), d("2021-01-01"))
    with pytest.raises(ValueError):
        Interval.span(
            Window(d("2021-02-01"), d("2021-02-02")),
            Window(d("2021-01-01"), d("2021-01-02")),
            "day",
        )


def test_core_must_lie_inside() -> None:
    with pytest.raises(ValueError):
        Interval.within(
            Window(d("2021-01-01"), d("2021-12-31")),
            "year",
            core=Window(d("2020-01-01"), d("2020-12-31")),
        )


def test_span_clips_as_the_spec_says() -> None:
    # from 2021 to March 2021
    span = Interval.span(
        Window(d("2021-01-01"), d("2021-12-31")), Window(d("2021-03-01"), d("2021-03-31")), "year"
    )
    assert span.start == Window(d("2021-01-01"), d("2021-03-31"))
    assert span.end == Window(d("2021-03-01"), d("2021-03-31"))


def test_span_wholly_backwards_is_refused() -> None:
    with pytest.raises(ValueError):
        Interval.span(
            Window(d("2022-01-01"), d("2022-12-31")),
            Window(d("2021-01-01"), d("2021-12-31")),
            "year",
        )


@given(days(), days(), days(), days())
def test_span_of_any_windows_keeps_the_invariants(a: Day, b: Day, c: Day, e: Day) -> None:
    start = Window(min(a, b), max(a, b))
    end = Window(min(c, e), max(c, e))
    if end.latest < start.earliest:  # type: ignore[operator]
        with pytest.raises(ValueError):
            Interval.span(start, end, "day")
        return
    span = Interval.span(start, end, "day")
    assert span.start.earliest == start.earliest and span.end.latest == end.latest
    assert start.contains(span.start) and end.contains(span.end)


def test_rule_takes_no_part_in_equality() -> None:
    w = Window(d("2021-01-01"), d("2021-12-31"))
    assert Interval.within(w, "year", rule="a") == Interval.within(w, "year", rule="b")
