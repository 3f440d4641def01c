"""The first half of a build: each event's ids and date fields read, before any linking.

Each stage returns what it made and a :class:`Findings` (its problems and the events
it set aside) instead of appending to lists shared between stages. An event set
aside keeps its id, so others may still name it, and the stages after go on with
the rest: every problem of every event shows in one run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import NamedTuple

import attrs

from chrono.chronology import dates
from chrono.days import Day
from chrono.errors import MissingReferenceError, ParseError, Problem, WindowError
from chrono.events.event import Event
from chrono.model import Interval, Window
from chrono.parsing.nodes import Expression
from chrono.resolve import fiscal_year_starting
from chrono.suggest import Guesser

DATE_FIELDS = ("date", "start", "end")


@attrs.frozen
class Findings:
    """Problems found by a stage, and the events (by number) it set aside."""

    problems: tuple[Problem, ...] = ()
    bad: frozenset[int] = frozenset()

    def __add__(self, other: Findings) -> Findings:
        return Findings(self.problems + other.problems, self.bad | other.bad)


def problem(event: Event, field: str | None, message: str, severity: str = "error") -> Problem:
    """A problem about ``event``, at the line of ``field`` when it has one."""
    line = event.line if field is None else event.line_of(field)
    return Problem(event.file, line, message, severity)


_REFERENCE_HINT = " (give the file or the event a 'reference: YYYY-MM-DD' field)"


def _date_problem(event: Event, field: str, err: ParseError) -> Problem:
    hint = _REFERENCE_HINT if isinstance(err, MissingReferenceError) else ""
    return problem(event, field, f"{field}: {err}{hint}")


class Ids(NamedTuple):
    by_id: Mapping[str, int]  # id -> number of the first event with it
    findings: Findings


def unique_ids(events: Sequence[Event]) -> Ids:
    """Each id's event; a second event with an id already taken is an error."""
    index: dict[str, int] = {}
    problems: list[Problem] = []
    bad: set[int] = set()
    for i, event in enumerate(events):
        if event.id in index:
            first = events[index[event.id]]
            problems.append(
                problem(event, None, f"duplicate id {event.id!r} (first at {first.where})")
            )
            bad.add(i)
        else:
            index[event.id] = i
    return Ids(index, Findings(tuple(problems), frozenset(bad)))


@attrs.frozen
class Fields:
    """One event's date fields: their text, the grammar's reading of those that name
    events, and the reading of those that name none (read at once, so that every bad
    date shows in the same run)."""

    event: Event
    texts: Mapping[str, str]
    parsed: Mapping[str, Expression]  # the fields that name events
    plain: Mapping[str, dates.Reading]  # the fields that name none

    def refs(self) -> Iterable[tuple[str, str, int]]:
        """(field, named id, position) of every ``@id`` in the date fields."""
        for field, expr in self.parsed.items():
            for unit in expr.refs():
                assert unit.ref is not None
                yield field, unit.ref, unit.start


class AllFields(NamedTuple):
    fields: tuple[Fields, ...]
    findings: Findings


def read_fields(events: Sequence[Event]) -> AllFields:
    """Every date field of every event read by the grammar."""
    out: list[Fields] = []
    problems: list[Problem] = []
    bad: set[int] = set()
    # Readings are frozen values: identical texts under one reference share one (a big
    # file repeats its dates, and a reading per event was much of a build's memory).
    known: dict[tuple[str, Day | None, int | None], dates.Reading] = {}
    for i, event in enumerate(events):
        texts = {f: v for f in DATE_FIELDS if (v := getattr(event, f)) is not None}
        parsed: dict[str, Expression] = {}
        plain: dict[str, dates.Reading] = {}
        for field, text in texts.items():
            try:
                expr = dates.expression(text)
                if expr is None:
                    key = (text, event.reference, event.fiscal_year_start)
                    reading = known.get(key)
                    if reading is None:
                        with fiscal_year_starting(event.fiscal_year_start):
                            reading = dates.read(text, None, key[1], _no_events)
                        known[key] = reading
                    plain[field] = reading
                else:
                    parsed[field] = expr
            except ParseError as err:
                problems.append(_date_problem(event, field, err))
                bad.add(i)
        out.append(Fields(event, texts, parsed, plain))
    return AllFields(tuple(out), Findings(tuple(problems), frozenset(bad)))


def _no_events(_event_id: str) -> Interval | None:
    return None


class References(NamedTuple):
    named: tuple[tuple[str, ...], ...]  # per event, the ids its dates name
    findings: Findings


def check_references(fields: Sequence[Fields], index: Mapping[str, int]) -> References:
    """The ids each event's dates name; unknown ids in dates and relations are errors."""
    named: list[tuple[str, ...]] = []
    problems: list[Problem] = []
    bad: set[int] = set()
    guess = Guesser(index)
    for i, f in enumerate(fields):
        event = f.event
        mine: list[str] = []
        for field, ref, _position in f.refs():
            if ref not in index:
                hint = guess.hint(ref, "@")
                problems.append(problem(event, field, f"{field}: unknown event @{ref}{hint}"))
                bad.add(i)
            elif ref == event.id:
                problems.append(
                    problem(event, field, f"{field}: an event cannot be dated by itself")
                )
                bad.add(i)
            else:
                mine.append(ref)
        for kind, other in event.relations:
            if other not in index:
                hint = guess.hint(other)
                problems.append(problem(event, kind, f"{kind}: unknown event {other!r}{hint}"))
                bad.add(i)
            elif other == event.id:
                problems.append(problem(event, kind, f"{kind}: an event cannot be {kind} itself"))
                bad.add(i)
        named.append(tuple(mine))
    return References(tuple(named), Findings(tuple(problems), frozenset(bad)))


class ReadingOrder(NamedTuple):
    order: tuple[int, ...]  # every event after those its dates name
    findings: Findings


def reading_order(
    events: Sequence[Event], named: Sequence[Sequence[str]], index: Mapping[str, int]
) -> ReadingOrder:
    """Events in an order where every event comes after those its dates name.

    A cycle of date references is an error naming each event on it; its events are
    set aside and the rest go on.
    """
    state = [0] * len(events)  # 0 new, 1 on the path, 2 done
    order: list[int] = []
    problems: list[Problem] = []
    bad: set[int] = set()
    for root in range(len(events)):
        if state[root]:
            continue
        stack: list[tuple[int, int]] = [(root, 0)]
        path: list[int] = []
        while stack:
            i, k = stack.pop()
            if k == 0:
                state[i] = 1
                path.append(i)
            targets = [index[r] for r in named[i]]
            if k < len(targets):
                stack.append((i, k + 1))
                j = targets[k]
                if state[j] == 1:
                    cycle = [*path[path.index(j) :], j]
                    names = " -> ".join(f"@{events[c].id} ({events[c].where})" for c in cycle)
                    problems.append(
                        problem(events[i], "date", f"a cycle of date references: {names}")
                    )
                    bad.update(cycle)
                elif state[j] == 0:
                    stack.append((j, 0))
            else:
                state[i] = 2
                path.pop()
                order.append(i)
    return ReadingOrder(tuple(order), Findings(tuple(problems), frozenset(bad)))


class FieldLink(NamedTuple):
    """A link to another event, and the date field it came from."""

    field: str
    link: dates.Link


@attrs.frozen
class EventReading:
    """What an event's date fields say: its own interval (if any) and its links."""

    own: Interval | None = None
    links: tuple[FieldLink, ...] = ()


class Readings(NamedTuple):
    readings: tuple[EventReading, ...]  # per event; empty for those set aside
    findings: Findings


def read_dates(
    fields: Sequence[Fields],
    order: Sequence[int],
    index: Mapping[str, int],
    bad: frozenset[int],
    owners: list[int] | None = None,
) -> Readings:
    """Each event's own interval and its links, read in reference order.

    An event naming one set aside is set aside too (that event's error says why);
    the warnings of every date read are reported here, once. ``owners``, when given,
    gets the event of each problem, in step with them.
    """
    readings = [EventReading()] * len(fields)
    problems: list[Problem] = []
    aside = set(bad)
    alone: dict[int, EventReading] = {}  # by id of its interval, which it keeps alive

    def own_of(event_id: str) -> Interval | None:
        return readings[index[event_id]].own

    for i in order:
        if i in aside:
            continue
        if any(index[ref] in aside for _field, ref, _at in fields[i].refs()):
            aside.add(i)
            continue
        reading, found = _read_event(fields[i], own_of)
        problems.extend(found)
        if owners is not None:
            owners.extend([i] * len(found))
        if any(p.severity == "error" for p in found):
            aside.add(i)
        elif reading.links or reading.own is None:
            readings[i] = reading
        else:  # events reading one shared interval share one reading (a frozen value)
            readings[i] = alone.setdefault(id(reading.own), reading)
    return Readings(tuple(readings), Findings(tuple(problems), frozenset(aside)))


def _read_event(
    f: Fields, own_of: Callable[[str], Interval | None]
) -> tuple[EventReading, list[Problem]]:
    event = f.event
    problems: list[Problem] = []
    own: Interval | None = None
    links: list[FieldLink] = []
    windows: dict[str, Window] = {}
    for field, text in f.texts.items():
        try:
            reading = f.plain.get(field)
            if reading is None:
                with fiscal_year_starting(event.fiscal_year_start):
                    reading = dates.read(text, f.parsed.get(field), event.reference, own_of)
        except ParseError as err:
            problems.append(_date_problem(event, field, err))
            continue
        for link in reading.links:
            if field != "date":  # a start or end field constrains only that end
                link = attrs.evolve(link, mine=field[0])
            links.append(FieldLink(field, link))
        if field == "date":
            own = reading.own
        elif reading.own is not None:
            windows[field] = reading.own.window
        for warning in reading.own.warnings if reading.own is not None else ():
            problems.append(problem(event, field, f"{field}: {warning}", "warning"))
    if windows:
        start = windows.get("start", Window(None, None))
        end = windows.get("end", Window(start.earliest, None))
        try:
            own = Interval.span(start, end, "day", rule="start and end")
        except WindowError:
            problems.append(
                problem(
                    event,
                    "end",
                    f"end: {event.end!r} lies wholly before the start {event.start!r}",
                )
            )
    return EventReading(own, tuple(links)), problems
