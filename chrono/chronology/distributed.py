"""A chronology built on a Dask cluster, to the same timeline one process builds.

Events that no relation and no ``@id`` ties together cannot change each other's
windows, so the constraint network falls apart into connected components (most
events stand alone). The components are packed into batches, and each batch goes
through the single-process stages (:func:`~chrono.chronology.build.read_and_solve`:
dates read, constraints linked, the network propagated) on a worker. The client
puts the propagated windows back in the events' numbering and orders the whole
chronology with the single-process code (:func:`~chrono.chronology.build.place`):
one sort on the display key and rank ranges counted over sorted bounds.

The timeline is the one :func:`~chrono.chronology.build.analyse` gives: the same
order, windows, ranks, constraint numbers and warnings, in the same order (each
batch says which event each date warning is about and in which order it read
them). Input with an error (a duplicate or unknown id, a bad date, a
contradiction) is reported by one process, so that the errors are exactly those
``chrono check`` gives there; a clean chronology never takes that road.

Dask is imported here only, and only when a cluster is asked for.
"""

from __future__ import annotations

import functools
import importlib
import math
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, NamedTuple

from chrono.chronology.build import Analysis, analyse, place, read_and_solve
from chrono.chronology.network import NO_EDGES, Edge
from chrono.chronology.reading import DATE_FIELDS, EventReading, unique_ids
from chrono.chronology.solve import Solution
from chrono.days import Day
from chrono.errors import ChronoError, Problem
from chrono.events.event import Event
from chrono.events.files import paused_collection
from chrono.model import Interval, Window
from chrono.resolve import current_fiscal_year_start, fiscal_year_starting

ENGINES = ("local", "dask")
INSTALL = "pip install 'chrono-timeline[dask]'"
_REF = re.compile(r"@([\w][\w.:-]*)")  # as chrono.parsing.lexer reads a reference
BATCH_EVENTS = 20_000  # events per task, about: enough work to outweigh sending them


class MissingDaskError(ChronoError, ImportError):
    """``--engine dask`` without dask and distributed installed."""


class Batch(NamedTuple):
    """What a worker sends back about one batch of whole components."""

    ok: bool  # no error: the rest is filled in
    warnings: tuple[Problem, ...]  # the date warnings, in the order the batch read them
    owners: tuple[int, ...]  # the event (batch number) of each warning
    reading: tuple[int, ...]  # the order the batch read the dates in (batch numbers)
    lower: list[float]
    upper: list[float]
    outgoing: tuple[tuple[Edge, ...], ...]  # batch variables and batch constraint numbers
    stating: tuple[int, ...]  # per stated constraint, in order, its event (batch number)
    readings: Packed  # per event, what its dates say (see pack_readings)


def analyse_on(
    events: Sequence[Event],
    earlier: Sequence[Problem] = (),
    *,
    engine: str = "dask",
    scheduler: str | None = None,
    workers: int | None = None,
    processes: bool = True,
    batch_events: int = BATCH_EVENTS,
) -> Analysis:
    """:func:`~chrono.chronology.build.analyse`, the components solved on a cluster.

    ``engine`` ``local`` (and no ``scheduler``) is one process; ``dask`` a local
    cluster of ``workers`` processes (every core by default), or the running
    scheduler at ``scheduler``. ``processes=False`` keeps the local cluster's workers
    as threads of this process (for tests).
    """
    if engine not in ENGINES:
        raise ChronoError(f"--engine: {engine!r} is not one of {', '.join(ENGINES)}")
    if engine == "local" and scheduler is None:
        return analyse(events, earlier)
    require_dask()
    try:
        with _client(scheduler, workers, processes) as client:
            return analyse_with(events, earlier, on_client(client), batch_events)
    except (OSError, TimeoutError) as err:  # distributed's words for a scheduler not there
        where = f"the scheduler at {scheduler}" if scheduler else "the local cluster"
        raise ChronoError(f"--scheduler: cannot reach {where}: {err}") from None


Wired = tuple[Any, ...]  # an event as the stages need it, as plain values (see wire)
Mapper = Callable[[Callable[[list[Wired]], Batch], list[list[Wired]]], list[Batch]]


def analyse_with(
    events: Sequence[Event],
    earlier: Sequence[Problem],
    mapper: Mapper,
    batch_events: int = BATCH_EVENTS,
) -> Analysis:
    """The analysis, each batch of components solved by ``mapper`` (results in order)."""
    if any(p.severity == "error" for p in earlier):
        return analyse(events, earlier)
    index, ids = unique_ids(events)
    groups = components(events, index) if not ids.problems else None
    if groups is None:  # a duplicate or unknown id: the errors as one process words them
        return analyse(events, earlier)
    batches = pack(groups, len(events), batch_events)
    with paused_collection():  # the batches sent, their results read back, and merged
        results = mapper(solve_wired, [[wire(events[g]) for g in batch] for batch in batches])
        if all(r.ok for r in results):
            return _merge(events, earlier, index, batches, results)
    return analyse(events, earlier)


def components(events: Sequence[Event], index: dict[str, int] | Any) -> list[list[int]] | None:
    """The events (by number) of each connected component, by their first event; None when
    a relation names an id no event has (one process reports that, with its suggestions).

    A batch may join components that are not linked (a ``@word`` that is no reference):
    the stages of a batch are those of a chronology, any union of components is one.
    """
    parent = list(range(len(events)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def join(i: int, other: str) -> bool:
        j = index.get(other)
        if j is None:
            return False
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
        return True

    for i, event in enumerate(events):
        for _kind, other in event.relations:
            if not join(i, other):
                return None
        for field in DATE_FIELDS:
            text = getattr(event, field)
            if text is None or "@" not in text:
                continue
            # every @word that names an event, read as the lexer reads it; one this misses
            # is an unknown event to its batch, and the chronology goes to one process
            for found in _REF.findall(text):
                if not join(i, found):
                    join(i, found.rstrip(".:-"))
    groups: dict[int, list[int]] = {}
    for i in range(len(events)):
        groups.setdefault(find(i), []).append(i)
    return list(groups.values())


def pack(groups: Sequence[list[int]], size: int, batch_events: int) -> list[list[int]]:
    """Whole components in batches of about ``batch_events`` events, each sorted."""
    count = max(1, math.ceil(size / max(batch_events, 1)))
    target = math.ceil(size / count)
    batches: list[list[int]] = []
    current: list[int] = []
    for group in groups:
        current.extend(group)
        if len(current) >= target:
            batches.append(sorted(current))
            current = []
    if current:
        batches.append(sorted(current))
    return batches


def wire(event: Event) -> Wired:
    """What the stages read of an event, as a tuple: a tuple of strings crosses to a worker
    many times faster than the attrs instance (whose titles and descriptions stay here)."""
    e = event
    return (e.id, e.file, e.line, e.date, e.start, e.end, e.relations, e.reference, e.lines)


def unwire(wired: Wired) -> Event:
    event_id, file, line, date, start, end, relations, reference, lines = wired
    return Event(
        event_id,
        "",
        file,
        line,
        date=date,
        start=start,
        end=end,
        relations=relations,
        reference=reference,
        lines=lines,
    )


def solve_wired(batch: list[Wired]) -> Batch:
    """:func:`solve_batch` of a batch as it crossed to the worker."""
    with paused_collection():
        return solve_batch([unwire(w) for w in batch])


def solve_batch(events: list[Event]) -> Batch:
    """One batch through the single-process stages (run on a worker)."""
    stages = read_and_solve(events)
    problems = (*stages.found.problems, *stages.solved.problems)
    solution = stages.solved.solution
    if (
        solution is None
        or stages.found.bad
        or any(p.severity == "error" for p in problems)
        or len(stages.owners) != len(stages.found.problems)
    ):
        return Batch(False, (), (), (), [], [], (), (), ([], []))
    constraints = stages.links.constraints
    stating = tuple(constraints[k].event for k in range(len(events), len(constraints)))
    return Batch(
        True,
        stages.found.problems,
        stages.owners,
        stages.reading,
        solution.lower,
        solution.upper,
        solution.outgoing,
        stating,
        pack_readings(stages.readings),
    )


def _merge(
    events: Sequence[Event],
    earlier: Sequence[Problem],
    index: Any,
    batches: Sequence[list[int]],
    results: Sequence[Batch],
) -> Analysis:
    """The batches' windows, edges and warnings in the whole chronology's numbering."""
    n = len(events)
    # Constraint numbers as one run gives them: each event's own first (number i for
    # event i), then those stated, event by event, in the order each event states them.
    stated = [0] * n
    for batch, result in zip(batches, results, strict=True):
        for local in result.stating:
            stated[batch[local]] += 1
    first_stated = [0] * n
    total = n
    for i in range(n):
        first_stated[i] = total
        total += stated[i]
    lower = [0.0] * (2 * n)
    upper = [0.0] * (2 * n)
    outgoing: list[tuple[Edge, ...]] = [NO_EDGES] * (2 * n)
    readings: list[EventReading] = [EventReading()] * n
    keyed: list[tuple[tuple[int, int], int, Problem]] = []
    for batch, result in zip(batches, results, strict=True):
        m = len(batch)
        why = list(batch)  # own constraints: event number
        seen = [0] * m
        for local in result.stating:
            why.append(first_stated[batch[local]] + seen[local])
            seen[local] += 1

        def var(v: int, batch: list[int] = batch) -> int:
            return 2 * batch[v // 2] + v % 2

        for v in range(2 * m):
            g = var(v)
            lower[g], upper[g] = result.lower[v], result.upper[v]
            edges = result.outgoing[v]
            if edges:
                outgoing[g] = tuple((var(t), w, why[k]) for t, w, k in edges)
        for local, reading in enumerate(unpack_readings(result.readings)):
            readings[batch[local]] = reading
        key = _reading_keys(result.reading, batch, set(result.owners))
        keyed.extend(
            (key[owner], k, warning)
            for k, (owner, warning) in enumerate(zip(result.owners, result.warnings, strict=True))
        )
    keyed.sort(key=lambda item: (item[0], item[1]))
    relations = tuple((e.id, kind, other) for e in events for kind, other in e.relations)
    problems = [*earlier, *(warning for _key, _k, warning in keyed)]
    solution = Solution(lower, upper, tuple(outgoing))
    timeline = place(events, readings, solution, relations, index, problems)
    return Analysis(timeline, list(timeline.warnings))


Flat = tuple[Any, ...]
Packed = tuple[list[Flat], list[int]]  # each distinct reading once, and each event's


def pack_readings(readings: Sequence[EventReading]) -> Packed:
    """The readings as tuples of days and strings, each distinct one once: a worker's
    readings cross back several times faster than as instances."""
    seen: dict[int, int] = {}
    table: list[Flat] = []
    which: list[int] = []
    for reading in readings:
        k = seen.get(id(reading))
        if k is None:
            k = seen[id(reading)] = len(table)
            own = reading.own
            flat = None
            if own is not None:
                core = None if own.core is None else _flat_window(own.core)
                flat = (
                    _flat_window(own.start),
                    _flat_window(own.end),
                    own.precision,
                    core,
                    own.qualifiers,
                    own.warnings,
                    own.rule,
                )
            table.append((flat, reading.links))
        which.append(k)
    return table, which


def unpack_readings(packed: Packed) -> list[EventReading]:
    table, which = packed
    made: list[EventReading] = []
    windows: dict[tuple[int | None, int | None], Window] = {}  # frozen: equal ones share

    def _window(flat: tuple[int | None, int | None]) -> Window:
        found = windows.get(flat)
        if found is None:
            found = windows[flat] = _make_window(flat)
        return found

    for flat, links in table:
        own = None
        if flat is not None:
            start, end, precision, core, qualifiers, warnings, rule = flat
            own = Interval(
                _window(start),
                _window(end),
                precision,
                None if core is None else _window(core),
                qualifiers,
                warnings,
                rule,
            )
        made.append(EventReading(own, links))
    return [made[k] for k in which]


def _flat_window(window: Window) -> tuple[int | None, int | None]:
    early, late = window.earliest, window.latest
    return (None if early is None else early.ordinal, None if late is None else late.ordinal)


def _make_window(flat: tuple[int | None, int | None]) -> Window:
    early, late = flat
    return Window(None if early is None else Day(early), None if late is None else Day(late))


def _reading_keys(
    reading: Sequence[int], batch: Sequence[int], wanted: set[int]
) -> dict[int, tuple[int, int]]:
    """For the ``wanted`` batch events, where one run would read them: (the event its
    reading walk started from, its place in the batch's order).

    One run walks from every event in turn, reading each walk's events before the next
    walk starts; a walk's events all come after its start, which is read last. So an
    event starts a walk exactly when it is before every event read after it.
    """
    keys: dict[int, tuple[int, int]] = {}
    if not wanted:
        return keys
    root = -1
    smallest = len(batch)
    for k in range(len(reading) - 1, -1, -1):
        local = reading[k]
        if local < smallest:
            root = smallest = local
        if local in wanted:
            keys[local] = (batch[root], k)
    return keys


def require_dask() -> None:
    """Import dask and distributed, or say in one line what to install."""
    missing = []
    for name in ("dask", "distributed"):
        try:
            importlib.import_module(name)
        except ImportError:
            missing.append(name)
    if missing:
        raise MissingDaskError(f"--engine dask needs {', '.join(missing)}: {INSTALL}")


@contextmanager
def _client(scheduler: str | None, workers: int | None, processes: bool) -> Iterator[Any]:
    import distributed  # not annotated: its classes are Any here

    from chrono.cluster import local_cluster

    Client: Any = distributed.Client
    if scheduler is not None:
        client = Client(scheduler, set_as_default=False)
        try:
            yield client
        finally:
            client.close()
        return
    cluster = local_cluster(
        workers,
        processes,
        dashboard_address=None,
        # no dashboard; the scheduler's HTTP server on a free port, not on 8787 (another
        # cluster on the machine may hold it: distributed then warns, and tests fail)
        scheduler_kwargs={"dashboard_address": ":0"},
    )
    try:
        client = Client(cluster, set_as_default=False)
        try:
            yield client
        finally:
            client.close()
    finally:
        cluster.close()


def on_client(client: Any) -> Mapper:
    """A mapper that runs the batches on a Dask client's workers, results in order."""

    def run(function: Callable[[list[Wired]], Batch], batches: list[list[Wired]]) -> list[Batch]:
        # a worker is another process: the fiscal year setting goes with each batch
        task = functools.partial(_with_fiscal_year, current_fiscal_year_start(), function)
        futures = client.map(task, batches, pure=False)
        return list(client.gather(futures))

    return run


def _with_fiscal_year(
    month: int, function: Callable[[list[Wired]], Batch], batch: list[Wired]
) -> Batch:
    with fiscal_year_starting(month):
        return function(batch)
