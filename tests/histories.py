"""Every consistent history of a small chronology, listed one by one: the probability
model's figures by brute force, written from the spec alone (no chrono code).

An event is a moment (one day in its window) or a span (a start day in one window,
an end day in another, start <= end). Relations are those of the events table:
``before`` (A.end <= B.start), ``after``, ``during``, ``contains``, ``overlaps``.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction


@dataclass(frozen=True)
class Spec:
    moment: bool
    start: tuple[int, int]
    end: tuple[int, int]  # ignored for a moment


def _choices(spec: Spec) -> list[tuple[int, int]]:
    if spec.moment:
        lo, hi = spec.start
        return [(d, d) for d in range(lo, hi + 1)]
    return [
        (s, e)
        for s in range(spec.start[0], spec.start[1] + 1)
        for e in range(spec.end[0], spec.end[1] + 1)
        if s <= e
    ]


def _holds(kind: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    (sa, ea), (sb, eb) = a, b
    if kind == "before":
        return ea <= sb
    if kind == "after":
        return eb <= sa
    if kind == "during":
        return sb <= sa and ea <= eb
    if kind == "contains":
        return sa <= sb and eb <= ea
    if kind == "overlaps":
        return sa <= sb <= ea <= eb
    raise ValueError(kind)


def histories(
    specs: Sequence[Spec], relations: Sequence[tuple[int, str, int]]
) -> list[tuple[tuple[int, int], ...]]:
    out = []
    for history in itertools.product(*(_choices(s) for s in specs)):
        if all(_holds(kind, history[a], history[b]) for a, kind, b in relations):
            out.append(history)
    return out


@dataclass(frozen=True)
class Exact:
    before: list[list[Fraction]]  # before[a][b] = P(E_a < S_b)
    expected_rank: list[Fraction]


def exact(specs: Sequence[Spec], relations: Sequence[tuple[int, str, int]]) -> Exact:
    found = histories(specs, relations)
    if not found:
        raise ValueError("no consistent history")
    n = len(specs)
    total = len(found)
    before = [[Fraction(0)] * n for _ in range(n)]
    ranks = [Fraction(0)] * n
    for h in found:
        for a in range(n):
            rank = Fraction(1)
            for b in range(n):
                if a == b:
                    continue
                if h[a][1] < h[b][0]:
                    before[a][b] += 1
                if h[b][0] < h[a][0]:
                    rank += 1
                elif h[b][0] == h[a][0]:
                    rank += Fraction(1, 2)
            ranks[a] += rank
    return Exact([[x / total for x in row] for row in before], [r / total for r in ranks])
