"""Invariants of the chronology engine (events.md: "What a relation constrains", "Order
under uncertainty"), checked against a small exact solver written here.

The networks are tiny, so the oracle is plain Floyd-Warshall over the distance graph with
a zero point; every witness it returns is checked against every constraint, so the
oracle does not have to be trusted on theory alone.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from chrono.chronology import Placed, build_timeline
from chrono.chronology.network import INF, Contradiction, Network
from chrono.days import Day, civil_from_days, days_from_civil, month_length
from chrono.errors import ChronologyError
from chrono.events.event import Event
from chrono.model import Window, lower, upper

# (a, b, lo, hi): lo <= v[b] - v[a] <= hi
Constraint = tuple[int, int, float, float]
Bounds = tuple[float, float]

# Far beyond any value the strategies below can force (|values| and weights are small).
BIG = 10**6


# --- the exact oracle -------------------------------------------------------------------


def closure(
    lows: Sequence[float], highs: Sequence[float], constraints: Sequence[Constraint]
) -> list[list[float]] | None:
    """All-pairs shortest distances ``D[i][j]`` = max of ``v[j] - v[i]`` (node ``n`` is
    the zero point), or None when the network has no solution."""
    n = len(lows)
    size = n + 1
    z = n
    dist = [[INF] * size for _ in range(size)]
    for i in range(size):
        dist[i][i] = 0.0
    for x in range(n):
        if highs[x] < INF:
            dist[z][x] = min(dist[z][x], highs[x])
        if lows[x] > -INF:
            dist[x][z] = min(dist[x][z], -lows[x])
    for a, b, lo, hi in constraints:
        if hi < INF:
            dist[a][b] = min(dist[a][b], hi)
        if lo > -INF:
            dist[b][a] = min(dist[b][a], -lo)
    for k in range(size):
        row_k = dist[k]
        for i in range(size):
            dik = dist[i][k]
            if dik == INF:
                continue
            row_i = dist[i]
            for j in range(size):
                candidate = dik + row_k[j]
                if candidate < row_i[j]:
                    row_i[j] = candidate
    if any(dist[i][i] < 0 for i in range(size)):
        return None
    return dist


def satisfies(
    values: Sequence[float],
    lows: Sequence[float],
    highs: Sequence[float],
    constraints: Sequence[Constraint],
) -> bool:
    return all(lo <= v <= hi for v, lo, hi in zip(values, lows, highs, strict=True)) and all(
        lo <= values[b] - values[a] <= hi for a, b, lo, hi in constraints
    )


def solution(
    lows: Sequence[float], highs: Sequence[float], constraints: Sequence[Constraint]
) -> list[float] | None:
    """A full solution (checked), or None when there is none."""
    boxed_lows = [max(x, -BIG) for x in lows]
    boxed_highs = [min(x, BIG) for x in highs]
    dist = closure(boxed_lows, boxed_highs, constraints)
    if dist is None:
        return None
    z = len(lows)
    values = [dist[z][x] for x in range(len(lows))]
    assert satisfies(values, lows, highs, constraints), "the oracle's own witness is wrong"
    return values


def exact_bounds(
    lows: Sequence[float], highs: Sequence[float], constraints: Sequence[Constraint]
) -> tuple[list[float], list[float]]:
    dist = closure(lows, highs, constraints)
    assert dist is not None
    z = len(lows)
    return [-dist[x][z] for x in range(len(lows))], [dist[z][x] for x in range(len(lows))]


def network_of(
    lows: Sequence[float], highs: Sequence[float], constraints: Sequence[Constraint]
) -> Network:
    network = Network(list(lows), list(highs))
    for why, (a, b, lo, hi) in enumerate(constraints):
        network.constrain(a, b, lo, hi, why)
    return network


# --- random networks --------------------------------------------------------------------


@st.composite
def consistent_networks(
    draw: st.DrawFn, max_size: int = 12
) -> tuple[list[int], list[float], list[float], list[Constraint]]:
    """A hidden integer assignment, own bounds around it (some open) and constraints it
    satisfies (some one-sided)."""
    n = draw(st.integers(1, max_size))
    hidden = draw(st.lists(st.integers(-30, 30), min_size=n, max_size=n))
    slack = st.integers(0, 8)
    lows: list[float] = []
    highs: list[float] = []
    for h in hidden:
        lows.append(-INF if draw(st.integers(0, 3)) == 0 else float(h - draw(slack)))
        highs.append(INF if draw(st.integers(0, 3)) == 0 else float(h + draw(slack)))
    constraints: list[Constraint] = []
    for _ in range(draw(st.integers(0, 3 * n))):
        a = draw(st.integers(0, n - 1))
        b = draw(st.integers(0, n - 1))
        d = hidden[b] - hidden[a]
        lo = -INF if draw(st.integers(0, 3)) == 0 else float(d - draw(slack))
        hi = INF if draw(st.integers(0, 3)) == 0 else float(d + draw(slack))
        constraints.append((a, b, lo, hi))
    return hidden, lows, highs, constraints


@st.composite
def any_networks(draw: st.DrawFn) -> tuple[list[float], list[float], list[Constraint]]:
    """Small networks with arbitrary bounds and constraints, often without a solution."""
    n = draw(st.integers(1, 7))
    value = st.integers(-10, 10).map(float)
    maybe_low = st.one_of(st.just(-INF), value)
    maybe_high = st.one_of(st.just(INF), value)
    lows = draw(st.lists(maybe_low, min_size=n, max_size=n))
    highs = draw(st.lists(maybe_high, min_size=n, max_size=n))
    constraints = draw(
        st.lists(
            st.tuples(st.integers(0, n - 1), st.integers(0, n - 1), maybe_low, maybe_high),
            max_size=3 * n,
        )
    )
    return lows, highs, constraints


# --- property 1: propagation is sound, never widens, and is tight --------------------------


@settings(max_examples=150)
@given(consistent_networks())
def test_propagation_is_sound_and_tight(
    net: tuple[list[int], list[float], list[float], list[Constraint]],
) -> None:
    hidden, lows, highs, constraints = net
    low, high = network_of(lows, highs, constraints).propagate()  # must not raise
    exact_low, exact_high = exact_bounds(lows, highs, constraints)
    for x, h in enumerate(hidden):
        assert low[x] >= lows[x] and high[x] <= highs[x], f"v{x} widened its own bounds"
        assert low[x] <= h <= high[x], f"v{x}: the solution {h} lies outside [{low[x]}, {high[x]}]"
        assert (low[x], high[x]) == (exact_low[x], exact_high[x]), f"v{x} is not the narrowest"
        for bound in (low[x], high[x]):
            if bound in (INF, -INF):
                continue
            fixed_lows, fixed_highs = list(lows), list(highs)
            fixed_lows[x] = fixed_highs[x] = bound
            assert solution(fixed_lows, fixed_highs, constraints) is not None, (
                f"no solution has v{x} = {bound}: the bound is not tight"
            )


# --- property 2: contradictions are found, and only contradictions ----------------------


@settings(max_examples=150)
@given(consistent_networks(max_size=8), st.data())
def test_a_forbidden_difference_contradicts(
    net: tuple[list[int], list[float], list[float], list[Constraint]], data: st.DataObject
) -> None:
    _hidden, lows, highs, constraints = net
    n = len(lows)
    dist = closure(lows, highs, constraints)
    assert dist is not None
    a = data.draw(st.integers(0, n - 1), label="a")
    b = data.draw(st.integers(0, n - 1), label="b")
    least, most = -dist[b][a], dist[a][b]  # the range of v[b] - v[a] over all solutions
    if least > -INF:
        # the least difference is reachable, and one below it is not
        network_of(lows, highs, [*constraints, (a, b, least, least)]).propagate()
        with pytest.raises(Contradiction):
            network_of(lows, highs, [*constraints, (a, b, -INF, least - 1)]).propagate()
    if most < INF:
        network_of(lows, highs, [*constraints, (a, b, most, most)]).propagate()
        with pytest.raises(Contradiction):
            network_of(lows, highs, [*constraints, (a, b, most + 1, INF)]).propagate()


@settings(max_examples=300)
@given(any_networks())
def test_contradiction_exactly_when_no_solution(
    net: tuple[list[float], list[float], list[Constraint]],
) -> None:
    lows, highs, constraints = net
    expected = solution(lows, highs, constraints)
    try:
        low, high = network_of(lows, highs, constraints).propagate()
    except Contradiction as err:
        assert expected is None, f"Contradiction raised, but {expected} is a solution"
        # The chain it names contradicts on its own (with the own bounds it starts from).
        assert all(0 <= c < len(constraints) for c in err.chain)
        assert 0 <= err.variable < len(lows)
        part_lows = [-INF] * len(lows)
        part_highs = [INF] * len(lows)
        if err.lower_from is not None:
            part_lows[err.lower_from] = lows[err.lower_from]
        if err.upper_from is not None:
            part_highs[err.upper_from] = highs[err.upper_from]
        part = [constraints[c] for c in sorted(set(err.chain))]
        assert solution(part_lows, part_highs, part) is None, (
            f"the named chain {err.chain} (from {err.lower_from}, {err.upper_from}) "
            "has a solution on its own"
        )
        return
    assert expected is not None, "no solution exists, but propagate returned windows"
    assert (low, high) == tuple(exact_bounds(lows, highs, constraints))


# --- event sets -------------------------------------------------------------------------

BASE = days_from_civil(2021, 1, 1)
KINDS = ("before", "after", "during", "contains", "overlaps")


def unit_text(ordinal: int, grain: str) -> tuple[str, Bounds]:
    """The ISO text of the day, month or year around ``ordinal``, and that unit's days."""
    y, m, d = civil_from_days(ordinal)
    if grain == "day":
        return f"{y:04d}-{m:02d}-{d:02d}", (ordinal, ordinal)
    if grain == "month":
        first = days_from_civil(y, m, 1)
        return f"{y:04d}-{m:02d}", (first, first + month_length(y, m) - 1)
    return f"{y:04d}", (days_from_civil(y, 1, 1), days_from_civil(y, 12, 31))


def shared_grains(s: int, e: int) -> list[str]:
    (ys, ms, ds), (ye, me, de) = civil_from_days(s), civil_from_days(e)
    grains = []
    if ys == ye:
        grains.append("year")
        if ms == me:
            grains.append("month")
            if ds == de:
                grains.append("day")
    return grains


def satisfied(si: int, ei: int, sj: int, ej: int) -> list[str]:
    """The relations ``i kind j`` that the days satisfy (events.md's table)."""
    kinds = []
    if ei <= sj:
        kinds.append("before")
    if ej <= si:
        kinds.append("after")
    if sj <= si and ei <= ej:
        kinds.append("during")
    if si <= sj and ej <= ei:
        kinds.append("contains")
    if si <= sj <= ei <= ej:
        kinds.append("overlaps")
    return kinds


# Each event: its hidden (start, end) days and the windows its own date fields allow.
Scenario = tuple[list[Event], dict[str, tuple[int, int]], dict[str, tuple[Bounds, Bounds]]]


@st.composite
def scenarios(draw: st.DrawFn) -> Scenario:
    n = draw(st.integers(3, 10))
    spread = draw(st.sampled_from([3, 40, 400, 1200]))
    length = draw(st.sampled_from([0, 2, 30, 300]))
    hidden: dict[str, tuple[int, int]] = {}
    fields: dict[str, dict[str, str]] = {}
    own: dict[str, tuple[Bounds, Bounds]] = {}
    grain = st.sampled_from(["day", "month", "year"])
    for k in range(n):
        event_id = f"e{k}"
        s = BASE + draw(st.integers(0, spread))
        e = s + draw(st.integers(0, length))
        hidden[event_id] = (s, e)
        form = draw(st.sampled_from(["date", "date", "span", "start", "none"]))
        grains = shared_grains(s, e)
        if form == "date" and grains:
            text, window = unit_text(s, draw(st.sampled_from(grains)))
            fields[event_id] = {"date": text}
            own[event_id] = (window, window)
        elif form in ("date", "span"):
            start_text, start_window = unit_text(s, draw(grain))
            end_text, end_window = unit_text(e, draw(grain))
            fields[event_id] = {"start": start_text, "end": end_text}
            own[event_id] = (start_window, end_window)
        elif form == "start":
            start_text, start_window = unit_text(s, draw(grain))
            fields[event_id] = {"start": start_text}
            own[event_id] = (start_window, (start_window[0], INF))
        else:
            fields[event_id] = {}
            own[event_id] = ((-INF, INF), (-INF, INF))
    relations: dict[str, list[tuple[str, str]]] = {f"e{k}": [] for k in range(n)}
    pairs = st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)).filter(lambda p: p[0] != p[1])
    for i, j in draw(st.lists(pairs, max_size=2 * n)):
        a, b = f"e{i}", f"e{j}"
        kinds = satisfied(*hidden[a], *hidden[b])
        if kinds:
            relations[a].append((draw(st.sampled_from(kinds)), b))
    events = [
        Event(
            f"e{k}",
            f"Event {k}",
            "events/t.yaml",
            k + 1,
            relations=tuple(relations[f"e{k}"]),
            **fields[f"e{k}"],
        )
        for k in range(n)
    ]
    return events, hidden, own


def bounds(window: Window) -> Bounds:
    return lower(window.earliest), upper(window.latest)


def inside(inner: Bounds, outer: Bounds) -> bool:
    return outer[0] <= inner[0] <= inner[1] <= outer[1]


def _simultaneous_example() -> Scenario:
    """Two events that the relations force onto the same day, and a third one."""
    events = [
        Event("e0", "Event 0", "events/t.yaml", 1, date="2021-01-01"),
        Event("e1", "Event 1", "events/t.yaml", 2, date="2021", relations=(("before", "e2"),)),
        Event("e2", "Event 2", "events/t.yaml", 3, date="2021", relations=(("before", "e1"),)),
    ]
    hidden = {"e0": (BASE, BASE), "e1": (BASE, BASE), "e2": (BASE, BASE)}
    day = (float(BASE), float(BASE))
    year = (float(BASE), float(days_from_civil(2021, 12, 31)))
    return events, hidden, {"e0": (day, day), "e1": (year, year), "e2": (year, year)}


# --- property 3: timelines of consistent event sets ---------------------------------------


@settings(max_examples=120)
@given(scenarios(), st.randoms(use_true_random=False))
@example(_simultaneous_example(), random.Random(0))
def test_consistent_events_build_an_ordered_timeline(
    scenario: Scenario, rng: random.Random
) -> None:
    events, hidden, own = scenario
    timeline = build_timeline(events)  # consistent by construction: must not raise
    placed = timeline.events
    n = len(events)
    assert sorted(p.event.id for p in placed) == sorted(hidden)
    position = {p.event.id: p.position for p in placed}
    assert [p.position for p in placed] == list(range(1, n + 1))

    for p in placed:
        event_id = p.event.id
        s, e = hidden[event_id]
        start, end = bounds(p.start), bounds(p.end)
        own_start, own_end = own[event_id]
        assert inside(start, own_start) and inside(end, own_end), (
            f"{event_id}: propagated {p.start} / {p.end} leave its date {own_start} / {own_end}"
        )
        if p.own is not None:
            assert inside(start, bounds(p.own.start)) and inside(end, bounds(p.own.end))
        assert start[0] <= s <= start[1] and end[0] <= e <= end[1], (
            f"{event_id}: the hidden days {Day(s)}, {Day(e)} fall outside {p.start} / {p.end}"
        )

    ids = [p.event.id for p in placed]
    certain = {(a, b) for a in ids for b in ids if timeline.certainly_precedes(a, b)}
    for a, b in certain:
        # "certainly" holds in every solution, the hidden one included
        (sa, ea), (sb, _eb) = hidden[a], hidden[b]
        assert sa < sb or ea <= sb, f"{a} certainly precedes {b}, yet not in a solution"
        assert (b, a) in certain or not timeline.possibly_precedes(b, a)
    # Two events the constraints force onto one day certainly precede each other by the
    # letter of events.md; no order and no rank range could honour that both ways, so such
    # a pair is read as simultaneous: neither precedes, and their ranks overlap.
    precedes = {(a, b) for a, b in certain if (b, a) not in certain}
    for a, b in precedes:
        assert position[a] < position[b], f"{a} certainly precedes {b} but is shown after it"
    for p in placed:
        event_id = p.event.id
        before = sum((other, event_id) in precedes for other in ids)
        after = sum((event_id, other) in precedes for other in ids)
        assert p.rank == (1 + before, n - after), (
            f"{event_id}: rank {p.rank}, expected {(1 + before, n - after)}"
        )
        assert p.rank[0] <= p.position <= p.rank[1]
    for a, b in certain & {(b, a) for a, b in certain}:
        ra, rb = timeline[a].rank, timeline[b].rank
        assert max(ra[0], rb[0]) <= min(ra[1], rb[1]), (
            f"{a} and {b} are forced onto the same day but their ranks {ra}, {rb} do not overlap"
        )

    # Deterministic: the input order does not matter.
    shuffled = list(events)
    rng.shuffle(shuffled)
    again = build_timeline(shuffled).events

    def summary(ps: Sequence[Placed]) -> list[tuple[object, ...]]:
        return [(p.event.id, p.start, p.end, p.rank, p.position) for p in ps]

    assert summary(again) == summary(placed)


# --- property 4: a relation against the dates is an error naming both events ------------


@st.composite
def contradictions(draw: st.DrawFn) -> tuple[list[Event], Event, Event]:
    """Events ``a`` (earlier year) and ``b`` (later year) joined by a relation that needs
    them to meet or ``a`` to come after, among unrelated consistent events."""
    year_a = draw(st.integers(1900, 2100))
    year_b = year_a + draw(st.integers(1, 5))
    files = st.sampled_from(["events/a.yaml", "events/sub/b.yml", "c.json", "d.csv"])
    lines = st.integers(1, 400)
    kind, on_a = draw(
        st.sampled_from(
            [(k, True) for k in ("after", "during", "contains", "overlaps")]
            + [(k, False) for k in ("before", "during", "contains", "overlaps")]
        )
    )
    n = draw(st.integers(2, 6))
    ia, ib = draw(st.permutations(range(n)))[:2]
    a_id, b_id = f"e{ia}", f"e{ib}"
    events = []
    for k in range(n):
        event_id = f"e{k}"
        if k == ia:
            relations = ((kind, b_id),) if on_a else ()
            year = year_a
        elif k == ib:
            relations = () if on_a else ((kind, a_id),)
            year = year_b
        else:
            relations = ()
            year = draw(st.integers(1900, 2100))
        field_lines = {"date": draw(lines), kind: draw(lines)}
        events.append(
            Event(
                event_id,
                f"Event {k}",
                draw(files),
                draw(lines),
                date=str(year),
                relations=relations,
                lines=field_lines,
            )
        )
    return events, events[ia], events[ib]


@settings(max_examples=100)
@given(contradictions())
def test_a_relation_against_the_dates_names_both_events(
    case: tuple[list[Event], Event, Event],
) -> None:
    events, a, b = case
    with pytest.raises(ChronologyError) as info:
        build_timeline(events)
    message = str(info.value)
    assert info.value.problems
    for event in (a, b):
        assert re.search(rf"\b{event.id}\b", message), f"{event.id} not named in:\n{message}"
        assert f"{event.file}:{event.line}" in message, (
            f"{event.where} ({event.id}) not named in:\n{message}"
        )


# --- parts of an event (dates.md "Parts of a unit", events.md: a part lies during x) ----

_PARTS = ("early", "mid", "late", "half1", "half2", "quarter1", "quarter2", "quarter3", "quarter4")


@given(
    st.integers(min_value=-(10**6), max_value=10**6),
    st.integers(min_value=1, max_value=400),
    st.sampled_from(_PARTS),
)
def test_every_part_of_an_event_is_a_day_or_more_inside_it(
    first: int, length: int, part: str
) -> None:
    from chrono.units import part_of

    whole = Window(Day(first), Day(first + length - 1))
    piece = part_of(whole, "days", part)
    assert piece.earliest is not None and piece.latest is not None
    assert whole.contains(piece) and piece.earliest <= piece.latest


@given(st.integers(min_value=1, max_value=400))
def test_the_thirds_of_an_event_cover_it_in_order(length: int) -> None:
    from chrono.units import part_of

    whole = Window(Day(0), Day(length - 1))
    early, mid, late = (part_of(whole, "days", p) for p in ("early", "mid", "late"))
    assert early.earliest == whole.earliest and late.latest == whole.latest
    assert early.earliest <= mid.earliest <= late.earliest  # type: ignore[operator]
    assert early.latest <= mid.latest <= late.latest  # type: ignore[operator]
    if length >= 3:  # long enough to cut: the thirds do not overlap
        assert early.latest < mid.earliest and mid.latest < late.earliest  # type: ignore[operator]
