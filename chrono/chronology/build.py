"""Events to a chronology: read every date, link the events, propagate, order and rank.

Every problem of every event is collected before anything is propagated, so one run
reports them all; a network is only built from events whose dates all read.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from chrono.chronology import dates
from chrono.chronology.network import INF, Contradiction, Network
from chrono.chronology.order import certainly_precedes, order_and_ranks
from chrono.days import Day
from chrono.errors import ChronologyError, ParseError
from chrono.events.event import Event, Problem
from chrono.model import Interval, Window
from chrono.parsing.nodes import Expression

if TYPE_CHECKING:
    from chrono.chronology.probability import Comparison, Figures

CENTURY_DAYS = 36525

# What a relation field constrains (events.md), as links of the event that states it.
_RELATION_LINKS = {
    "before": (("e", "s", -INF, 0),),  # A.end <= B.start
    "after": (("s", "e", 0, INF),),  # B.end <= A.start
    "during": (("s", "s", 0, INF), ("e", "e", -INF, 0)),
    "contains": (("s", "s", -INF, 0), ("e", "e", 0, INF)),
    "overlaps": (("s", "s", -INF, 0), ("e", "s", 0, INF), ("e", "e", -INF, 0)),
}


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
class Timeline:
    """The ordered chronology: events in display order, with ranks, relations, warnings."""

    events: tuple[Placed, ...]
    relations: tuple[tuple[str, str, str], ...]  # (id, kind, other id), as stated
    warnings: tuple[Problem, ...]
    _lower: list[float] = attrs.field(repr=False, eq=False)
    _upper: list[float] = attrs.field(repr=False, eq=False)
    _network: Network = attrs.field(repr=False, eq=False)
    _index: dict[str, int] = attrs.field(repr=False, eq=False)
    _figures: dict[str, Figures] = attrs.field(factory=dict, repr=False, eq=False)  # cache

    def __len__(self) -> int:
        return len(self.events)

    def __getitem__(self, event_id: str) -> Placed:
        return self.events[[p.event.id for p in self.events].index(event_id)]

    def certainly_precedes(self, a: str, b: str) -> bool:
        """A's latest start is before B's earliest, or a chain forces A to end first."""
        i, j = self._index[a], self._index[b]
        return certainly_precedes(i, j, self._lower, self._upper, self._network.outgoing)

    def possibly_precedes(self, a: str, b: str) -> bool:
        return not self.certainly_precedes(b, a)

    @property
    def probabilities(self) -> Figures:
        """Expected ranks and neighbour figures (probability model), computed once."""
        if "figures" not in self._figures:
            from chrono.chronology.probability import Figures

            self._figures["figures"] = Figures(self)
        return self._figures["figures"]

    def compare(self, a: str, b: str) -> Comparison:
        """How likely A is before B, B before A, or neither (every history equally likely)."""
        return self.probabilities.compare(a, b)

    def figure(self, title: str | None = None) -> Any:
        """The interactive chart as a plotly Figure (imports plotly)."""
        from chrono.export.chart import figure

        return figure(self, title)

    def to_html(
        self, *, fragment: bool = False, plotlyjs: str = "cdn", title: str | None = None
    ) -> str:
        """A standalone page, or a fragment (a ``<div>`` and its script) for a report."""
        from chrono.export import default_title
        from chrono.export.html import timeline_page

        title = title or default_title(self)
        return timeline_page(self, fragment=fragment, plotlyjs=plotlyjs, title=title)

    def _repr_html_(self) -> str:
        """Notebooks show the chart (plotly.js from the CDN)."""
        return self.to_html(fragment=True)


def build_timeline(events: Iterable[Event], warnings: Sequence[Problem] = ()) -> Timeline:
    """The chronology of ``events``, or ChronologyError listing every problem."""
    timeline, problems = analyse(list(events))
    problems = [*warnings, *problems]
    if timeline is None:
        raise ChronologyError(problems)
    return attrs.evolve(timeline, warnings=tuple(problems))


def analyse(events: list[Event]) -> tuple[Timeline | None, list[Problem]]:
    """Every problem with the events, and their timeline when there is no error.

    An event with an error is set aside (it keeps its id, so others may still name
    it) and the rest are still linked and propagated, so that a contradiction among
    them is reported in the same run as a bad date elsewhere.
    """
    problems: list[Problem] = []
    bad: set[int] = set()
    index: dict[str, int] = {}
    for i, event in enumerate(events):
        if event.id in index:
            first = events[index[event.id]]
            problems.append(
                _problem(event, None, f"duplicate id {event.id!r} (first at {first.where})")
            )
            bad.add(i)
        else:
            index[event.id] = i
    fields = [_fields(e) for e in events]
    parsed: list[dict[str, Expression | None]] = []
    plain: dict[tuple[int, str], dates.Reading] = {}  # dates that name no event, read once
    for i, (event, named) in enumerate(zip(events, fields, strict=True)):
        out: dict[str, Expression | None] = {}
        for field, text in named.items():
            try:
                out[field] = expr = dates.expression(text)
                if expr is None:  # read it now, so that every bad date shows in one run
                    plain[i, field] = dates.read(text, None, event.reference, _no_events)
            except ParseError as err:
                problems.append(_date_problem(event, field, err))
                bad.add(i)
        parsed.append(out)
    refs = _check_references(events, parsed, index, problems, bad)
    order = _reading_order(events, refs, index, problems, bad)
    readings = _read_dates(events, fields, parsed, plain, order, index, problems, bad)
    timeline = _chronology(events, readings, index, problems, bad)
    if any(p.severity == "error" for p in problems):
        return None, problems
    return timeline, problems


def _problem(event: Event, field: str | None, message: str, severity: str = "error") -> Problem:
    line = event.line if field is None else event.line_of(field)
    return Problem(event.file, line, message, severity)


def _no_events(_event_id: str) -> Interval | None:
    return None


def _fields(event: Event) -> dict[str, str]:
    return {f: v for f in ("date", "start", "end") if (v := getattr(event, f)) is not None}


def _date_problem(event: Event, field: str, err: ParseError) -> Problem:
    return _problem(event, field, f"{field}: {err}")


def _check_references(
    events: list[Event],
    parsed: list[dict[str, Expression | None]],
    index: dict[str, int],
    problems: list[Problem],
    bad: set[int],
) -> list[list[str]]:
    """The ids each event's dates name; unknown ids in dates and relations are errors."""
    refs: list[list[str]] = []
    for i, (event, fields) in enumerate(zip(events, parsed, strict=True)):
        mine: list[str] = []
        for field, expr in fields.items():
            for unit in expr.refs() if expr is not None else ():
                assert unit.ref is not None
                if unit.ref not in index:
                    problems.append(_problem(event, field, f"{field}: unknown event @{unit.ref}"))
                    bad.add(i)
                elif unit.ref == event.id:
                    problems.append(
                        _problem(event, field, f"{field}: an event cannot be dated by itself")
                    )
                    bad.add(i)
                else:
                    mine.append(unit.ref)
        for kind, other in event.relations:
            if other not in index:
                problems.append(_problem(event, kind, f"{kind}: unknown event {other!r}"))
                bad.add(i)
            elif other == event.id:
                problems.append(_problem(event, kind, f"{kind}: an event cannot be {kind} itself"))
                bad.add(i)
        refs.append(mine)
    return refs


def _reading_order(
    events: list[Event],
    refs: list[list[str]],
    index: dict[str, int],
    problems: list[Problem],
    bad: set[int],
) -> list[int]:
    """Events in an order where every event comes after those its dates name.

    A cycle of date references is an error naming each event on it; its events are
    set aside and the rest go on.
    """
    state = [0] * len(events)  # 0 new, 1 on the path, 2 done
    order: list[int] = []
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
            targets = [index[r] for r in refs[i]]
            if k < len(targets):
                stack.append((i, k + 1))
                j = targets[k]
                if state[j] == 1:
                    cycle = [*path[path.index(j) :], j]
                    names = " -> ".join(f"@{events[c].id} ({events[c].where})" for c in cycle)
                    problems.append(
                        _problem(events[i], "date", f"a cycle of date references: {names}")
                    )
                    bad.update(cycle)
                elif state[j] == 0:
                    stack.append((j, 0))
            else:
                state[i] = 2
                path.pop()
                order.append(i)
    return order


Readings = list[tuple[Interval | None, tuple[tuple[str, dates.Link], ...]]]


def _read_dates(
    events: list[Event],
    fields: list[dict[str, str]],
    parsed: list[dict[str, Expression | None]],
    plain: dict[tuple[int, str], dates.Reading],
    order: list[int],
    index: dict[str, int],
    problems: list[Problem],
    bad: set[int],
) -> Readings:
    """Each event's own interval and its links, read in reference order."""
    readings: Readings = [(None, ())] * len(events)

    def own_of(event_id: str) -> Interval | None:
        return readings[index[event_id]][0]

    for i in order:
        event = events[i]
        if i in bad:
            continue
        if any(
            index[r] in bad
            for expr in parsed[i].values()
            if expr is not None
            for r in (u.ref for u in expr.refs())
            if r is not None
        ):
            bad.add(i)  # it names an event set aside: that event's error says why
            continue
        own: Interval | None = None
        links: list[tuple[str, dates.Link]] = []
        windows: dict[str, Window] = {}
        for field, text in fields[i].items():
            try:
                reading = plain.get((i, field)) or dates.read(
                    text, parsed[i].get(field), event.reference, own_of
                )
            except ParseError as err:
                problems.append(_date_problem(event, field, err))
                bad.add(i)
                continue
            for link in reading.links:
                if field != "date":  # a start or end field constrains only that end
                    link = attrs.evolve(link, mine=field[0])
                links.append((field, link))
            if field == "date":
                own = reading.own
            elif reading.own is not None:
                windows[field] = reading.own.window
            for warning in reading.own.warnings if reading.own is not None else ():
                problems.append(_problem(event, field, f"{field}: {warning}", "warning"))
        if windows:
            start = windows.get("start", Window(None, None))
            end = windows.get("end", Window(start.earliest, None))
            try:
                own = Interval.span(start, end, "day", rule="start and end")
            except ValueError:
                problems.append(
                    _problem(
                        event,
                        "end",
                        f"end: {event.end!r} lies wholly before the start {event.start!r}",
                    )
                )
                bad.add(i)
        readings[i] = (own, tuple(links))
    return readings


def _chronology(
    events: list[Event],
    readings: Readings,
    index: dict[str, int],
    problems: list[Problem],
    bad: set[int],
) -> Timeline | None:
    n = len(events)
    lower = [-INF] * (2 * n)
    upper = [INF] * (2 * n)
    for i, (own, _links) in enumerate(readings):
        if own is not None:
            for v, window in ((2 * i, own.start), (2 * i + 1, own.end)):
                if window.earliest is not None:
                    lower[v] = window.earliest.ordinal
                if window.latest is not None:
                    upper[v] = window.latest.ordinal
    network = Network(lower, upper)
    why: list[tuple[int, str, str]] = []  # (event, field, description)

    def add(a: int, b: int, lo: float, hi: float, event: int, field: str, text: str) -> None:
        network.constrain(a, b, lo, hi, len(why))
        why.append((event, field, text))

    side = {"s": 0, "e": 1}
    for i in range(n):
        add(2 * i, 2 * i + 1, 0, INF, i, "date", f"{events[i].id} starts before it ends")
    relations: list[tuple[str, str, str]] = []
    for i, (_own, links) in enumerate(readings):
        event = events[i]
        if i in bad:
            continue
        for field, link in links:
            j = index[link.other]
            add(
                2 * j + side[link.theirs],
                2 * i + side[link.mine],
                link.lo,
                link.hi,
                i,
                field,
                f"{event.id} {field}: {link.text}",
            )
        for kind, other in event.relations:
            j = index[other]
            relations.append((event.id, kind, other))
            if j in bad:
                continue
            for mine, theirs, lo, hi in _RELATION_LINKS[kind]:
                add(
                    2 * j + side[theirs],
                    2 * i + side[mine],
                    lo,
                    hi,
                    i,
                    kind,
                    f"{event.id} {kind} {other}",
                )
    try:
        low, high = network.propagate()
    except Contradiction as err:
        problems.append(_explain(err, events, readings, why))
        return None
    if bad:
        return None
    ids = [e.id for e in events]
    display, ranks = order_and_ranks(ids, low, high, network.outgoing)
    placed = []
    for position, i in enumerate(display, start=1):
        start, end = _window(low, high, 2 * i), _window(low, high, 2 * i + 1)
        placed.append(Placed(events[i], readings[i][0], start, end, ranks[i], position))
        if (
            start.earliest is not None
            and end.latest is not None
            and (end.latest.ordinal - start.earliest.ordinal > CENTURY_DAYS)
        ):
            problems.append(
                Problem(
                    events[i].file,
                    events[i].line,
                    f"{events[i].id}: its window ({start.earliest} .. "
                    f"{end.latest}) is wider than a century",
                    "warning",
                )
            )
    return Timeline(
        tuple(placed),
        tuple(relations),
        tuple(problems),
        low,
        high,
        network,
        {e.id: i for i, e in enumerate(events)},
    )


def _window(low: list[float], high: list[float], v: int) -> Window:
    return Window(
        None if low[v] == -INF else Day(int(low[v])), None if high[v] == INF else Day(int(high[v]))
    )


def _explain(
    err: Contradiction,
    events: list[Event],
    readings: list[tuple[Interval | None, tuple[tuple[str, dates.Link], ...]]],
    why: list[tuple[int, str, str]],
) -> Problem:
    """One error naming the events, their files and lines, and the chain that contradicts."""
    steps: list[str] = []

    def own_bound(v: int | None, which: str) -> None:
        if v is None:
            return
        event = events[v // 2]
        own = readings[v // 2][0]
        window = None if own is None else (own.start if v % 2 == 0 else own.end)
        day = None if window is None else (window.earliest if which == "lower" else window.latest)
        what = "starts" if v % 2 == 0 else "ends"
        bound = "no earlier than" if which == "lower" else "no later than"
        steps.append(
            f"{event.where}: {event.id} {what} {bound} {day} (its date {event.date_as_written!r})"
        )

    own_bound(err.lower_from, "lower")
    for c in err.chain:
        i, field, text = why[c]
        steps.append(f"{events[i].file}:{events[i].line_of(field)}: {text}")
    own_bound(err.upper_from, "upper")
    first = events[err.variable // 2]
    kind = "a cycle of constraints" if err.lower_from is None else "contradictory constraints"
    chain = "\n    ".join(steps)
    return Problem(
        first.file, first.line, f"{kind} around {first.id}: no dates satisfy all of\n    {chain}"
    )
