"""The built timeline as files and as a page a person opens in a browser."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from chrono import build_timeline, load_events
from chrono.errors import ExportError
from chrono.events.event import Event
from chrono.export import render, write_exports
from chrono.export.chart import figure
from tests.browser import needs_browser
from tests.browser import render as open_in_browser

ROOT = Path(__file__).resolve().parent.parent


def sample():  # type: ignore[no-untyped-def]
    return build_timeline(load_events(ROOT / "events"))


def chrono(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "chrono", *args],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=cwd,
    )


@needs_browser
def test_the_sample_page_draws_a_bar_for_every_event_and_no_error(tmp_path: Path) -> None:
    timeline = sample()
    write_exports(timeline, tmp_path, ["html"], plotlyjs="inline")
    report = open_in_browser(tmp_path / "timeline.html")
    assert report["errors"] == [] and report["alerts"] == []
    # lanes as headings on the axis, in order of first appearance; titles beside the bars
    assert report["labels"] == ["Politics", "Diplomacy", "Security"]
    assert sorted(x.strip("\u00a0") for x in report["texts"]) == sorted(
        p.event.title for p in timeline.events
    )
    possible = [t for t in report["traces"] if t["width"] == 0.78]
    assert sum(t["points"] for t in possible) >= len(timeline.events)
    assert all(t["drawn"] == t["points"] for t in report["traces"])
    assert report["outside"] == []


HOSTILE = {
    "title": "<img src=x onerror=alert(1)>",
    "lane": "</script><script data-evil>alert(2)</script>",
    "source": '<a href="javascript:alert(3)">source</a>',
    "description": "<b>bold</b> & <i>italic</i>",
}


@needs_browser
@pytest.mark.parametrize("fragment", [False, True])
def test_hostile_text_shows_literally_and_runs_nothing(tmp_path: Path, fragment: bool) -> None:
    events = [
        Event(
            "evil",
            HOSTILE["title"],
            "events/evil.yaml",
            1,
            date="2022",
            lane=HOSTILE["lane"],
            source=HOSTILE["source"],
            description=HOSTILE["description"],
        ),
        Event("plain", "Plain", "events/evil.yaml", 5, date="2023"),
    ]
    timeline = build_timeline(events)
    out = render(timeline, ["html"], fragment=fragment, plotlyjs="inline", title=HOSTILE["title"])
    name = "timeline.fragment.html" if fragment else "timeline.html"
    page = tmp_path / name
    body = out[name].decode()
    if fragment:  # pasted into a report page
        body = f"<!DOCTYPE html><html><head></head><body><h1>Report</h1>{body}</body></html>"
    page.write_text(body, encoding="utf-8")
    report = open_in_browser(page)
    assert report["alerts"] == [] and report["errors"] == [] and report["injected"] == 0
    assert HOSTILE["title"] in [x.strip("\u00a0") for x in report["texts"]]
    # the lane's heading, shortened at a word with an ellipsis, as text
    assert report["labels"][0] == "</script><script…"
    assert report["title"] == HOSTILE["title"]


def test_fragment_is_a_div_with_its_script() -> None:
    out = render(sample(), [], fragment=True)["timeline.fragment.html"].decode()
    assert out.startswith('<div class="chrono-timeline">')
    assert "<html" not in out and "<head" not in out and "<body" not in out
    assert 'id="chrono-timeline"' in out and "cdn.plot.ly" in out  # a fragment defaults to the CDN


@pytest.mark.parametrize(
    ("mode", "marker"), [("cdn", "https://cdn.plot.ly/"), ("inline", "Plotly.newPlot")]
)
def test_plotlyjs_modes(mode: str, marker: str) -> None:
    page = render(sample(), ["html"], plotlyjs=mode)["timeline.html"].decode()
    assert marker in page
    if mode == "inline":  # works offline: plotly.js itself is in the page, nothing fetched
        _holds_plotly_js(page)


def test_plotlyjs_directory_writes_plotly_beside_the_page(tmp_path: Path) -> None:
    written = write_exports(sample(), tmp_path, ["html"], plotlyjs="directory")
    assert tmp_path / "plotly.min.js" in written
    assert 'src="plotly.min.js"' in (tmp_path / "timeline.html").read_text()


def _holds_plotly_js(page: str) -> None:
    from plotly.offline import get_plotlyjs

    assert get_plotlyjs() in page
    assert not re.search(r"<script[^>]*\bsrc=", page)


def test_standalone_page_defaults_to_inline() -> None:
    _holds_plotly_js(render(sample(), ["html"])["timeline.html"].decode())


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        assert (
            chrono("build", "events", "--out", str(tmp_path / folder), "--fragment").returncode == 0
        )
    names = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert names == ["timeline.csv", "timeline.fragment.html", "timeline.html", "timeline.json"]
    for name in names:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_a_failed_build_leaves_every_previous_output(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert chrono("build", "events", "--out", str(out)).returncode == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    broken = tmp_path / "events"
    shutil.copytree(ROOT / "events", broken)
    (broken / "bad.yaml").write_text("title: Bad\ndate: 31 April 2024\n", encoding="utf-8")
    result = chrono("build", str(broken), "--out", str(out))
    assert result.returncode == 1 and "bad.yaml:2" in result.stderr
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_csv_rows_in_display_order_with_text_made_safe() -> None:
    events = [
        Event("a", '=HYPERLINK("http://x")', "f.yaml", 1, date="500 BC", lane="+lane"),
        Event("b", 'Plain, with "quotes"\nand a newline', "f.yaml", 4, date="2022"),
    ]
    rows = list(
        csv.DictReader(
            io.StringIO(render(build_timeline(events), ["csv"])["timeline.csv"].decode())
        )
    )
    assert [r["id"] for r in rows] == ["a", "b"]
    assert rows[0]["title"] == '\'=HYPERLINK("http://x")' and rows[0]["lane"] == "'+lane"
    assert rows[0]["start_earliest"] == "-0499-01-01"  # a date cell stays exact
    assert rows[1]["title"] == 'Plain, with "quotes"\nand a newline'
    assert rows[0]["rank_min"] == "1" and rows[1]["position"] == "2"


@needs_browser
def test_deep_time_uses_a_numeric_axis_in_years(tmp_path: Path) -> None:
    events = [
        Event("a", "Fall of Troy", "f.yaml", 1, date="circa 1180 BC"),
        Event("b", "Lascaux paintings", "f.yaml", 2, date="Y-17000"),
        Event("c", "Now", "f.yaml", 3, date="2025"),
    ]
    timeline = build_timeline(events)
    fig = figure(timeline)
    assert fig.layout.xaxis.type == "linear"
    write_exports(timeline, tmp_path, ["html"], plotlyjs="inline")
    report = open_in_browser(tmp_path / "timeline.html")
    assert report["errors"] == [] and report["outside"] == []
    assert len(report["texts"]) == 3 and "AD 1" in report["xticks"]
    assert all(re.fullmatch(r"(\d{1,4}|\d{1,3}(,\d{3})+) BC|AD \d+", t) for t in report["xticks"])


def test_the_figure_draws_every_event_of_the_sample() -> None:
    timeline = sample()
    fig = figure(timeline)
    events = [trace for trace in fig.data if trace.y[0] is not None and trace.customdata]
    hovers = {c[0] for trace in events for c in trace.customdata}
    assert {h.split("<br>")[0] for h in hovers} == {
        f"<b>{p.event.title}</b>" for p in timeline.events
    }
    labels = [
        x.strip("\u00a0")
        for t in events
        if t.type == "scatter" and t.mode == "text"
        for x in t.text
    ]
    assert sorted(labels) == sorted(p.event.title for p in timeline.events)
    lanes = [trace.name for trace in events]
    assert list(dict.fromkeys(lanes)) == ["Politics", "Diplomacy", "Security"]


@needs_browser
def test_static_images_leave_the_home_folder_empty(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = dict(os.environ, HOME=str(home))
    for name in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"):
        env.pop(name, None)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "chrono",
            "build",
            "events",
            "--out",
            str(tmp_path / "out"),
            "--format",
            "png,svg",
            "--width",
            "900",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    assert list(home.iterdir()) == []
    png = (tmp_path / "out" / "timeline.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and int.from_bytes(png[16:20], "big") == 900
    svg = (tmp_path / "out" / "timeline.svg").read_text(encoding="utf-8")
    assert "Attacks on a gold mining site at Narena" in svg and "rangeslider" not in svg


def test_static_images_without_a_browser_is_a_clear_error(tmp_path: Path) -> None:
    env = dict(os.environ, BROWSER_PATH=str(tmp_path / "no-such-browser"))
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "chrono",
            "build",
            "events",
            "--out",
            str(tmp_path / "out"),
            "--format",
            "png",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "needs Chromium or Chrome" in result.stderr
    assert not (tmp_path / "out").exists()


def test_unknown_format_and_plotlyjs_are_clear_errors() -> None:
    # the library names its own argument; the CLI puts its option's name in front
    with pytest.raises(ExportError, match="unknown output gif") as info:
        render(sample(), ["gif"])
    assert info.value.setting == "format" and "--" not in str(info.value)
    with pytest.raises(ExportError, match="'stacked' is not one of") as info:
        render(sample(), ["html"], layout="stacked")
    assert info.value.setting == "layout"
    with pytest.raises(ExportError, match="'somewhere' is not one of") as info:
        render(sample(), ["html"], plotlyjs="somewhere")
    assert info.value.setting == "plotlyjs" and "--" not in str(info.value)


def test_committed_exports_are_what_the_readme_command_builds(tmp_path: Path) -> None:
    # the same command and project settings as `chrono build events/` in this repository
    assert chrono("build", "events", "--out", str(tmp_path)).returncode == 0
    built = sorted(p.name for p in tmp_path.iterdir())
    committed = sorted(p.name for p in (ROOT / "exports").iterdir() if not p.name.startswith("."))
    assert built == committed
    for name in built:
        assert (tmp_path / name).read_bytes() == (ROOT / "exports" / name).read_bytes(), (
            f"exports/{name} is stale: run chrono build events/"
        )


def test_summary_line_names_events_lanes_warnings_and_files(tmp_path: Path) -> None:
    result = chrono("build", "events", "--out", str(tmp_path))
    line = result.stdout.strip().splitlines()[-1]
    assert line.startswith("7 events, 3 lanes, 0 warnings; wrote ")
    assert json.loads((tmp_path / "timeline.json").read_text())["events"]


def test_every_user_string_in_the_figure_is_escaped() -> None:
    from chrono.export.chart import escape

    evil = "<b>x</b><a href='javascript:alert(1)'>y</a>&amp;"
    events = [
        Event(
            "e",
            evil,
            "f.yaml",
            1,
            date="2022",
            lane=evil,
            source=evil,
            description=evil,
            url="https://example.org/<script>",
            tags=(evil,),
        )
    ]
    fig = figure(build_timeline(events), title=evil, layout="rows")
    escaped = "&lt;b&gt;x&lt;/b&gt;&lt;a href='javascript:alert(1)'&gt;y&lt;/a&gt;&amp;amp;"
    assert fig.layout.title.text == escaped
    assert {trace.name for trace in fig.data if trace.legendgroup} == {escaped}
    assert escape(evil[:29]) + "…" in fig.layout.yaxis.ticktext[0]  # the lane's heading
    assert fig.layout.yaxis.ticktext[1].replace("<br>", " ") == escaped  # the title, wrapped
    hover = fig.data[0].customdata[0][0]
    assert escaped in hover and "https://example.org/&lt;script&gt;" in hover
    assert "<a" not in hover and "<script" not in hover
