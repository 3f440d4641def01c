"""timeline.ics: one all-day VEVENT per event, written by the ``icalendar`` package (RFC 5545).

DTSTART is the earliest possible start and DTEND the day after the latest
possible end (all-day ends are exclusive); the description gives the date as
written, the window in words and the EDTF, then the event's description and
source. An open bound has no day to give a calendar: the event starts (or ends)
on the day that is known, and the words say the rest. A calendar's dates are
years 1-9999, so events outside them are left out, and the calendar's
description counts them. DTSTAMP, which RFC 5545 requires, is fixed at the Unix
epoch so that the same input gives the same bytes.
"""

from __future__ import annotations

import datetime as dt

from chrono.chronology import Placed, Timeline
from chrono.days import Day
from chrono.edtf_format import edtf
from chrono.export.when import when_words

_STAMP = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def _date(day: Day) -> dt.date | None:
    y, m, d = day.ymd
    return dt.date(y, m, d) if 1 <= y <= 9999 else None


def _span(p: Placed) -> tuple[dt.date, dt.date] | None:
    """First day and the day after the last, or None where a calendar cannot hold them."""
    known = [d for d in (p.earliest, p.latest, p.start.latest, p.end.earliest) if d is not None]
    if not known:
        return None
    first = p.earliest or min(known, key=lambda d: d.ordinal)
    last = p.latest or max(known, key=lambda d: d.ordinal)
    start, end = _date(first), _date(last.plus(1))
    if start is None or end is None:
        return None
    return start, end


def description(p: Placed) -> str:
    e = p.event
    lines = []
    if p.date_text:
        lines.append(f"As written: {p.date_text}")
    lines.append(f"When: {when_words(p)}")
    said = edtf(p.start, p.end)
    lines.append(f"EDTF: {said.text}" + ("" if said.exact else " (holds it; not exact)"))
    if e.description:
        lines.extend(["", e.description])
    if e.source:
        lines.extend(["", f"Source: {e.source}"])
    return "\n".join(lines)


def ics(timeline: Timeline, title: str) -> bytes:
    from icalendar import Calendar
    from icalendar import Event as CalendarEvent

    calendar = Calendar()
    calendar.add("prodid", "-//chrono-timeline//chrono//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", title)
    left_out = 0
    for p in timeline.events:
        span = _span(p)
        if span is None:
            left_out += 1
            continue
        e = p.event
        event = CalendarEvent()
        event.add("uid", f"{e.id}@chrono-timeline")
        event.add("dtstamp", _STAMP)
        event.add("dtstart", span[0])
        event.add("dtend", span[1])
        event.add("summary", e.title)
        event.add("description", description(p))
        if e.lane:
            event.add("categories", [e.lane])
        if e.url:
            event.add("url", e.url)
        calendar.add_component(event)
    if left_out:
        calendar.add("x-wr-caldesc", f"{left_out} events outside years 1-9999 left out")
    data: bytes = calendar.to_ical()
    return data
