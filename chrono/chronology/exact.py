"""Exact figures for events no constraint ties to others: sums over their windows.

An unconstrained event's day (a moment) or days (a span) are uniform over the
integer points of its window, so its start and its end each have a probability
mass that is piecewise linear in the day. A piece ``(lo, hi, n0, n1)`` weighs
``n0 + n1 * (t - lo)`` at each day ``t`` of ``lo..hi``; a :class:`Dist` divides
its pieces' weights by ``den``. Every sum below is a sum of polynomials over
runs of days, done with integer power sums, so windows of any width cost the
same and the figures are exact (up to one final division).
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

Piece = tuple[int, int, int, int]  # lo, hi, n0, n1

SCALE = 1 << 62  # fixed point of the rank sweep: exact integer sums, one rounding per piece


class Dist(NamedTuple):
    """A probability mass over days ``lo..hi``: piece weights divided by ``den``."""

    pieces: tuple[Piece, ...]
    den: int
    lo: int
    hi: int


def dist(pieces: tuple[Piece, ...], den: int) -> Dist:
    return Dist(pieces, den, pieces[0][0], pieces[-1][1])


def uniform(lo: int, hi: int) -> Dist:
    return Dist(((lo, hi, 1, 0),), hi - lo + 1, lo, hi)


def moment(lo: int, hi: int) -> tuple[Dist, Dist]:
    """Start and end of a moment: one day, the same for both."""
    d = uniform(lo, hi)
    return d, d


def span(s1: int, s2: int, e1: int, e2: int) -> tuple[Dist, Dist]:
    """Start and end of a span whose (S, E) is uniform over S in s1..s2, E in e1..e2, S <= E."""
    e1 = max(e1, s1)
    s2 = min(s2, e2)
    flat = min(s2, e1) - s1 + 1  # starts on or before e1: every end is allowed
    slope = max(0, s2 - e1)  # starts after e1: fewer ends as the start moves on
    den = flat * (e2 - e1 + 1) + slope * (e2 - e1) - slope * (slope - 1) // 2
    starts: list[Piece] = [(s1, min(s2, e1), e2 - e1 + 1, 0)]
    if slope:
        starts.append((e1 + 1, s2, e2 - e1, -1))
    ends: list[Piece] = []
    if e1 <= s2 - 1:
        ends.append((e1, min(e2, s2 - 1), e1 - s1 + 1, 1))
    if max(e1, s2) <= e2:
        ends.append((max(e1, s2), e2, s2 - s1 + 1, 0))
    return dist(tuple(starts), den), dist(tuple(ends), den)


# Polynomials in the day t, as integer coefficient lists (lowest degree first).


def _mul(a: Sequence[int], b: Sequence[int]) -> list[int]:
    out = [0] * (len(a) + len(b) - 1)
    for i, x in enumerate(a):
        if x:
            for j, y in enumerate(b):
                out[i + j] += x * y
    return out


def _power_sum(k: int, n: int) -> int:
    """sum of t**k for t in 0..n (n >= -1); integers all the way."""
    if n < 0:
        return 0
    if k == 0:
        return n + 1
    if k == 1:
        return n * (n + 1) // 2
    if k == 2:
        return n * (n + 1) * (2 * n + 1) // 6
    if k == 3:
        return (n * (n + 1) // 2) ** 2
    if k == 4:
        return n * (n + 1) * (2 * n + 1) * (3 * n * n + 3 * n - 1) // 30
    raise ValueError(k)


def _sum_poly(poly: Sequence[int], a: int, b: int) -> int:
    """sum of poly(t) for t in a..b, with a >= 0 (callers shift days to start at 0)."""
    if b < a:
        return 0
    return sum(c * (_power_sum(k, b) - _power_sum(k, a - 1)) for k, c in enumerate(poly) if c)


def _weight(piece: Piece, origin: int) -> list[int]:
    """The piece's weight as a polynomial in u = t - origin."""
    lo, _hi, n0, n1 = piece
    return [n0 + n1 * (origin - lo), n1]


def _twice_tail(piece: Piece, origin: int) -> list[int]:
    """2 * the weight of the piece on days after t (t inside lo..hi), in u = t - origin."""
    lo, hi, n0, n1 = piece
    # sum over s in t+1..hi of n0 + n1 (s - lo) = n0 (hi - t) + n1 (T(hi - lo) - T(t - lo)),
    # T(x) = x (x + 1) / 2; with t = u + origin, x = u + c where c = origin - lo.
    c = origin - lo
    h = hi - lo
    # 2 * [n0 (h - u - c)] + n1 (h (h + 1) - (u + c)(u + c + 1))
    return [
        2 * n0 * (h - c) + n1 * (h * (h + 1) - c * (c + 1)),
        -2 * n0 - n1 * (2 * c + 1),
        -n1,
    ]


def _mass(piece: Piece) -> int:
    lo, hi, n0, n1 = piece
    n = hi - lo + 1
    return n0 * n + n1 * n * (n - 1) // 2


def p_before(first: Dist, second: Dist) -> float:
    """P(X < Y) for independent X ~ first, Y ~ second."""
    if first.hi < second.lo:
        return 1.0
    if second.hi <= first.lo:
        return 0.0
    if first.den == first.hi - first.lo + 1 and second.den == second.hi - second.lo + 1:
        return _uniform_before(first.lo, first.hi, second.lo, second.hi)  # both uniform
    origin = min(first.lo, second.lo)
    total = 0  # twice the weight of pairs x < y
    for a in first.pieces:
        for b in second.pieces:
            a_lo, a_hi = a[0], a[1]
            b_lo, b_hi = b[0], b[1]
            # x before b's first day: all of b is later
            full_hi = min(a_hi, b_lo - 1)
            if full_hi >= a_lo:
                w = _weight(a, origin)
                total += 2 * _mass(b) * _sum_poly(w, a_lo - origin, full_hi - origin)
            lo, hi = max(a_lo, b_lo), min(a_hi, b_hi - 1)
            if lo <= hi:
                poly = _mul(_weight(a, origin), _twice_tail(b, origin))
                total += _sum_poly(poly, lo - origin, hi - origin)
    return total / (2 * first.den * second.den)


def _uniform_before(a1: int, a2: int, b1: int, b2: int) -> float:
    """P(X < Y) for X uniform on a1..a2 and Y on b1..b2: pairs counted in closed form."""
    full = max(0, min(a2, b1 - 1) - a1 + 1) * (b2 - b1 + 1)  # x before all of Y
    lo, hi = max(a1, b1), min(a2, b2)
    partial = 0
    if lo <= hi:  # sum of b2 - x for x in lo..hi
        partial = (hi - lo + 1) * (2 * b2 - lo - hi) // 2
    return (full + partial) / ((a2 - a1 + 1) * (b2 - b1 + 1))


def p_tie(first: Dist, second: Dist) -> float:
    """P(X == Y) for independent X and Y."""
    if first.hi < second.lo or second.hi < first.lo:
        return 0.0
    origin = min(first.lo, second.lo)
    total = 0
    for a in first.pieces:
        for b in second.pieces:
            lo, hi = max(a[0], b[0]), min(a[1], b[1])
            if lo <= hi:
                poly = _mul(_weight(a, origin), _weight(b, origin))
                total += _sum_poly(poly, lo - origin, hi - origin)
    return total / (first.den * second.den)


class RankSweep:
    """K(x) = sum over a set of starts B of P(S_B < x) + P(S_B = x) / 2, summed over windows.

    Built once from every piece (sorted breakpoints, a running quadratic), then
    ``expect(dist)`` is E[K(X)] and ``window_mean(lo, hi)`` the mean of K over
    lo..hi, each in O(log n): the n log n of expected ranks. Values are kept as
    integers scaled by 2 * SCALE, so differences of prefix sums cancel exactly.
    """

    __slots__ = ("_coefficients", "c0", "c1", "c2", "floats", "p0", "p1", "points")

    def __init__(self, dists: Iterable[tuple[Dist, int, int]], *, anywhere: bool = True) -> None:
        """``anywhere=False`` keeps less: exact sums then only start and end on breakpoints
        (days where some piece starts, or ends the day before), as the sweep's own
        distributions do; ``window_sums`` still works anywhere."""
        # per piece: at lo start the polynomial 2K = c0 + 2 c0 tau + c1 tau^2 (tau = x - lo),
        # at hi + 1 replace it by its constant total 2 * mass.
        starts: dict[int, list[int]] = {}
        for dist, num, den in dists:  # each weighted num / den
            d = dist.den * den
            for lo, hi, n0, n1 in dist.pieces:
                c0 = n0 * num * SCALE // d
                c1 = n1 * num * SCALE // d
                n = hi - lo + 1
                a = (c0, 2 * c0, c1)
                b = (a[0] + a[1] * n + a[2] * n * n, a[1] + 2 * a[2] * n, a[2])  # at hi + 1
                total = 2 * c0 * n + c1 * n * (n - 1)
                add = starts.setdefault(lo, [0, 0, 0])
                add[0] += a[0]
                add[1] += a[1]
                add[2] += a[2]
                sub = starts.setdefault(hi + 1, [0, 0, 0])
                sub[0] += total - b[0]
                sub[1] -= b[1]
                sub[2] -= b[2]
        self.points = sorted(starts)
        self.floats: tuple[Any, ...] | None = None  # for window_sums, made on first use
        k0 = k1 = k2 = 0
        previous = None
        self.c0: list[int] = []
        self.c1: list[int] = []
        self.c2: list[int] = []
        self.p0: list[int] = [0]  # sum of 2K over days before each point
        self.p1: list[int] = [0]  # sum of t * 2K
        scale = 2.0 * SCALE
        f0, f1, f2 = array("d"), array("d"), array("d")
        for u in self.points:
            if previous is not None:
                delta = u - previous
                q0, q1 = _segment(k0, k1, k2, delta)
                self.p0.append(self.p0[-1] + q0)
                self.p1.append(self.p1[-1] + previous * q0 + q1)
                k0, k1 = k0 + k1 * delta + k2 * delta * delta, k1 + 2 * k2 * delta
            step = starts.pop(u)
            k0, k1, k2 = k0 + step[0], k1 + step[1], k2 + step[2]
            if anywhere:
                self.c0.append(k0)
                self.c1.append(k1)
                self.c2.append(k2)
            f0.append(k0 / scale)
            f1.append(k1 / scale)
            f2.append(k2 / scale)
            previous = u
        self._coefficients = (f0, f1, f2)

    def _before(self, x: int) -> tuple[int, int]:
        """(sum of 2K, sum of t * 2K) over days t < x."""
        k = bisect_right(self.points, x) - 1
        if k < 0:
            return 0, 0
        u = self.points[k]
        if u == x:
            return self.p0[k], self.p1[k]
        q0, q1 = _segment(self.c0[k], self.c1[k], self.c2[k], x - u)
        return self.p0[k] + q0, self.p1[k] + u * q0 + q1

    def expect(self, dist: Dist) -> float:
        """E[K(X)] for X ~ dist."""
        total = 0
        for lo, hi, n0, n1 in dist.pieces:
            a0, a1 = self._before(lo)
            b0, b1 = self._before(hi + 1)
            s0, s1 = b0 - a0, b1 - a1
            total += n0 * s0 + n1 * (s1 - lo * s0)
        return total / (2 * SCALE * dist.den)

    def window_mean(self, lo: int, hi: int) -> float:
        """The mean of K over the days lo..hi."""
        return self.expect(uniform(lo, hi))

    def window_sums(self, lo: Any, hi: Any) -> Any:
        """Sums of K over days lo..hi, element by element, for numpy arrays of days.

        In floating point: a sum of K over a window (unlike a sum weighted by the
        day) loses nothing that matters in the difference of two prefix sums.
        """
        import numpy as np

        if not self.points:
            return np.zeros(len(lo))
        if self.floats is None:
            scale = 2.0 * SCALE
            self.floats = (
                np.array(self.points, dtype=np.int64),
                np.array([x / scale for x in self.p0]),
                *(np.frombuffer(xs, dtype=np.float64) for xs in self._coefficients),
            )
        points, p0, k0, k1, k2 = self.floats

        def before(x: Any) -> Any:
            k = np.searchsorted(points, x, side="right") - 1
            inside = k >= 0
            k = np.maximum(k, 0)
            n = (x - points[k]).astype(np.float64)
            part = k0[k] * n + k1[k] * n * (n - 1) / 2 + k2[k] * (n - 1) * n * (2 * n - 1) / 6
            return np.where(inside, p0[k] + part, 0.0)

        return before(np.asarray(hi) + 1) - before(np.asarray(lo))


def _segment(k0: int, k1: int, k2: int, n: int) -> tuple[int, int]:
    """(sum, sum of tau * value) of k0 + k1 tau + k2 tau^2 over tau in 0..n-1."""
    s1, s2, s3 = _power_sum(1, n - 1), _power_sum(2, n - 1), _power_sum(3, n - 1)
    return k0 * n + k1 * s1 + k2 * s2, k0 * s1 + k1 * s2 + k2 * s3
