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
    for field in ("source", "url", "description", "quote"):
        value = getattr(e, field)
        if value is not None:
            out[field] = value
    if e.tags:
        out["tags"] = list(e.tags)
    if e.relations:
        out["relations"] = [{"kind": kind, "id": other} for kind, other in e.relations]
    return out


def probability_fields(timeline: Timeline) -> list[dict[str, float | None]]:
    """Per event in display order: expected rank and P(before the next event)."""
    figures = timeline.probabilities
    return [
        {"expected_rank": _rounded(rank), "p_before_next": _rounded(following)}
        for rank, following in zip(figures.expected_rank, figures.p_before_next, strict=True)
    ]


def _rounded(value: float | None) -> float | None:
    """Four decimals: beyond them sampled figures only echo noise, and bytes stay stable."""
    return None if value is None else round(value, 4)


def timeline_dict(timeline: Timeline) -> dict[str, Any]:
    events = [event_dict(p) for p in timeline.events]
    for event, extra in zip(events, probability_fields(timeline), strict=True):
        event.update(extra)
    return {
        "events": events,
        "warnings": [str(w) for w in timeline.warnings if w.severity == "warning"],
    }


def timeline_json(timeline: Timeline) -> bytes:
    """Byte-for-byte the same for the same input: fixed key order, no timestamps.

    Encoded event by event, as ``json.dumps(timeline_dict(...), indent=2)`` would
    write it: one dump of 100,000 events holds millions of small pieces at once.
    """
    whole = timeline_dict(timeline)
    events = whole.pop("events")
    if not events:
        return (json.dumps({"events": [], **whole}, ensure_ascii=False, indent=2) + "\n").encode()
    parts = [b'{\n  "events": [\n']
    for k, event in enumerate(events):
        text = json.dumps(event, ensure_ascii=False, indent=2)
        parts.append((",\n" if k else "").encode() + _indented(text, 4).encode("utf-8"))
    parts.append(b"\n  ]")
    for key, value in whole.items():
        text = json.dumps(value, ensure_ascii=False, indent=2)
        parts.append(f",\n  {json.dumps(key)}: {_indented(text, 2)[2:]}".encode())
    parts.append(b"\n}\n")
    return b"".join(parts)


def _indented(text: str, spaces: int) -> str:
    pad = " " * spaces
    return pad + text.replace("\n", "\n" + pad)
