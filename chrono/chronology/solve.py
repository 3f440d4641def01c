"""The second half of a build: link the events, propagate, and explain what cannot hold.

Event ``i`` has variables ``2i`` (start) and ``2i+1`` (end). Every constraint keeps
why it exists (the event, field and phrase), so a contradiction is explained as the
chain of statements behind it. The whole network is propagated at once; only when
that fails is each connected group of events propagated on its own, so that every
independent contradiction is reported in the same run, one per group.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple, overload

import attrs

from chrono.chronology.network import INF, Contradiction, Edge, Network
from chrono.chronology.reading import EventReading
from chrono.errors import Problem
from chrono.events.event import Event

# What a relation field constrains (events.md), as (mine, theirs, lo, hi) on the
# event that states it: ``lo <= mine - theirs <= hi``.
RELATION_LINKS = {
    "before": (("e", "s", -INF, 0),),  # A.end <= B.start
    "after": (("s", "e", 0, INF),),  # B.end <= A.start
    "during": (("s", "s", 0, INF), ("e", "e", -INF, 0)),
    "contains": (("s", "s", -INF, 0), ("e", "e", 0, INF)),
    "overlaps": (("s", "s", -INF, 0), ("e", "s", 0, INF), ("e", "e", -INF, 0)),
}
_SIDE = {"s": 0, "e": 1}


@attrs.frozen
class Constraint:
    """``lo <= v[b] - v[a] <= hi``, stated by ``event`` in ``field`` as ``text``."""

    a: int
    b: int
    lo: float
    hi: float
    event: int
    field: str
    text: str


class Constraints(Sequence[Constraint]):
    """Every constraint, numbered: first each event's own (it starts before it ends,
    number ``i`` for event ``i``), made when asked for rather than kept, since every
    event has one; then those the dates and relations state."""

    __slots__ = ("_ids", "_stated")

    def __init__(self, ids: Sequence[str], stated: Sequence[Constraint]) -> None:
        self._ids = ids
        self._stated = stated

    def __len__(self) -> int:
        return len(self._ids) + len(self._stated)

    @overload
    def __getitem__(self, k: int) -> Constraint: ...
    @overload
    def __getitem__(self, k: slice) -> Sequence[Constraint]: ...
    def __getitem__(self, k: int | slice) -> Constraint | Sequence[Constraint]:
        if isinstance(k, slice):
            return [self[j] for j in range(*k.indices(len(self)))]
        n = len(self._ids)
        if k < 0:
            k += len(self)
        if 0 <= k < n:
            text = f"{self._ids[k]} starts before it ends"
            return Constraint(2 * k, 2 * k + 1, 0, INF, k, "date", text)
        return self._stated[k - n]

    def ends(self, k: int) -> tuple[int, int, float, float]:
        """Constraint ``k``'s (a, b, lo, hi), without making its explanation."""
        if k < len(self._ids):
            return 2 * k, 2 * k + 1, 0, INF
        c = self._stated[k - len(self._ids)]
        return c.a, c.b, c.lo, c.hi


class Links(NamedTuple):
    constraints: Constraints
    relations: tuple[tuple[str, str, str], ...]  # (id, kind, other id), as stated


def link(
    events: Sequence[Event],
    readings: Sequence[EventReading],
    index: Mapping[str, int],
    bad: frozenset[int],
) -> Links:
    """Every constraint between the events: starts before ends, dates, relations."""
    out: list[Constraint] = []
    relations: list[tuple[str, str, str]] = []
    for i, event in enumerate(events):
        if i in bad:
            continue
        for field, link in readings[i].links:
            j = index[link.other]
            out.append(
                Constraint(
                    2 * j + _SIDE[link.theirs],
                    2 * i + _SIDE[link.mine],
                    link.lo,
                    link.hi,
                    i,
                    field,
                    f"{event.id} {field}: {link.text}",
                )
            )
        for kind, other in event.relations:
            j = index[other]
            relations.append((event.id, kind, other))
            if j in bad:
                continue
            for mine, theirs, lo, hi in RELATION_LINKS[kind]:
                out.append(
                    Constraint(
                        2 * j + _SIDE[theirs],
                        2 * i + _SIDE[mine],
                        lo,
                        hi,
                        i,
                        kind,
                        f"{event.id} {kind} {other}",
                    )
                )
    return Links(Constraints([e.id for e in events], out), tuple(relations))


class Solution(NamedTuple):
    lower: list[float]
    upper: list[float]
    outgoing: tuple[tuple[Edge, ...], ...]  # the distance graph, kept for precedence


class Solved(NamedTuple):
    solution: Solution | None  # None when some constraints cannot all hold
    problems: tuple[Problem, ...]  # one contradiction per group of linked events


def solve(
    events: Sequence[Event], readings: Sequence[EventReading], constraints: Constraints
) -> Solved:
    """The narrowest windows every constraint allows, or every contradiction explained."""
    everything = range(len(constraints))
    network = _network(_own_bounds(readings, range(len(events))), constraints, everything, None)
    try:
        lower, upper = network.propagate()
    except Contradiction:
        pass
    else:
        return Solved(Solution(lower, upper, network.frozen_edges()), ())
    problems = []
    for group, members in _groups(len(events), constraints):
        local = {v: k for k, v in enumerate(2 * i + s for i in group for s in (0, 1))}
        sub = _network(_own_bounds(readings, group), constraints, members, local)
        try:
            sub.propagate()
        except Contradiction as err:
            back = list(local)
            problems.append(
                _explain(
                    Contradiction(
                        back[err.variable],
                        err.chain,
                        None if err.lower_from is None else back[err.lower_from],
                        None if err.upper_from is None else back[err.upper_from],
                    ),
                    events,
                    readings,
                    constraints,
                )
            )
    return Solved(None, tuple(problems))


def _own_bounds(
    readings: Sequence[EventReading], group: Sequence[int]
) -> tuple[list[float], list[float]]:
    lower: list[float] = []
    upper: list[float] = []
    for i in group:
        own = readings[i].own
        for window in (None, None) if own is None else (own.start, own.end):
            early = None if window is None else window.earliest
            late = None if window is None else window.latest
            lower.append(-INF if early is None else early.ordinal)
            upper.append(INF if late is None else late.ordinal)
    return lower, upper


def _network(
    bounds: tuple[list[float], list[float]],
    constraints: Constraints,
    chosen: Iterable[int],
    local: Mapping[int, int] | None,
) -> Network:
    """A network of the ``chosen`` constraints; ``local`` renumbers variables (a group's)."""
    network = Network(*bounds)
    for why in chosen:
        a, b, lo, hi = constraints.ends(why)
        if local is not None:
            a, b = local[a], local[b]
        network.constrain(a, b, lo, hi, why)
    return network


def _groups(size: int, constraints: Constraints) -> list[tuple[list[int], list[int]]]:
    """The connected groups of events: their numbers and those of the constraints among them."""
    parent = list(range(size))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    ends = [constraints.ends(why) for why in range(len(constraints))]
    for a, b, _lo, _hi in ends:
        ra, rb = find(a // 2), find(b // 2)
        if ra != rb:
            parent[ra] = rb
    events: dict[int, list[int]] = {}
    for i in range(size):
        events.setdefault(find(i), []).append(i)
    members: dict[int, list[int]] = {}
    for why, (a, _b, _lo, _hi) in enumerate(ends):
        members.setdefault(find(a // 2), []).append(why)
    return [(group, members.get(root, [])) for root, group in events.items()]


def _explain(
    err: Contradiction,
    events: Sequence[Event],
    readings: Sequence[EventReading],
    constraints: Sequence[Constraint],
) -> Problem:
    """One error naming the events, their files and lines, and the chain that contradicts."""
    steps: list[str] = []

    def own_bound(v: int | None, which: str) -> None:
        if v is None:
            return
        event = events[v // 2]
        own = readings[v // 2].own
        window = None if own is None else (own.start if v % 2 == 0 else own.end)
        day = None if window is None else (window.earliest if which == "lower" else window.latest)
        what = "starts" if v % 2 == 0 else "ends"
        bound = "no earlier than" if which == "lower" else "no later than"
        steps.append(
            f"{event.where}: {event.id} {what} {bound} {day} (its date {event.date_as_written!r})"
        )

    own_bound(err.lower_from, "lower")
    for why in err.chain:
        c = constraints[why]
        event = events[c.event]
        steps.append(f"{event.file}:{event.line_of(c.field)}: {c.text}")
    own_bound(err.upper_from, "upper")
    first = events[err.variable // 2]
    kind = "a cycle of constraints" if err.lower_from is None else "contradictory constraints"
    chain = "\n    ".join(steps)
    return Problem(
        first.file, first.line, f"{kind} around {first.id}: no dates satisfy all of\n    {chain}"
    )
