"""chrono: fuzzy dates, chronologies under uncertainty, and timelines that show it.

The chronology, events and export are imported on first use of their names, so that
``chrono parse -`` and ``chrono --help`` do not pay for them. Any of those names imports
:mod:`chrono.export` too, which lends :class:`Timeline` its drawing (``timeline.figure()``,
the notebook display). ``parse`` is imported at once: the submodule of the same name
would otherwise take its place once anything imported it.

>>> import chrono
>>> str(chrono.parse("late 2022").window)
'2022-09-01 .. 2022-12-31'
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from chrono.days import Day
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
from chrono.model import Interval, Window
from chrono.parse import parse

if TYPE_CHECKING:
    from chrono.chronology import Placed, Timeline, build_timeline
    from chrono.events import Event, EventSet, Problem, load_events
    from chrono.export import figure, to_html

_DRAWN = "chrono.export"  # imported with any name of the chronology: it lends the drawing
_WHERE = {
    "Placed": "chrono.chronology",
    "Timeline": "chrono.chronology",
    "build_timeline": "chrono.chronology",
    "Event": "chrono.events",
    "EventSet": "chrono.events",
    "Problem": "chrono.events",
    "load_events": "chrono.events",
    "figure": _DRAWN,
    "to_html": _DRAWN,
}


def __getattr__(name: str) -> Any:
    where = _WHERE.get(name)
    if where is None:
        raise AttributeError(f"module 'chrono' has no attribute {name!r}")
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
