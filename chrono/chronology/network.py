"""A simple temporal network: tighten every variable's window to what all constraints allow.

Variables are days (integers). Each constraint says ``lo <= v[b] - v[a] <= hi``; each
variable has its own bounds from its date. In the distance graph a constraint is two
edges (``a -> b`` weighing ``hi``, ``b -> a`` weighing ``-lo``), an upper bound is the
shortest distance from a zero point and a lower bound the negated shortest distance
back to it (Dechter, Meiri and Pearl 1991). Shortest paths are found by queue-based
Bellman-Ford relaxation over adjacency lists: linear in practice on sparse networks,
with no all-pairs work. A negative cycle, or a variable whose lower bound passes its
upper bound, is a contradiction, reported with the chain of constraints behind it.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence

import attrs

INF = float("inf")

# One directed edge: (target variable, weight, constraint index); -1 for "own bound".
Edge = tuple[int, float, int]

# A variable with no edges shares this one empty tuple: most events stand alone, and a
# list per variable for nothing was a large part of a big chronology's memory.
NO_EDGES: tuple[Edge, ...] = ()


@attrs.frozen
class Contradiction(Exception):
    """Constraints with no solution: the variable where they meet and the chain behind it.

    ``chain`` lists constraint indices in order; ``lower_from`` and ``upper_from`` are
    the variables whose own bounds start the two halves (None for a pure cycle).
    """

    variable: int
    chain: tuple[int, ...]
    lower_from: int | None
    upper_from: int | None


class Network:
    """Variables with own bounds, and difference constraints between them."""

    __slots__ = ("incoming", "lower", "outgoing", "size", "upper")

    def __init__(self, lower: list[float], upper: list[float]) -> None:
        self.size = len(lower)
        self.lower = lower
        self.upper = upper
        self.outgoing: list[Sequence[Edge]] = [NO_EDGES] * self.size
        self.incoming: list[Sequence[Edge]] = [NO_EDGES] * self.size

    def constrain(self, a: int, b: int, lo: float, hi: float, why: int) -> None:
        """``lo <= v[b] - v[a] <= hi``; ``why`` names the constraint in explanations."""
        if hi < INF:
            _add(self.outgoing, a, (b, hi, why))
            _add(self.incoming, b, (a, hi, why))
        if lo > -INF:
            _add(self.outgoing, b, (a, -lo, why))
            _add(self.incoming, a, (b, -lo, why))

    def frozen_edges(self) -> tuple[tuple[Edge, ...], ...]:
        """The outgoing edges as tuples, for keeping after the build; the lists are let go
        as they are copied (and the incoming ones at once), so the two never both stay."""
        self.incoming = [NO_EDGES] * self.size
        out = self.outgoing
        for v, edges in enumerate(out):
            if edges:
                out[v] = tuple(edges)
        return tuple(out)  # type: ignore[arg-type]  # every item a tuple now

    def propagate(self) -> tuple[list[float], list[float]]:
        """The narrowest windows: (lower, upper) per variable, or raise Contradiction."""
        _shortest(self.outgoing, [0.0] * self.size, all_sources=True)  # cycles anywhere
        upper, upper_pred = _shortest(self.outgoing, list(self.upper))
        neg_lower, lower_pred = _shortest(self.incoming, [-x for x in self.lower])
        lower = [-x for x in neg_lower]
        for v in range(self.size):
            if lower[v] > upper[v]:
                below = _walk(lower_pred, v)
                above = _walk(upper_pred, v)
                raise Contradiction(
                    v,
                    tuple(reversed([why for why, _ in below])) + tuple(w for w, _ in above),
                    below[-1][1] if below else v,
                    above[-1][1] if above else v,
                )
        return lower, upper


def _add(adjacency: list[Sequence[Edge]], v: int, edge: Edge) -> None:
    edges = adjacency[v]
    if isinstance(edges, list):
        edges.append(edge)
    else:
        adjacency[v] = [*edges, edge]


def _walk(pred: list[tuple[int, int]], v: int) -> list[tuple[int, int]]:
    """(constraint, variable reached) steps back to where a bound came from."""
    steps: list[tuple[int, int]] = []
    seen = set()
    while pred[v][0] >= 0 and v not in seen:
        seen.add(v)
        u, why = pred[v]
        steps.append((why, u))
        v = u
    return steps


def _shortest(
    adjacency: Sequence[Sequence[Edge]], dist: list[float], *, all_sources: bool = False
) -> tuple[list[float], list[tuple[int, int]]]:
    """Queue-based Bellman-Ford from every finite start; raises Contradiction on a cycle."""
    size = len(dist)
    pred: list[tuple[int, int]] = [(-1, -1)] * size
    queue = deque(v for v in range(size) if dist[v] < INF)
    queued = bytearray(size)
    for v in queue:
        queued[v] = 1
    relaxed = 0
    check_every = max(size, 1)
    while queue:
        u = queue.popleft()
        queued[u] = 0
        du = dist[u]
        for v, w, why in adjacency[u]:
            candidate = du + w
            if candidate < dist[v]:
                dist[v] = candidate
                pred[v] = (u, why)
                relaxed += 1
                if relaxed % check_every == 0:
                    _raise_on_cycle(pred)
                if not queued[v]:
                    queued[v] = 1
                    queue.append(v)
    if all_sources:
        _raise_on_cycle(pred)
    return dist, pred


def _raise_on_cycle(pred: list[tuple[int, int]]) -> None:
    """A cycle among predecessors means a negative cycle (Bellman-Ford's invariant)."""
    state = bytearray(len(pred))  # 0 new, 1 on the current walk, 2 done
    for start in range(len(pred)):
        if state[start]:
            continue
        walk = []
        v = start
        while v >= 0 and state[v] == 0:
            state[v] = 1
            walk.append(v)
            v = pred[v][0]
        if v >= 0 and state[v] == 1:
            cycle = []
            u = v
            while True:
                prev, why = pred[u]
                cycle.append(why)
                u = prev
                if u == v:
                    break
            raise Contradiction(v, tuple(reversed(cycle)), None, None)
        for u in walk:
            state[u] = 2
