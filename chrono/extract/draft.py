"""Draft events from mentions, and the YAML and JSON that ``chrono extract`` prints."""

from __future__ import annotations

import json
import re
from typing import Any

from chrono.errors import ParseError
from chrono.extract import Extraction
from chrono.extract.mention import Mention
from chrono.model import Interval, Window
from chrono.parse import parse
from chrono.serialize import interval_dict

TITLE_CHARS = 80


def drafts(extraction: Extraction) -> list[dict[str, str]]:
    """One draft event per dated sentence: a headline, a date chrono reads the same, the quote."""
    events: list[dict[str, str]] = []
    seen: set[str] = set()
    for m in extraction.mentions:
        if m.part_of is not None or m.interval is None or m.sentence in seen:
            continue
        seen.add(m.sentence)
        quote = " ".join(m.sentence.split())
        events.append({"title": headline(quote), "date": written(m), "quote": quote})
    return events


def headline(sentence: str) -> str:
    """The sentence, shortened at a word boundary to a readable headline."""
    text = sentence.strip().strip("\"“”'‘’").rstrip(".")
    if len(text) <= TITLE_CHARS:
        return text
    cut = text[: TITLE_CHARS - 1].rsplit(" ", 1)[0].rstrip(",;:—-– ")
    return cut + "…"


def written(mention: Mention) -> str:
    """The mention's date written so that chrono reads it to the same windows, no reference.

    ``May 12`` in a document of 2025 becomes ``2025-05-12``; ``late 2022`` stays as it is.
    """
    interval = mention.interval
    assert interval is not None
    for candidate in (_compact(interval), mention.text, _days(interval)):
        if candidate is not None and _same(candidate, interval):
            return candidate
    return _days(interval)


def _same(text: str, interval: Interval) -> bool:
    try:
        other = parse(text)
    except ParseError:
        return False
    return (other.start, other.end) == (interval.start, interval.end)


def _compact(interval: Interval) -> str | None:
    """ISO forms for a day, a month or a year, and EDTF intervals of those."""
    if not interval.is_span:
        return _window_text(interval.start)
    a, b = _window_text(interval.start), _window_text(interval.end)
    return f"{a}/{b}" if a and b and "/" not in a + b else None


def _window_text(window: Window) -> str | None:
    first, last = window.earliest, window.latest
    if first is None or last is None:
        return None
    if first == last:
        return first.isoformat()
    (y0, m0, d0), (y1, m1, _) = first.ymd, last.ymd
    if d0 == 1 and last.plus(1).day == 1:
        if (y0, m0) == (y1, m1):
            return first.isoformat()[:-3]
        if (m0, m1, y0) == (1, 12, y1):
            return first.isoformat()[:-6]
    return None


def _days(interval: Interval) -> str:
    s, e = interval.start, interval.end
    if not interval.is_span:
        if s.earliest is None:
            return f"by {s.latest}"
        if s.latest is None:
            return f"no earlier than {s.earliest}"
        return f"between {s.earliest} and {s.latest}"
    start = "" if s.earliest is None else f"{s.earliest}"
    return f"from {start or '..'} to {e.latest or '..'}"


def as_json(extraction: Extraction) -> str:
    mentions: list[dict[str, Any]] = []
    for m in extraction.mentions:
        out: dict[str, Any] = {"text": m.text, "span": [m.start, m.end]}
        if m.interval is not None:
            fields = interval_dict(m.interval)
            out.update(fields)
        else:
            out["error"] = m.error
        out["sentence"] = " ".join(m.sentence.split())
        if m.part_of is not None:
            out["part_of"] = m.part_of
        mentions.append(out)
    document = {
        "reference": None if extraction.reference is None else extraction.reference.isoformat(),
        "mentions": mentions,
        "events": drafts(extraction),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def as_yaml(extraction: Extraction, source: str | None = None) -> str:
    """An events document (events.md), ready to save under events/ and edit."""
    import yaml

    document: dict[str, Any] = {}
    if extraction.reference is not None:
        document["reference"] = extraction.reference.isoformat()
    if source:
        document["source"] = source
    document["events"] = drafts(extraction)
    header = (
        "# Drafted by chrono extract: check each title and date against its quote,\n"
        "# then save under events/ and run chrono check.\n"
    )
    body = yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=100)
    return header + re.sub(r"\n(- )", r"\n\n\1", body)
