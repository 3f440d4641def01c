"""An event's date fields to its own windows and its links to the events it names.

A date that names no event is read by :func:`chrono.resolve.resolve` as anywhere
else. A date that names ``@x`` becomes constraints on the event's start (``s``) and
end (``e``) against x's (events.md: ``before @x`` means exactly the relation
before), plus own windows where the phrase fixes days (``near the end of @x`` is
the last third of x's own dates, the days of it a third overlaps when x is shorter
than three days, and lies during x).
"""

from __future__ import annotations

from collections.abc import Callable

import attrs

from chrono.days import Day
from chrono.errors import ParseError
from chrono.model import Interval, Window
from chrono.parse import parse
from chrono.parsing.natural import Parser
from chrono.parsing.nodes import Expression, Unit
from chrono.resolve import resolve
from chrono.units import offset_days, part_of

INF = float("inf")


@attrs.frozen
class Link:
    """``lo <= mine - theirs <= hi`` in days, where mine and theirs are ``s`` or ``e``."""

    mine: str
    other: str
    theirs: str
    lo: float
    hi: float
    text: str  # the phrase it came from, for explanations


@attrs.frozen
class Reading:
    """What one date field says: own windows (or None) and links to other events."""

    own: Interval | None
    links: tuple[Link, ...] = ()


def expression(text: str) -> Expression | None:
    """The grammar's reading of a date field that names events; None when it names none.

    Dates without ``@`` go straight to :func:`chrono.parse` (EDTF included).
    """
    if "@" not in text:
        return None
    if len(text) > 1000:
        raise ParseError(text, 1000, "a date expression of at most 1000 characters")
    parsed = Parser(text).expression()
    return parsed if parsed.refs() else None


def read(
    text: str,
    parsed: Expression | None,
    reference: Day | None,
    own_of: Callable[[str], Interval | None],
) -> Reading:
    """Read one date field; ``own_of(id)`` gives a named event's own interval."""
    if parsed is None:
        return Reading(parse(text, reference))
    return _with_refs(text, parsed, reference, own_of)


def _during(x: str, text: str) -> tuple[Link, ...]:
    return (Link("s", x, "s", 0, INF, text), Link("e", x, "e", -INF, 0, text))


def _inside(mine: str, x: str, text: str) -> tuple[Link, ...]:
    """``mine`` falls somewhere in x's span."""
    return (Link(mine, x, "s", 0, INF, text), Link(mine, x, "e", -INF, 0, text))


def _with_refs(
    text: str,
    parsed: Expression,
    reference: Day | None,
    own_of: Callable[[str], Interval | None],
) -> Reading:
    form, first, second = parsed.form, parsed.first, parsed.second

    def window(unit: Unit) -> Window:
        """A unit that names no event, read as a date on its own."""
        sub = Expression("single", unit)
        return resolve(sub, reference, text).window

    if form in ("offset-after", "offset-before", "within"):
        x = _ref(first, text)
        lo, hi = offset_days(parsed.amount, parsed.unit or "day")
        if form == "offset-after":
            return Reading(None, (Link("s", x, "e", lo, hi, text), Link("e", x, "e", lo, hi, text)))
        if form == "offset-before":
            return Reading(
                None, (Link("s", x, "s", -hi, -lo, text), Link("e", x, "s", -hi, -lo, text))
            )
        return Reading(None, (Link("s", x, "s", -hi, INF, text), Link("e", x, "e", -INF, hi, text)))
    if form == "single":
        x = _ref(first, text)
        if not first.parts:
            return Reading(None, _during(x, text))
        own = own_of(x)
        if own is None or own.earliest is None or own.latest is None:
            raise ParseError(text, first.start, f"@{x} to have dates of its own to take a part of")
        hull = own.window
        for part in first.parts:
            hull = part_of(hull, "days", part)
        return Reading(Interval.within(hull, "third", rule=f"a part of @{x}"), _during(x, text))
    if form in ("before", "after", "by", "from", "since"):
        x = _ref(first, text)
        table = {
            "before": (Link("e", x, "s", -INF, 0, text),),
            "after": (Link("s", x, "e", 0, INF, text),),
            "by": (Link("e", x, "e", -INF, 0, text),),
            "from": (Link("s", x, "s", 0, INF, text),),
            "since": _inside("s", x, text),
        }
        return Reading(None, table[form])
    assert second is not None
    links: list[Link] = []
    if form == "between":  # after the first, before the second
        lo_day = None
        hi_day = None
        if first.ref is not None:
            links.append(Link("s", first.ref, "e", 0, INF, text))
        else:
            lo_day = window(first).earliest
        if second.ref is not None:
            links.append(Link("e", second.ref, "s", -INF, 0, text))
        else:
            hi_day = window(second).latest
        own = None
        if lo_day is not None or hi_day is not None:
            own = Interval.within(Window(lo_day, hi_day), "day", rule="between")
        return Reading(own, tuple(links))
    # a span: starts in the first, ends in the second
    start_window = Window(None, None)
    end_window = Window(None, None)
    if first.ref is not None:
        links.extend(_inside("s", first.ref, text))
    else:
        start_window = window(first)
    if second.ref is not None:
        links.extend(_inside("e", second.ref, text))
    else:
        end_window = window(second)
    own = None
    if first.ref is None or second.ref is None:
        own = Interval.span(start_window, end_window, "day", rule="a span")
    return Reading(own, tuple(links))


def _ref(unit: Unit, text: str) -> str:
    if unit.ref is None:
        raise ParseError(text, unit.start, "an event (@id) in this phrase")
    if unit.widen:
        raise ParseError(text, unit.start, "no 'circa' before an event reference")
    return unit.ref
