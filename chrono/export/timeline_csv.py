"""timeline.csv: one row per event in display order, for spreadsheets."""

from __future__ import annotations

import csv
import io

from chrono.chronology import Placed, Timeline
from chrono.edtf_format import edtf
from chrono.serialize import day_text

COLUMNS = (
    "position",
    "id",
    "title",
    "lane",
    "date",
    "start_earliest",
    "start_latest",
    "end_earliest",
    "end_latest",
    "earliest",
    "latest",
    "rank_min",
    "rank_max",
    "precision",
    "source",
    "url",
    "tags",
    "description",
    "quote",
    "file",
    "line",
    "edtf",
    "edtf_exact",
)
# Text cells a spreadsheet would run as a formula; date cells stay exact (-0499-01-01).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_TEXT = frozenset(
    {"id", "title", "lane", "date", "source", "url", "tags", "description", "quote", "file"}
)


def neutralise(text: str) -> str:
    """A leading apostrophe keeps ``=HYPERLINK(...)`` a string in Excel and LibreOffice."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def timeline_csv(timeline: Timeline) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for p in timeline.events:
        row = row_of(p)
        # By the header's names, so that a cell can only land in its own column.
        writer.writerow(neutralise(str(row[c])) if c in _TEXT else row[c] for c in COLUMNS)
    return buffer.getvalue().encode("utf-8")


def row_of(p: Placed) -> dict[str, str | int]:
    """One event's cells by column (timeline.parquet has the same)."""
    e = p.event
    said = edtf(p.start, p.end)
    return {
        "position": p.position,
        "id": e.id,
        "title": e.title,
        "lane": e.lane or "",
        "date": p.date_text,
        "start_earliest": day_text(p.start.earliest) or "",
        "start_latest": day_text(p.start.latest) or "",
        "end_earliest": day_text(p.end.earliest) or "",
        "end_latest": day_text(p.end.latest) or "",
        "earliest": day_text(p.earliest) or "",
        "latest": day_text(p.latest) or "",
        "rank_min": p.rank[0],
        "rank_max": p.rank[1],
        "precision": p.own.precision if p.own is not None else "",
        "source": e.source or "",
        "url": e.url or "",
        "tags": "; ".join(e.tags),
        "description": e.description or "",
        "quote": e.quote or "",
        "file": e.file,
        "line": e.line,
        "edtf": said.text,
        "edtf_exact": "true" if said.exact else "false",
    }
