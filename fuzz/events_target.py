"""Coverage-guided fuzzing of event files: read_events, then analyse, never a crash.

    python fuzz/events_target.py -max_total_time=60

An input is bytes: the last byte picks the format (its value modulo 3: 0 YAML,
1 JSON, 2 CSV; the seeds end in a tab, a newline and a space), and every other
byte is written as is, invalid UTF-8 and all, to ``events.yaml``, ``events.json``
or ``events.csv`` in a temporary folder. ``chrono.events.read_events`` reads the
folder and ``chrono.chronology.analyse`` orders what it read. Both must return
their pair (a ChronoError is allowed too); any other exception is a crash, and
libFuzzer saves the input under ``fuzz/artifacts/``.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

import atheris  # type: ignore[import-untyped,import-not-found,unused-ignore]
from runner import run

with atheris.instrument_imports():
    import chrono
    import chrono.chronology
    import chrono.chronology.build
    import chrono.chronology.dates
    import chrono.chronology.network
    import chrono.chronology.order
    import chrono.chronology.reading
    import chrono.chronology.solve
    import chrono.chronology.timeline
    import chrono.events
    import chrono.events.csv_file
    import chrono.events.fields
    import chrono.events.files
    import chrono.events.json_file
    import chrono.events.limits
    import chrono.events.records
    import chrono.events.yaml_file
    import chrono.parse
    import chrono.resolve
    from chrono.chronology import Timeline, analyse
    from chrono.events import Event, Problem, read_events

SUFFIXES = (".yaml", ".json", ".csv")
FOLDER = Path(tempfile.mkdtemp(prefix="chrono-fuzz-events-"))
atexit.register(shutil.rmtree, FOLDER, ignore_errors=True)


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    suffix = SUFFIXES[fdp.ConsumeIntInRange(0, len(SUFFIXES) - 1)]  # the last byte
    content = fdp.ConsumeBytes(fdp.remaining_bytes())
    for other in SUFFIXES:
        (FOLDER / f"events{other}").unlink(missing_ok=True)
    (FOLDER / f"events{suffix}").write_bytes(content)
    try:
        events, problems = read_events(FOLDER)
    except chrono.ChronoError:
        return
    assert all(isinstance(e, Event) for e in events)
    assert all(isinstance(p, Problem) and p.line >= 1 for p in problems), problems
    try:
        timeline, found = analyse(events)
    except chrono.ChronoError:
        return
    assert timeline is None or isinstance(timeline, Timeline)
    assert all(isinstance(p, Problem) for p in found)
    if timeline is not None:
        assert len(timeline.events) == len(events)


if __name__ == "__main__":
    run("events", test_one_input)
