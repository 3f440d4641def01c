"""TimelineJS3 JSON files read as events, with the line of every value.

A JSON file is TimelineJS's when its ``events`` hold slides (``start_date``,
``unique_id`` or a ``text`` object). A slide becomes an event: ``text.headline``
the title, ``text.text`` the description (both HTML to TimelineJS: tags dropped,
entities decoded), ``group`` the lane, ``unique_id`` the id where it is one
chrono takes, and ``start_date``/``end_date`` the date from their year, month
and day (historical years, as in a TimelineJS sheet: -500 is 500 BC). A
``chrono`` object, as chrono's own export writes, gives the id, the exact
windows and the other fields and wins over the rest. The ``title`` slide and
``eras`` are not events.
"""

from __future__ import annotations

import html
import re

from chrono.events.event import Problem
from chrono.events.limits import quoted
from chrono.events.records import Document, Field, Mapping, describe

_ID = re.compile(r"\w[\w.:-]*")
_TAG = re.compile(r"<[^>]*>")
_NUMBER = re.compile(r"[+-]?[0-9]{1,11}")
_OWN = (
    "id",
    "title",
    "date",
    "start",
    "end",
    "lane",
    "description",
    "source",
    "url",
    "tags",
    "reference",
)


def is_timelinejs(tops: list[Field]) -> bool:
    """Whether a JSON file's top value is a TimelineJS document."""
    if len(tops) != 1 or not isinstance(tops[0].value, Mapping):
        return False
    listed = tops[0].value.fields.get("events")
    if listed is None or not isinstance(listed.value, tuple):
        return False
    return any(
        isinstance(item.value, Mapping)
        and (
            "start_date" in item.value.fields
            or "unique_id" in item.value.fields
            or isinstance(item.value.fields.get("text", Field(None, 0)).value, Mapping)
        )
        for item in listed.value
    )


def plain(text: str) -> str:
    """HTML as TimelineJS shows it, as plain text: tags dropped, entities decoded."""
    return html.unescape(_TAG.sub("", text)).strip()


def timelinejs_documents(tops: list[Field], file: str) -> tuple[list[Document], list[Problem]]:
    """The slides of a TimelineJS document as one document of events."""
    top = tops[0].value
    assert isinstance(top, Mapping)
    listed = top.fields["events"].value
    assert isinstance(listed, tuple)
    reader = _Slides(file)
    events = [reader.slide(item) for item in listed]
    return [Document({}, [event for event in events if event is not None])], reader.problems


class _Slides:
    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []

    def _error(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.file, line, message))

    def slide(self, item: Field) -> Mapping | None:
        slide = item.value
        if not isinstance(slide, Mapping):
            self._error(
                item.line, f"each TimelineJS slide must be an object, not {describe(slide)}"
            )
            return None
        got = slide.fields
        fields: dict[str, Field] = {}
        text = got.get("text")
        if text is not None and isinstance(text.value, Mapping):
            for part, name in (("headline", "title"), ("text", "description")):
                value = text.value.fields.get(part)
                if value is not None and isinstance(value.value, str) and plain(value.value):
                    fields[name] = Field(plain(value.value), value.line)
        group = got.get("group")
        if group is not None and isinstance(group.value, str) and group.value.strip():
            fields["lane"] = Field(group.value.strip(), group.line)
        unique = got.get("unique_id")
        if unique is not None and isinstance(unique.value, str) and _ID.fullmatch(unique.value):
            fields["id"] = unique
        broken: set[str] = set()
        own = got.get("chrono")
        mine = own.value.fields if own is not None and isinstance(own.value, Mapping) else {}
        if mine:
            if "description" in fields and "description" not in mine:
                del fields["description"]  # chrono's text is the window in words, not a description
            fields.update({name: field for name, field in mine.items() if name in _OWN})
        if not any(name in fields for name in ("date", "start")):
            errors = len(self.problems)
            self._dates(slide, fields)
            if len(self.problems) > errors:
                broken.add("date")
        return Mapping(slide.line, fields, frozenset(broken))

    def _dates(self, slide: Mapping, fields: dict[str, Field]) -> None:
        start = self._date(slide, "start_date")
        end = self._date(slide, "end_date")
        if start is None:
            if "end_date" in slide.fields and "start_date" not in slide.fields:
                self._error(slide.fields["end_date"].line, "'end_date' without 'start_date'")
            return
        if end is None:
            fields["date"] = start
        else:
            fields["start"], fields["end"] = start, end

    def _date(self, slide: Mapping, name: str) -> Field | None:
        """A TimelineJS date object as the ISO (or EDTF long-year) text chrono reads."""
        given = slide.fields.get(name)
        if given is None or given.value is None:
            return None
        if not isinstance(given.value, Mapping):
            self._error(
                given.line, f"'{name}' must be an object with 'year', not {describe(given.value)}"
            )
            return None
        parts = {key: field for key, field in given.value.fields.items() if field.value is not None}
        year = parts.get("year")
        if year is None:
            self._error(given.line, f"'{name}' has no 'year'")
            return None
        number = self._number(name, "year", year, -(10**10), 10**10)
        if number is None:
            return None
        if number == 0:
            self._error(year.line, f"'{name}.year' 0: TimelineJS has no year 0 (1 BC is -1)")
            return None
        astronomical = number if number > 0 else number + 1
        if not -9999 <= astronomical <= 9999:
            if "month" in parts:
                self._error(
                    parts["month"].line,
                    f"'{name}' beyond year 9999 with a month: give the year alone",
                )
                return None
            return Field(f"Y{astronomical}", year.line)
        text = f"-{-astronomical:04d}" if astronomical < 0 else f"{astronomical:04d}"
        if "day" in parts and "month" not in parts:
            self._error(parts["day"].line, f"'{name}.day' without 'month'")
            return None
        for part, top in (("month", 12), ("day", 31)):
            if part in parts:
                value = self._number(name, part, parts[part], 1, top)
                if value is None:
                    return None
                text += f"-{value:02d}"
        return Field(text, year.line)

    def _number(self, name: str, part: str, field: Field, low: int, high: int) -> int | None:
        value = field.value
        number = int(value) if isinstance(value, str) and _NUMBER.fullmatch(value.strip()) else None
        if number is None or not low <= number <= high:
            expected = "a whole number" if part == "year" else f"a number from 1 to {high}"
            shown = quoted(value, 40) if isinstance(value, str) else describe(value)
            self._error(field.line, f"'{name}.{part}' must be {expected}, not {shown}")
            return None
        return number
