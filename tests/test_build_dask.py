"""Event tables in Parquet, and chronologies built on Dask to the single-process timeline.

The same 10,000-event table (tests/event_table.py: components of one to a few
events, warnings before and after the build) builds to the same order, windows,
ranks, constraint network and warnings in one process, with its components in
batches on a local Dask cluster, and on a scheduler with two workers started as
separate processes (the fixture of tests/test_corpus_dask.py). Small chronologies
drawn by hypothesis, errors included, give the same analysis however they are cut
into batches.
"""

from __future__ import annotations

import csv
import datetime
import io
import pickle
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytest.importorskip("distributed")
pytest.importorskip("pyarrow")

import pyarrow as pa
import pyarrow.parquet as pq

from chrono.chronology.build import Analysis, analyse
from chrono.chronology.distributed import (
    Batch,
    MissingDaskError,
    Wired,
    analyse_on,
    analyse_with,
    components,
    solve_batch,
)
from chrono.chronology.folder import read_folder
from chrono.events import read_events
from chrono.events.event import Event
from chrono.events.parquet_file import cell_text
from chrono.export.timeline_parquet import JSON_LIMIT, at_scale
from tests.event_table import rows, write_csv, write_parquet
from tests.test_corpus_dask import patient, scheduler  # noqa: F401  (fixtures: a real cluster)

EVENTS = 10_000


def in_process(function: Callable[[list[Wired]], Batch], batches: list[list[Wired]]) -> list[Batch]:
    """A mapper that runs each batch here, in order: the cluster's work without a cluster
    (each batch pickled there and back, as it would cross to a worker)."""
    return [pickle.loads(pickle.dumps(function(pickle.loads(pickle.dumps(b))))) for b in batches]


def same(a: Analysis, b: Analysis) -> None:
    """Everything a build shows: order, windows, ranks, the network and every problem."""
    assert a.problems == b.problems
    assert (a.timeline is None) == (b.timeline is None)
    if a.timeline is not None and b.timeline is not None:
        assert [p.event.id for p in a.timeline.events] == [p.event.id for p in b.timeline.events]
        assert a.timeline.events == b.timeline.events  # windows, ranks, positions, readings
        assert a.timeline.warnings == b.timeline.warnings
        assert a.timeline.relations == b.timeline.relations
        assert a.timeline.network == b.timeline.network  # bounds, edges, constraint numbers


# --- the table ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def table(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding the 10,000-event table as CSV, and one holding it as Parquet."""
    root = tmp_path_factory.mktemp("table")
    generated = rows(EVENTS)
    (root / "csv").mkdir()
    (root / "parquet").mkdir()
    write_csv(root / "csv" / "events.csv", generated)
    write_parquet(root / "parquet" / "events.parquet", generated)
    return root


@pytest.fixture(scope="module")
def one_process(table: Path) -> Analysis:
    events, loaded = read_events(table / "parquet")
    return analyse(events, loaded)


def test_the_table_has_components_of_several_events_and_warnings(table: Path) -> None:
    events, loaded = read_events(table / "parquet")
    assert not loaded and len(events) == EVENTS
    groups = components(events, {e.id: i for i, e in enumerate(events)})
    assert groups is not None
    sizes = sorted(len(g) for g in groups)
    assert sizes[0] == 1 and sizes[-1] >= 3 and sum(s > 1 for s in sizes) > 500
    assert sum(sizes) == EVENTS


def test_parquet_and_csv_give_the_same_events(table: Path) -> None:
    from_csv, csv_problems = read_events(table / "csv")
    from_parquet, parquet_problems = read_events(table / "parquet")
    assert not csv_problems and not parquet_problems
    csv_name, parquet_name = (
        str((table / d / f"events.{d}").as_posix()) for d in ("csv", "parquet")
    )
    assert [e.file for e in from_parquet] == [parquet_name] * EVENTS
    assert [e.file for e in from_csv] == [csv_name] * EVENTS
    import attrs

    assert [attrs.evolve(e, file="t") for e in from_csv] == [
        attrs.evolve(e, file="t") for e in from_parquet
    ]
    assert [e.lines for e in from_csv] == [e.lines for e in from_parquet]


def test_batches_solved_apart_give_the_single_process_timeline(
    table: Path, one_process: Analysis
) -> None:
    events, loaded = read_events(table / "parquet")
    assert one_process.timeline is not None
    warnings = [w for w in one_process.problems if w.severity == "warning"]
    assert len(warnings) > 100  # weekday warnings while reading, century ones after
    for batch_events in (EVENTS, 1_234, 97):
        same(one_process, analyse_with(events, loaded, in_process, batch_events))


def test_a_local_cluster_builds_the_single_process_timeline(
    table: Path, one_process: Analysis
) -> None:
    events, loaded = read_events(table / "parquet")
    on_cluster = analyse_on(
        events, loaded, engine="dask", workers=2, processes=False, batch_events=1_500
    )
    same(one_process, on_cluster)


def test_a_scheduler_and_two_workers_build_the_same_files(
    table: Path,
    one_process: Analysis,
    scheduler: str,  # noqa: F811  (the fixture imported above)
    tmp_path: Path,
) -> None:
    events, loaded = read_events(table / "parquet")
    same(one_process, analyse_on(events, loaded, scheduler=scheduler, batch_events=2_500))
    # and through the command, as a user runs it: the same table, byte for byte
    for name, extra in (("local", []), ("remote", ["--scheduler", scheduler])):
        run = chrono(
            "build",
            str(table / "parquet"),
            "--out",
            str(tmp_path / name),
            "--format",
            "csv,parquet",
            *extra,
        )
        assert run.returncode == 0, run.stderr
    for output in ("timeline.csv", "timeline.parquet"):
        local = (tmp_path / "local" / output).read_bytes()
        assert local == (tmp_path / "remote" / output).read_bytes()
    checked = chrono("check", str(table / "csv"), "--scheduler", scheduler)
    assert checked.returncode == 0, checked.stderr
    assert f"{EVENTS:,}".replace(",", "") + " events, 0 errors" in checked.stderr


def chrono(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "chrono", *args], capture_output=True, text=True, timeout=600
    )


# --- any small chronology, errors included -----------------------------------------------

DATES = (
    "2020",
    "May 2021",
    "circa 1990",
    "Tuesday, 12 May 2025",  # a Monday: a warning
    "between @{j} and Tuesday, 12 May 2025",
    "2 weeks after @{j}",
    "before @{j}",
    "during @{j}",
    "after @{j}",
    "2021-13-40",  # not a date
    "1700",
)


@st.composite
def chronologies(draw: st.DrawFn) -> list[Event]:
    n = draw(st.integers(1, 14))
    out = []
    for i in range(n):
        j = draw(st.integers(0, n))  # n: an id no event has
        date = draw(st.sampled_from(DATES)).format(j=f"e{j}")
        relations: tuple[tuple[str, str], ...] = ()
        if draw(st.booleans()) and draw(st.booleans()):
            kind = draw(st.sampled_from(("before", "after", "during")))
            relations = ((kind, f"e{draw(st.integers(0, n - 1))}"),)
        same_id = draw(st.integers(0, 30)) == 0 and i > 0
        out.append(
            Event(
                f"e{i - 1 if same_id else i}",
                f"E {i}",
                "t.csv",
                i + 2,
                date=date,
                relations=relations,
            )
        )
    return out


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(chronologies(), st.integers(1, 6))
def test_any_chronology_cut_into_any_batches_is_analysed_as_in_one_process(
    events: list[Event], batch_events: int
) -> None:
    same(analyse(events), analyse_with(events, (), in_process, batch_events))


def test_date_warnings_come_in_the_order_one_process_reads_them() -> None:
    # e0 names e3, so one run reads e3 (a warning) before e0, then e1 and e4 (warnings)
    dates = ["after @e3", "Tuesday, 12 May 2025", "2020", "Wednesday, 13 May 2025"]
    dates.append("Thursday, 12 May 2025")
    events = [Event(f"e{i}", f"E {i}", "t.csv", i + 2, date=d) for i, d in enumerate(dates)]
    alone = analyse(events)
    assert alone.timeline is not None
    assert [p.line for p in alone.problems] == [5, 3, 6]
    same(alone, analyse_with(events, (), in_process, 1))


def test_batches_of_interleaved_components_still_give_one_run_order() -> None:
    # pack() keeps components in order; batches that interleave them must merge the same
    from chrono.chronology.distributed import _merge

    dates = ["Tuesday, 12 May 2025", "Wednesday, 13 May 2025", "2020", "Thursday, 12 May 2025"]
    events = [Event(f"e{i}", f"E {i}", "t.csv", i + 2, date=d) for i, d in enumerate(dates)]
    batches = [[0, 3], [1], [2]]
    results = [solve_batch([events[g] for g in batch]) for batch in batches]
    merged = _merge(events, (), {e.id: i for i, e in enumerate(events)}, batches, results)
    same(analyse(events), merged)


def test_errors_are_the_ones_one_process_reports(tmp_path: Path) -> None:
    table = rows(300)
    table[40]["date"] = "the 45th of Smarch"
    table[120]["before"] = "e121; nowhere"
    table[200]["date"] = "2001"
    table[200]["before"] = "e199"
    table[199]["date"] = "2005"  # e200 (2001) before e199 (2005) holds; e199 before e200 cannot
    table[199]["before"] = "e200"
    write_parquet(tmp_path / "t.parquet", table)
    events, loaded = read_events(tmp_path)
    alone = analyse(events, loaded)
    assert alone.timeline is None
    said = "\n".join(str(p) for p in alone.problems if p.severity == "error")
    assert "t.parquet:42: date:" in said and "unknown event 'nowhere'" in said
    assert "contradictory constraints" in said or "cycle" in said
    same(alone, analyse_with(events, loaded, in_process, 50))


# --- the Parquet loader ------------------------------------------------------------------


def test_a_bad_cell_is_reported_at_the_line_csv_gives_it(tmp_path: Path) -> None:
    table = rows(30)
    table[11]["date"] = "the 45th of Smarch"
    for fmt, write in (("csv", write_csv), ("parquet", write_parquet)):
        (tmp_path / fmt).mkdir()
        write(tmp_path / fmt / f"t.{fmt}", table)
    said = {}
    for fmt in ("csv", "parquet"):
        run = chrono("check", str(tmp_path / fmt))
        assert run.returncode == 1
        said[fmt] = run.stderr.replace(str(tmp_path / fmt / f"t.{fmt}"), "TABLE")
    assert said["csv"] == said["parquet"]
    assert "TABLE:13: date: " in said["parquet"]  # row 12, under the header: line 13
    assert said["parquet"].endswith("30 events, 1 error, 0 warnings\n")


def test_an_unknown_column_is_the_warning_csv_gives(tmp_path: Path) -> None:
    pq.write_table(
        pa.table({"title": ["Coup"], "date": ["2020"], "colour": ["red"]}), tmp_path / "t.parquet"
    )
    events, problems = read_events(tmp_path)
    assert [e.title for e in events] == ["Coup"]
    assert len(problems) == 1 and problems[0].severity == "warning"
    assert problems[0].line == 1 and "'colour'" in problems[0].message


def test_typed_columns_read_as_their_text(tmp_path: Path) -> None:
    pq.write_table(
        pa.table(
            {
                "Headline": ["Founding", "Fall", "Lockdown"],
                "Year": [-753.0, 476.0, None],  # a data frame's year column with a gap
                "Month": [None, 9, None],
                "tags": [["rome", "myth"], [], None],
                "date": [None, None, datetime.date(2020, 5, 3)],
            }
        ),
        tmp_path / "t.parquet",
    )
    events, problems = read_events(tmp_path)
    assert not [p for p in problems if p.severity == "error"], problems
    assert [(e.title, e.date, e.start, e.tags, e.line) for e in events] == [
        ("Founding", "-0752", None, ("rome", "myth"), 2),
        ("Fall", "0476-09", None, (), 3),
        ("Lockdown", "2020-05-03", None, (), 4),
    ]


def test_cell_text_is_what_a_csv_file_would_hold() -> None:
    assert cell_text(None) == ""
    assert cell_text(True) == "true"
    assert cell_text(1999.0) == "1999" and cell_text(1999.5) == "1999.5"
    assert cell_text(datetime.datetime(2020, 5, 3)) == "2020-05-03"
    assert cell_text(datetime.datetime(2020, 5, 3, 14, 30)) == "2020-05-03T14:30:00"
    assert cell_text(["a", 2]) == "a; 2"
    assert cell_text(b"caf\xc3\xa9") == "café"


def test_a_file_that_is_not_parquet_is_one_error(tmp_path: Path) -> None:
    (tmp_path / "t.parquet").write_bytes(b"id,title\n1,Coup\n")
    events, problems = read_events(tmp_path)
    assert events == []
    assert len(problems) == 1 and problems[0].line == 1
    assert "not a readable Parquet table" in problems[0].message


def test_without_pyarrow_a_table_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_parquet(tmp_path / "t.parquet", rows(3))
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    _events, problems = read_events(tmp_path)
    assert [p.message for p in problems] == [
        "reading Parquet tables needs pyarrow: pip install 'chrono-timeline[dask]'"
    ]


def test_without_dask_the_engine_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    events = [Event("e0", "E", "t.csv", 2, date="2020")]
    with pytest.raises(MissingDaskError, match=r"pip install 'chrono-timeline\[dask\]'"):
        analyse_on(events, engine="dask")
    assert analyse_on(events, engine="local").timeline is not None  # one process needs none


def test_a_scheduler_that_is_not_there_is_one_clear_error(tmp_path: Path) -> None:
    import os

    write_csv(tmp_path / "t.csv", rows(3))
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "chrono",
            "check",
            str(tmp_path),
            "--scheduler",
            "tcp://127.0.0.1:9",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "3s"},
    )
    assert run.returncode == 1
    assert run.stderr.startswith(
        "error: --scheduler: cannot reach the scheduler at tcp://127.0.0.1:9: "
    ), run.stderr
    assert "Traceback" not in run.stderr


def test_an_unknown_engine_is_an_error(tmp_path: Path) -> None:
    write_csv(tmp_path / "t.csv", rows(3))
    run = chrono("check", str(tmp_path), "--engine", "spark")
    assert run.returncode == 1
    assert run.stderr == "error: --engine: 'spark' is not one of local, dask\n"


# --- timeline.parquet --------------------------------------------------------------------


def test_timeline_parquet_holds_timeline_csv(tmp_path: Path) -> None:
    write_csv(tmp_path / "t.csv", rows(400))
    reading = read_folder(tmp_path)
    assert reading.timeline is not None
    from chrono.export import render

    out = render(reading.timeline, ["csv", "parquet"])
    table = pq.read_table(io.BytesIO(out["timeline.parquet"]))
    from_csv = list(csv.DictReader(io.StringIO(out["timeline.csv"].decode("utf-8"))))
    assert table.column_names == list(from_csv[0])
    assert table.schema.field("rank_min").type == pa.int64()
    assert table.schema.field("edtf_exact").type == pa.bool_()
    as_text = [
        {
            k: ("" if v is None else str(v).lower() if isinstance(v, bool) else str(v))
            for k, v in r.items()
        }
        for r in table.to_pylist()
    ]
    assert as_text == from_csv
    assert render(reading.timeline, ["parquet"]) == {"timeline.parquet": out["timeline.parquet"]}


def test_at_scale_the_outputs_add_parquet_and_drop_json_above_the_limit() -> None:
    class Sized:
        def __init__(self, n: int) -> None:
            self.n = n

        def __len__(self) -> int:
            return self.n

    def chosen(n: int, wanted: Sequence[str]) -> list[str]:
        return at_scale(Sized(n), wanted)  # type: ignore[arg-type]

    assert chosen(JSON_LIMIT, ["html", "json", "csv"]) == ["html", "json", "csv", "parquet"]
    assert chosen(JSON_LIMIT + 1, ["html", "json", "csv"]) == ["html", "csv", "parquet"]
    assert chosen(5, ["parquet", "csv"]) == ["parquet", "csv"]


def test_a_failed_build_on_a_cluster_leaves_the_previous_outputs(tmp_path: Path) -> None:
    (tmp_path / "events").mkdir()
    write_csv(tmp_path / "events" / "t.csv", rows(50))
    first = chrono(
        "build", str(tmp_path / "events"), "--out", str(tmp_path / "out"), "--format", "csv,parquet"
    )
    assert first.returncode == 0, first.stderr
    before = {p.name: p.read_bytes() for p in (tmp_path / "out").iterdir()}
    table = rows(50)
    table[7]["date"] = "the 45th of Smarch"
    write_csv(tmp_path / "events" / "t.csv", table)
    failed = chrono(
        "build",
        str(tmp_path / "events"),
        "--out",
        str(tmp_path / "out"),
        "--engine",
        "dask",
        "--workers",
        "1",
    )
    assert failed.returncode == 1
    assert "t.csv:9: date:" in failed.stderr and "nothing was written" in failed.stderr
    assert {p.name: p.read_bytes() for p in (tmp_path / "out").iterdir()} == before


def test_solve_batch_refuses_a_batch_with_an_error() -> None:
    bad = solve_batch([Event("e0", "E", "t.csv", 2, date="2021-13-40")])
    assert not bad.ok
    event = Event("e0", "E", "t.csv", 2, date="2021")
    good, alone = solve_batch([event]), analyse([event]).timeline
    assert good.ok and alone is not None
    assert (good.lower, good.upper) == (list(alone.network.lower), list(alone.network.upper))


def test_dask_and_pyarrow_are_imported_only_when_a_cluster_or_a_table_is_used() -> None:
    code = (
        "import sys, chrono, chrono.cli, chrono.chronology.distributed\n"
        "import chrono.events.parquet_file, chrono.export.timeline_parquet\n"
        "print(sorted(m for m in ('dask', 'distributed', 'pyarrow') if m in sys.modules))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout == "[]\n"


def test_the_fiscal_year_setting_reaches_workers_in_other_processes(
    scheduler: str,  # noqa: F811  (the fixture imported above)
    tmp_path: Path,
) -> None:
    folder = tmp_path / "events"
    folder.mkdir()
    (folder / "budget.csv").write_text("id,title,date\nbudget,Budget year,FY2023\n", "utf-8")
    starts = {}
    for name, extra in (("remote", ["--scheduler", scheduler]), ("local", [])):
        run = chrono(
            "build",
            str(folder),
            "--out",
            str(tmp_path / name),
            "--format",
            "csv",
            "--fiscal-year-start",
            "4",
            *extra,
        )
        assert run.returncode == 0, run.stderr
        rows = (tmp_path / name / "timeline.csv").read_text("utf-8").splitlines()
        starts[name] = rows[1]
    assert starts["remote"] == starts["local"]
    assert ",2022-04-01," in starts["remote"]  # FY2023 from April: 2022-04-01 to 2023-03-31


def _settings() -> dict[str, object]:
    import dask.config

    from chrono.cluster import QUIET

    return {key: dask.config.get(key) for key in QUIET}


def test_the_build_s_local_cluster_runs_quiet_as_extraction_s_does() -> None:
    """The one set of settings of chrono/cluster.py reaches the build's worker processes."""
    from chrono.chronology.distributed import _client
    from chrono.cluster import QUIET

    with _client(None, 1, True) as client:
        assert list(client.run(_settings).values()) == [QUIET]
