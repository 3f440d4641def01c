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
    """The object ``chrono parse --json`` prints; ``core`` only where widened."""
    out: dict[str, Any] = {} if text is None else {"text": text}
    out["earliest"] = day_text(interval.earliest)
    out["latest"] = day_text(interval.latest)
    out["start"] = window_dict(interval.start)
    out["end"] = window_dict(interval.end)
    if interval.core is not None:
        out["core"] = window_dict(interval.core)
    out["precision"] = interval.precision
    out["qualifiers"] = list(interval.qualifiers)
    out["warnings"] = list(interval.warnings)
    return out
