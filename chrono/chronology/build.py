"""Events to a chronology: read every date, link the events, propagate, order and rank.

The stages (:mod:`~chrono.chronology.reading`, then :mod:`~chrono.chronology.solve`)
each return their problems; :func:`analyse` gathers them, so one run reports every
problem of every event, and the timeline's warnings are set once, here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import NamedTuple

from chrono.chronology.order import order_and_ranks
from chrono.chronology.placed import Bounds, Placed
from chrono.chronology.reading import (
    EventReading,
    Findings,
    check_references,
    read_dates,
    read_fields,
    reading_order,
    unique_ids,
)
from chrono.chronology.solve import Links, Solution, Solved, link, solve
from chrono.chronology.timeline import Timeline
from chrono.days import Day
from chrono.errors import ChronologyError, Problem
from chrono.events.event import Event
from chrono.model import Window

CENTURY_DAYS = 36525
INF = float("inf")


class Analysis(NamedTuple):
    """Every problem with the events, and their timeline when none is an error."""

    timeline: Timeline | None
    problems: list[Problem]


def build_timeline(events: Iterable[Event], warnings: Sequence[Problem] = ()) -> Timeline:
    """The chronology of ``events``, or ChronologyError listing every problem.

    ``warnings`` (the loader's, say) are kept in the timeline's warnings, first.
    """
    timeline, problems = analyse(list(events), warnings)
    if timeline is None:
        raise ChronologyError(problems)
    return timeline


def analyse(events: Sequence[Event], earlier: Sequence[Problem] = ()) -> Analysis:
    """Every problem with the events, and their timeline when there is no error.

    ``earlier`` holds the problems found before (the loader's): they come first, and
    an error among them means no timeline, though the events are still checked.

    An event with an error is set aside (it keeps its id, so others may still name
    it) and the rest are still linked and propagated, so that a contradiction among
    them is reported in the same run as a bad date elsewhere.
    """
    stages = read_and_solve(events)
    problems = [*earlier, *stages.found.problems, *stages.solved.problems]
    solution = stages.solved.solution
    if solution is None or stages.found.bad or any(p.severity == "error" for p in problems):
        return Analysis(None, problems)
    timeline = place(
        events, stages.readings, solution, stages.links.relations, stages.ids, problems
    )
    return Analysis(timeline, list(timeline.warnings))


class Stages(NamedTuple):
    """What the reading and solving stages made of some events, and what they found.

    ``owners`` names the event of each of ``found``'s date-reading problems, and
    ``reading`` is the order the dates were read in: :mod:`.distributed` needs them to
    put the problems of events solved apart in the order one run gives them.
    """

    ids: Mapping[str, int]  # id -> event number
    found: Findings
    readings: tuple[EventReading, ...]
    links: Links
    solved: Solved
    reading: tuple[int, ...]
    owners: tuple[int, ...]


def read_and_solve(events: Sequence[Event]) -> Stages:
    """Every date read, every constraint linked and the network propagated."""
    index, found = unique_ids(events)
    fields, more = read_fields(events)
    found += more
    named, more = check_references(fields, index)
    found += more
    order, more = reading_order(events, named, index)
    found += more
    owners: list[int] = []
    readings, more = read_dates(fields, order, index, found.bad, owners)
    found += more
    del fields, named  # the readings hold what is needed; let the rest go
    links = link(events, readings, index, found.bad)
    solved = solve(events, readings, links.constraints)
    return Stages(index, found, readings, links, solved, order, tuple(owners))


def place(
    events: Sequence[Event],
    readings: Sequence[EventReading],
    solution: Solution,
    relations: tuple[tuple[str, str, str], ...],
    index: Mapping[str, int],
    earlier: Sequence[Problem],
) -> Timeline:
    """The timeline of propagated events in display order, with their ranks; its warnings
    are ``earlier``, then those the windows and the order call for."""
    placed, notes = _place(events, readings, solution, relations)
    bounds = Bounds(
        tuple(solution.lower),
        tuple(solution.upper),
        solution.outgoing,
        MappingProxyType(dict(index)),
    )
    return Timeline(placed, relations, (*earlier, *notes), bounds)


def _place(
    events: Sequence[Event],
    readings: Sequence[EventReading],
    solution: Solution,
    relations: Sequence[tuple[str, str, str]],
) -> tuple[tuple[Placed, ...], list[Problem]]:
    """Each event in display order with its ranks, and the warnings its windows call for."""
    low, high = solution.lower, solution.upper
    ids = [e.id for e in events]
    ordering = order_and_ranks(ids, low, high, solution.outgoing)
    placed = []
    notes: list[Problem] = []
    windows: dict[tuple[float, float], Window] = {}  # frozen values: equal windows share one

    def window(v: int) -> Window:
        key = (low[v], high[v])
        found = windows.get(key)
        if found is None:
            found = windows[key] = _window(low, high, v)
        return found

    for position, i in enumerate(ordering.order, start=1):
        start, end = window(2 * i), window(2 * i + 1)
        placed.append(Placed(events[i], readings[i].own, start, end, ordering.ranks[i], position))
        if (
            start.earliest is not None
            and end.latest is not None
            and end.latest - start.earliest > CENTURY_DAYS
        ):
            notes.append(
                Problem(
                    events[i].file,
                    events[i].line,
                    f"{events[i].id}: its window ({start.earliest} .. "
                    f"{end.latest}) is wider than a century",
                    "warning",
                )
            )
    notes.extend(_one_day_warnings(events, ordering.simultaneous, relations))
    return tuple(placed), notes


def _one_day_warnings(
    events: Sequence[Event],
    pairs: Sequence[tuple[int, int]],
    relations: Sequence[tuple[str, str, str]],
) -> list[Problem]:
    """A warning per group of events that chains of relations force onto one day.

    ``a before b``, ``b before c``, ``c before a`` all hold only if the three start
    and end on the same day: allowed, but almost never what was meant.
    """
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        parent.setdefault(x, x)
        while parent[x] != x:
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = {}
    for x in parent:
        groups.setdefault(find(x), []).append(x)
    notes = []
    for members in groups.values():
        members.sort()
        ids = [events[m].id for m in members]
        among = set(ids)
        stated = [f"{a} {k} {b}" for a, k, b in relations if a in among and b in among]
        because = f" ({'; '.join(stated)})" if stated else ""
        first = events[members[0]]
        notes.append(
            Problem(
                first.file,
                first.line,
                f"{_and(ids)} are forced onto one day by a cycle of relations{because}",
                "warning",
            )
        )
    return notes


def _and(ids: Sequence[str]) -> str:
    return ", ".join(ids[:-1]) + f" and {ids[-1]}" if len(ids) > 1 else ids[0]


def _window(low: Sequence[float], high: Sequence[float], v: int) -> Window:
    return Window(
        None if low[v] == -INF else Day(int(low[v])), None if high[v] == INF else Day(int(high[v]))
    )
