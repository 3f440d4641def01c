"""One row per mention: the flat record a table of millions of mentions is made of.

A document that cannot be read or extracted is one row with its ``error`` and no
span, so a bad document shows in the output instead of stopping the run.
"""

from __future__ import annotations

from typing import Any

from chrono.corpus.source import Document, Fields, Part, documents
from chrono.days import Day
from chrono.extract import Mention, extract
from chrono.model import Interval
from chrono.resolve import fiscal_year_starting

EXCERPT_CHARS = 300  # the excerpt of a mention's sentence is at most this long

# name, and the Arrow type the Parquet file gives it
COLUMNS: tuple[tuple[str, str], ...] = (
    ("document", "string"),
    ("reference", "string"),
    ("index", "int32"),
    ("start", "int64"),
    ("end", "int64"),
    ("text", "string"),
    ("earliest", "string"),
    ("latest", "string"),
    ("start_earliest", "string"),
    ("start_latest", "string"),
    ("end_earliest", "string"),
    ("end_latest", "string"),
    ("part_of", "int32"),
    ("excerpt", "string"),
    ("error", "string"),
)
NAMES = tuple(name for name, _ in COLUMNS)

Row = dict[str, Any]


def part_rows(part: Part, fields: Fields) -> list[Row]:
    """The rows of every document of ``part``, in document and then text order."""
    rows: list[Row] = []
    # the part may run in another process: the fiscal year setting comes with its fields
    with fiscal_year_starting(fields.fiscal_year_start):
        for doc in documents(part, fields):
            rows.extend(document_rows(doc))
    return rows


def document_rows(doc: Document) -> list[Row]:
    if doc.error is not None:
        return [error_row(doc.id, doc.error, doc.reference)]
    try:
        extraction = extract(doc.text, doc.reference)  # "auto" reads the dateline, or raises
    except Exception as err:  # one document's failure, whatever it is, is its row
        given = None if _is_auto(doc.reference) else doc.reference
        return [error_row(doc.id, _reason(err), given)]
    reference = _day(extraction.reference)
    return [
        _mention_row(doc.id, reference, i, m, doc.text) for i, m in enumerate(extraction.mentions)
    ]


def error_row(document: str, error: str, reference: str | None = None) -> Row:
    row: Row = dict.fromkeys(NAMES)
    row.update(document=document, reference=reference, error=error)
    return row


def _is_auto(reference: str | None) -> bool:
    return reference is not None and reference.strip().lower() == "auto"


def _reason(err: Exception) -> str:
    text = str(err)
    return text if text else type(err).__name__


def _mention_row(document: str, reference: str | None, index: int, m: Mention, text: str) -> Row:
    row: Row = {
        "document": document,
        "reference": reference,
        "index": index,
        "start": m.start,
        "end": m.end,
        "text": m.text,
        "part_of": m.part_of,
        "excerpt": excerpt(text, m.start, m.end, m.sentence),
        "error": m.error,
    }
    row.update(_windows(m.interval))
    return row


def _windows(interval: Interval | None) -> dict[str, str | None]:
    if interval is None:
        keys = ("earliest", "latest", "start_earliest", "start_latest", "end_earliest")
        return dict.fromkeys((*keys, "end_latest"))
    return {
        "earliest": _day(interval.earliest),
        "latest": _day(interval.latest),
        "start_earliest": _day(interval.start.earliest),
        "start_latest": _day(interval.start.latest),
        "end_earliest": _day(interval.end.earliest),
        "end_latest": _day(interval.end.latest),
    }


def _day(day: Day | None) -> str | None:
    return None if day is None else day.isoformat()


def excerpt(text: str, start: int, end: int, sentence: str) -> str:
    """The sentence, spaces folded; a long one cut to the text around the mention, with '…'."""
    if len(sentence) <= EXCERPT_CHARS:
        return " ".join(sentence.split())
    half = max(0, (EXCERPT_CHARS - (end - start)) // 2)
    a, b = max(0, start - half), min(len(text), end + half)
    cut = " ".join(text[a:b].split())[:EXCERPT_CHARS]
    return ("…" if a > 0 else "") + cut + ("…" if b < len(text) else "")
