"""Rows of the chart: lanes under their headings, events packed into shared rows.

Packing is the stacking of vis-timeline and Aeon Timeline (timeline.md): taken in
display order, an event goes into the first row of its lane where its drawn extent,
and the room its label needs beside it, collide with nothing already there. Widths
are estimated in pixels of a chart of a given width, so that a label placed to the
right of its bar does not run into the next event of the row.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Sequence
from itertools import pairwise

import attrs

LAYOUTS = ("packed", "rows")
CHAR_PX = 7.0  # the average width of a character of a 12 px label (DejaVu/Liberation Sans)
GAP_PX = 10.0  # room left between a bar's label and the next thing in its row


@attrs.frozen
class Item:
    """What packing knows of an event: its drawn extent in pixels and its label's width."""

    lane: str
    low: float
    high: float
    label: float


@attrs.frozen
class Slot:
    """Where an event is drawn: its row, and where its label goes (``right`` of the bar,
    ``left`` of it, ``inside`` it when the bar is wider than the chart's room beside
    it, or on the ``axis`` in the rows layout)."""

    row: int
    side: str


@attrs.frozen
class Lane:
    """A lane's heading row and the rows of its events (``first`` to ``last``): packed,
    the heading names the lane beside its first row; in rows, it is a row of its own."""

    name: str
    heading: int
    first: int
    last: int


@attrs.frozen
class Plan:
    rows: int
    slots: tuple[Slot, ...]
    lanes: tuple[Lane, ...]


class _Row:
    """The extents taken in one row, kept sorted and apart: one bisection per test."""

    __slots__ = ("ends", "reach", "starts")

    def __init__(self) -> None:
        self.starts: list[float] = []
        self.ends: list[float] = []
        self.reach = float("-inf")  # the rightmost end: most events go after it

    def free(self, low: float, high: float) -> bool:
        if low >= self.reach:
            return True
        i = bisect_left(self.starts, low)
        if i < len(self.starts) and self.starts[i] < high:
            return False
        return not (i > 0 and self.ends[i - 1] > low)

    def take(self, low: float, high: float) -> None:
        i = bisect_left(self.starts, low)
        self.starts.insert(i, low)
        self.ends.insert(i, high)
        self.reach = max(self.reach, high)


def side_of(item: Item, width: float) -> str:
    """Right of the bar where the label fits before the edge, else left, else inside."""
    if item.high + GAP_PX + item.label <= width:
        return "right"
    if item.low - GAP_PX - item.label >= 0:
        return "left"
    return "inside"


def plan(items: Sequence[Item], layout: str, width: float) -> Plan:
    """The rows of ``items`` (in display order) on a chart ``width`` pixels wide."""
    if layout not in LAYOUTS:
        raise ValueError(f"layout {layout!r} is not one of {', '.join(LAYOUTS)}")
    order: list[str] = []
    members: dict[str, list[int]] = {}
    for i, item in enumerate(items):
        if item.lane not in members:
            order.append(item.lane)
            members[item.lane] = []
        members[item.lane].append(i)
    slots: list[Slot | None] = [None] * len(items)
    lanes: list[Lane] = []
    row = 0
    for name in order:
        heading = row
        if layout == "rows":  # titles are on the axis: the lane's name takes a row of its own
            row += 1
        first = row
        if layout == "rows":
            for i in members[name]:
                slots[i] = Slot(row, "axis")
                row += 1
        else:
            taken: list[_Row] = []
            for i in members[name]:
                item = items[i]
                side = side_of(item, width)
                low, high = item.low, item.high
                if side == "right":
                    high += GAP_PX + item.label
                elif side == "left":
                    low -= GAP_PX + item.label
                else:
                    high = max(high, low + item.label + GAP_PX)
                high = max(high, low + 1)
                k = next((k for k, r in enumerate(taken) if r.free(low, high)), len(taken))
                if k == len(taken):
                    taken.append(_Row())
                taken[k].take(low, high)
                slots[i] = Slot(first + k, side)
            row = first + len(taken)
        lanes.append(Lane(name, heading, first, row - 1))
    done = [s for s in slots if s is not None]
    assert len(done) == len(items)
    return Plan(row, tuple(done), tuple(lanes))


def collisions(items: Sequence[Item], result: Plan, width: float) -> list[tuple[int, int]]:
    """Pairs of events whose extents and labels overlap in one row (none, when packed).

    For tests: it measures what :func:`plan` promises, independently of how it packs.
    """
    spans: dict[int, list[tuple[float, float, int]]] = {}
    for i, (item, slot) in enumerate(zip(items, result.slots, strict=True)):
        low, high = item.low, item.high
        if slot.side == "right":
            high += item.label
        elif slot.side == "left":
            low -= item.label
        elif slot.side == "inside":
            high = max(high, low + item.label)
        insort(spans.setdefault(slot.row, []), (low, high, i))
    bad = []
    for row in spans.values():
        for (_, high, i), (low, _, j) in pairwise(row):
            if low < high:
                bad.append((i, j))
    return bad
