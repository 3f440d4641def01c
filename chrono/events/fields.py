"""The checks every event passes whatever its file format, and the ids made from titles.

Each check reports at the line of the field it concerns and goes on, so one
run names every problem of an event; an event with an error is still returned
as a :class:`Draft` (marked not ``ok``) so that its id stays claimed and the
ids made for the events after it do not shift once it is fixed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

import attrs

from chrono.days import Day
from chrono.errors import ParseError
from chrono.events.event import RELATIONS, Event, Problem
from chrono.events.limits import MAX_ID_LENGTH, quoted
from chrono.events.records import Field, Mapping, describe
from chrono.events.urls import is_web_address
from chrono.parse import to_day
from chrono.parsing.vocabulary import MONTHS
from chrono.suggest import close_match, did_you_mean

FIELDS = (
    "id", "title", "date", "start", "end", *RELATIONS,
    "lane", "tags", "source", "url", "description", "quote", "reference", "fiscal_year_start",
)  # fmt: skip
DEFAULTS = (
    "lane",
    "tags",
    "source",
    "url",
    "description",
    "reference",
    "fiscal_year_start",
)  # file-level fields; fmt: skip
LISTS = ("tags", *RELATIONS)
_FIELD_SET, _LIST_SET = frozenset(FIELDS), frozenset(LISTS)  # for the checks run on every field
_ID = re.compile(r"\w[\w.:-]*")  # what ``@id`` in a date expression can name
_ID_RULE = "an id starts with a letter, digit or '_' and holds only those, '-', '.' and ':'"
_ID_LONG = f"an id has at most {MAX_ID_LENGTH} characters"
_DATING = {"date", "start", *RELATIONS}  # a field that, written right, would date the event
_SEPARATOR = re.compile(r"[;,]")
_SLUG_LENGTH = 60


@attrs.frozen
class Draft:
    """An event whose fields were checked; its ``id`` is empty until one is made from the title."""

    event: Event
    explicit_id: bool  # the file gave a valid id
    ok: bool  # no check failed


def slug(title: str) -> str:
    """An id from a title: lowercase ASCII words joined by hyphens (``Goïta`` -> ``goita``)."""
    title = re.sub(r"['’ʼ]", "", title)  # Goïta's -> goitas, not goita-s
    folded = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    text = "-".join(re.findall(r"[a-z0-9]+", folded.lower()))
    if len(text) > _SLUG_LENGTH:  # cut at a word boundary where there is one
        cut = text[: _SLUG_LENGTH + 1]
        text = cut.rsplit("-", 1)[0] if "-" in cut else cut[:_SLUG_LENGTH]
    return text or "event"


def unknown(name: str, expected: Iterable[str], what: str = "field", also: str = "") -> str:
    """The warning for a field no one reads, with a guess when the name is close to one."""
    names = sorted(expected)
    close = close_match(name.lower(), names)
    guess = did_you_mean(close)
    return f"unknown {what} {quoted(name)} (expected one of: {', '.join(names)}{also}{guess})"


def _month_number(value: object) -> int | None:
    """A month as 4, "4" or "April" (a fiscal year's first month); None when it is none."""
    if isinstance(value, str):
        text = value.strip().lower().rstrip(".")
        value = int(text) if text.isdigit() else MONTHS.get(text)
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 12:
        return None
    return value


def _id_problem(text: str) -> str:
    """Why ``text`` cannot be an id, or nothing."""
    if len(text) > MAX_ID_LENGTH:
        return _ID_LONG
    return "" if _ID.fullmatch(text) else _ID_RULE


class Checker:
    """Checks the fields of one file's events, collecting every problem."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []
        self._errors = 0
        self._references: dict[str | None, Day | None] = {}
        self._strings: dict[str, str] = {}

    def defaults(self, fields: dict[str, Field]) -> dict[str, Field]:
        """The file-level fields that passed their checks, to fill in each event's."""
        good: dict[str, Field] = {}
        for name, field in fields.items():
            if name not in DEFAULTS:
                self._warn(field.line, unknown(name, (*DEFAULTS, "events")))
            elif (
                field.value is not None
                and self._check(name, field)
                and (name != "reference" or self._reference(field) is not None)
            ):
                good[name] = field  # a bad reference is reported here, once per file
        return good

    def event(self, mapping: Mapping, defaults: dict[str, Field]) -> Draft:
        """One event: its own fields, then the file's defaults for those it does not give.

        Run once per event of a file of any size, so the common case (a text field
        that is not a url) is settled inline, without a call per field.
        """
        errors = self._errors
        own = {}
        for name, field in mapping.fields.items():
            if name not in _FIELD_SET:
                self._warn(field.line, unknown(name, FIELDS))
            elif field.value is not None:
                own[name] = field
        bad = {
            name
            for name, field in own.items()
            if not (isinstance(field.value, str) and name != "url") and not self._check(name, field)
        }
        fields = {**defaults, **own} if defaults else own
        bad |= mapping.broken
        text = {
            name: value if isinstance(value := field.value, str) and value.strip() else None
            for name, field in fields.items()
            if name not in _LIST_SET
        }
        title = text.get("title")
        if title is None and "title" not in bad:
            self._error(mapping.line, "event has no 'title'")
        event_id = text.get("id")
        event_id = event_id.strip() if event_id is not None else None
        if event_id is not None and _id_problem(event_id):
            self._error(fields["id"].line, f"bad id {quoted(event_id)}: {_id_problem(event_id)}")
            event_id = None
        relations = tuple(
            (name, target)
            for name, field in own.items()
            if name in RELATIONS and name not in bad
            for target in self._targets(name, field)
        )
        date, start, end = text.get("date"), text.get("start"), text.get("end")
        if date is not None and (start is not None or end is not None):
            self._error(fields["date"].line, "both 'date' and 'start'/'end': give one or the other")
        elif end is not None and start is None:
            self._error(fields["end"].line, "'end' without 'start'")
        elif date is None and start is None and not relations and not bad & _DATING:
            self._error(
                mapping.line, "no date: expected 'date', or 'start' and 'end', or a relation"
            )
        reference = None
        if "reference" in fields and "reference" not in bad:
            reference = self._reference(fields["reference"])
        fiscal = None
        if "fiscal_year_start" in fields and "fiscal_year_start" not in bad:
            fiscal = _month_number(fields["fiscal_year_start"].value)
        tags = dict.fromkeys(self._items(fields["tags"])) if "tags" in fields else {}
        shared = self._strings.setdefault
        event = Event(
            id=event_id or "",
            title=title or "",
            file=self.file,
            line=mapping.line,
            date=date,
            start=start,
            end=end,
            relations=relations,
            lane=self._shared_or_none(text.get("lane")),
            tags=tuple(self._shared(tag) for tag in tags),
            source=self._shared_or_none(text.get("source")),
            url=text.get("url"),
            description=text.get("description"),
            quote=text.get("quote"),
            reference=reference,
            fiscal_year_start=fiscal,
            lines={shared(name, name): field.line for name, field in fields.items()},
        )
        return Draft(event, event_id is not None, self._errors == errors)

    def _shared(self, text: str) -> str:
        """One copy of a value many events repeat (lanes, sources, tags), not one per event."""
        return self._strings.setdefault(text, text)

    def _shared_or_none(self, text: str | None) -> str | None:
        return None if text is None else self._strings.setdefault(text, text)

    def _check(self, name: str, field: Field) -> bool:
        """Whether a value has the shape its field takes (text, or for a list field a list)."""
        value = field.value
        if name == "fiscal_year_start":
            if _month_number(value) is None:
                self._error(
                    field.line,
                    "fiscal_year_start must be a month, 1 to 12 or a name such as April, "
                    f"not {describe(value) if not isinstance(value, str) else quoted(value)}",
                )
                return False
            return True
        if isinstance(value, str):
            if name == "url" and value.strip() and not is_web_address(value):
                self._error(
                    field.line, f"url must be an http or https address, not {quoted(value)}"
                )
                return False
            return True
        if name not in LISTS:
            self._error(field.line, f"'{name}' must be text, not {describe(value)}")
            return False
        if not isinstance(value, tuple):
            self._error(field.line, f"'{name}' must be text or a list, not {describe(value)}")
            return False
        wrong = [item for item in value if not (item.value is None or isinstance(item.value, str))]
        for item in wrong:
            self._error(item.line, f"'{name}' must list text, not {describe(item.value)}")
        return not wrong

    @staticmethod
    def _text(field: Field) -> str | None:
        value = field.value
        return value if isinstance(value, str) and value.strip() else None

    @staticmethod
    def _items(field: Field) -> list[str]:
        """A list field's entries: a list's items, or text split on ``;`` or ``,``."""
        value = field.value
        if isinstance(value, str):
            parts = _SEPARATOR.split(value)
        elif isinstance(value, tuple):
            parts = [item.value for item in value if isinstance(item.value, str)]
        else:
            parts = []
        return [part.strip() for part in parts if part.strip()]

    def _reference(self, field: Field) -> Day | None:
        text = self._text(field)
        if text in self._references:  # a file's events mostly share the file's reference
            return self._references[text]
        try:
            day = self._references[text] = to_day(text)
        except ParseError as err:
            self._error(field.line, f"bad 'reference': {err}")
            return None
        return day

    def _targets(self, kind: str, field: Field) -> list[str]:
        """The ids a relation field names, each with or without its ``@``."""
        targets = []
        for item in self._items(field):
            target = item.removeprefix("@")
            problem = _id_problem(target)
            if problem:
                self._error(field.line, f"'{kind}': {quoted(item)} is not an event id ({problem})")
            else:
                targets.append(target)
        return targets

    def _error(self, line: int, message: str) -> None:
        self._errors += 1
        self.problems.append(Problem(self.file, line, message))

    def _warn(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.file, line, message, "warning"))
