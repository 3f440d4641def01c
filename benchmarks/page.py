"""The timeline page in a browser: time to first draw and to one zoom, against plain plotly.

For 1,000, 10,000 and 100,000 events of a deterministic timeline (from a seed),
this builds chrono's page (``chrono build``'s ``timeline.html``, plotly.js inline,
so no network) and the page of "plain plotly bars" of the same data (one ``go.Bar``
per lane with ``base``/``x`` over each event's possible extent, the same hover text
and row labels, no level of detail), opens each in headless Chromium and measures:

* first draw: from navigation start to the end of the first ``Plotly.newPlot``
  (its promise, i.e. ``plotly_afterplot``) and the next painted frame;
* zoom: from ``Plotly.relayout`` of the x range to the next painted frame after the
  redraw; for chrono's level-of-detail page, after the redraw it makes for the new
  window (its ``chrono_lod`` event), debounce included. Two zooms: to the middle
  tenth of the range ("zoom 10x": density still, at 100,000 events) and to one
  month in the middle ("zoom in": the events one by one).

Every figure is the median of ``--repeat`` runs (3 by default: the machine is shared
and noisy), each in a fresh browser profile. A run that has not reported within
``--cap`` seconds is reported as "> cap". ``--plain-chart`` adds chrono's plain chart
(no level of detail) up to 10,000 events: what the threshold is chosen against.

    python benchmarks/page.py [--sizes 1000,10000,100000] [--repeat 3] [--cap 120]

``measure(events_count)`` returns the figures of one size as a dict; ``main()`` prints
the table.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.server
import json
import os
import random
import shutil
import signal
import statistics
import subprocess
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

SEED = 20250715
SIZES = (1_000, 10_000, 100_000)
LANES = ("Politics", "Security", "Diplomacy", "Economy", "Aid", "Courts", "Media", "Health")
MONTHS = (
    "January February March April May June July August September October November December"
).split()
DIV_ID = "chrono-timeline"

# Put in front of every script of the page: times the first draw, then one zoom, and
# posts the figures back. It wraps Plotly.newPlot as soon as plotly.js defines it.
PROBE = """<script>
(function () {
  var report = {errors: []};
  window.addEventListener('error', function (e) { report.errors.push(String(e.message)); });
  function post() {
    var xhr = new XMLHttpRequest();
    xhr.open('POST', '/report', true);
    xhr.send(JSON.stringify(report));
  }
  function painted() {
    return new Promise(function (resolve) {
      requestAnimationFrame(function () { setTimeout(resolve, 0); });
    });
  }
  function lodRender(gd) {
    return new Promise(function (resolve) { gd.once('chrono_lod', resolve); });
  }
  async function zoom(gd, range) {
    var lod = !!gd.chronoLod;
    var began = performance.now();
    var redrawn = lod ? lodRender(gd) : null;
    await Plotly.relayout(gd, {'xaxis.range': range});
    if (lod) { await redrawn; }
    await painted();
    return {seconds: (performance.now() - began) / 1000,
            mode: lod ? gd.chronoLod.mode : 'plain'};
  }
  async function measure(gd) {
    await painted();
    report.first = performance.now() / 1000;
    report.firstMode = gd.chronoLod ? gd.chronoLod.mode : 'plain';
    await new Promise(function (r) { setTimeout(r, 300); });
    report.zoom10 = await zoom(gd, ZOOM10);
    await new Promise(function (r) { setTimeout(r, 300); });
    report.zoomIn = await zoom(gd, ZOOMIN);
    post();
  }
  var plotly;
  Object.defineProperty(window, 'Plotly', {
    configurable: true,
    get: function () { return plotly; },
    set: function (value) {
      plotly = value;
      var newPlot = value.newPlot;
      var started = false;
      value.newPlot = function (gd) {
        var done = newPlot.apply(this, arguments);
        if (!started) {
          started = true;
          var div = typeof gd === 'string' ? document.getElementById(gd) : gd;
          done.then(function () { return measure(div); }).catch(function (e) {
            report.errors.push(String(e && e.stack || e)); post();
          });
        }
        return done;
      };
    }
  });
})();
</script>"""


def events(count: int, seed: int = SEED) -> list[Any]:
    """``count`` events over 1990-2024: days, months, spans, approximate and open dates."""
    from chrono.events.event import Event

    rng = random.Random(seed * 1_000_003 + count)
    out = []
    for i in range(count):
        year, month, day = rng.randint(1990, 2024), rng.randint(1, 12), rng.randint(1, 28)
        iso = f"{year:04d}-{month:02d}-{day:02d}"
        kind = rng.random()
        fields: dict[str, Any]
        if kind < 0.55:
            fields = {"date": iso}
        elif kind < 0.75:
            fields = {"date": f"{MONTHS[month - 1]} {year}"}
        elif kind < 0.9:
            end = dt.date(2001, month, day) + dt.timedelta(days=rng.randint(3, 120))
            fields = {"start": iso, "end": f"{year + end.year - 2001:04d}-{end:%m-%d}"}
        elif kind < 0.97:
            fields = {"date": f"circa {year}"}
        elif kind < 0.985:
            fields = {"date": f"since {MONTHS[month - 1]} {year}"}
        else:
            fields = {"date": f"late {year}"}
        verb = rng.choice(("talks", "attack", "agreement", "visit", "vote", "protest"))
        title = f"{verb.capitalize()} {i} in {rng.choice(LANES).lower()}"
        out.append(Event(f"e{i}", title, "bench.yaml", i + 1, lane=rng.choice(LANES), **fields))
    return out


def timeline(count: int) -> Any:
    from chrono import build_timeline

    return build_timeline(events(count))


def chrono_page(t: Any) -> str:
    """chrono's standalone page, as ``chrono build --plotlyjs inline`` writes it."""
    from chrono.export import render

    return render(t, ["html"], plotlyjs="inline")["timeline.html"].decode("utf-8")


def chrono_plain_page(t: Any) -> str:
    """chrono's plain chart of every event (no level of detail), whatever the size."""
    from chrono.export import default_title, html
    from chrono.export.chart import figure

    title = default_title(t)
    fig = figure(t, title)
    fig._chrono_timeline = None  # as if it were small: the plain page
    return html.page(fig, fragment=False, plotlyjs="inline", title=title)


def plotly_page(t: Any) -> str:
    """Plain plotly bars of the same data: one bar trace per lane, base/x, no LOD."""
    import plotly.graph_objects as go
    import plotly.io as pio

    from chrono.export.chart import (
        DAY_MS,
        VISIBLE_ROWS,
        axis_of,
        hover_text,
        lane_colours,
        row_label,
    )

    placed = t.events
    axis = axis_of(placed)
    colours = lane_colours(placed)
    traces: dict[str, dict[str, list[Any]]] = {
        lane: {"y": [], "base": [], "x": [], "hovertext": []} for lane in colours
    }
    n = len(placed)
    for row, p in enumerate(placed):
        first = p.start.earliest.ordinal if p.start.earliest is not None else axis.low
        last = p.end.latest.ordinal + 1 if p.end.latest is not None else axis.high
        bars = traces[p.event.lane or ""]
        bars["y"].append(row)
        bars["base"].append(axis.at(first))
        bars["x"].append((last - first) * DAY_MS)
        bars["hovertext"].append(hover_text(p, n))
    fig = go.Figure(
        [
            go.Bar(
                orientation="h",
                name=lane,
                marker={"color": colours[lane]},
                hoverinfo="text",
                **bars,
            )
            for lane, bars in traces.items()
        ]
    )
    fig.update_layout(
        barmode="overlay",
        height=170 + VISIBLE_ROWS * 28,
        xaxis={"type": "date", "range": [axis.at(axis.low), axis.at(axis.high)]},
        yaxis={
            "tickmode": "array",
            "tickvals": list(range(n)),
            "ticktext": [row_label(p) for p in placed],
            "range": [VISIBLE_ROWS - 0.5, -0.5],
        },
        dragmode="pan",
    )
    text: str = pio.to_html(
        fig,
        include_plotlyjs=True,
        full_html=True,
        div_id=DIV_ID,
        config={"responsive": True, "scrollZoom": True},
    )
    return text


def zoom_ranges(t: Any) -> tuple[list[str], list[str]]:
    """The middle tenth of the range, and one month in the middle."""
    from chrono.days import Day
    from chrono.export.chart import axis_of

    axis = axis_of(t.events)
    span = axis.high - axis.low
    middle = axis.low + span // 2
    tenth = [Day(middle - span // 20).isoformat(), Day(middle + span // 20).isoformat()]
    month = [Day(middle - 15).isoformat(), Day(middle + 15).isoformat()]
    return tenth, month


class _Server:
    """Serves one folder on 127.0.0.1 and takes the probe's report."""

    def __init__(self, folder: Path) -> None:
        self.reports: list[dict[str, Any]] = []
        self.arrived = threading.Event()
        server = self

        class Handler(http.server.SimpleHTTPRequestHandler):
            def __init__(self, *args: Any, **kwargs: Any) -> None:
                super().__init__(*args, directory=str(folder), **kwargs)

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                server.reports.append(json.loads(body))
                server.arrived.set()
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def browser() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    raise SystemExit("headless Chromium is needed (Debian package 'chromium')")


def open_once(server: _Server, name: str, cap: float) -> dict[str, Any] | None:
    """One run of the page in a fresh headless Chromium; its report, or None past ``cap``."""
    server.arrived.clear()
    server.reports.clear()
    with tempfile.TemporaryDirectory() as profile:
        process = subprocess.Popen(
            [
                browser(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
                "--window-size=1400,1400",
                f"--user-data-dir={profile}",
                f"http://127.0.0.1:{server.port}/{name}",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            arrived = server.arrived.wait(cap)
        finally:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
    return server.reports[0] if arrived and server.reports else None


def _median(values: list[float | None]) -> float | None:
    """The median, where a run past the cap counts as slower than any that finished."""
    if not values:
        return None
    ordered = sorted(values, key=lambda v: float("inf") if v is None else v)
    middle = ordered[len(ordered) // 2]
    if len(ordered) % 2 == 0 and middle is not None:
        other = ordered[len(ordered) // 2 - 1]
        return statistics.median([other, middle]) if other is not None else None
    return middle


def measure(
    events_count: int,
    repeat: int = 3,
    cap: float = 120.0,
    plain_chart: bool = False,
    pages: tuple[str, ...] = ("chrono", "plotly"),
) -> dict[str, Any]:
    """First draw and zooms of chrono's page and of plain plotly bars of ``events_count``
    events: medians of ``repeat`` runs in seconds (None: past ``cap`` seconds)."""
    began = time.perf_counter()
    t = timeline(events_count)
    built = time.perf_counter() - began
    tenth, month = zoom_ranges(t)
    probe = PROBE.replace("ZOOM10", json.dumps(tenth)).replace("ZOOMIN", json.dumps(month))
    makers = {"chrono": chrono_page, "plotly": plotly_page}
    if plain_chart and events_count <= 10_000:
        makers["chrono (no LOD)"] = chrono_plain_page
    makers = {page: make for page, make in makers.items() if page in pages or "LOD" in page}
    result: dict[str, Any] = {"events": events_count, "build_seconds": built, "pages": {}}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        server = _Server(folder)
        try:
            for page, make in makers.items():
                began = time.perf_counter()
                html = make(t)
                written = time.perf_counter() - began
                at = html.find("<head>") + len("<head>") if "<head>" in html else 0
                name = page.replace(" ", "_").replace("(", "").replace(")", "") + ".html"
                (folder / name).write_text(html[:at] + probe + html[at:], encoding="utf-8")
                runs = [open_once(server, name, cap) for _ in range(repeat)]
                errors = sorted({e for r in runs if r for e in r.get("errors", [])})
                result["pages"][page] = {
                    "bytes": len(html.encode("utf-8")),
                    "render_seconds": written,
                    "first": _median([r["first"] if r else None for r in runs]),
                    "zoom10": _median([r["zoom10"]["seconds"] if r else None for r in runs]),
                    "zoom_in": _median([r["zoomIn"]["seconds"] if r else None for r in runs]),
                    "modes": [
                        [r["firstMode"], r["zoom10"]["mode"], r["zoomIn"]["mode"]] if r else None
                        for r in runs
                    ],
                    "runs": runs,
                    "errors": errors,
                }
        finally:
            server.close()
    result["cap"] = cap
    result["windows"] = {"zoom10": tenth, "zoom_in": month}
    # the headline figures, flat (benchmarks/run.py): a zoom is the slower of the two
    for key, page in (("chrono", "chrono"), ("plain", "plotly")):
        m = result["pages"].get(page)
        if m is None:
            continue
        zooms = [m["zoom10"], m["zoom_in"]]
        zoom = None if None in zooms else max(z for z in zooms if z is not None)
        result[f"{key}_draw_s"] = _figure(m["first"], cap)
        result[f"{key}_zoom_s"] = _figure(zoom, cap)
    return result


def _figure(value: float | None, cap: float) -> float | str:
    """Seconds to two places, or "> cap" for a run that did not finish in time."""
    return f"> {cap:.0f}" if value is None else round(value, 2)


def _seconds(value: float | None, cap: float) -> str:
    return f"> {cap:.0f}" if value is None else f"{value:.2f}"


def _ratio(mine: float | None, theirs: float | None, cap: float) -> str:
    if mine is None:
        return "-"
    if theirs is None:
        return f"< {mine / cap:.2f}"
    return f"{mine / theirs:.2f}"


def table(results: list[dict[str, Any]]) -> str:
    header = (
        "events",
        "page",
        "MB",
        "first draw s",
        "zoom 10x s",
        "zoom in s",
        "first/plotly",
        "zoom 10x/plotly",
        "zoom in/plotly",
    )
    rows = []
    for result in results:
        cap = result["cap"]
        base = result["pages"].get("plotly")
        for page, m in result["pages"].items():
            modes = next((x for x in m["modes"] if x), None)
            label = page if page != "chrono" or not modes else f"chrono ({'/'.join(modes)})"
            rows.append(
                (
                    f"{result['events']:,}",
                    label,
                    f"{m['bytes'] / 1e6:.1f}",
                    _seconds(m["first"], cap),
                    _seconds(m["zoom10"], cap),
                    _seconds(m["zoom_in"], cap),
                    *(
                        ("",) * 3
                        if page == "plotly" or base is None
                        else (
                            _ratio(m["first"], base["first"], cap),
                            _ratio(m["zoom10"], base["zoom10"], cap),
                            _ratio(m["zoom_in"], base["zoom_in"], cap),
                        )
                    ),
                )
            )
    widths = [max(len(str(r[i])) for r in (header, *rows)) for i in range(len(header))]
    lines = ["  ".join(str(c).rjust(w) for c, w in zip(header, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(str(c).rjust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=",".join(str(s) for s in SIZES))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--cap", type=float, default=120.0)
    parser.add_argument("--plain-chart", action="store_true")
    parser.add_argument("--json", type=Path, help="also write every run here")
    args = parser.parse_args(argv)
    results = []
    for size in (int(s) for s in args.sizes.split(",")):
        result = measure(size, repeat=args.repeat, cap=args.cap, plain_chart=args.plain_chart)
        results.append(result)
        for page, m in result["pages"].items():
            if m["errors"]:
                print(f"{size:,} events, {page}: script errors {m['errors']}")
        print(table([result]), flush=True)
        print(flush=True)
    print(
        f"medians of {args.repeat} runs; first draw from navigation start; chrono's modes: "
        "first draw / zoom 10x / zoom in"
    )
    print(table(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
