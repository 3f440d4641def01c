"""What the grammar read, before the reference date gives it days.

English phrases and EDTF both end up here; only :mod:`chrono.resolve` turns a node
into an interval, because only it knows the reference date. Nodes are named tuples:
a parse makes several, and tuples are the cheapest immutable values Python builds.
"""

from __future__ import annotations

from typing import NamedTuple

from chrono.model import Interval


class Unit(NamedTuple):
    """One calendar unit, possibly missing its year, with its parts and qualifiers.

    ``kind`` is one of: day, month, year, season, quarter, half, week, decade,
    century, weekday, weekend, yearend, today, relative, ago, recent, fixed;
    holiday (``name`` says which), fiscal (a fiscal year, or its quarter ``number``),
    monthweek (week ``number`` of a month, 5 the last), turn (of a century); and
    focus: a date that refers back to the one mentioned last (chrono.parsing.referback).
    A month, quarter or half with ``unit="year"`` and a ``shift`` names the year
    relatively: ``June last year``, ``next year's first quarter``.
    """

    kind: str
    start: int  # span in the text
    end: int
    year: int | None = None
    month: int | None = None
    day: int | None = None
    number: int | None = None  # season code, quarter or half number, week number
    weekday: int | None = None  # 1 = Monday; named alongside a date or alone
    shift: str | None = None  # last, this, next, coming (relative forms); a focus's step
    amount: int = 0  # N of "N years ago", offset of yesterday/tomorrow
    unit: str | None = None  # the unit of "last month", "N days ago"
    two_digit: bool = False  # the '90s: a decade to place with the reference
    parts: tuple[str, ...] = ()  # innermost first: "early the first half of" -> (half1, early)
    widen: int = 0  # steps of widening from circa, about, ...
    fixed: Interval | None = None  # an EDTF date, already an interval
    ref: str | None = None  # the id of an event named as @id
    name: str | None = None  # the holiday of a holiday unit

    @property
    def needs_year(self) -> bool:
        return self.year is None and self.kind in ("day", "month", "season", "quarter", "half")


class Expression(NamedTuple):
    """How units combine.

    ``form`` is single, between, span, before, after, by, since, from (no earlier
    than), or an offset: ``offset-after`` / ``offset-before`` (``2 weeks after X``)
    and ``within`` (``within 3 days of X``), with ``amount`` units of ``unit``.
    """

    form: str
    first: Unit
    second: Unit | None = None
    amount: int = 0
    unit: str | None = None

    def refs(self) -> list[Unit]:
        """The units that name events (``@id``)."""
        return [u for u in (self.first, self.second) if u is not None and u.ref is not None]
