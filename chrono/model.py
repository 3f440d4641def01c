"""The values of a fuzzy date: windows of days and intervals made of two windows.

An expression denotes an unknown span: its start lies in one window of days and
its end in another (dates.md). The validators hold the invariants, so an
:class:`Interval` that exists is a consistent one; an open bound is ``None``,
never a made-up far date.
"""

from __future__ import annotations

from typing import Any

import attrs

from chrono.days import Day
from chrono.errors import WindowError

_NEG = float("-inf")
_POS = float("inf")


def lower(day: Day | None) -> float:
    """A lower bound as a number, ``-inf`` where open."""
    return _NEG if day is None else day.ordinal


def upper(day: Day | None) -> float:
    """An upper bound as a number, ``+inf`` where open."""
    return _POS if day is None else day.ordinal


def wholly_before(end: Window, start: Window) -> bool:
    """``end`` lies wholly before ``start``: no span can run from the one to the other."""
    return upper(end.latest) < lower(start.earliest)


def _ordered_bounds(instance: Window, _attribute: Any, latest: Day | None) -> None:
    earliest = instance.earliest
    if earliest is not None and latest is not None and latest.ordinal < earliest.ordinal:
        raise WindowError(f"window ends ({latest}) before it begins ({instance.earliest})")


@attrs.frozen
class Window:
    """Days ``earliest`` to ``latest``, both inclusive; ``None`` is an open bound."""

    earliest: Day | None
    latest: Day | None = attrs.field(validator=_ordered_bounds)

    @classmethod
    def of_days(cls, first: Day, last: Day) -> Window:
        return cls(first, last)

    @classmethod
    def of_day(cls, day: Day) -> Window:
        return cls(day, day)

    @property
    def is_open(self) -> bool:
        return self.earliest is None or self.latest is None

    def contains(self, other: Window) -> bool:
        return lower(self.earliest) <= lower(other.earliest) and upper(other.latest) <= upper(
            self.latest
        )

    def __str__(self) -> str:
        first = "..." if self.earliest is None else self.earliest.isoformat()
        last = "..." if self.latest is None else self.latest.isoformat()
        return f"{first} .. {last}"


# From the finest to the coarsest: a span is as precise as its vaguer end.
PRECISIONS = (
    "day",
    "week",
    "month",
    "season",
    "quarter",
    "third",
    "half",
    "year",
    "recent",
    "partial",
    "decade",
    "century",
    "set",
)


_RANK = {name: rank for rank, name in enumerate(PRECISIONS)}


def coarser(a: str, b: str) -> str:
    """The vaguer of two precisions (the first where they are as vague)."""
    rank_a, rank_b = _RANK.get(a), _RANK.get(b)
    if rank_a is None or rank_b is None:  # not a precision: ValueError, as index gives
        return max(a, b, key=PRECISIONS.index)
    return b if rank_b > rank_a else a


def _check_interval(instance: Interval, _attribute: Any, _value: Any) -> None:
    start, end = instance.start, instance.end
    if lower(start.earliest) > lower(end.earliest):
        raise WindowError(f"the start ({start}) can begin after the end can ({end})")
    if upper(start.latest) > upper(end.latest):
        raise WindowError(f"the start ({start}) can end after the end ({end})")
    core = instance.core
    if core is not None:
        whole = Window(start.earliest, end.latest)
        if not whole.contains(core):
            raise WindowError(f"the core {core} is not inside the window {whole}")
    if instance.precision not in PRECISIONS:
        raise WindowError(f"unknown precision {instance.precision!r}")


@attrs.frozen
class Interval:
    """What a date expression denotes: a start window, an end window and how they were known.

    ``core`` is the unwidened window of an approximate or uncertain date (its
    start's earliest and end's latest before widening); ``rule`` names the
    reading that produced it, for explanations, and takes no part in equality.
    """

    start: Window
    end: Window
    precision: str
    core: Window | None = attrs.field(default=None, validator=_check_interval)
    qualifiers: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    rule: str = attrs.field(default="", eq=False)

    @classmethod
    def within(cls, window: Window, precision: str, **kwargs: Any) -> Interval:
        """Something that happened somewhere in ``window``: start and end share it."""
        return cls(window, window, precision, **kwargs)

    @classmethod
    def span(cls, start: Window, end: Window, precision: str, **kwargs: Any) -> Interval:
        """A span that starts in ``start`` and ends in ``end``, clipped as dates.md says.

        Raises :class:`WindowError` when the end lies wholly before the start.
        """
        if wholly_before(end, start):
            raise WindowError(f"the end ({end}) lies wholly before the start ({start})")
        start_latest = start.latest
        if end.latest is not None and (start_latest is None or end.latest < start_latest):
            start_latest = end.latest
        end_earliest = end.earliest
        if start.earliest is not None and (end_earliest is None or start.earliest > end_earliest):
            end_earliest = start.earliest
        return cls(
            Window(start.earliest, start_latest),
            Window(end_earliest, end.latest),
            precision,
            **kwargs,
        )

    @property
    def earliest(self) -> Day | None:
        return self.start.earliest

    @property
    def latest(self) -> Day | None:
        return self.end.latest

    @property
    def window(self) -> Window:
        """From the earliest possible start to the latest possible end."""
        start, end = self.start, self.end
        return start if start is end else Window(start.earliest, end.latest)

    @property
    def is_span(self) -> bool:
        return self.start != self.end


_new = object.__new__
# The slots themselves: setting one through its descriptor skips the frozen classes' guard
# and costs half what object.__setattr__ does. Only for the trusted builders below, on
# values their callers have made valid.
_DAY_ORDINAL = Day.__dict__["ordinal"].__set__
_EARLIEST = Window.__dict__["earliest"].__set__
_LATEST = Window.__dict__["latest"].__set__
_START = Interval.__dict__["start"].__set__
_END = Interval.__dict__["end"].__set__
_PRECISION = Interval.__dict__["precision"].__set__
_CORE = Interval.__dict__["core"].__set__
_QUALIFIERS = Interval.__dict__["qualifiers"].__set__
_WARNINGS = Interval.__dict__["warnings"].__set__
_RULE = Interval.__dict__["rule"].__set__


def trusted_day(ordinal: int) -> Day:
    """A :class:`Day` from an ordinal computed by calendar arithmetic (any integer is a day)."""
    day: Day = _new(Day)
    _DAY_ORDINAL(day, ordinal)
    return day


def trusted_window(earliest: Day | None, latest: Day | None) -> Window:
    """A :class:`Window` whose bounds the caller has ordered, built without the validator."""
    window: Window = _new(Window)
    _EARLIEST(window, earliest)
    _LATEST(window, latest)
    return window


def trusted_days(first: int, last: int) -> Window:
    """The window of the days ``first`` to ``last`` (ordinals that calendar arithmetic put in
    order): the unit windows of every parse, built without the validator (tests check every
    unit window against it). trusted_day and trusted_window written out: three calls fewer
    on the hottest path of all."""
    earliest: Day = _new(Day)
    _DAY_ORDINAL(earliest, first)
    latest: Day = _new(Day)
    _DAY_ORDINAL(latest, last)
    window: Window = _new(Window)
    _EARLIEST(window, earliest)
    _LATEST(window, latest)
    return window


def trusted_interval(
    start: Window,
    end: Window,
    precision: str,
    core: Window | None,
    qualifiers: tuple[str, ...],
    warnings: tuple[str, ...],
    rule: str,
) -> Interval:
    """An :class:`Interval` the grammar guarantees, built without running its validators.

    Only for what the grammar builds (chrono.resolve from the handlers' windows, which
    are ordered by construction, with a core that widening or EDTF placed inside; the
    EDTF reader for plain dates): about twice as fast as the validating constructor,
    and tests rebuild every golden result and generated expressions through the
    validators to check the two agree.
    """
    interval: Interval = _new(Interval)
    _START(interval, start)
    _END(interval, end)
    _PRECISION(interval, precision)
    _CORE(interval, core)
    _QUALIFIERS(interval, qualifiers)
    _WARNINGS(interval, warnings)
    _RULE(interval, rule)
    return interval


def trusted_span(
    start: Window,
    end: Window,
    precision: str,
    qualifiers: tuple[str, ...],
    warnings: tuple[str, ...],
    rule: str,
) -> Interval:
    """:meth:`Interval.span` without a core, for windows the grammar made and ``resolve``
    checked (the end not wholly before the start), built without the validators.

    Clipping two valid windows so gives valid ones (a test checks this against
    ``Interval.span`` on any pair of windows).
    """
    start_latest = start.latest
    end_latest = end.latest
    if end_latest is not None and (start_latest is None or end_latest < start_latest):
        start_latest = end_latest
    start_earliest = start.earliest
    end_earliest = end.earliest
    if start_earliest is not None and (end_earliest is None or start_earliest > end_earliest):
        end_earliest = start_earliest
    if start_latest is not start.latest:  # a window left as it was is kept (windows are values)
        start = trusted_window(start_earliest, start_latest)
    if end_earliest is not end.earliest:
        end = trusted_window(end_earliest, end_latest)
    return trusted_interval(start, end, precision, None, qualifiers, warnings, rule)
