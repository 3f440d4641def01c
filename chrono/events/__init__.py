"""Event files: loading YAML, JSON and CSV with the file and line of everything."""

from __future__ import annotations

from pathlib import Path

import attrs

from chrono.errors import EventFileError
from chrono.events.event import RELATIONS, Event, Problem


@attrs.frozen
class EventSet:
    """The events of a folder, in reading order, and the warnings about them."""

    events: tuple[Event, ...]
    warnings: tuple[Problem, ...] = ()

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.events)

    def __len__(self) -> int:
        return len(self.events)


def read_events(path: str | Path) -> tuple[list[Event], list[Problem]]:
    """Every event that could be read, and every problem met, errors and warnings alike."""
    from chrono.events.files import load_folder

    return load_folder(path)


def load_events(path: str | Path) -> EventSet:
    """The events under ``path``; EventFileError naming every bad file and line."""
    events, problems = read_events(path)
    if any(p.severity == "error" for p in problems):
        raise EventFileError(problems)
    return EventSet(tuple(events), tuple(problems))


__all__ = ["RELATIONS", "Event", "EventSet", "Problem", "load_events", "read_events"]
