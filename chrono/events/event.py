"""An event as its file states it: text fields, its date as written, where it came from."""

from __future__ import annotations

import attrs

from chrono.days import Day
from chrono.errors import Problem  # defined beside ProblemsError, at the bottom

__all__ = ["RELATIONS", "Event", "Problem"]

RELATIONS = ("before", "after", "during", "contains", "overlaps")


@attrs.frozen
class Event:
    """One event before its date is read: every value is the text the user wrote.

    ``date`` or ``start``/``end`` hold date expressions (dates.md), which may name
    other events as ``@id``; ``relations`` holds ``(kind, other id)`` pairs from the
    relation fields, in the order written. ``lines`` maps a field to the line it
    stands on, so an error about the field can point at it.
    """

    id: str
    title: str
    file: str
    line: int
    date: str | None = None
    start: str | None = None
    end: str | None = None
    relations: tuple[tuple[str, str], ...] = ()
    lane: str | None = None
    tags: tuple[str, ...] = ()
    source: str | None = None
    url: str | None = None
    description: str | None = None
    quote: str | None = None  # the passage of the source it was drawn from (chrono extract)
    reference: Day | None = None
    fiscal_year_start: int | None = None  # the month its fiscal years start in (dates.md)
    lines: dict[str, int] = attrs.field(factory=dict, eq=False, hash=False)

    def line_of(self, field: str) -> int:
        return self.lines.get(field, self.line)

    @property
    def date_as_written(self) -> str:
        """The date fields as one phrase: ``date``, or ``from START to END``."""
        if self.date is not None:
            return self.date
        if self.start is not None and self.end is not None:
            return f"from {self.start} to {self.end}"
        if self.start is not None:
            return f"from {self.start}"
        return ""

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"
