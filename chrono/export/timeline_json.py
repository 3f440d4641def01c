"""timeline.json (timeline.md): the ordered chronology, machine-readable."""

from __future__ import annotations

import json
from typing import Any

from chrono.chronology import Placed, Timeline
from chrono.edtf_format import edtf
from chrono.serialize import day_text, window_dict


def event_dict(placed: Placed) -> dict[str, Any]:
    """One event as timeline.json holds it; the first keys are the spec's."""
    e = placed.event
    out: dict[str, Any] = {
        "id": e.id,
        "title": e.title,
        "lane": e.lane,
        "date": placed.date_text,
        "start": window_dict(placed.start),
        "end": window_dict(placed.end),
        "earliest": day_text(placed.earliest),
        "latest": day_text(placed.latest),
        "rank": {"min": placed.rank[0], "max": placed.rank[1]},
        "file": e.file,
        "line": e.line,
        "position": placed.position,
    }
    said = edtf(placed.start, placed.end)
    out["edtf"] = said.text
    out["edtf_exact"] = said.exact
    own = placed.own
    if own is not None:
        out["precision"] = own.precision
        out["qualifiers"] = list(own.qualifiers)
    for field in ("source", "url", "description"):
        value = getattr(e, field)
        if value is not None:
            out[field] = value
    if e.tags:
        out["tags"] = list(e.tags)
    if e.relations:
        out["relations"] = [{"kind": kind, "id": other} for kind, other in e.relations]
    return out


def timeline_dict(timeline: Timeline) -> dict[str, Any]:
    return {
        "events": [event_dict(p) for p in timeline.events],
        "warnings": [str(w) for w in timeline.warnings if w.severity == "warning"],
    }


def timeline_json(timeline: Timeline) -> bytes:
    """Byte-for-byte the same for the same input: fixed key order, no timestamps."""
    text = json.dumps(timeline_dict(timeline), ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")
