"""The shapes every event file is read into before its fields are checked.

YAML, JSON and CSV readers turn their own trees into these few values, each
piece with the line it stands on, so the checks in :mod:`chrono.events.fields`
are written once. Depth is bounded (:data:`MAX_DEPTH`): a document holds a list
of events, an event holds fields, a field holds text or a list of text;
anything nested deeper is kept only as a :class:`Wrong` naming its shape, so
no file, however nested, is walked deeper than its meaning.
"""

from __future__ import annotations

import attrs

from chrono.events.event import Problem

Text = str | None  # None: the value was null or empty
MAX_DEPTH = 4  # document -> events list -> event -> field -> list item


@attrs.frozen
class Wrong:
    """A value of a shape no field takes, kept only to name it in the message."""

    what: str  # "a mapping", "a list"


@attrs.frozen
class Field:
    """A field's value as written and the line it stands on."""

    value: Value
    line: int


@attrs.frozen
class Mapping:
    """A mapping (a YAML mapping, a JSON object, a CSV row) with its fields in written order."""

    line: int
    fields: dict[str, Field]
    broken: frozenset[str] = frozenset()  # fields whose reading failed and was reported already


Value = Text | Wrong | Mapping | tuple[Field, ...]  # a list holds its items with their lines


@attrs.frozen
class Document:
    """What one YAML document or one file holds: file-level defaults and the events."""

    defaults: dict[str, Field]
    events: list[Mapping]


def describe(value: Value) -> str:
    """The shape of a value in words, for messages."""
    if isinstance(value, Wrong):
        return value.what
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, tuple):
        return "a list"
    return "text" if value is not None else "nothing"


def documents(tops: list[Field], file: str) -> tuple[list[Document], list[Problem]]:
    """Sort each top-level value of a file into one event or a document with ``events``.

    Messages say "mapping" for a JSON object too: one word for one shape.
    """
    found: list[Document] = []
    problems: list[Problem] = []
    expected = "one event (a mapping with 'title') or a document with 'events'"
    for field in tops:
        top = field.value
        if not isinstance(top, Mapping):
            problems.append(Problem(file, field.line, f"expected {expected}, not {describe(top)}"))
            continue
        if "events" not in top.fields:
            found.append(Document({}, [top]))
            continue
        defaults = {key: field for key, field in top.fields.items() if key != "events"}
        listed = top.fields["events"]
        events: list[Mapping] = []
        if isinstance(listed.value, tuple):
            for item in listed.value:
                if isinstance(item.value, Mapping):
                    events.append(item.value)
                elif item.value is None:  # a stray "-": nothing lost, but say so
                    problems.append(
                        Problem(file, item.line, "empty item in 'events' (ignored)", "warning")
                    )
                else:
                    problems.append(
                        Problem(
                            file,
                            item.line,
                            "each item of 'events' must be an event (a mapping), "
                            f"not {describe(item.value)}",
                        )
                    )
        elif listed.value is not None:
            problems.append(
                Problem(
                    file,
                    listed.line,
                    f"'events' must be a list of events, not {describe(listed.value)}",
                )
            )
        found.append(Document(defaults, events))
    return found, problems
