"""Exports for other tools (TimelineJS, vis-timeline, markwhen, iCalendar) and reading them back."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from chrono.chronology import Timeline, build_timeline
from chrono.days import Day
from chrono.edtf_format import date_fields, edtf
from chrono.errors import ChronoError
from chrono.events import load_events
from chrono.events.event import Event
from chrono.events.files import load_text
from chrono.export import render, write_exports
from chrono.export.markwhen import markwhen
from chrono.export.timelinejs import timelinejs
from chrono.export.vis import vis
from chrono.model import Window
from tests.strategies import days

ROOT = Path(__file__).resolve().parent.parent
FORMATS = {
    "timelinejs": "timeline.timelinejs.json",
    "vis": "timeline.vis.json",
    "markwhen": "timeline.mw",
    "ics": "timeline.ics",
}


def sample() -> Timeline:
    return build_timeline(load_events(ROOT / "events"))


def event(id: str, title: str, lane: str | None = None, **dates: str) -> Event:
    return Event(id=id, title=title, file="t.yaml", line=1, lane=lane, **dates)


def odd() -> Timeline:
    """Deep time, open bounds, markup in titles and lanes, no lane at all."""
    return build_timeline(
        [
            event("bc", "Battle <b>of</b> Marathon", "Greece & Persia", date="490 BC"),
            event("open", 'A "quote" #tag: and colon', None, date="since August 2020"),
            event("before", "<script>alert(1)</script>", "Politics", date="before 1 May 2021"),
            event("far", "Far future", "Politics", date="Y12000"),
            event("day", "One day", "Politics", date="2021-03-04"),
            event("span", "Span", None, start="[2020-01-03..2020-01-09]", end="March 2020"),
        ]
    )


def by_id(timeline: Timeline) -> dict[str, tuple[Window, Window]]:
    return {p.event.id: (p.start, p.end) for p in timeline.events}


def read_back(data: bytes, name: str) -> Timeline:
    events, problems = load_text(data.decode("utf-8"), name)
    assert [p for p in problems if p.severity == "error"] == []
    return build_timeline(events)


# --- the files ---------------------------------------------------------------


def test_each_format_is_a_file_in_out(tmp_path: Path) -> None:
    written = write_exports(sample(), tmp_path, list(FORMATS))
    assert sorted(p.name for p in written) == sorted(FORMATS.values())
    again = render(sample(), list(FORMATS))
    for path in written:
        assert path.read_bytes() == again[path.name]  # deterministic: the same bytes


def test_an_unknown_format_names_the_new_ones() -> None:
    with pytest.raises(ChronoError, match="timelinejs, vis, markwhen, ics"):
        render(sample(), ["gantt"])


def test_the_cli_writes_them(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "chrono", "build", str(ROOT / "events"), "--out", str(tmp_path),
         "--format", "timelinejs,vis,markwhen,ics"],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(FORMATS.values())


# --- iCalendar ---------------------------------------------------------------


def test_icalendar_reads_one_all_day_event_per_event() -> None:
    from icalendar import Calendar

    timeline = sample()
    calendar = Calendar.from_ical(render(timeline, ["ics"])["timeline.ics"])
    vevents = calendar.walk("VEVENT")
    assert len(vevents) == len(timeline.events)
    for p, vevent in zip(timeline.events, vevents, strict=True):
        start, end = vevent.decoded("dtstart"), vevent.decoded("dtend")
        assert type(start) is dt.date and type(end) is dt.date  # all-day: dates, not times
        assert p.earliest is not None
        assert start == dt.date(*p.earliest.ymd)
        last = p.latest if p.latest is not None else p.start.latest
        assert last is not None
        assert end == dt.date(*last.ymd) + dt.timedelta(days=1)
        assert str(vevent["summary"]) == p.event.title
        assert str(vevent["uid"]) == f"{p.event.id}@chrono-timeline"
        text = str(vevent["description"])
        assert f"As written: {p.date_text}" in text and "When: " in text
    coup = next(v for v in vevents if str(v["uid"]).startswith("coup-2020"))
    assert "sometime from Saturday 1 August 2020 to Monday 31 August 2020" in str(
        coup["description"]
    )
    assert str(calendar["version"]) == "2.0" and "prodid" in calendar


def test_icalendar_leaves_out_what_a_calendar_cannot_hold_and_says_so() -> None:
    from icalendar import Calendar

    calendar = Calendar.from_ical(render(odd(), ["ics"])["timeline.ics"])
    uids = [str(v["uid"]) for v in calendar.walk("VEVENT")]
    assert "bc@chrono-timeline" not in uids and "far@chrono-timeline" not in uids
    assert len(uids) == 4
    assert str(calendar["x-wr-caldesc"]) == "2 events outside years 1-9999 left out"


# --- vis-timeline ------------------------------------------------------------


def test_vis_items_and_groups() -> None:
    timeline = odd()
    data = json.loads(vis(timeline))
    items = {item["id"]: item for item in data["items"]}
    lanes = list(dict.fromkeys(p.event.lane or "" for p in timeline.events))
    assert sorted(lanes) == ["", "Greece & Persia", "Politics"]
    assert [g["id"] for g in data["groups"]] == lanes
    contents = {g["id"]: g["content"] for g in data["groups"]}
    assert contents["Greece & Persia"] == "Greece &amp; Persia"
    assert contents[""] == "(no lane)"
    assert items["day"] == items["day"] | {"start": "2021-03-04", "type": "point"}
    assert items["span"]["type"] == "range"
    assert (items["span"]["start"], items["span"]["end"]) == ("2020-01-03", "2020-04-01")
    assert items["bc"]["start"] == "-000489-01-01" and items["bc"]["end"] == "-000488-01-01"
    assert items["far"]["start"] == "+012000-01-01"
    assert items["open"]["className"] == "chrono-open-end" and items["open"]["type"] == "point"
    assert items["before"]["className"] == "chrono-open-start"
    # content and title are HTML to vis-timeline
    assert items["before"]["content"] == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert "<script>" not in json.dumps(data)
    assert "EDTF 2021-03-04" in items["day"]["title"]


# --- TimelineJS --------------------------------------------------------------


def test_timelinejs_slides() -> None:
    data = json.loads(timelinejs(odd(), "Odd <things>"))
    slides = {s["unique_id"]: s for s in data["events"]}
    assert data["title"]["text"]["headline"] == "Odd &lt;things&gt;"
    assert data["scale"] == "human"
    assert slides["bc"]["start_date"] == {"year": -490}  # historical: no year 0
    assert "end_date" not in slides["bc"] and "end_date" not in slides["day"]
    assert slides["day"]["start_date"] == {"year": 2021, "month": 3, "day": 4}
    assert slides["span"]["start_date"] == {"year": 2020, "month": 1, "day": 3}
    assert slides["span"]["end_date"] == {"year": 2020, "month": 3}
    assert slides["bc"]["group"] == "Greece & Persia" and "group" not in slides["open"]
    assert slides["before"]["text"]["headline"] == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert "on or after Saturday 1 August 2020" in slides["open"]["text"]["text"]
    assert slides["open"]["display_date"] == "since August 2020"
    assert slides["span"]["chrono"]["edtf_exact"] is False


def test_timelinejs_of_a_sample_month_is_year_and_month() -> None:
    data = json.loads(timelinejs(sample(), "t"))
    coup = next(s for s in data["events"] if s["unique_id"] == "coup-2020")
    assert coup["start_date"] == {"year": 2020, "month": 8} and "end_date" not in coup
    assert coup["group"] == "Politics"


# --- reading them back ---------------------------------------------------------


@pytest.mark.parametrize("fmt", ["timelinejs", "markwhen"])
@pytest.mark.parametrize("make", [sample, odd])
def test_written_and_read_back_gives_the_same_windows(fmt: str, make: object) -> None:
    timeline = make()  # type: ignore[operator]
    name = FORMATS[fmt]
    back = read_back(render(timeline, [fmt])[name], name)
    assert by_id(back) == by_id(timeline)
    for p, q in zip(timeline.events, back.events, strict=True):
        assert (q.event.title, q.event.lane) == (p.event.title, p.event.lane)
        assert q.event.description == p.event.description


_TITLES = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30
).filter(lambda t: t.strip() != "")


@st.composite
def chronologies(draw: st.DrawFn) -> Timeline:
    """Events with windows of any kind, some with relations between them."""
    n = draw(st.integers(1, 6))
    events = []
    for i in range(n):
        first = draw(days(st.integers(-3000, 12000)))
        length = draw(st.sampled_from([0, 0, 1, 30, 400]))
        window = Window(first, first.plus(length))
        later = draw(days(st.integers(-3000, 12000)))
        if draw(st.booleans()) and later.ordinal > window.latest.ordinal:  # type: ignore[union-attr]
            fields = date_fields(window, Window(later, later.plus(length)))
        else:
            fields = date_fields(window, window)
        if draw(st.integers(0, 4)) == 0:
            opens = ["since 2001", "before 1999", "after 1 May 2020"]
            fields = {"date": draw(st.sampled_from(opens))}
        relations: tuple[tuple[str, str], ...] = ()
        if i and draw(st.booleans()):
            kind = draw(st.sampled_from(["before", "after", "during", "overlaps"]))
            relations = ((kind, f"e{draw(st.integers(0, i - 1))}"),)
        events.append(
            Event(
                id=f"e{i}",
                title=draw(_TITLES),
                file="h.yaml",
                line=i + 1,
                lane=draw(st.sampled_from([None, "A", "B b", "<c>"])),
                relations=relations,
                **fields,
            )
        )
    try:
        return build_timeline(events)
    except ChronoError:
        assume(False)
        raise


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(chronologies(), st.sampled_from(["timelinejs", "markwhen"]))
def test_any_chronology_reads_back_as_the_same_windows(timeline: Timeline, fmt: str) -> None:
    assume(all(not (p.start.earliest is None and p.start.latest is None) for p in timeline.events))
    name = FORMATS[fmt]
    back = read_back(render(timeline, [fmt])[name], name)
    assert by_id(back) == by_id(timeline)
    titles = {p.event.id: p.event.title for p in timeline.events}
    if fmt == "timelinejs":  # markwhen folds a title's runs of white space onto its line
        assert {p.event.id: p.event.title for p in back.events} == titles


# --- foreign files -------------------------------------------------------------


def test_a_timelinejs_file_made_elsewhere(tmp_path: Path) -> None:
    (tmp_path / "tl.json").write_text(
        json.dumps(
            {
                "title": {"text": {"headline": "Not an event"}},
                "events": [
                    {"start_date": {"year": "1969", "month": "7", "day": "20"},
                     "text": {"headline": "Moon <i>landing</i>", "text": "<p>Apollo &amp; co</p>"},
                     "group": "Space", "unique_id": "moon"},
                    {"start_date": {"year": -500}, "end_date": {"year": -400},
                     "text": {"headline": "Classical"}},
                ],
            },
            indent=1,
        )
    )  # fmt: skip
    timeline = build_timeline(load_events(tmp_path))
    moon = timeline["moon"]
    assert (moon.event.title, moon.event.lane, moon.event.description) == (
        "Moon landing", "Space", "Apollo & co",
    )  # fmt: skip
    assert moon.start == Window(Day.from_ymd(1969, 7, 20), Day.from_ymd(1969, 7, 20))
    classical = timeline["classical"]
    assert classical.earliest == Day.from_ymd(-499, 1, 1)
    assert classical.latest == Day.from_ymd(-399, 12, 31)


def test_a_bad_timelinejs_value_is_an_error_at_its_line(tmp_path: Path) -> None:
    (tmp_path / "tl.json").write_text(
        '{"events": [\n {"start_date": {\n   "year": "MCMLXIX"},\n'
        '  "text": {"headline": "A"}},\n {"start_date": {"year": 0}, "text": {"headline": "B"}},\n'
        ' {"start_date": {"year": 2000, "month": 13}, "text": {"headline": "C"}}]}\n'
    )
    result = subprocess.run(
        [sys.executable, "-m", "chrono", "check", str(tmp_path)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 1
    name = (tmp_path / "tl.json").as_posix()
    lines = result.stderr.splitlines()
    assert f"error: {name}:3: 'start_date.year' must be a whole number, not 'MCMLXIX'" in lines
    assert f"error: {name}:5: 'start_date.year' 0: TimelineJS has no year 0 (1 BC is -1)" in lines
    assert f"error: {name}:6: 'start_date.month' must be a number from 1 to 12, not '13'" in lines
    assert "Traceback" not in result.stderr


MARKWHEN = """\
---
title: My project
---

// a comment
2019: Before any section #early

# Work #job
2020-03-10/2020-05: Phase one
color: blue
id: phase-one
Long description
on two lines.

2021-06/now: Ongoing
300-200 BC: Ancient

# Life
2022-02-14: A day
"""


def test_a_markwhen_file_made_elsewhere(tmp_path: Path) -> None:
    (tmp_path / "plan.mw").write_text(MARKWHEN)
    timeline = build_timeline(load_events(tmp_path))
    events = {p.event.title: p for p in timeline.events}
    assert set(events) == {"Before any section #early", "Phase one", "Ongoing", "Ancient", "A day"}
    early = events["Before any section #early"]
    assert early.event.lane is None and early.event.tags == ("early",)
    phase = events["Phase one"]
    assert (phase.event.id, phase.event.lane, phase.event.line) == ("phase-one", "Work", 9)
    assert phase.event.description == "Long description\non two lines."
    assert phase.start == Window(Day.from_ymd(2020, 3, 10), Day.from_ymd(2020, 3, 10))
    assert phase.end == Window(Day.from_ymd(2020, 5, 1), Day.from_ymd(2020, 5, 31))
    assert events["Ongoing"].latest is None
    assert events["Ancient"].earliest == Day.from_ymd(-299, 1, 1)
    assert events["A day"].event.lane == "Life"


def test_a_bad_markwhen_date_is_an_error_at_its_line(tmp_path: Path) -> None:
    (tmp_path / "plan.mw").write_text("# Work\n\n2020-13-45: Impossible\n")
    result = subprocess.run(
        [sys.executable, "-m", "chrono", "check", str(tmp_path)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.startswith(f"error: {(tmp_path / 'plan.mw').as_posix()}:3: ")
    assert "Traceback" not in result.stderr


# --- markwhen's own parser -------------------------------------------------------

_NPM_CACHE = Path(os.environ.get("CHRONO_NPM_CACHE", Path.home() / ".cache" / "chrono-tests-npm"))


def _markwhen_parser() -> Path | None:
    """@markwhen/parser installed from the npm registry once, or None where it cannot be."""
    if shutil.which("node") is None or shutil.which("npm") is None:
        return None
    module = _NPM_CACHE / "node_modules" / "@markwhen" / "parser"
    if not module.exists():
        _NPM_CACHE.mkdir(parents=True, exist_ok=True)
        try:
            subprocess.run(
                ["npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix",
                 str(_NPM_CACHE), "@markwhen/parser@1"],
                capture_output=True, timeout=240, check=True,
            )  # fmt: skip
        except (subprocess.SubprocessError, OSError):
            return None
    return _NPM_CACHE if module.exists() else None


_WALK = """
import { parse } from "@markwhen/parser";
import { readFileSync } from "fs";
const r = parse(readFileSync(process.argv[2], "utf8"));
const out = [];
function walk(node, lane) {
  if (node.children) { node.children.forEach(c => walk(c, node.title || lane)); return; }
  out.push({lane: lane, title: node.firstLine.restTrimmed, properties: node.properties,
            from: node.dateRangeIso.fromDateTimeIso, to: node.dateRangeIso.toDateTimeIso});
}
walk(r.events, null);
console.log(JSON.stringify({header: r.header, events: out, messages: r.parseMessages}));
"""


def test_markwhens_own_parser_reads_what_chrono_writes(tmp_path: Path) -> None:
    prefix = _markwhen_parser()
    if prefix is None:
        pytest.skip("node, npm or the npm registry is not available for @markwhen/parser")
    script = prefix / "walk.mjs"  # beside node_modules, so the import resolves
    script.write_text(_WALK)
    timeline = sample()
    page = tmp_path / "timeline.mw"
    page.write_bytes(markwhen(timeline, "Mali and China"))
    result = subprocess.run(
        ["node", str(script), str(page)], capture_output=True, text=True, timeout=120, check=True
    )
    parsed = json.loads(result.stdout)
    assert parsed["header"]["title"] == "Mali and China"
    assert parsed["messages"] == []
    assert len(parsed["events"]) == len(timeline.events)
    for got in parsed["events"]:
        p = timeline[got["properties"]["id"]]
        assert (got["title"], got["lane"]) == (p.event.title, p.event.lane)
        assert got["properties"]["edtf"] == edtf(p.start, p.end).text
        assert p.earliest is not None
        assert got["from"][:10] == p.earliest.isoformat()
        if p.latest is not None:  # markwhen's end is the instant after the last day
            assert got["to"][:10] == p.latest.plus(1).isoformat()
