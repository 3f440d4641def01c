"""chrono: fuzzy dates, chronologies under uncertainty, and timelines that show it.

Importing the package imports :mod:`chrono.export`, which lends
:class:`Timeline` its drawing (``timeline.figure()``, the notebook display).

>>> import chrono
>>> str(chrono.parse("late 2022").window)
'2022-09-01 .. 2022-12-31'
"""

from chrono.chronology import Placed, Timeline, build_timeline
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
from chrono.events import Event, EventSet, Problem, load_events
from chrono.export import figure, to_html
from chrono.model import Interval, Window
from chrono.parse import parse

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
