"""A folder of event files read and analysed in one call, as every command reads it.

``check``, ``order``, ``build`` and the watcher all want the same thing: every
problem of every file (the loader's, then the chronology's), the timeline when none
is an error, and a refusal when there is nothing to build, since an empty chart
must never replace a good one.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from chrono.chronology.build import analyse
from chrono.chronology.timeline import Timeline
from chrono.errors import Problem
from chrono.events import read_events
from chrono.events.files import no_events_reason


class FolderReading(NamedTuple):
    timeline: Timeline | None  # None when any problem is an error, or there are no events
    problems: list[Problem]  # errors and warnings, loader's first
    events: int  # how many events were read
    refusal: str | None  # why there is nothing to build: no event files, or no events

    @property
    def errors(self) -> int:
        return sum(p.severity == "error" for p in self.problems) + (self.refusal is not None)


def read_folder(
    path: str | Path,
    *,
    engine: str = "local",
    scheduler: str | None = None,
    workers: int | None = None,
) -> FolderReading:
    """Every event under ``path`` read, linked, propagated and ordered, or why not.

    ``engine`` ``dask`` (or a ``scheduler`` address) solves the chronology's
    components on a Dask cluster (:mod:`chrono.chronology.distributed`): the same
    timeline and problems as one process.
    """
    events, loaded = read_events(path)
    if not events and not any(p.severity == "error" for p in loaded):
        return FolderReading(None, list(loaded), 0, no_events_reason(Path(path)))
    if engine == "local" and scheduler is None:
        timeline, problems = analyse(events, loaded)
    else:
        from chrono.chronology.distributed import analyse_on

        timeline, problems = analyse_on(
            events, loaded, engine=engine, scheduler=scheduler, workers=workers
        )
    return FolderReading(timeline, problems, len(events), None)
