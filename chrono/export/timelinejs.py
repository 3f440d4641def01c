"""timeline.timelinejs.json: the chronology as TimelineJS3 reads it (its JSON format).

Each event is a slide: ``start_date`` and ``end_date`` as year, month and day
parts at the precision the window has (a month is ``{"year": 2020, "month": 8}``
with no end), ``text.headline`` and ``text.text`` (HTML to TimelineJS, so every
user string is escaped, and the window is said in words there), ``group`` for
the lane and ``unique_id`` for the id. TimelineJS years are historical (no year
0; -500 is 500 BC). A ``chrono`` object on each slide, which TimelineJS ignores,
holds the id, the exact windows as date fields and the EDTF, so the file reads
back into chrono as the same windows.
"""

from __future__ import annotations

import html
import json
from typing import Any

from chrono.chronology import Placed, Timeline
from chrono.days import Day
from chrono.edtf_format import date_fields, edtf
from chrono.export.when import when_words
from chrono.model import Window

# JavaScript dates hold about 271,821 BC to AD 275,760; beyond, TimelineJS wants "cosmological"
_JS_YEARS = (-271820, 275759)


def historical(year: int) -> int:
    """Astronomical year (0 is 1 BC) to TimelineJS's (no year 0, -1 is 1 BC)."""
    return year if year > 0 else year - 1


def _parts(day: Day, grain: str) -> dict[str, int]:
    y, m, d = day.ymd
    out = {"year": historical(y)}
    if grain in ("month", "day"):
        out["month"] = m
    if grain == "day":
        out["day"] = d
    return out


def _grain(window: Window) -> str | None:
    """day, month or year when the window is exactly one; None otherwise."""
    first, last = window.earliest, window.latest
    if first is None or last is None:
        return None
    if first == last:
        return "day"
    (y, m, d), (ly, lm, _) = first.ymd, last.ymd
    if d != 1 or last != Day.last_of_month(ly, lm):
        return None
    if (y, m) == (ly, lm):
        return "month"
    return "year" if (m, ly, lm) == (1, y, 12) else None


def dates(p: Placed) -> dict[str, Any]:
    """``start_date`` and, where the slide has one, ``end_date``."""
    start, end = p.start, p.end
    if start == end:
        grain = _grain(start)
        if grain is not None:
            assert start.earliest is not None
            return {"start_date": _parts(start.earliest, grain)}
    out: dict[str, Any] = {}
    first = start.earliest or start.latest or end.earliest or end.latest
    if first is None:  # nothing known: TimelineJS needs a start, chrono has none to give
        return out
    grain = _grain(start) if start != end else None
    out["start_date"] = _parts(first, grain or "day")
    last = end.latest
    if last is not None:
        end_grain = _grain(end) if start != end else None
        out["end_date"] = _parts(last, end_grain or "day")
    return out


def _text(p: Placed) -> str:
    e = p.event
    said = edtf(p.start, p.end)
    paragraphs = []
    if e.description:
        paragraphs.append(e.description)
    paragraphs.append(f"When: {when_words(p)} (as written: {p.date_text}; EDTF {said.text}).")
    if e.source:
        paragraphs.append(f"Source: {e.source}")
    if e.url:
        paragraphs.append(e.url)  # TimelineJS links web addresses in the text itself
    return "".join(f"<p>{html.escape(text)}</p>" for text in paragraphs)


def slide(p: Placed) -> dict[str, Any]:
    e = p.event
    said = edtf(p.start, p.end)
    out: dict[str, Any] = dates(p)
    out["text"] = {"headline": html.escape(e.title), "text": _text(p)}
    if e.lane is not None:
        out["group"] = e.lane
    if p.date_text:
        out["display_date"] = p.date_text
    out["unique_id"] = e.id
    own: dict[str, Any] = {"id": e.id, **date_fields(p.start, p.end)}
    if e.title != e.title.strip():  # white space at its ends, which a headline loses
        own["title"] = e.title
    for name in ("description", "source", "url"):
        value = getattr(e, name)
        if value is not None:
            own[name] = value
    if e.tags:
        own["tags"] = list(e.tags)
    own["edtf"] = said.text
    own["edtf_exact"] = said.exact
    out["chrono"] = own
    return out


def timelinejs_dict(timeline: Timeline, title: str) -> dict[str, Any]:
    years = [d.year for p in timeline.events for d in (p.earliest, p.latest) if d is not None]
    deep = any(not _JS_YEARS[0] <= y <= _JS_YEARS[1] for y in years)
    return {
        "title": {"text": {"headline": html.escape(title), "text": ""}},
        "events": [slide(p) for p in timeline.events],
        "scale": "cosmological" if deep else "human",
    }


def timelinejs(timeline: Timeline, title: str) -> bytes:
    text = json.dumps(timelinejs_dict(timeline, title), ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")
