"""The level-of-detail page of a large timeline (chrono/export/lod.py and lod.js).

Above ``LOD_THRESHOLD`` events the page opens as per-lane density; zoomed into a
window that holds at most that many, it draws the events in it one row each, in
display order, exactly as the plain chart draws them; user text stays text.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from chrono import build_timeline, load_events
from chrono.chronology import Timeline
from chrono.events.event import Event
from chrono.export import render
from chrono.export.chart import _short, figure, row_label
from chrono.export.lod import LOD_THRESHOLD, wants_lod
from tests.browser import needs_browser
from tests.browser import render as open_in_browser

ROOT = Path(__file__).resolve().parent.parent
DAY_MS = 86_400_000
MONTHS = (
    "January February March April May June July August September October November December"
).split()
LANES = ("Politics", "Security", "Diplomacy", "Economy", "Aid")
HOSTILE_TITLE = "<img src=x onerror=alert(1)>"
HOSTILE_LANE = "</script><script data-evil>alert(2)</script>"


def events(count: int, seed: int = 7, deep: bool = False) -> list[Event]:
    """``count`` events over 1990-2024 (or around 500 BC), every kind of date the chart draws."""
    rng = random.Random(seed)
    out = []
    for i in range(count):
        year = rng.randint(-520, -480) if deep else rng.randint(1990, 2024)
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        iso = f"{year:05d}" if year < 0 else f"{year:04d}"
        iso += f"-{month:02d}-{day:02d}"
        name = MONTHS[month - 1]
        kind = rng.random()
        fields: dict[str, Any]
        if kind < 0.55:
            fields = {"date": iso}  # a day: a circle
        elif kind < 0.75:
            fields = {"date": iso[: len(iso) - 3]}  # a month: a diamond
        elif kind < 0.87:  # a span with a certain part
            end = dt.date(2001, month, day) + dt.timedelta(days=rng.randint(3, 90))
            fields = {"start": iso, "end": f"{year + end.year - 2001:04d}-{end:%m-%d}"}
            if year < 0:
                fields = {"start": iso, "end": f"{year + 1:05d}-{end:%m-%d}"}
        elif kind < 0.92 and not deep:  # a span with no certain part: marked where it began
            fields = {"start": f"{name} {year}", "end": f"late {name} {year}"}
        elif kind < 0.95 and not deep:
            fields = {"date": f"circa {year}"}  # approximate: hatched, open marker
        elif kind < 0.955 and not deep:
            fields = {"date": f"since {name} {year}"}  # open end: fades
        elif kind < 0.96 and not deep:
            fields = {"date": f"before {year}"}  # open start: fades
        else:
            fields = {"date": iso}
        lane = rng.choice(LANES) if rng.random() < 0.95 else None
        title = f"Event {i:05d} {rng.choice(('talks', 'attack', 'deal', 'visit', 'vote'))}"
        out.append(Event(f"e{i}", title, "gen.yaml", i + 1, lane=lane, **fields))
    return out


_BUILT: dict[tuple[int, bool], Timeline] = {}


def timeline(count: int, deep: bool = False) -> Timeline:
    if (count, deep) not in _BUILT:
        _BUILT[count, deep] = build_timeline(events(count, deep=deep))
    return _BUILT[count, deep]


def in_window(t: Timeline, first: int, after_last: int) -> list[int]:
    """Display indices of the events whose possible extent meets days [first, after_last)."""
    out = []
    for i, p in enumerate(t.events):
        low = p.start.earliest.ordinal if p.start.earliest is not None else -(10**9)
        high = p.end.latest.ordinal + 1 if p.end.latest is not None else 10**9
        if low < after_last and high > first:
            out.append(i)
    return out


def shown(p: Any) -> str:
    """A row label as the reader sees it: the title and lane, as text."""
    title = _short(p.event.title)
    return f"{title} · {_short(p.event.lane, 24)}" if p.event.lane else title


# Zoom into [from, to] (axis values), wait for the redraw, and report what is drawn.
ZOOM = """
const wait = ms => new Promise(r => setTimeout(r, ms));
const hoverText = () => Array.from(document.querySelectorAll('.hoverlayer .hovertext'))
  .map(t => t.textContent);
out.before = {mode: gd.chronoLod.mode, count: gd.chronoLod.count,
              title: (document.querySelector('.gtitle') || {}).textContent || null,
              heatmaps: gd._fullData.filter(t => t.type === 'heatmap').length};
const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
Plotly.Fx.hover(gd, {xpx: xa._length / 2, ypx: ya.l2p(0)}, 'xy');
out.before.hover = hoverText();
Plotly.Fx.unhover(gd);
const renders = gd.chronoLod.renders;
await Plotly.relayout(gd, {'xaxis.range': [FROM, TO]});
for (let i = 0; i < 400 && gd.chronoLod.renders === renders; i++) { await wait(25); }
const state = gd.chronoLod;
out.mode = state.mode;
out.count = state.count;
out.window = state.rows ? Array.from(state.rows) : null;
out.range = gd.layout.xaxis.range;
out.ticktext = gd.layout.yaxis.ticktext;
out.tickvals = gd.layout.yaxis.tickvals;
out.bars = [];
out.marks = [];
const each = (value, i) => Array.isArray(value) ? value[i] : value;
gd.data.forEach(t => {
  if (t.type === 'bar' && t.y.length && t.y[0] !== null) {
    t.y.forEach((y, i) => out.bars.push([y, t.base[i], t.x[i], t.marker.opacity[i],
      t.marker.pattern.shape[i], t.width, each(t.marker.color, i),
      each(t.marker.pattern.fgcolor, i), t.customdata[i]]));
  } else if (t.type === 'scatter') {
    t.y.forEach((y, i) => out.marks.push([y, t.x[i], t.marker.symbol[i],
      each(t.marker.color, i), t.customdata[i]]));
  }
});
const bar = gd._fullData.findIndex(t => t.type === 'bar' && t.y.indexOf(HOVER) >= 0);
if (bar >= 0) {
  Plotly.Fx.hover(gd, [{curveNumber: bar, pointNumber: gd._fullData[bar].y.indexOf(HOVER)}]);
  out.hover = hoverText();
}
out.legend = Array.from(document.querySelectorAll('.legendtext')).map(t => t.textContent);
Plotly.Fx.unhover(gd);
"""

# Then pan the rows: rows 80 to 119 of the same window, beyond those drawn at first.
PAN = """
const tickLabels = () => Array.from(document.querySelectorAll('.ytick text'))
  .map(t => t.textContent);
out.zoomed = tickLabels();
const panned = gd.chronoLod.renders;
await Plotly.relayout(gd, {'yaxis.range': [119.5, 79.5]});
for (let i = 0; i < 400 && gd.chronoLod.renders === panned; i++) { await wait(25); }
out.panned = {first: gd.chronoLod.first, last: gd.chronoLod.last, labels: tickLabels()};
"""


def zoom(page: Path, first: Any, last: Any, hover: int = 0, then: str = "") -> dict[str, Any]:
    """Open ``page``, zoom to [first, last], hover the row ``hover``; what was drawn."""
    script = ZOOM.replace("FROM", json.dumps(first)).replace("TO", json.dumps(last))
    script = script.replace("HOVER", str(hover)) + then
    return open_in_browser(page, script)


def write_page(tmp_path: Path, t: Timeline, **options: Any) -> Path:
    fragment = options.pop("fragment", False)
    out = render(t, ["html"], fragment=fragment, plotlyjs="inline", **options)
    name = "timeline.fragment.html" if fragment else "timeline.html"
    body = out[name].decode()
    if fragment:  # pasted into a report page
        body = f"<!DOCTYPE html><html><head></head><body><h1>Report</h1>{body}</body></html>"
    page = tmp_path / name
    page.write_text(body, encoding="utf-8")
    return page


def plain_bars(t: Timeline, rows: list[int]) -> tuple[list[Any], list[Any]]:
    """The plain chart's bars and markers of the events at display ``rows``, as the page
    draws them: row in the window, base and length in axis units, style and hover."""
    fig = figure(t, layout="rows", headings=False, min_px=0)  # one plain row per event
    local = {j: r for r, j in enumerate(rows)}
    dates = fig.layout.xaxis.type == "date"

    def x(value: Any) -> float:
        if not dates:
            return float(value)
        day, _, time = str(value).partition(" ")
        ms = (dt.date.fromisoformat(day) - dt.date(1970, 1, 1)).days * DAY_MS
        return float(ms + (DAY_MS // 2 if time == "12:00" else 0))

    bars, marks = [], []
    for trace in fig.data:
        if trace.type == "bar" and trace.y[0] is not None:
            for i, row in enumerate(trace.y):
                if row in local:
                    bars.append(
                        [
                            local[row],
                            x(trace.base[i]),
                            float(trace.x[i]),
                            trace.marker.opacity[i],
                            trace.marker.pattern.shape[i],
                            trace.width,
                            trace.marker.color,
                            trace.marker.pattern.fgcolor,
                            trace.customdata[i][0],
                        ]
                    )
        elif trace.type == "scatter" and trace.mode == "markers":
            for i, row in enumerate(trace.y):
                if row in local:
                    marks.append(
                        [
                            local[row],
                            x(trace.x[i]),
                            trace.marker.symbol[i],
                            trace.marker.color,
                            trace.customdata[i][0],
                        ]
                    )
    return sorted(bars, key=repr), sorted(marks, key=repr)


def close(a: list[Any], b: list[Any]) -> bool:
    if len(a) != len(b):
        return False
    for u, v in zip(a, b, strict=True):
        for p, q in zip(u, v, strict=True):
            if isinstance(p, float) or isinstance(q, float):
                if abs(float(p) - float(q)) > 1e-6 * max(1.0, abs(float(q))):
                    return False
            elif p != q:
                return False
    return True


@needs_browser
def test_a_large_page_opens_as_density_and_zooms_into_events_in_display_order(
    tmp_path: Path,
) -> None:
    t = timeline(6_000)
    assert wants_lod(t)
    page = write_page(tmp_path, t)
    first = (dt.date(2003, 5, 1) - dt.date(1970, 1, 1)).days
    report = zoom(page, "2003-05-01", "2003-09-01", then=PAN)
    assert report["errors"] == [] and report["alerts"] == [] and report["after"] == "done"
    before = report["before"]
    assert before["mode"] == "overview" and before["count"] == 6_000
    assert before["heatmaps"] == len(LANES) + 1  # one row of density a lane, "(no lane)" too
    assert before["title"].endswith("6,000 events: zoom in to see them one by one")
    assert before["hover"] and "events" in before["hover"][0] and ".." in before["hover"][0]
    # zoomed: the events of the window, one row each, in the timeline's display order
    expected = in_window(t, first, first + 123)
    assert 80 < len(expected) <= LOD_THRESHOLD
    assert [t.events[j].position for j in expected] == sorted(
        t.events[j].position for j in expected
    )
    assert report["mode"] == "detail" and report["count"] == len(expected)
    assert report["window"] == expected
    assert report["range"] == ["2003-05-01", "2003-09-01"]  # the reader's range is kept
    drawn = len(report["ticktext"])  # the rows near the visible forty
    assert 40 <= drawn < len(expected) and report["tickvals"] == list(range(drawn))
    assert report["ticktext"] == [row_label(t.events[j]) for j in expected[:drawn]]
    assert report["zoomed"] == [shown(t.events[j]) for j in expected[:40]]  # as read, in order
    # every bar and marker exactly as the plain chart draws that event
    bars, marks = plain_bars(t, expected[:drawn])
    assert close(sorted(report["bars"], key=repr), bars)
    assert close(sorted(report["marks"], key=repr), marks)
    assert {b[4] for b in bars} == {"", "/"} and any(m[2].endswith("-open") for m in marks)
    assert report["hover"] and report["hover"][0].startswith(t.events[expected[0]].event.title)
    assert all(tr["drawn"] == tr["points"] for tr in report["traces"])
    # panning down the rows draws the next ones
    assert report["panned"]["labels"] == [shown(t.events[j]) for j in expected[80:120]]
    assert report["panned"]["last"] > drawn


@needs_browser
def test_deep_time_draws_in_decimal_years_as_the_plain_chart(tmp_path: Path) -> None:
    t = timeline(LOD_THRESHOLD + 500, deep=True)
    page = write_page(tmp_path, t)
    assert '"dates":false' in page.read_text(encoding="utf-8")
    # days of -0500-03-01 .. -0500-03-06 (astronomical years), in decimal years
    report = zoom(page, -500 + 59 / 365, -500 + 65 / 365)
    assert report["errors"] == [] and report["before"]["mode"] == "overview"
    assert report["mode"] == "detail" and report["window"]
    bars, marks = plain_bars(t, report["window"])
    assert bars and close(sorted(report["bars"], key=repr), bars)
    assert close(sorted(report["marks"], key=repr), marks)


@needs_browser
@pytest.mark.parametrize("fragment", [False, True])
def test_hostile_text_in_a_large_page_shows_literally_and_runs_nothing(
    tmp_path: Path, fragment: bool
) -> None:
    base = events(LOD_THRESHOLD + 100)
    hostile = [
        Event(
            "evil1",
            HOSTILE_TITLE,
            "evil.yaml",
            1,
            date="2003-05-05",
            lane=HOSTILE_LANE,
            source='<a href="javascript:alert(3)">source</a>',
        ),
        Event("evil2", HOSTILE_LANE, "evil.yaml", 2, date="2003-05-06", lane=HOSTILE_TITLE),
    ]
    t = build_timeline(base + hostile)
    page = write_page(tmp_path, t, fragment=fragment, title=HOSTILE_TITLE)
    text = page.read_text(encoding="utf-8")
    for element in ('id="chrono-timeline-data"', 'id="chrono-timeline-text"'):
        data = text[text.index(element) :]
        data = data[: data.index("</script>")]
        assert "<img" not in data and "<script" not in data and "\\u0026lt;img src=x" in data
    first = (dt.date(2003, 5, 5) - dt.date(1970, 1, 1)).days
    rows = in_window(t, first, first + 2)
    evil = [t.events[j].event.id for j in rows].index("evil1")
    report = zoom(page, "2003-05-05", "2003-05-07", hover=evil)
    assert report["alerts"] == [] and report["errors"] == [] and report["injected"] == 0
    assert report["before"]["title"].startswith(HOSTILE_TITLE)
    assert report["mode"] == "detail"
    labels = report["labels"]
    # the lane after the title, shortened at a word with an ellipsis, as text
    assert any(
        label.startswith(HOSTILE_TITLE + " · " + _short(HOSTILE_LANE, 24)) for label in labels
    )
    assert any(label.startswith(_short(HOSTILE_LANE)) for label in labels)
    assert HOSTILE_TITLE in report["legend"] and HOSTILE_LANE in report["legend"]
    assert report["title"].startswith(HOSTILE_TITLE)
    assert report["hover"] and report["hover"][0].startswith(HOSTILE_TITLE)
    assert "source: <a href=" in report["hover"][0]  # the source, as text


def test_two_builds_of_a_large_page_are_byte_identical() -> None:
    # in two processes: no random ids, no clock, no hash order
    code = (
        "import hashlib, sys\n"
        "from tests.test_lod import timeline\n"
        "from chrono.export import render\n"
        "out = render(timeline(5_200), ['html'], fragment=True, plotlyjs='cdn')\n"
        "print(hashlib.sha256(out['timeline.html'] + out['timeline.fragment.html']).hexdigest())\n"
    )
    digests = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=True,
            env={"PYTHONHASHSEED": str(seed), "PATH": "/usr/bin:/bin"},
        ).stdout
        for seed in (1, 2)
    }
    out = render(timeline(5_200), ["html"], fragment=True, plotlyjs="cdn")
    here = hashlib.sha256(out["timeline.html"] + out["timeline.fragment.html"]).hexdigest()
    assert digests == {here + "\n"}


def test_the_sample_and_a_timeline_at_the_threshold_keep_the_plain_chart() -> None:
    sample = build_timeline(load_events(ROOT / "events"))
    page = render(sample, ["html"], plotlyjs="cdn")["timeline.html"].decode()
    assert "Plotly.newPlot" in page and "chronoLod" not in page
    at = build_timeline(events(LOD_THRESHOLD))
    assert not wants_lod(at)
    page = render(at, ["html"], plotlyjs="cdn")["timeline.html"].decode()
    assert "chronoLod" not in page
    above = timeline(LOD_THRESHOLD + 200)
    page = render(above, ["html"], plotlyjs="cdn")["timeline.html"].decode()
    assert "chronoLod(" in page and 'id="chrono-timeline-data"' in page


def test_the_notebook_view_draws_by_level_of_detail_and_figure_stays_plain() -> None:
    t = timeline(LOD_THRESHOLD + 200)
    html = t._repr_html_()
    assert html.startswith('<div class="chrono-timeline">') and "chronoLod(" in html
    assert "cdn.plot.ly" in html
    assert t.to_html().startswith("<!DOCTYPE html>")
    fig = figure(t)
    possible = [trace for trace in fig.data if trace.type == "bar" and trace.y[0] is not None]
    assert sum(len(trace.y) for trace in possible if trace.width == 0.78) >= len(t.events)


def test_every_mode_of_plotlyjs_works_for_a_large_page(tmp_path: Path) -> None:
    t = timeline(LOD_THRESHOLD + 200)
    cdn = render(t, ["html"], plotlyjs="cdn")["timeline.html"].decode()
    assert 'src="https://cdn.plot.ly/plotly-' in cdn and 'integrity="sha256-' in cdn
    small = render(build_timeline(events(10)), ["html"], plotlyjs="cdn")["timeline.html"]
    url = cdn[cdn.index('src="https://cdn') : cdn.index("crossorigin")]
    assert url in small.decode()  # the same plotly.js, the same integrity, as the plain page
    directory = render(t, ["html"], plotlyjs="directory")
    assert 'src="plotly.min.js"' in directory["timeline.html"].decode()
    assert "plotly.min.js" in directory


LANES_AND_RESET = """
const wait = ms => new Promise(r => setTimeout(r, ms));
const settle = async n => {
  for (let i = 0; i < 400 && gd.chronoLod.renders === n; i++) { await wait(25); }
};
const hidden = () => gd.data.filter(t => t.visible === 'legendonly').map(t => t.meta);
const snap = () => ({mode: gd.chronoLod.mode, count: gd.chronoLod.count, hidden: hidden(),
                     range: gd.layout.xaxis.range.slice()});
const swatch = lane => gd.data.findIndex(t => t.type === 'bar' && t.meta === lane);
out.steps = [snap()];
let n = gd.chronoLod.renders;
gd.emit('plotly_legenddoubleclick', {curveNumber: swatch(2), data: gd.data});  // lane 2 alone
await settle(n);
out.steps.push(snap());
n = gd.chronoLod.renders;
gd.emit('plotly_legendclick', {curveNumber: swatch(0), data: gd.data});  // and lane 0
await settle(n);
out.steps.push(snap());
n = gd.chronoLod.renders;
gd.emit('plotly_legendclick', {curveNumber: swatch(0), data: gd.data});  // lane 0 hidden again
await settle(n);
out.steps.push(snap());
n = gd.chronoLod.renders;
gd.emit('plotly_legenddoubleclick', {curveNumber: swatch(2), data: gd.data});  // all again
await settle(n);
out.steps.push(snap());
n = gd.chronoLod.renders;
await Plotly.relayout(gd, {'xaxis.range': ['2010-01-01', '2010-02-01']});
await settle(n);
out.steps.push(snap());
n = gd.chronoLod.renders;
await Plotly.relayout(gd, {'xaxis.autorange': true});  // what a reset asks for
await settle(n);
out.steps.push(snap());
"""


@needs_browser
def test_legend_clicks_hide_lanes_and_a_reset_shows_the_whole_range(tmp_path: Path) -> None:
    t = timeline(LOD_THRESHOLD + 200)
    page = write_page(tmp_path, t)
    report = open_in_browser(page, LANES_AND_RESET)
    assert report["errors"] == [] and report["after"] == "done"
    steps = report["steps"]
    lanes = list(dict.fromkeys(p.event.lane or "" for p in t.events))
    per_lane = {
        i: sum(1 for p in t.events if (p.event.lane or "") == lane) for i, lane in enumerate(lanes)
    }
    whole = steps[0]["range"]
    assert steps[0] == {"mode": "overview", "count": len(t.events), "hidden": [], "range": whole}
    # alone, the third lane has few enough events to draw one by one
    assert steps[1]["mode"] == "detail" and steps[1]["count"] == per_lane[2]
    assert sorted(steps[1]["hidden"]) == [i for i in per_lane if i != 2]
    assert steps[2]["count"] == per_lane[2] + per_lane[0]
    assert steps[3]["count"] == per_lane[2]
    assert steps[4]["mode"] == "overview" and steps[4]["hidden"] == []
    assert steps[5]["mode"] == "detail" and steps[5]["range"] == ["2010-01-01", "2010-02-01"]
    assert steps[6]["mode"] == "overview" and steps[6]["range"] == whole


def test_timeline_page_gives_what_to_html_gives() -> None:
    from chrono.export.html import timeline_page

    for t in (timeline(LOD_THRESHOLD + 200), build_timeline(load_events(ROOT / "events"))):
        for fragment in (False, True):
            expected = t.to_html(fragment=fragment, title="T")
            assert timeline_page(t, fragment=fragment, plotlyjs="cdn", title="T") == expected
