"""Intervals as the JSON objects of dates.md."""

from __future__ import annotations

from typing import Any

from chrono.days import Day
from chrono.model import Interval, Window


def day_text(day: Day | None) -> str | None:
    return None if day is None else day.isoformat()


def window_dict(window: Window) -> dict[str, str | None]:
    return {"earliest": day_text(window.earliest), "latest": day_text(window.latest)}


def interval_dict(interval: Interval, text: str | None = None) -> dict[str, Any]:
    """The object ``chrono parse --json`` prints; ``core`` only where widened.

    Each day is formatted once: most intervals share their start and end window, and
    a batch of JSON lines spends much of its time here.
    """
    out: dict[str, Any] = {} if text is None else {"text": text}
    start = window_dict(interval.start)
    end = start if interval.end == interval.start else window_dict(interval.end)
    out["earliest"] = start["earliest"]
    out["latest"] = end["latest"]
    out["start"] = start
    out["end"] = dict(end) if end is start else end
    if interval.core is not None:
        out["core"] = window_dict(interval.core)
    out["precision"] = interval.precision
    out["qualifiers"] = list(interval.qualifiers)
    out["warnings"] = list(interval.warnings)
    return out
