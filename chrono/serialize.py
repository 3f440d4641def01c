"""Intervals as the JSON objects of dates.md."""

from __future__ import annotations

import datetime as _dt
from json.encoder import encode_basestring
from typing import Any

from chrono.days import Day
from chrono.model import PRECISIONS, Interval, Window

_EPOCH = _dt.date(1970, 1, 1).toordinal()  # a Day's ordinal 0 as datetime counts it
_FIRST, _LAST = _dt.date.min.toordinal(), _dt.date.max.toordinal()
_from_ordinal = _dt.date.fromordinal


def day_text(day: Day | None) -> str | None:
    """``YYYY-MM-DD``: datetime's C formatting for years 1-9999, the Day's own beyond."""
    if day is None:
        return None
    n = day.ordinal + _EPOCH
    if _FIRST <= n <= _LAST:
        return _from_ordinal(n).isoformat()
    return day.isoformat()


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


# The JSON of one line of `chrono parse -`, written from a template: the same text as
# json.dumps(interval_dict(interval, text), ensure_ascii=False) (a test holds them
# equal), without building the dicts and walking them again for every line.

_DAY_JSON: dict[int, str] = {}  # a day's JSON by its ordinal: a batch names the same days often
_DAYS_KEPT = 1 << 16  # past this many, start again: the memory stays small
_PRECISION_JSON = {p: encode_basestring(p) for p in PRECISIONS}


def _day_json(day: Day | None) -> str:
    if day is None:
        return "null"
    ordinal = day.ordinal
    said = _DAY_JSON.get(ordinal)
    if said is None:
        if len(_DAY_JSON) >= _DAYS_KEPT:
            _DAY_JSON.clear()
        said = _DAY_JSON[ordinal] = f'"{day_text(day)}"'
    return said


def _strings_json(items: tuple[str, ...]) -> str:
    return "[" + ", ".join(map(encode_basestring, items)) + "]"


def interval_json(interval: Interval, text: str) -> str:
    """``json.dumps(interval_dict(interval, text), ensure_ascii=False)``, built directly."""
    start, end, core = interval.start, interval.end, interval.core
    qualifiers, warnings = interval.qualifiers, interval.warnings
    first = _day_json(start.earliest)
    start_latest = _day_json(start.latest)
    precision = interval.precision
    precision_json = _PRECISION_JSON.get(precision) or encode_basestring(precision)
    if end is start or end == start:
        end_earliest, last = first, start_latest
    else:
        end_earliest, last = _day_json(end.earliest), _day_json(end.latest)
    core_json = (
        ""
        if core is None
        else f', "core": {{"earliest": {_day_json(core.earliest)}, '
        f'"latest": {_day_json(core.latest)}}}'
    )
    return (
        f'{{"text": {encode_basestring(text)}, "earliest": {first}, "latest": {last}, '
        f'"start": {{"earliest": {first}, "latest": {start_latest}}}, '
        f'"end": {{"earliest": {end_earliest}, "latest": {last}}}{core_json}, '
        f'"precision": {precision_json}, '
        f'"qualifiers": {_strings_json(qualifiers) if qualifiers else "[]"}, '
        f'"warnings": {_strings_json(warnings) if warnings else "[]"}}}'
    )


def error_json(text: str, error: str) -> str:
    """``json.dumps({"text": text, "error": error}, ensure_ascii=False)``."""
    return f'{{"text": {encode_basestring(text)}, "error": {encode_basestring(error)}}}'
