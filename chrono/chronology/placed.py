"""One placed event, and the propagated network kept after a build.

Apart from :mod:`chrono.chronology.timeline` so that what reads a built chronology
(the probability model) can name them without importing the timeline that calls it.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from chrono.chronology.network import Edge
from chrono.days import Day
from chrono.events.event import Event
from chrono.model import Interval, Window


@attrs.frozen
class Placed:
    """One event in the chronology: its own reading and its propagated windows."""

    event: Event
    own: Interval | None  # what its date fields say on their own
    start: Window  # after propagation
    end: Window
    rank: tuple[int, int]  # (min, max), 1-based
    position: int  # 1-based place in the display order

    @property
    def earliest(self) -> Day | None:
        return self.start.earliest

    @property
    def latest(self) -> Day | None:
        return self.end.latest

    @property
    def date_text(self) -> str:
        return self.event.date_as_written


@attrs.frozen
class Bounds:
    """The propagated network, kept for precedence questions after the build.

    Event ``i`` has variables ``2i`` (start) and ``2i+1`` (end); ``lower``/``upper``
    are their narrowest bounds in day ordinals and ``outgoing`` the distance graph.
    """

    lower: tuple[float, ...]
    upper: tuple[float, ...]
    outgoing: tuple[tuple[Edge, ...], ...]
    index: Mapping[str, int]  # event id -> event number in the order the events came
