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
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from chrono.chronology import dates
from chrono.chronology.exact import Dist, RankSweep, moment, p_before, span, uniform
from chrono.chronology.network import Contradiction, Network
from chrono.chronology.sampling import Array, Draws
from chrono.errors import ParseError
from chrono.model import Interval

if TYPE_CHECKING:
    from chrono.chronology.placed import Bounds, Placed

INF = float("inf")

SAMPLES = 40_000  # default draws: 200 chains of 200 after burn-in
CHAINS = 200  # independent chains, side by side: their means give the standard error
BURN_IN = 100  # sweeps thrown away at the start of each chain
BUDGET = 12_000_000  # most single-day draws of one chronology; beyond it, fewer kept
WARM_UP = 60_000_000  # most single-day draws spent warming up until the chains agree
MIN_SAMPLES = 2_000
RANK_DRAWS = 200  # draws behind sampled events' share in other events' expected ranks
WINDOW_DRAWS = 4_000  # draws behind a sampled event's share of unconstrained ones


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
        self.exact: dict[int, tuple[Dist, Dist]] = {}
        self.var: dict[int, tuple[int, int]] = {}  # sampled event -> (start, end) variable
        self.draws: Draws | None = None
        self.unknown: set[int] = set()
        self._windows: dict[int, tuple[Array, Array]] = {}
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
        # events tied by a constraint that the windows alone do not already satisfy
        parent = list(range(n))

        def find(x: int) -> int:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        binding: list[tuple[int, int, int]] = []
        for a, b, w in edges:
            if a // 2 != b // 2 and w < INF and hi[b] - lo[a] > w:
                binding.append((a, b, int(w)))
                ra, rb = find(a // 2), find(b // 2)
                if ra != rb:
                    parent[max(ra, rb)] = min(ra, rb)
        members: dict[int, list[int]] = {}
        for i in range(n):
            members.setdefault(find(i), []).append(i)
        inner: dict[int, list[tuple[int, int, int]]] = {}
        for a, b, w in binding:
            inner.setdefault(find(a // 2), []).append((a, b, w))
        low: list[int] = []
        high: list[int] = []
        tied: list[tuple[int, int, int]] = []
        for root, events in members.items():
            if len(events) == 1:
                i = events[0]
                if is_moment[i]:
                    self.exact[i] = moment(lo[2 * i], hi[2 * i])
                else:
                    self.exact[i] = span(lo[2 * i], hi[2 * i], lo[2 * i + 1], hi[2 * i + 1])
                continue
            group = _group(events, inner[root], lo, hi, is_moment)
            if group is None:
                self.unknown.update(events)
                continue
            g_low, g_high, g_edges, g_var = group
            offset = len(low)
            low.extend(g_low)
            high.extend(g_high)
            tied.extend((a + offset, b + offset, w) for a, b, w in g_edges)
            for i, (first, last) in g_var.items():
                self.var[i] = (first + offset, last + offset)
        if low:
            wanted = max(samples, MIN_SAMPLES) // CHAINS
            affordable = budget // (len(low) * CHAINS) - BURN_IN
            kept = max(MIN_SAMPLES // CHAINS, min(wanted, affordable))
            self.draws = Draws(
                low,
                high,
                tied,
                chains=CHAINS,
                kept=kept,
                burn_in=BURN_IN,
                seed=seed,
                longest=max(BURN_IN, WARM_UP // (len(low) * CHAINS)),
            )

    def _window(self, v: int) -> tuple[Array, Array]:
        """Per draw, the days variable v may take given the rest (the last few kept)."""
        assert self.draws is not None
        if v not in self._windows:
            if len(self._windows) >= 16:  # draws can be many: keep memory flat
                del self._windows[next(iter(self._windows))]
            self._windows[v] = self.draws.window(v)
        return self._windows[v]

    @property
    def samples(self) -> int:
        return 0 if self.draws is None else self.draws.count

    # --- pairs -----------------------------------------------------------------------

    def _later(self, i: int, j: int) -> Array:
        """Per draw: P(E_i < S_j) given the other days of the draw."""
        import numpy as np

        assert self.draws is not None
        if j in self.exact:  # i sampled, j unconstrained
            start = self.exact[j][0]
            lo, hi = self._window(self.var[i][1])
            if _is_uniform(start):
                return _uniform_before(lo, hi, start.lo, start.hi)
            return _per_window(lo, hi, lambda w: p_before(uniform(*w), start))
        lo, hi = self._window(self.var[j][0])
        if i in self.exact:
            end = self.exact[i][1]
            if _is_uniform(end):
                return _uniform_before(end.lo, end.hi, lo, hi)
            return _per_window(lo, hi, lambda w: p_before(end, uniform(*w)))
        e = self.draws.value(self.var[i][1])
        return np.clip((hi - np.maximum(e, lo - 1)) / (hi - lo + 1), 0.0, 1.0)

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
        assert self.draws is not None
        befores, afters = self._later(i, j), self._later(j, i)
        before, after = float(befores.mean()), float(afters.mean())
        stderr = max(
            self._stderr(befores), self._stderr(afters), self._stderr(1.0 - befores - afters)
        )
        same = max(0.0, 1.0 - before - after)
        return Comparison(a, b, before, after, same, "sampled", self.samples, stderr)

    def _stderr(self, values: Array) -> float:
        """Standard error of the mean from the spread of the independent chains' means."""
        assert self.draws is not None
        means = values.reshape(self.draws.chains, self.draws.kept).mean(axis=1)
        return float(means.std(ddof=1) / math.sqrt(self.draws.chains))

    # --- every event at once ---------------------------------------------------------

    def expected_ranks(self) -> list[float | None]:
        """1 + the sum over other events B of P(S_B < S_A) + P(S_B = S_A) / 2, per event."""
        out: list[float | None] = [None] * self.n
        known = [i for i in range(self.n) if i not in self.unknown]
        exact_sweep = RankSweep(
            ((self.exact[i][0], 1, 1) for i in known if i in self.exact), anywhere=False
        )
        few: dict[int, list[tuple[tuple[int, int], int]]] = {}  # for other events' ranks
        for i in self.var:
            lo, hi = self._window(self.var[i][0])
            few[i] = _count_windows(*_thin(lo, hi, RANK_DRAWS))
        sampled_sweep = RankSweep(
            (uniform(*w), count, sum(c for _w, c in few[i]))
            for i in self.var
            for w, count in few[i]
        )
        for i in known:
            if i in self.exact:
                start = self.exact[i][0]
                out[i] = 0.5 + exact_sweep.expect(start) + sampled_sweep.expect(start)
        for i in self.var:
            lo, hi = self._window(self.var[i][0])
            mean = float((exact_sweep.window_sums(lo, hi) / (hi - lo + 1)).mean())
            out[i] = 1.0 + mean + self._among_sampled(i)
        return out

    def _among_sampled(self, i: int) -> float:
        """Expected count of other sampled events starting before i (ties half), given the rest."""
        import numpy as np

        assert self.draws is not None
        draws = self.draws
        s = self.var[i][0]
        lo, hi = _thin(*self._window(s), WINDOW_DRAWS)
        step = max(1, draws.count // WINDOW_DRAWS)
        width = hi - lo + 1
        first, last = int(draws.low[s]), int(draws.high[s])
        total = 0.0
        for j, (sj, _ej) in self.var.items():
            if j == i:
                continue
            if draws.high[sj] < first:  # always before i's earliest start
                total += 1.0
                continue
            if draws.low[sj] > last:
                continue
            x = draws.value(sj)[::step]
            # 1 below i's window, (hi - x + 1/2) / width inside it, 0 above
            share = np.where(x < lo, 1.0, np.where(x > hi, 0.0, (hi - x + 0.5) / width))
            total += float(share.mean())
        return total

    def before_next(self, display: Sequence[int]) -> list[float | None]:
        """P(each event before the next in display order); None for the last."""
        out: list[float | None] = []
        for k, i in enumerate(display):
            if k + 1 == len(display):
                out.append(None)
            else:
                out.append(self.compare(i, display[k + 1]).before)
        return out


def _group(
    events: list[int],
    edges: list[tuple[int, int, int]],
    lo: list[int],
    hi: list[int],
    is_moment: list[bool],
) -> tuple[list[int], list[int], list[tuple[int, int, int]], dict[int, tuple[int, int]]] | None:
    """A group's variables (a moment has one), propagated windows, constraints, and who is who.

    Moments that the constraints force to last (no history gives them one day) become
    spans; a group with no history at all (possible only once open bounds are closed at
    the horizon) is None.
    """
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
        mapped = [(local[a], local[b], w) for a, b, w in edges] + internal
        network = Network(low, high)
        for a, b, w in mapped:
            network.constrain(a, b, -INF, w, 0)
        try:
            new_low, new_high = network.propagate()
        except Contradiction:
            continue
        return [int(x) for x in new_low], [int(x) for x in new_high], mapped, var
    return None


def _is_uniform(d: Dist) -> bool:
    return d.den == d.hi - d.lo + 1


def _uniform_before(a1: Any, a2: Any, b1: Any, b2: Any) -> Array:
    """P(X < Y), X uniform on a1..a2 and Y on b1..b2, element by element (arrays or ints)."""
    import numpy as np

    a1, a2, b1, b2 = (np.asarray(x, dtype=np.int64) for x in (a1, a2, b1, b2))
    full = np.maximum(0, np.minimum(a2, b1 - 1) - a1 + 1) * (b2 - b1 + 1)
    lo, hi = np.maximum(a1, b1), np.minimum(a2, b2)
    count = np.maximum(0, hi - lo + 1)
    partial = count * (2 * b2 - lo - hi) // 2
    return (full + partial) / ((a2 - a1 + 1) * (b2 - b1 + 1))


def _per_window(lo: Array, hi: Array, figure: Callable[[tuple[int, int]], float]) -> Array:
    """``figure`` of each draw's window, computed once per distinct window."""
    import numpy as np

    _keys, first, inverse = _window_keys(lo, hi)
    values = np.array([figure((int(lo[k]), int(hi[k]))) for k in first.tolist()])
    return values[inverse]


def _thin(lo: Array, hi: Array, count: int) -> tuple[Array, Array]:
    """About ``count`` draws, evenly spread over every chain."""
    step = max(1, len(lo) // count)
    return lo[::step], hi[::step]


def _count_windows(lo: Array, hi: Array) -> list[tuple[tuple[int, int], int]]:
    """Each distinct window of the draws and how many draws have it."""
    import numpy as np

    _keys, first, inverse = _window_keys(lo, hi)
    counts = np.bincount(inverse, minlength=len(first))
    found = zip(first.tolist(), counts.tolist(), strict=True)
    return [((int(lo[k]), int(hi[k])), c) for k, c in found]


def _window_keys(lo: Array, hi: Array) -> tuple[Array, Array, Array]:
    """Windows as one integer each: unique keys, a draw having each, each draw's key."""
    import numpy as np

    base = lo.min()
    keys = (lo - base) * (int(hi.max() - base) + 1) + (hi - base)
    unique, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
    return unique, first, inverse.reshape(-1)


def method_words(result: Comparison) -> str:
    """How a comparison was computed, in a sentence."""
    if result.method == "exact":
        return "exact: summed over every day the two windows allow"
    if result.method == "sampled":
        return (
            f"sampled: {result.samples:,} consistent histories, standard error {result.stderr:.4f}"
        )
    return "unknown: no day at all is known in this chronology"


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
    """A timeline's expected ranks and neighbour figures, in display order; pairs on demand.

    The model behind them is let go once they are computed (a large build needs the
    memory for its page) and made again, identically since it is seeded, the first
    time a pair is asked for.
    """

    def __init__(
        self,
        events: Sequence[Placed],
        network: Bounds,
        *,
        samples: int = SAMPLES,
        seed: str = "chrono",
    ) -> None:
        self._events = events
        self._network = network
        self._options = (samples, seed)
        self._model: Model | None = None
        self.index = {p.event.id: k for k, p in enumerate(events)}  # position - 1
        model = self._make()
        self.expected_rank = model.expected_ranks()
        self.p_before_next = model.before_next(range(len(events)))

    def _make(self) -> Model:
        shapes, edges, days = inputs(self._events, self._network)
        samples, seed = self._options
        return Model(shapes, edges, days, samples=samples, seed=seed)

    @property
    def model(self) -> Model:
        if self._model is None:
            self._model = self._make()
        return self._model

    def compare(self, a: str, b: str) -> Comparison:
        for name in (a, b):
            if name not in self.index:
                raise KeyError(f"no event with id {name!r}")
        return self.model.compare(self.index[a], self.index[b], a, b)


def is_moment(date: str | None, has_start_or_end: bool, own: Interval | None) -> bool:
    """One ``date`` that is not a span (probability model): the event is one unknown day."""
    if has_start_or_end or date is None:
        return False
    if own is not None and own.start is own.end:  # Interval.within: a moment
        return True
    if "@" in date:
        try:
            parsed = dates.expression(date)
        except ParseError:
            parsed = None
        if parsed is not None:
            return parsed.form not in ("span", "since")
    return own is None or not own.is_span


def inputs(
    events: Sequence[Placed],
    network: Bounds,
) -> tuple[list[Shape], list[tuple[int, int, float]], tuple[int, int] | None]:
    """Shapes and constraints of placed events, in display order, and their horizon."""
    lower, upper = network.lower, network.upper  # propagated, by original event index
    outgoing = network.outgoing
    original = [network.index[p.event.id] for p in events]
    where = {i: k for k, i in enumerate(original)}  # original index -> display index
    shapes: list[Shape] = []
    for p, i in zip(events, original, strict=True):
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
    references = [p.event.reference.ordinal for p in events if p.event.reference]
    return shapes, edges, horizon([*lower, *upper], references)
