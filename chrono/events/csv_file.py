"""CSV event files: a header row, then one event per row.

Columns are named as the fields (``title``, ``date``, ``tags``, ...) or as in a
TimelineJS spreadsheet (``Headline``, ``Year``, ``Month``, ...), so a sheet made
for TimelineJS loads as it is. TimelineJS years are historical (no year 0,
``-500`` is 500 BC) while chrono's ISO years are astronomical, so year N BC
becomes ``1 - N``: ``-500`` -> ``-0499``.
"""

from __future__ import annotations

import csv
import io
import re

from chrono.events.event import Problem
from chrono.events.fields import FIELDS, LISTS, unknown
from chrono.events.limits import quoted
from chrono.events.records import Field, Mapping

_TIMELINE = {"headline": "title", "text": "description", "group": "lane"}
_PARTS = ("year", "month", "day", "end year", "end month", "end day")
_IGNORED = {
    "time", "end time", "display date", "media", "media credit", "media caption",
    "media thumbnail", "background",
}  # fmt: skip
_NUMBER = re.compile(r"[+-]?[0-9]+")  # and short: int() of thousands of digits is refused
_NONE_BROKEN, _DATE_BROKEN = frozenset[str](), frozenset({"date"})


def read_csv(text: str, file: str) -> tuple[list[Mapping], list[Problem]]:
    """One mapping per row, at the line the row starts on; a broken file gives one error."""
    reader = csv.reader(io.StringIO(text, newline=""))
    sheet: _Sheet | None = None
    mappings: list[Mapping] = []
    start = 1
    try:  # row by row: the cells of a large file are never all held at once
        for cells in reader:
            line, start = start, reader.line_num + 1
            if not (cells and cells[0].strip()) and not any(cell.strip() for cell in cells):
                continue  # a blank row (the first cell settles most rows without a generator)
            if sheet is None:
                sheet = _Sheet(file, line, cells)
            else:
                mapping = sheet.row(line, cells)
                if mapping is not None:
                    mappings.append(mapping)
    except csv.Error as err:
        return [], [Problem(file, reader.line_num, f"CSV syntax error: {err}")]
    if sheet is None:
        return [], []
    return mappings, sheet.problems


class _Sheet:
    """The header's reading of each column, applied to each row."""

    def __init__(self, file: str, line: int, header: list[str]) -> None:
        self.file = file
        self.problems: list[Problem] = []
        self.columns: list[str | None] = []  # the field or TimelineJS part of each column
        for name in header:
            key = " ".join(name.split()).lower()
            target: str | None = _TIMELINE.get(key, key)
            if key in _IGNORED or not key:
                target = None
            elif target not in FIELDS and target not in (*_PARTS, "type"):
                also = ", or a TimelineJS column such as 'Year' or 'Headline'"
                message = unknown(name.strip(), FIELDS, "column", also)
                self.problems.append(Problem(file, line, message, "warning"))
                target = None
            elif target in self.columns:
                message = (
                    f"two columns give {target!r}; the second, {quoted(name.strip())}, is ignored"
                )
                self.problems.append(Problem(file, line, message))
                target = None
            self.columns.append(target)
        # what the header settles once for every row: which columns are read, and whether
        # any is a TimelineJS date part or its slide type
        self.read = [(k, target) for k, target in enumerate(self.columns) if target is not None]
        self.lists = frozenset(LISTS)
        self.fields = frozenset(FIELDS)
        self.parts = any(target in _PARTS for target in self.columns)
        self.typed = "type" in self.columns

    def row(self, line: int, cells: list[str]) -> Mapping | None:
        """A row's fields, or None for the title slide of a TimelineJS sheet."""
        values: dict[str, str] = {}
        count = len(cells)
        for k, target in self.read:
            if k < count and (value := cells[k].strip()):
                values[target] = value
        if count > len(self.columns) and any(cell.strip() for cell in cells[len(self.columns) :]):
            self._error(line, "more cells than the header has columns (ignored)", "warning")
        if self.typed and values.get("type", "").lower() == "title":
            return None
        fields: dict[str, Field] = {}
        for target, value in values.items():
            if target in self.lists:
                items = [part.strip() for part in value.split(";")]
                fields[target] = Field(tuple(Field(item, line) for item in items if item), line)
            elif target in self.fields:
                fields[target] = Field(value, line)
        if not self.parts or not any(part in values for part in _PARTS):
            return Mapping(line, fields, _NONE_BROKEN)
        errors = len(self.problems)
        if any(name in fields for name in ("date", "start", "end")):
            self._error(line, "both the 'Year' columns and 'date'/'start'/'end': give one")
        else:
            self._dates(line, values, fields)
        failed = any(p.severity == "error" for p in self.problems[errors:])
        return Mapping(line, fields, _DATE_BROKEN if failed else _NONE_BROKEN)

    def _dates(self, line: int, values: dict[str, str], fields: dict[str, Field]) -> None:
        start = self._date(line, values, "")
        if "end year" in values:
            end = self._date(line, values, "end ")
            if start is None and "year" not in values:
                self._error(line, "'End Year' without 'Year'")
            if start is not None and end is not None:
                fields["start"], fields["end"] = Field(start, line), Field(end, line)
        elif any(part in values for part in ("end month", "end day")):
            self._error(line, "'End Month' or 'End Day' without 'End Year'")
        elif start is not None:
            fields["date"] = Field(start, line)

    def _date(self, line: int, values: dict[str, str], prefix: str) -> str | None:
        """``Year``, ``Month`` and ``Day`` (or the ``End`` ones) as ISO text chrono reads."""
        year, month, day = (values.get(prefix + part) for part in ("year", "month", "day"))
        label = prefix.title()
        if year is None:
            if month is not None or day is not None:
                given = "Month" if month is not None else "Day"
                self._error(line, f"'{label}{given}' without '{label}Year'")
            return None
        if day is not None and month is None:
            self._error(line, f"'{label}Day' without '{label}Month'")
            return None
        number = self._number(line, f"{label}Year", year, -(10**10), 10**10)
        if number == 0:
            self._error(line, f"'{label}Year' 0: TimelineJS has no year 0 (1 BC is -1)")
            return None
        if number is None:
            return None
        astronomical = number if number > 0 else number + 1
        sign = "-" if astronomical < 0 else ""
        text = f"{sign}{abs(astronomical):04d}"
        if abs(astronomical) > 9999:  # EDTF writes long years as Y12000, without month or day
            if month is not None:
                self._error(line, f"'{label}Year' {year} with a month: give the year alone")
                return None
            return f"Y{astronomical}"
        for part, value, top in (("Month", month, 12), ("Day", day, 31)):
            if value is not None:
                parsed = self._number(line, label + part, value, 1, top)
                if parsed is None:
                    return None
                text += f"-{parsed:02d}"
        return text

    def _number(self, line: int, name: str, value: str, low: int, high: int) -> int | None:
        number = int(value) if _NUMBER.fullmatch(value) and len(value) < 12 else None
        if number is None or not low <= number <= high:
            expected = "a whole number" if name.endswith("Year") else f"a number from 1 to {high}"
            self._error(line, f"'{name}' must be {expected}, not {quoted(value, 40)}")
            return None
        return number

    def _error(self, line: int, message: str, severity: str = "error") -> None:
        self.problems.append(Problem(self.file, line, message, severity))


Sheet = _Sheet  # a Parquet table's columns are read as this header's (parquet_file.py)
