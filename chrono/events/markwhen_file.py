"""markwhen files (``.mw``) read as events, with the line of every value.

What is read: a front matter (between ``---`` lines, or ``key: value`` lines
before the first event) is skipped; ``# Lane`` headings (one to six ``#``) set
the lane of the events under them; an event is a line ``DATE: title``, DATE
starting with a digit, a sign, ``..``, ``[`` or ``{`` (ISO and EDTF dates and
ranges, ``DATE/now`` for an open end, ``300-200 BC``); the ``key: value`` lines
right under it are its properties (``id``, ``date``, ``start``, ``end``,
``lane``, ``tags``, ``description``, ``source``, ``url``; others, such as
markwhen's ``color``, are left alone) and the lines after them its description.
A ``date`` property (or ``start`` and ``end``), as chrono's own export writes,
wins over the date on the event's line. ``#tag`` words in the title are tags.
Comment lines (``//``) are skipped.
"""

from __future__ import annotations

import json
import re

from chrono.events.event import Problem
from chrono.events.records import Document, Field, Mapping

_HEADING = re.compile(r"#{1,6}\s+(.*)")
_EVENT = re.compile(
    r"(?P<date>(?:[0-9+\[{]|-[0-9]|\.\.)[^:]*?(?::[0-9]{2}[^:]*?)*)\s*:(?:\s+(?P<title>.*))?"
)
_BC_RANGE = re.compile(
    r"(\d{1,5})\s?(BCE|BC|AD|CE)?\s?[–-]\s?(\d{1,5})\s?(BCE|BC|AD|CE)", re.IGNORECASE
)
_PROPERTY = re.compile(r"\s*(?P<key>[A-Za-z_][\w-]*)\s*:(?:\s+(?P<value>.*)|\s*)$")
_TAGS = re.compile(r"(?:^|\s)#(?!\d+(?:\s|$))(\w+)")
_OWN = ("id", "title", "date", "start", "end", "lane", "tags", "description", "source", "url")


def chrono_date(text: str) -> str:
    """markwhen's ways of writing a date that chrono's grammar says otherwise."""
    text = text.strip()
    now = re.fullmatch(r"(.+?)\s*(?:/|\s-\s|\s+to\s+)\s*now", text, re.IGNORECASE)
    if now:
        return now.group(1) + "/.."
    bc = _BC_RANGE.fullmatch(text)
    if bc:
        first, era, last, last_era = bc.groups()
        return f"from {first} {era or last_era} to {last} {last_era}"
    return text


def _value(text: str | None) -> str | tuple[Field, ...] | None:
    """A property's value: a JSON (YAML double-quoted) string, a ``[a, b]`` list, or plain text."""
    if text is None or not text.strip():
        return None
    text = text.strip()
    if text.startswith('"'):
        try:
            value = json.loads(text)
        except json.JSONDecodeError:
            return text
        return value if isinstance(value, str) else text
    return text


def read_markwhen(text: str, file: str) -> tuple[list[Document], list[Problem]]:
    """One document of the file's events."""
    lines = text.split("\n")
    problems: list[Problem] = []
    index = 0
    if lines and lines[0].strip() == "---":
        index = next((i + 1 for i in range(1, len(lines)) if lines[i].strip() == "---"), len(lines))
        if index == len(lines):
            problems.append(Problem(file, 1, "the front matter's '---' is never closed"))
    events: list[Mapping] = []
    lane: Field | None = None
    current: dict[str, Field] | None = None
    line_of_event = 0
    in_properties = False
    description: list[tuple[int, str]] = []

    def finish() -> None:
        if current is None:
            return
        if description and "description" not in current:
            text = "\n".join(t for _, t in description).strip()
            if text:
                current["description"] = Field(text, description[0][0])
        events.append(Mapping(line_of_event, current))

    for number, raw in enumerate(lines[index:], start=index + 1):
        line = raw.rstrip()
        stripped = line.strip()
        if stripped.startswith("//"):
            continue
        if in_properties and current is not None:
            prop = _PROPERTY.fullmatch(line)
            if prop and not _EVENT.fullmatch(stripped):
                key = prop.group("key").lower()
                said = current.get("date")
                if key in ("date", "start", "end") and said and said.line == line_of_event:
                    del current["date"]  # the exact windows chrono wrote win over the line's span
                if key in _OWN and (key not in current or key in ("title", "tags")):
                    value = _value(prop.group("value"))
                    if key == "tags" and isinstance(value, str) and value.startswith("["):
                        items = [_value(v) for v in value.strip("[]").split(",")]
                        value = tuple(Field(v, number) for v in items if isinstance(v, str))
                    current[key] = Field(value, number)
                continue
            in_properties = False
        heading = _HEADING.fullmatch(stripped)
        if heading:
            finish()
            current = None
            name = _TAGS.sub("", heading.group(1)).strip()
            lane = Field(name, number) if name else None
            continue
        event = _EVENT.fullmatch(stripped) if not line[:1].isspace() else None
        if event:
            finish()
            title = (event.group("title") or "").strip()
            current = {"date": Field(chrono_date(event.group("date")), number)}
            if title:
                current["title"] = Field(title, number)
                tags = _TAGS.findall(title)
                if tags:
                    current["tags"] = Field(tuple(Field(t, number) for t in tags), number)
            if lane is not None:
                current["lane"] = lane
            line_of_event = number
            in_properties = True
            description = []
            continue
        if current is not None:
            description.append((number, stripped))
        elif stripped and index == 0 and _PROPERTY.fullmatch(line) and not events:
            continue  # a front matter written without '---': markwhen's header
        elif stripped:
            problems.append(
                Problem(
                    file,
                    number,
                    f"not a markwhen event ('DATE: title'): {stripped[:80]!r}",
                    "warning",
                )
            )
    finish()
    return [Document({}, events)], problems
