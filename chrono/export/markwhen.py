"""timeline.mw: the chronology as markwhen text.

A front matter with the title, then each lane as a markdown section
(``# Lane``) holding its events in display order; events without a lane come
first, before any section (sections run to the next one). An event is its
line, ``DATE: title``, where DATE is the span from the earliest possible start
to the latest possible end as markwhen writes it (``2020-08``,
``2022-01-09/2022-07-03``, ``2020-08/now`` for an open end, ``500 BC-400 BC``
beyond the years markwhen's ISO dates take), then its properties: the id, the
exact windows as chrono date fields (``date`` or ``start``/``end``), the window
in words (``when``) and the EDTF, each value quoted as YAML (JSON strings), so
markwhen shows the uncertainty and chrono reads the same windows back.
"""

from __future__ import annotations

import json

from chrono.chronology import Placed, Timeline
from chrono.days import Day
from chrono.edtf_format import date_fields, edtf
from chrono.export.when import when_words


def _iso(day: Day) -> str:
    return day.isoformat()


def _era(year: int) -> str:
    return f"{1 - year} BC" if year <= 0 else f"{year} AD"


def date_part(p: Placed) -> str:
    """The span from earliest start to latest end, in a form markwhen's parser reads."""
    first, last = p.earliest, p.latest
    known = [d for d in (first, last, p.start.latest, p.end.earliest) if d is not None]
    if not known:
        return "now"
    if any(not 1 <= d.year <= 9999 for d in known):
        low, high = min(d.year for d in known), max(d.year for d in known)
        return _era(low) if low == high else f"{_era(low)}-{_era(high)}"
    if first is None:  # an open start: the last day it could have begun
        return _iso(p.start.latest or known[0])
    if last is None:
        return f"{_iso(first)}/now"
    (y, m, d), (ly, lm, _) = first.ymd, last.ymd
    if first == last:
        return _iso(first)
    if d == 1 and last == Day.last_of_month(ly, lm):
        if (y, m) == (ly, lm):
            return f"{y:04d}-{m:02d}"
        if (m, lm) == (1, 12):
            return f"{y:04d}" if y == ly else f"{y:04d}/{ly:04d}"
        return f"{y:04d}-{m:02d}/{ly:04d}-{lm:02d}"
    return f"{_iso(first)}/{_iso(last)}"


def _value(text: str) -> str:
    """A property value as YAML reads it: a JSON string is a YAML double-quoted scalar."""
    return json.dumps(text, ensure_ascii=False)


def event_text(p: Placed) -> list[str]:
    e = p.event
    title = " ".join(e.title.split())
    lines = [f"{date_part(p)}: {title}"]
    props: dict[str, str] = {"id": e.id}
    if title != e.title:
        props["title"] = e.title
    props.update(date_fields(p.start, p.end))
    said = edtf(p.start, p.end)
    props["when"] = when_words(p)
    if p.date_text:
        props["written"] = p.date_text
    props["edtf"] = said.text
    for name in ("description", "source", "url"):
        value = getattr(e, name)
        if value is not None:
            props[name] = value
    lines.extend(f"{key}: {_value(value)}" for key, value in props.items())
    if not said.exact:
        lines.append("edtf_exact: false")
    if e.tags:
        lines.append(f"tags: [{', '.join(_value(tag) for tag in e.tags)}]")
    return lines


def markwhen(timeline: Timeline, title: str) -> bytes:
    out = ["---", f"title: {_value(title)}", "---", ""]
    lanes: dict[str | None, list[Placed]] = {None: []}
    for p in timeline.events:
        lanes.setdefault(p.event.lane, []).append(p)
    for lane, placed in lanes.items():
        if lane is not None:
            out.extend([f"# {' '.join(lane.split())}", ""])
        for p in placed:
            out.extend([*event_text(p), ""])
    return "\n".join(out).encode("utf-8")
