"""Consistent histories of one group of constrained events, drawn by Gibbs sampling.

Within a group the variables are days tied by difference constraints
``x[b] - x[a] <= w``. Given every other day, the days one variable may take form
an interval (its own window cut by each constraint), so each step draws it
exactly, uniformly from that interval; the chain's stationary law is the uniform
one over consistent histories. Several chains start from spread-out consistent
histories (floors of mixes of the earliest and the latest one, which stay
consistent because the weights are integers) and are seeded from the input, so
the same chronology gives the same draws on every run.
"""

from __future__ import annotations

import random
from array import array
from collections.abc import Sequence

import attrs

Edge = tuple[int, int, int]  # (a, b, w): x[b] - x[a] <= w


@attrs.frozen
class Group:
    """Variables 0..k-1 with windows and constraints; ``low`` and ``high`` are consistent."""

    low: tuple[int, ...]  # propagated: the earliest history
    high: tuple[int, ...]  # the latest history
    ups: tuple[tuple[tuple[int, int], ...], ...]  # x[v] <= x[a] + w
    downs: tuple[tuple[tuple[int, int], ...], ...]  # x[v] >= x[b] - w

    @classmethod
    def of(cls, low: Sequence[int], high: Sequence[int], edges: Sequence[Edge]) -> Group:
        ups: list[list[tuple[int, int]]] = [[] for _ in low]
        downs: list[list[tuple[int, int]]] = [[] for _ in low]
        for a, b, w in edges:
            ups[b].append((a, w))
            downs[a].append((b, w))
        return cls(
            tuple(low),
            tuple(high),
            tuple(tuple(u) for u in ups),
            tuple(tuple(d) for d in downs),
        )

    def window(self, state: Sequence[int], v: int) -> tuple[int, int]:
        """The days x[v] may take given every other day of ``state``."""
        lo, hi = self.low[v], self.high[v]
        for a, w in self.ups[v]:
            c = state[a] + w
            if c < hi:
                hi = c
        for b, w in self.downs[v]:
            c = state[b] - w
            if c > lo:
                lo = c
        return lo, hi


def draw(group: Group, chains: int, kept: int, burn_in: int, seed: str) -> array[int]:
    """``chains * kept`` histories (one per sweep after burn-in), flattened, chain by chain."""
    k = len(group.low)
    out: array[int] = array("q")
    low, high, ups, downs = group.low, group.high, group.ups, group.downs
    order = range(k)
    for c in range(chains):
        rng = random.Random(f"{seed}:{c}")
        rand = rng.random
        mix = (c + 0.5) / chains
        x = [lo + int((hi - lo) * mix) for lo, hi in zip(low, high, strict=True)]
        for sweep in range(burn_in + kept):
            for v in order:
                lo, hi = low[v], high[v]
                for a, w in ups[v]:
                    t = x[a] + w
                    if t < hi:
                        hi = t
                for b, w in downs[v]:
                    t = x[b] - w
                    if t > lo:
                        lo = t
                x[v] = lo + int(rand() * (hi - lo + 1))
            if sweep >= burn_in:
                out.extend(x)
    return out
