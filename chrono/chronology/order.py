"""Precedence under uncertainty, the display order and rank ranges (events.md).

Event ``i`` has variables ``2i`` (start) and ``2i+1`` (end). A certainly precedes B
when A's latest start is before B's earliest start, or when a chain of constraints
forces A's end no later than B's start. Chains are followed over edges of weight
``<= 0`` only (each step can only keep or lower the day), from B's start back to A's
end; the search is pruned to variables whose window can still matter, so sparse
networks cost little more than their size, with no all-pairs work.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from typing import NamedTuple

from chrono.chronology.network import Edge


def chained_before(
    event: int,
    lower: Sequence[float],
    upper: Sequence[float],
    outgoing: Sequence[Sequence[Edge]],
) -> set[int]:
    """Events whose end a chain forces no later than ``event``'s start, among those whose
    latest start is not already before ``event``'s earliest start."""
    start = 2 * event
    floor = lower[start]
    found: set[int] = set()
    seen = {start}
    stack = [start]
    while stack:
        u = stack.pop()
        for v, w, _why in outgoing[u]:
            if w > 0 or v in seen or upper[v] < floor:
                continue
            seen.add(v)
            stack.append(v)
            if v % 2 == 1 and v // 2 != event and upper[v - 1] >= floor:
                found.add(v // 2)
    return found


def certainly_precedes(
    a: int,
    b: int,
    lower: Sequence[float],
    upper: Sequence[float],
    outgoing: Sequence[Sequence[Edge]],
) -> bool:
    if a == b:
        return False
    if upper[2 * a] < lower[2 * b]:
        return True
    # chains both ways force the two onto one day: simultaneous, neither precedes
    return a in chained_before(b, lower, upper, outgoing) and b not in chained_before(
        a, lower, upper, outgoing
    )


class Ordering(NamedTuple):
    """The display order (event indices), each event's rank range ``(min, max)``, and the
    pairs of events that chains both ways force onto one day."""

    order: list[int]
    ranks: list[tuple[int, int]]
    simultaneous: list[tuple[int, int]]


def order_and_ranks(
    ids: Sequence[str],
    lower: Sequence[float],
    upper: Sequence[float],
    outgoing: Sequence[Sequence[Edge]],
) -> Ordering:
    """The display order, the rank ranges, and the events forced onto one day."""
    n = len(ids)
    latest_starts = sorted(upper[2 * i] for i in range(n))
    earliest_starts = sorted(lower[2 * i] for i in range(n))
    chained: dict[int, set[int]] = {}
    for i in range(n):
        before = chained_before(i, lower, upper, outgoing)
        if before:
            chained[i] = before
    # Events forced onto the same day by chains both ways are simultaneous: neither
    # precedes the other, so the ranks stay ordered and the display order exists.
    mutual = [(i, x) for i, before in chained.items() for x in before if i in chained.get(x, ())]
    for i, x in mutual:
        chained[i].discard(x)
    followers = [0] * n
    for before in chained.values():
        for x in before:
            followers[x] += 1
    ranks: list[tuple[int, int]] = []
    shared: dict[tuple[int, int], tuple[int, int]] = {}  # events with equal windows share one
    for i in range(n):
        # latest start before my earliest start, or earliest start after my latest start
        preceding = bisect_left(latest_starts, lower[2 * i]) + len(chained.get(i, ()))
        following = n - bisect_right(earliest_starts, upper[2 * i]) + followers[i]
        rank = (1 + preceding, n - following)
        ranks.append(shared.setdefault(rank, rank))

    def key(i: int) -> tuple[float, float, float, str]:
        return (lower[2 * i], upper[2 * i], lower[2 * i + 1], ids[i])

    order = sorted(range(n), key=key)
    return Ordering(_respect_chains(order, key, chained), ranks, mutual)


Key = Callable[[int], tuple[float, float, float, str]]


def _respect_chains(order: list[int], key: Key, chained: dict[int, set[int]]) -> list[int]:
    """Within runs of equal sort keys (but for the id), put chained predecessors first.

    Outside such runs the key already follows certain precedence: a forced chain makes
    the earlier event's earliest start, latest start and earliest end no later.
    """
    result: list[int] = []
    k = key
    i = 0
    while i < len(order):
        j = i
        head = k(order[i])[:3]
        while j < len(order) and k(order[j])[:3] == head:
            j += 1
        run = order[i:j]
        if len(run) > 1 and any(chained.get(x) for x in run):
            result.extend(_topological(run, k, chained))
        else:
            result.extend(run)
        i = j
    return result


def _topological(run: list[int], key: Key, chained: dict[int, set[int]]) -> list[int]:
    members = set(run)
    preds = {x: chained.get(x, set()) & members for x in run}
    succs: dict[int, list[int]] = {x: [] for x in run}
    for x, ps in preds.items():
        for p in ps:
            succs[p].append(x)
    waiting = {x: len(ps) for x, ps in preds.items()}
    heap = [(key(x), x) for x in run if waiting[x] == 0]
    heapq.heapify(heap)
    out: list[int] = []
    while heap:
        _k, x = heapq.heappop(heap)
        out.append(x)
        for s in succs[x]:
            waiting[s] -= 1
            if waiting[s] == 0:
                heapq.heappush(heap, (key(s), s))
    # a zero-length cycle (events forced to the same day) leaves members waiting: keep keys
    out.extend(sorted((x for x in run if waiting[x] > 0), key=key))
    return out
