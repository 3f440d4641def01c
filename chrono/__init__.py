"""chrono: fuzzy dates, chronologies under uncertainty, and timelines that show it.

The names below are imported on first use, so that ``chrono parse -`` and ``chrono
--help`` do not pay for the chronology and its export. Any name that gives a timeline
(``build_timeline``, ``Timeline``, ``figure``...) imports :mod:`chrono.export` too,
which lends :class:`Timeline` its drawing (``timeline.figure()``, the notebook display).

>>> import chrono
>>> str(chrono.parse("late 2022").window)
'2022-09-01 .. 2022-12-31'
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from chrono.errors import (
    ChronoError,
    ChronologyError,
    DayError,
    EventFileError,
    ExportError,
    ParseError,
    UnknownEventError,
    WindowError,
)

if TYPE_CHECKING:
    from chrono.chronology import Placed, Timeline, build_timeline
    from chrono.days import Day
    from chrono.events import Event, EventSet, Problem, load_events
    from chrono.export import figure, to_html
    from chrono.model import Interval, Window
    from chrono.parse import parse

_DRAWN = "chrono.export"  # imported with any name of the chronology: it lends the drawing
_WHERE = {
    "Placed": "chrono.chronology",
    "Timeline": "chrono.chronology",
    "build_timeline": "chrono.chronology",
    "Day": "chrono.days",
    "Event": "chrono.events",
    "EventSet": "chrono.events",
    "Problem": "chrono.events",
    "load_events": "chrono.events",
    "figure": _DRAWN,
    "to_html": _DRAWN,
    "Interval": "chrono.model",
    "Window": "chrono.model",
    "parse": "chrono.parse",
}


def __getattr__(name: str) -> Any:
    where = _WHERE.get(name)
    if where is None:
        raise AttributeError(f"module 'chrono' has no attribute {name!r}")
    if where in ("chrono.chronology", "chrono.events"):
        importlib.import_module(_DRAWN)
    value = getattr(importlib.import_module(where), name)
    globals()[name] = value  # looked up once
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_WHERE])


__all__ = [
    "ChronoError",
    "ChronologyError",
    "Day",
    "DayError",
    "Event",
    "EventFileError",
    "EventSet",
    "ExportError",
    "Interval",
    "ParseError",
    "Placed",
    "Problem",
    "Timeline",
    "UnknownEventError",
    "Window",
    "WindowError",
    "build_timeline",
    "figure",
    "load_events",
    "parse",
    "to_html",
]
