"""How likely each order is: every consistent history equally likely.

The model takes plain inputs, so it does not depend on how a timeline is built:
per event a :class:`Shape` (a moment, one unknown day, or a span, a start and an
end) with its propagated start and end windows as days, and the constraints as
difference constraints ``x[b] - x[a] <= w`` over variables ``2i`` (start of
event i) and ``2i + 1`` (its end). Open bounds are closed at the horizon.

A constraint that the windows already satisfy whatever the days (``high[b] -
low[a] <= w``) changes nothing and is dropped; events that no remaining
constraint ties to another are independent and get exact figures
(:mod:`chrono.chronology.exact`). Events tied together form groups whose
histories are drawn by Gibbs sampling (:mod:`chrono.chronology.sampling`), and
every sampled figure averages, over the draws, the exact probability given the
other days (Rao-Blackwell), which is much steadier than counting.
"""

from __future__ import annotations

import math
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from fractions import Fraction
from typing import TYPE_CHECKING

import attrs

from chrono.chronology import dates
from chrono.chronology.exact import Dist, RankSweep, moment, p_before, span, uniform
from chrono.chronology.network import Contradiction, Network
from chrono.chronology.sampling import Group, draw
from chrono.errors import ParseError
from chrono.model import Interval

if TYPE_CHECKING:
    from chrono.chronology.build import Timeline

INF = float("inf")

SAMPLES = 20_000  # default draws per group (4 chains of 5,000 after burn-in)
CHAINS = 4
BURN_IN = 200  # sweeps thrown away at the start of each chain
BUDGET = 3_000_000  # most single-day draws one chronology gets; beyond it, fewer samples
MIN_SAMPLES = 400
RANK_DRAWS = 200  # draws behind sampled events' share of other events' expected ranks
PAIR_DRAWS = 2_000  # draws behind a figure between a sampled and an unconstrained event
BATCHES = 20  # batch means for the standard error


@attrs.frozen
class Shape:
    """One event's days: a moment (start = end) or a span, with its windows (inf = open)."""

    moment: bool
    start: tuple[float, float]
    end: tuple[float, float]


@attrs.frozen
class Comparison:
    """The three figures for A and B, and how they were obtained."""

    a: str
    b: str
    before: float | None
    after: float | None
    same_time: float | None
    method: str  # "exact", "sampled", or "unknown" when no day at all is known
    samples: int = 0
    stderr: float = 0.0

    def as_dict(self) -> dict[str, object]:
        return {
            "a": self.a,
            "b": self.b,
            "before": _round(self.before),
            "after": _round(self.after),
            "same_time": _round(self.same_time),
            "method": self.method,
            "samples": self.samples,
            "stderr": _round(self.stderr),
        }


def _round(p: float | None) -> float | None:
    return None if p is None else round(p, 4)


def horizon(bounds: Sequence[float], references: Sequence[int]) -> tuple[int, int] | None:
    """The earliest and latest day any bound names (and, for the latest, any reference)."""
    finite = [int(b) for b in bounds if -INF < b < INF]
    if not finite:
        return None
    return min(finite), max([*finite, *references])


class Model:
    """The figures of one chronology: pairs on demand, expected ranks and neighbours at once."""

    def __init__(
        self,
        shapes: Sequence[Shape],
        edges: Sequence[tuple[int, int, float]],
        span_of_days: tuple[int, int] | None,
        *,
        samples: int = SAMPLES,
        seed: str = "chrono",
        budget: int = BUDGET,
    ) -> None:
        n = len(shapes)
        self.n = n
        self.known = span_of_days is not None
        self.exact: dict[int, tuple[Dist, Dist]] = {}
        self.group_of: dict[int, int] = {}  # event -> group
        self.var: dict[int, tuple[int, int]] = {}  # event -> (start, end) variable in its group
        self.groups: list[Group] = []
        self.draws: list[array[int]] = []
        self.size: list[int] = []
        self.samples = 0
        self.unknown: set[int] = set()
        if span_of_days is None:
            self.unknown = set(range(n))
            return
        h_lo, h_hi = span_of_days
        lo = [0] * (2 * n)
        hi = [0] * (2 * n)
        is_moment = [s.moment for s in shapes]
        for i, s in enumerate(shapes):
            for v, (a, b) in ((2 * i, s.start), (2 * i + 1, s.end)):
                lo[v] = h_lo if a == -INF else int(a)
                hi[v] = h_hi if b == INF else int(b)
            if is_moment[i]:
                day_lo, day_hi = max(lo[2 * i], lo[2 * i + 1]), min(hi[2 * i], hi[2 * i + 1])
                if day_lo <= day_hi:
                    lo[2 * i] = lo[2 * i + 1] = day_lo
                    hi[2 * i] = hi[2 * i + 1] = day_hi
                else:  # the constraints make it last: it is a span
                    is_moment[i] = False
        # events tied by a constraint the windows do not already satisfy
        parent = list(range(n))

        def find(x: int) -> int:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        ties: list[tuple[int, int, int]] = []
        for a, b, w in edges:
            if a // 2 != b // 2 and w < INF:
                ties.append((a, b, int(w)))
                if hi[b] - lo[a] > w:
                    ra, rb = find(a // 2), find(b // 2)
                    if ra != rb:
                        parent[max(ra, rb)] = min(ra, rb)
        members: dict[int, list[int]] = {}
        for i in range(n):
            members.setdefault(find(i), []).append(i)
        tied = [m for m in members.values() if len(m) > 1]
        for group in members.values():
            if len(group) == 1:
                i = group[0]
                if is_moment[i]:
                    self.exact[i] = moment(lo[2 * i], hi[2 * i])
                else:
                    self.exact[i] = span(lo[2 * i], hi[2 * i], lo[2 * i + 1], hi[2 * i + 1])
        inner: dict[int, list[tuple[int, int, int]]] = {}
        for a, b, w in ties:
            if find(a // 2) == find(b // 2) and len(members[find(a // 2)]) > 1:
                inner.setdefault(find(a // 2), []).append((a, b, w))
        variables = sum(sum(1 if is_moment[i] else 2 for i in m) for m in tied)
        per_chain = max(samples, MIN_SAMPLES) // CHAINS
        if variables:
            affordable = budget // (variables * CHAINS) - BURN_IN
            per_chain = max(MIN_SAMPLES // CHAINS, min(per_chain, affordable))
        self.samples = per_chain * CHAINS if tied else 0
        for g, events in enumerate(tied):
            group = self._group(events, inner.get(find(events[0]), []), lo, hi, is_moment)
            if group is None:
                self.unknown.update(events)
                continue
            for i in events:
                self.group_of[i] = len(self.groups)
            self.groups.append(group)
            self.size.append(len(group.low))
            self.draws.append(draw(group, CHAINS, per_chain, BURN_IN, f"{seed}:{g}:{events[0]}"))

    def _group(
        self,
        events: list[int],
        edges: list[tuple[int, int, int]],
        lo: list[int],
        hi: list[int],
        is_moment: list[bool],
    ) -> Group | None:
        """The group's variables, windows and constraints; moments that cannot be become spans."""
        for attempt in (0, 1):
            local: dict[int, int] = {}
            var: dict[int, tuple[int, int]] = {}
            low: list[float] = []
            high: list[float] = []
            internal: list[tuple[int, int, int]] = []
            for i in events:
                s = len(low)
                low.append(lo[2 * i])
                high.append(hi[2 * i])
                if is_moment[i] and attempt == 0:
                    local[2 * i] = local[2 * i + 1] = s
                    var[i] = (s, s)
                else:
                    low.append(lo[2 * i + 1])
                    high.append(hi[2 * i + 1])
                    local[2 * i], local[2 * i + 1] = s, s + 1
                    var[i] = (s, s + 1)
                    internal.append((s + 1, s, 0))  # start <= end
            mapped = [(local[a], local[b], w) for a, b, w in edges]
            if any(a == b and w < 0 for a, b, w in mapped):
                continue
            mapped = [e for e in mapped if e[0] != e[1]] + internal
            network = Network(low, high)
            for a, b, w in mapped:
                network.constrain(a, b, -INF, w, 0)
            try:
                new_low, new_high = network.propagate()
            except Contradiction:
                continue
            self.var.update(var)
            return Group.of([int(x) for x in new_low], [int(x) for x in new_high], mapped)
        return None

    # --- pairs -----------------------------------------------------------------------

    def _state(self, g: int, j: int) -> array[int]:
        k = self.size[g]
        return self.draws[g][j * k : (j + 1) * k]

    def _later(self, i: int, j: int, step: int = 1) -> list[float]:
        """Per draw: P(E_i < S_j) given the other days, for a sampled j."""
        g = self.group_of[j]
        sj = self.var[j][0]
        out: list[float] = []
        draws = range(0, self.samples, step)
        if i in self.exact:
            end = self.exact[i][1]
            cache: dict[tuple[int, int], float] = {}
            for d in draws:
                w = self.groups[g].window(self._state(g, d), sj)
                if w not in cache:
                    cache[w] = p_before(end, uniform(*w))
                out.append(cache[w])
            return out
        gi, ei = self.group_of[i], self.var[i][1]
        for d in draws:
            state = self._state(g, d)
            lo, hi = self.groups[g].window(state, sj)
            e = (state if gi == g else self._state(gi, d))[ei]
            out.append(min(1.0, max(0.0, (hi - max(e, lo - 1)) / (hi - lo + 1))))
        return out

    def compare(self, i: int, j: int, a: str = "", b: str = "") -> Comparison:
        """P(A before B), P(B before A), P(neither), for events i and j."""
        if i in self.unknown or j in self.unknown:
            return Comparison(a, b, None, None, None, "unknown")
        if i == j:
            return Comparison(a, b, 0.0, 0.0, 1.0, "exact")
        if i in self.exact and j in self.exact:
            before = p_before(self.exact[i][1], self.exact[j][0])
            after = p_before(self.exact[j][1], self.exact[i][0])
            return Comparison(a, b, before, after, max(0.0, 1.0 - before - after), "exact")
        step = 1
        if i in self.exact or j in self.exact:
            step = max(1, self.samples // PAIR_DRAWS)
        befores = self._later(i, j, step) if j in self.group_of else None
        afters = self._later(j, i, step) if i in self.group_of else None
        if befores is None:
            assert afters is not None
            befores = self._exact_side(j, i, step)
        if afters is None:
            afters = self._exact_side(i, j, step)
        before, after = _mean(befores), _mean(afters)
        same = [1.0 - x - y for x, y in zip(befores, afters, strict=True)]
        stderr = max(_stderr(befores), _stderr(afters), _stderr(same))
        return Comparison(
            a, b, before, after, max(0.0, 1.0 - before - after), "sampled", len(befores), stderr
        )

    def _exact_side(self, exact: int, sampled: int, step: int) -> list[float]:
        """Per draw: P(E_sampled < S_exact) for an unconstrained ``exact`` event."""
        g = self.group_of[sampled]
        e = self.var[sampled][1]
        start = self.exact[exact][0]
        cache: dict[tuple[int, int], float] = {}
        out = []
        for d in range(0, self.samples, step):
            w = self.groups[g].window(self._state(g, d), e)
            if w not in cache:
                cache[w] = p_before(uniform(*w), start)
            out.append(cache[w])
        return out

    # --- every event at once ---------------------------------------------------------

    def expected_ranks(self) -> list[float | None]:
        """1 + the sum over other events B of P(S_B < S_A) + P(S_B = S_A) / 2, per event."""
        out: list[float | None] = [None] * self.n
        known = [i for i in range(self.n) if i not in self.unknown]
        if not known:
            return out
        sampled = [i for i in known if i in self.group_of]
        exact_sweep = RankSweep((self.exact[i][0], 1) for i in known if i in self.exact)
        step = max(1, self.samples // RANK_DRAWS)
        rank_draws = range(0, self.samples, step)
        weight = Fraction(1, max(1, len(rank_draws)))
        windows: dict[int, list[tuple[int, int]]] = {}
        for i in sampled:
            g, s = self.group_of[i], self.var[i][0]
            windows[i] = [self.groups[g].window(self._state(g, d), s) for d in rank_draws]
        sampled_sweep = RankSweep(
            (uniform(*w), weight) for i in sampled for w in windows[i]
        )
        for i in known:
            if i in self.exact:
                start = self.exact[i][0]
                out[i] = 0.5 + exact_sweep.expect(start) + sampled_sweep.expect(start)
        for i in sampled:
            out[i] = 1.0 + _mean([exact_sweep.window_mean(*w) for w in windows[i]])
        if sampled:
            self._sampled_ranks(sampled, out)
        return out

    def _sampled_ranks(self, sampled: list[int], out: list[float | None]) -> None:
        """Add, per sampled event, its expected count of earlier sampled starts (given the rest)."""
        step = max(1, self.samples // PAIR_DRAWS)
        totals = dict.fromkeys(sampled, 0.0)
        count = 0
        for d in range(0, self.samples, step):
            count += 1
            states = [self._state(g, d) for g in range(len(self.groups))]
            starts = sorted(states[self.group_of[i]][self.var[i][0]] for i in sampled)
            prefix = [0]
            for s in starts:
                prefix.append(prefix[-1] + s)
            for i in sampled:
                g = self.group_of[i]
                v = self.var[i][0]
                state = states[g]
                lo, hi = self.groups[g].window(state, v)
                width = hi - lo + 1
                # others at s: 1 below lo, (hi - s + 1/2) / width inside, 0 above hi
                below = bisect_left(starts, lo)
                upto = bisect_right(starts, hi)
                inside = prefix[upto] - prefix[below]
                n_in = upto - below
                total = below + (n_in * (hi + 0.5) - inside) / width
                own = state[v]
                total -= (hi - own + 0.5) / width  # the event itself is among them
                totals[i] += total
        for i in sampled:
            value = out[i]
            assert value is not None
            out[i] = value + totals[i] / count

    def before_next(self, display: Sequence[int]) -> list[float | None]:
        """P(each event before the next in display order); None for the last."""
        out: list[float | None] = []
        for k, i in enumerate(display):
            if k + 1 == len(display):
                out.append(None)
            else:
                out.append(self.compare(i, display[k + 1]).before)
        return out


def _mean(values: Sequence[float]) -> float:
    return math.fsum(values) / len(values)


def _stderr(values: Sequence[float]) -> float:
    """Standard error of the mean of correlated draws, by batch means."""
    n = len(values)
    size = n // BATCHES
    if size < 1:
        return 0.0
    means = [_mean(values[k * size : (k + 1) * size]) for k in range(BATCHES)]
    centre = _mean(means)
    var = math.fsum((m - centre) ** 2 for m in means) / (BATCHES - 1)
    return math.sqrt(var / BATCHES)


def words(p: float | None, other: str = "the next event") -> str:
    """A probability as readers say it: ``before the next event with probability 0.83``."""
    if p is None:
        return f"whether it came before {other} is unknown"
    if p >= 0.995:
        return f"before {other} (certain or nearly: probability {p:.2f})"
    if p <= 0.005:
        return f"not before {other} (probability {p:.2f})"
    return f"before {other} with probability {p:.2f}"



# --- a built timeline as the model's plain inputs ------------------------------------


class Figures:
    """A timeline's model, with its expected ranks and neighbour figures in display order."""

    def __init__(self, timeline: Timeline, *, samples: int = SAMPLES, seed: str = "chrono") -> None:
        placed = timeline.events
        self.index = {p.event.id: k for k, p in enumerate(placed)}  # display position - 1
        shapes, edges, days = inputs(timeline)
        self.model = Model(shapes, edges, days, samples=samples, seed=seed)
        self.expected_rank = self.model.expected_ranks()
        self.p_before_next = self.model.before_next(range(len(placed)))

    def compare(self, a: str, b: str) -> Comparison:
        for name in (a, b):
            if name not in self.index:
                raise KeyError(f"no event with id {name!r}")
        return self.model.compare(self.index[a], self.index[b], a, b)


def is_moment(date: str | None, has_start_or_end: bool, own: Interval | None) -> bool:
    """One ``date`` that is not a span (probability model): the event is one unknown day."""
    if has_start_or_end or date is None:
        return False
    if "@" in date:
        try:
            parsed = dates.expression(date)
        except ParseError:
            parsed = None
        if parsed is not None:
            return parsed.form not in ("span", "since")
    return own is None or not own.is_span


def inputs(
    timeline: Timeline,
) -> tuple[list[Shape], list[tuple[int, int, float]], tuple[int, int] | None]:
    """Shapes and constraints of a timeline's events, in display order, and its horizon."""
    lower, upper = timeline._lower, timeline._upper  # propagated, by original event index
    outgoing = timeline._network.outgoing
    original = [timeline._index[p.event.id] for p in timeline.events]
    where = {i: k for k, i in enumerate(original)}  # original index -> display index
    shapes: list[Shape] = []
    for p, i in zip(timeline.events, original, strict=True):
        e = p.event
        moment_ = is_moment(e.date, e.start is not None or e.end is not None, p.own)
        shapes.append(
            Shape(moment_, (lower[2 * i], upper[2 * i]), (lower[2 * i + 1], upper[2 * i + 1]))
        )
    edges: list[tuple[int, int, float]] = []
    for u, targets in enumerate(outgoing):
        a = 2 * where[u // 2] + u % 2
        for v, w, _why in targets:
            edges.append((a, 2 * where[v // 2] + v % 2, w))
    references = [p.event.reference.ordinal for p in timeline.events if p.event.reference]
    return shapes, edges, horizon([*lower, *upper], references)
