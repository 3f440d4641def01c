"""EDTF for windows: python-edtf reads every string; chrono reads exact ones back as they were."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chrono.chronology import build_timeline
from chrono.days import Day
from chrono.edtf_format import date_fields, edtf, within
from chrono.events import load_events
from chrono.events.event import Event
from chrono.export.timeline_csv import timeline_csv
from chrono.export.timeline_json import timeline_json
from chrono.model import Window
from chrono.parse import parse
from tests.strategies import days

edtf_lib = pytest.importorskip("edtf", reason="python-edtf is in the test extra")

EXAMPLES = [
    ("12 May 2025", "2025-05-12"),
    ("August 2020", "2020-08"),
    ("2022", "2022"),
    ("late 2022", "2022-39"),
    ("Q3 2023", "2023-35"),
    ("spring 2001", "2001-21"),
    ("winter 2001", "2001-24"),
    ("H2 2023", "2023-41"),
    ("the 1990s", "199X"),
    ("the 20th century", "19XX"),
    ("500 BC", "-0499"),
    ("Y-20000", "Y-20000"),
    ("between 3 January 2020 and 5 February 2020", "[2020-01-03..2020-02-05]"),
    ("before 2021", "[..2020-12-31]"),
    ("after 2021", "[2022-01-01..]"),
    ("from March 2021 to June 2022", "2021-03/2022-06"),
    ("2020-01-03/2020-02-05", "2020-01-03/2020-02-05"),
    ("since August 2020", "2020-08/.."),
    ("../1985-04-12", "../1985-04-12"),
]


@pytest.mark.parametrize(("text", "expected"), EXAMPLES)
def test_examples(text: str, expected: str) -> None:
    interval = parse(text)
    said = edtf(interval.start, interval.end)
    assert said.text == expected
    assert said.exact
    edtf_lib.parse_edtf(said.text)


def test_a_span_between_windows_is_not_exact_but_holds_them() -> None:
    start = Window(Day.from_ymd(2020, 1, 3), Day.from_ymd(2020, 2, 5))
    end = Window(Day.from_ymd(2020, 3, 1), Day.from_ymd(2020, 4, 2))
    said = edtf(start, end)
    assert said == said.__class__("2020/2020", False)
    assert date_fields(start, end) == {
        "start": "[2020-01-03..2020-02-05]",
        "end": "[2020-03-01..2020-04-02]",
    }


def test_days_beyond_four_digit_years_are_said_as_years() -> None:
    day = Day.from_ymd(12000, 3, 1)
    said = within(Window(day, day))
    assert said.text == "Y12000" and not said.exact
    assert within(Window(Day.from_ymd(12000, 1, 1), Day.from_ymd(12000, 12, 31))).exact


def _unit_window(first: Day, grain: str) -> Window:
    y, m, _ = first.ymd
    if grain == "day":
        return Window(first, first)
    if grain == "month":
        return Window(Day.first_of_month(y, m), Day.last_of_month(y, m))
    if grain == "year":
        return Window(Day.first_of_month(y, 1), Day.last_of_month(y, 12))
    if grain == "season":
        start = (m - 1) // 3 * 3 + 1
        return Window(Day.first_of_month(y, start), Day.last_of_month(y, start + 2))
    if grain == "decade":
        y = y // 10 * 10
        return Window(Day.first_of_month(y, 1), Day.last_of_month(y + 9, 12))
    y = y // 100 * 100
    return Window(Day.first_of_month(y, 1), Day.last_of_month(y + 99, 12))


@st.composite
def windows(draw: st.DrawFn, year_range: tuple[int, int] = (-9999, 9999)) -> Window:
    """A unit (day to century) or any run of days, sometimes open on one side."""
    years = st.integers(*year_range)
    first = draw(days(years))
    kind = draw(st.sampled_from(["day", "month", "year", "season", "decade", "century", "any"]))
    if kind == "any":
        window = Window(first, first.plus(draw(st.integers(0, 800))))
    else:
        window = _unit_window(first, kind)
    side = draw(st.integers(0, 5))
    if side == 0:
        return Window(None, window.latest)
    if side == 1:
        return Window(window.earliest, None)
    return window


@st.composite
def spans(draw: st.DrawFn, year_range: tuple[int, int] = (-9999, 9999)) -> tuple[Window, Window]:
    """A start window and an end window in the order chronology leaves them."""
    start = draw(windows(year_range))
    if draw(st.booleans()):
        return start, start
    end = draw(windows(year_range))
    if start.earliest is not None and end.latest is not None and end.latest < start.earliest:
        start, end = end, start
    # propagation's own clipping: the start no later than the end, the end no earlier
    start_latest = start.latest
    if end.latest is not None and (start_latest is None or end.latest < start_latest):
        start_latest = end.latest
    end_earliest = end.earliest
    if start.earliest is not None and (end_earliest is None or start.earliest > end_earliest):
        end_earliest = start.earliest
    return Window(start.earliest, start_latest), Window(end_earliest, end.latest)


def _contains(outer: Window, inner: Window) -> bool:
    return outer.contains(inner)


@given(spans())
def test_python_edtf_reads_it_and_chrono_reads_exact_ones_back(pair: tuple[Window, Window]) -> None:
    start, end = pair
    said = edtf(start, end)
    edtf_lib.parse_edtf(said.text)  # raises on anything python-edtf cannot read
    if said.text == "../..":  # chrono's parser wants a date on one side
        return
    read = parse(said.text)
    if said.exact:
        assert (read.start, read.end) == (start, end)
    else:
        assert (read.start, read.end) != (start, end)
        if start.is_open and end.is_open:
            return  # EDTF has no interval open at both ends: it names one known day
        if any(w.earliest.year != w.latest.year for w in (start, end) if not w.is_open):
            return  # an interval's end is at most a year: a longer window is cut to one
        assert _contains(read.start, start) and _contains(read.end, end)


@given(spans(year_range=(-30000, 30000)))
def test_date_fields_read_back_as_the_same_windows(pair: tuple[Window, Window]) -> None:
    start, end = pair
    fields = date_fields(start, end)
    if not fields or (start.earliest is None and start.latest is None):
        return  # no expression says "no bound at all" on both sides of the start
    event = Event(id="e", title="E", file="x.yaml", line=1, **fields)
    placed = build_timeline([event]).events[0]
    assert (placed.start, placed.end) == (start, end)


ROOT = Path(__file__).resolve().parent.parent


def test_every_event_of_timeline_json_and_csv_carries_its_edtf() -> None:
    timeline = build_timeline(load_events(ROOT / "events"))
    events = json.loads(timeline_json(timeline))["events"]
    rows = list(csv.DictReader(io.StringIO(timeline_csv(timeline).decode("utf-8"))))
    assert len(events) == len(rows) == len(timeline.events)
    for obj, row, placed in zip(events, rows, timeline.events, strict=True):
        edtf_lib.parse_edtf(obj["edtf"])
        assert (row["edtf"], row["edtf_exact"]) == (obj["edtf"], str(obj["edtf_exact"]).lower())
        read = parse(obj["edtf"])
        assert ((read.start, read.end) == (placed.start, placed.end)) is obj["edtf_exact"]
    by_id = {obj["id"]: obj for obj in events}
    assert by_id["coup-2020"]["edtf"] == "2020-08"
    assert by_id["goita-rule"]["edtf"] == "2020-08/.."


def _chrono(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "chrono", *args],
        input=stdin, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def test_parse_edtf_on_the_command_line() -> None:
    result = _chrono("parse", "--edtf", "late 2022", "from 3 January 2020 to 2 April 2020")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["2022-39", "2020-01-03/2020-04-02"]
    result = _chrono("parse", "--edtf", "--json", "circa 1990")
    obj = json.loads(result.stdout)
    assert (obj["edtf"], obj["edtf_exact"]) == ("[1989-01-01..1991-12-31]", True)
    result = _chrono("parse", "--edtf", "-", stdin="August 2020\n")
    assert json.loads(result.stdout)["edtf"] == "2020-08"


def test_parse_edtf_says_when_it_is_not_exact() -> None:
    result = _chrono("parse", "--edtf", "[+12000-03-01..+12000-03-05]")
    assert result.stdout.strip() == "Y12000  (holds it; not exact)"
