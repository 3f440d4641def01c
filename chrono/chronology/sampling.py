"""Consistent histories of the constrained events, drawn by Gibbs sampling.

The variables are days tied by difference constraints ``x[b] - x[a] <= w``. Given
every other day, the days one variable may take form an interval (its own window
cut by each constraint), so each step draws it exactly, uniformly from that
interval; the chain's stationary law is the uniform one over consistent
histories. Many chains run side by side as the columns of one array (numpy), and
variables that share no constraint are drawn together (a colouring of the
constraint graph), so a sweep costs a few array operations whatever the number of
chains. The chains start spread out between the earliest and the latest history
(the floor of a mix of two consistent histories is consistent, the weights being
integers) and the generator is seeded from the input: the same chronology gives
the same draws on every run and machine.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Sequence
from typing import Any

Edge = tuple[int, int, int]  # (a, b, w): x[b] - x[a] <= w

Array = Any  # numpy arrays: numpy is imported only when something must be sampled


class Draws:
    """``chains * kept`` histories of variables 0..k-1, one column per draw."""

    def __init__(
        self,
        low: Sequence[int],
        high: Sequence[int],
        edges: Sequence[Edge],
        *,
        chains: int,
        kept: int,
        burn_in: int,
        seed: str,
        longest: int = 0,
    ) -> None:
        import numpy as np

        k = len(low)
        self.size = k
        self.chains = chains
        self.kept = kept
        self.low = np.asarray(low, dtype=np.int64)
        self.high = np.asarray(high, dtype=np.int64)
        zero = k  # a row of zeros: own bounds are constraints from it
        lower: list[list[tuple[int, int]]] = [[(zero, lo)] for lo in low]
        upper: list[list[tuple[int, int]]] = [[(zero, hi)] for hi in high]
        neighbours: list[set[int]] = [set() for _ in range(k)]
        for a, b, w in edges:
            upper[b].append((a, w))  # x[b] <= x[a] + w
            lower[a].append((b, -w))  # x[a] >= x[b] - w
            neighbours[a].add(b)
            neighbours[b].add(a)
        self._lower = [(np.array([s for s, _ in c]), np.array([d for _, d in c])) for c in lower]
        self._upper = [(np.array([s for s, _ in c]), np.array([d for _, d in c])) for c in upper]
        colour = [-1] * k
        for v in range(k):
            taken = {colour[u] for u in neighbours[v]}
            colour[v] = next(c for c in range(k + 1) if c not in taken)
        classes = [
            [v for v in range(k) if colour[v] == c] for c in range(max(colour, default=-1) + 1)
        ]
        plans = [(_plan(np, vs, lower), _plan(np, vs, upper), np.array(vs)) for vs in classes]
        digest = hashlib.sha256(seed.encode("utf-8")).digest()
        rng = np.random.default_rng(int.from_bytes(digest[:8], "little"))
        mix = (np.arange(chains) + 0.5) / chains
        state = np.zeros((k + 1, chains), dtype=np.int64)
        state[:k] = self.low[:, None] + np.floor(
            (self.high - self.low)[:, None] * mix[None, :]
        ).astype(np.int64)
        width = int((self.high - self.low).max(initial=0))
        dtype = np.int32 if width < 2**31 - 1 else np.int64
        kept_draws = np.empty((k, chains, kept), dtype=dtype)

        def sweep() -> None:
            for (lo_src, lo_add, lo_at), (hi_src, hi_add, hi_at), vs in plans:
                lo = np.maximum.reduceat(state[lo_src] + lo_add[:, None], lo_at, axis=0)
                hi = np.minimum.reduceat(state[hi_src] + hi_add[:, None], hi_at, axis=0)
                u = rng.random((len(vs), chains))
                state[vs] = lo + np.floor(u * (hi - lo + 1)).astype(np.int64)

        # Warm up until the chains that started low and those that started high agree
        # on every variable (a split test on the current days), doubling the warm-up
        # each time, up to ``longest`` sweeps.
        done = 0
        target = burn_in
        while True:
            for _ in range(target - done):
                sweep()
            done = target
            self.split = _split(np, state[:k])
            if self.split <= _agree(k) or done >= longest:
                break
            target = min(2 * done, longest)
        self.burn_in = done
        self.converged = self.split <= _agree(k)
        for t in range(kept):
            sweep()
            kept_draws[:, :, t] = state[:k] - self.low[:, None]
        self._draws = kept_draws.reshape(k, chains * kept)  # chain by chain

    @property
    def count(self) -> int:
        return self.chains * self.kept

    def value(self, v: int) -> Array:
        import numpy as np

        return self._draws[v].astype(np.int64) + self.low[v]

    def window(self, v: int) -> tuple[Array, Array]:
        """Per draw, the days x[v] may take given every other day of that draw."""
        import numpy as np

        def bound(src: Array, add: Array, pick: Any) -> Array:
            out = None
            for s, a in zip(src.tolist(), add.tolist(), strict=True):
                if s == self.size:
                    cand = np.full(self.count, a, dtype=np.int64)
                else:
                    cand = self.value(s) + a
                out = cand if out is None else pick(out, cand)
            return out

        return bound(*self._lower[v], np.maximum), bound(*self._upper[v], np.minimum)


def _split(np: Any, state: Array) -> float:
    """The largest z-score between the mean day of the low-started and the high-started
    halves of the chains, over all variables (0 where they all agree exactly)."""
    half = state.shape[1] // 2
    early, late = state[:, :half].astype(np.float64), state[:, half:].astype(np.float64)
    diff = np.abs(early.mean(axis=1) - late.mean(axis=1))
    spread = np.sqrt(early.var(axis=1, ddof=1) / half + late.var(axis=1, ddof=1) / half)
    z = np.where(
        spread > 0, diff / np.where(spread > 0, spread, 1.0), np.where(diff > 0, np.inf, 0.0)
    )
    return float(z.max(initial=0.0))


def _agree(k: int) -> float:
    """A z-score that k independent agreeing variables exceed rarely (max of k normals)."""
    return 3.0 + math.sqrt(2.0 * math.log(max(k, 1)))


def _plan(np: Any, vs: list[int], bounds: list[list[tuple[int, int]]]) -> tuple[Array, ...]:
    """Index arrays for reduceat: every candidate bound of the class's variables, in order."""
    src: list[int] = []
    add: list[int] = []
    at: list[int] = []
    for v in vs:
        at.append(len(src))
        for s, d in bounds[v]:
            src.append(s)
            add.append(d)
    return np.array(src), np.array(add, dtype=np.int64), np.array(at)
