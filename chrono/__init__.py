"""chrono: fuzzy dates, chronologies under uncertainty, and timelines that show it.

>>> import chrono
>>> str(chrono.parse("late 2022").window)
'2022-09-01 .. 2022-12-31'
"""

from chrono.days import Day
from chrono.errors import ChronoError, ParseError
from chrono.model import Interval, Window
from chrono.parse import parse

__all__ = ["ChronoError", "Day", "Interval", "ParseError", "Window", "parse"]
