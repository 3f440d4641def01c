"""timeline.vis.json: vis-timeline items and groups, for ``new vis.Timeline(el, items, groups)``.

An item runs from the earliest possible start to the day after the latest
possible end (vis-timeline ends are instants, so a day ends at the next
midnight): ``type: "range"``; an event known to one day is a ``point``, and an
event with an open bound a ``point`` at the day that is known, with the class
``chrono-open-start`` or ``chrono-open-end``. ``content`` and ``title`` are HTML
to vis-timeline, so every user string is escaped; the window in words and the
EDTF are in ``title`` (the hover). Groups are the lanes in display order; when
there are lanes, events without one go in a group ``""`` shown as "(no lane)"
(vis-timeline hides ungrouped items once there are groups). Days are ISO text,
with six-digit signed years outside 0-9999 as JavaScript reads them (``-000499-01-01``).
"""

from __future__ import annotations

import html
import json
from typing import Any

from chrono.chronology import Placed, Timeline
from chrono.days import Day
from chrono.edtf_format import edtf
from chrono.export.when import when_words


def js_day(day: Day) -> str:
    """ISO 8601 as ``Date.parse`` takes it: extended years are six digits and signed."""
    y, m, d = day.ymd
    year = f"{y:04d}" if 0 <= y <= 9999 else f"{'-' if y < 0 else '+'}{abs(y):06d}"
    return f"{year}-{m:02d}-{d:02d}"


def item(p: Placed, grouped: bool = True) -> dict[str, Any]:
    e = p.event
    said = edtf(p.start, p.end)
    hover = [e.title, f"as written: {p.date_text}", when_words(p), f"EDTF {said.text}"]
    out: dict[str, Any] = {"id": e.id, "content": html.escape(e.title)}
    first, last = p.earliest, p.latest
    if first is not None and last is not None:
        out["start"] = js_day(first)
        if first == last:
            out["type"] = "point"
        else:
            out["end"] = js_day(last.plus(1))
            out["type"] = "range"
    else:
        known = first or last or p.start.latest or p.end.earliest
        if known is not None:
            out["start"] = js_day(known)
        out["type"] = "point"
        out["className"] = "chrono-open-end" if first is not None else "chrono-open-start"
    if grouped:
        out["group"] = e.lane or ""
    out["title"] = "<br>".join(html.escape(line) for line in hover)
    return out


def vis_dict(timeline: Timeline) -> dict[str, Any]:
    lanes = list(dict.fromkeys(p.event.lane or "" for p in timeline.events))
    grouped = lanes != [""]
    groups = [{"id": lane, "content": html.escape(lane) or "(no lane)"} for lane in lanes]
    items = [item(p, grouped) for p in timeline.events]
    return {"items": items, "groups": groups if grouped else []}


def vis(timeline: Timeline) -> bytes:
    text = json.dumps(vis_dict(timeline), ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")
