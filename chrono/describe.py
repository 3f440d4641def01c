"""Windows in words, for people reading a terminal or a hover label."""

from __future__ import annotations

from chrono.days import Day, format_year
from chrono.model import Interval, Window


def day_words(day: Day) -> str:
    """``Monday 12 May 2025``; ISO text outside the years pendulum can hold."""
    year, month, dom = day.ymd
    if not 1 <= year <= 9999:
        return day.isoformat()
    import pendulum  # at the edge: only explanations format days in words

    return pendulum.date(year, month, dom).format("dddd D MMMM YYYY")


def window_words(window: Window) -> str:
    first, last = window.earliest, window.latest
    if first is None and last is None:
        return "at an unknown time"
    if first is None:
        assert last is not None
        return f"on or before {day_words(last)}"
    if last is None:
        return f"on or after {day_words(first)}"
    if first == last:
        return f"on {day_words(first)}"
    days = last.ordinal - first.ordinal + 1
    return f"sometime from {day_words(first)} to {day_words(last)} ({days:,} days)"


def interval_words(interval: Interval) -> str:
    if not interval.is_span:
        return window_words(interval.start)
    end = interval.end
    end_text = window_words(end)
    if end.latest is None:
        end_text += ", or is still going on"
    return f"starts {window_words(interval.start)}; ends {end_text}"


def compact_window(window: Window) -> str:
    """A window as short as it can be said: ``2022``, ``Aug 2020``, ``2022-01-09``."""
    first, last = window.earliest, window.latest
    if first is None and last is None:
        return "?"
    if first is None or last is None:
        known = first if first is not None else last
        assert known is not None
        return f"{known} .." if first is not None else f".. {known}"
    if first == last:
        return first.isoformat()
    (y0, m0, d0), (y1, m1, _) = first.ymd, last.ymd
    whole_months = d0 == 1 and last.plus(1).day == 1
    if whole_months and (m0, m1, y0) == (1, 12, y1):
        return format_year(y0)
    if whole_months and (y0, m0) == (y1, m1):
        return f"{_MONTHS[m0]} {format_year(y0)}"
    if whole_months:
        return f"{_MONTHS[m0]} {format_year(y0)} .. {_MONTHS[m1]} {format_year(y1)}"
    return f"{first} .. {last}"


_MONTHS = ("", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
