"""Windows in words, for people reading a terminal or a hover label."""

from __future__ import annotations

from chrono.days import Day
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
