"""chrono: fuzzy dates, chronologies under uncertainty, and timelines that show it.

>>> import chrono
>>> str(chrono.parse("late 2022").window)
'2022-09-01 .. 2022-12-31'
"""

from chrono.chronology import Placed, Timeline, build_timeline
from chrono.days import Day
from chrono.errors import ChronoError, ChronologyError, EventFileError, ParseError
from chrono.events import Event, EventSet, Problem, load_events
from chrono.model import Interval, Window
from chrono.parse import parse

__all__ = [
    "ChronoError",
    "ChronologyError",
    "Day",
    "Event",
    "EventFileError",
    "EventSet",
    "Interval",
    "ParseError",
    "Placed",
    "Problem",
    "Timeline",
    "Window",
    "build_timeline",
    "load_events",
    "parse",
]
