"""Open a built page in headless Chromium as a reader would, and report what it drew.

A small probe script is put in front of the page's own: it records script errors
and any alert, then, once plotly has drawn, counts the bars that reached the SVG
and reads the row labels, and writes all that into the page for --dump-dom.
"""

from __future__ import annotations

import functools
import json
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any, TypeVar

F = TypeVar("F")

PROBE = """<script>
window.__chrono = {errors: [], alerts: []};
window.addEventListener('error', e => window.__chrono.errors.push(String(e.message)));
window.alert = m => window.__chrono.alerts.push(String(m));
window.confirm = window.prompt = window.alert;
function __chronoReport() {
  const gd = document.getElementById('chrono-timeline');
  if (!gd || !gd._fullData) { return setTimeout(__chronoReport, 50); }
  const out = window.__chrono;
  if (window.__chronoAfter && !out.after) {  // the caller's script, then the report
    out.after = 'running';
    Promise.resolve().then(() => window.__chronoAfter(gd, out)).then(
      () => { out.after = 'done'; __chronoReport(); },
      e => { out.errors.push('after: ' + String(e && e.stack || e)); out.after = 'failed';
             __chronoReport(); });
    return;
  }
  if (out.after === 'running') { return; }
  out.rows = gd._fullLayout.yaxis.tickvals.length;
  out.labels = Array.from(document.querySelectorAll('.ytick text')).map(t => t.textContent);
  out.title = (document.querySelector('.gtitle') || {}).textContent || null;
  out.traces = [];
  const layers = document.querySelectorAll('.barlayer .trace');
  const bars = gd._fullData.filter(t => t.type === 'bar');
  bars.forEach((trace, i) => {
    if (trace.y.length === 1 && trace.y[0] === null) { return; }  // a legend swatch
    const paths = layers[i] ? Array.from(layers[i].querySelectorAll('.point path')) : [];
    const drawn = paths.filter(p => (p.getAttribute('d') || 'M0,0Z') !== 'M0,0Z').length;
    out.traces.push({width: trace.width, points: trace.y.length, drawn: drawn,
                     rows: Array.from(new Set(trace.y))});
  });
  out.injected = document.querySelectorAll('img[src="x"], script[data-evil]').length;
  // every drawn point against the axis ranges the page opened with
  const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
  const xr = out.xrange = xa.range.map(v => xa.r2l(v)).sort((a, b) => a - b);
  const yr = out.yrange = ya.range.map(v => ya.r2l(v)).sort((a, b) => a - b);
  out.points = 0; out.outside = [];
  gd._fullData.forEach(trace => {
    if (trace.visible !== true || !trace.y || trace.y[0] === null) { return; }
    trace.y.forEach((row, i) => {
      if (row === null || trace.x[i] === null) { return; }
      let xs;
      if (trace.type === 'bar') {
        const base = xa.d2l(trace.base[i]);
        xs = [base, xa.type === 'date' ? base + trace.x[i] : base + trace.x[i]];
      } else { xs = [xa.d2l(trace.x[i])]; }
      out.points += 1;
      const eps = 1e-9 * Math.max(1, Math.abs(xr[1] - xr[0]));
      if (xs.some(x => x < xr[0] - eps || x > xr[1] + eps) || row < yr[0] || row > yr[1]) {
        out.outside.push([trace.name, row, xs]);
      }
    });
  });
  out.texts = Array.from(document.querySelectorAll('.cartesianlayer .textpoint text'))
    .map(t => t.textContent);
  out.legend = Array.from(document.querySelectorAll('.legendtext')).map(t => t.textContent);
  out.xticks = Array.from(document.querySelectorAll('.xtick text')).map(t => t.textContent);
  out.height = gd._fullLayout.height;
  out.plotHeight = ya._length;
  const details = document.querySelector('.chrono-table details');
  out.table = details ? {open: details.open,
                         rows: details.querySelectorAll('tbody tr').length} : null;
  const pre = document.createElement('pre');
  pre.id = 'chrono-probe';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
}
window.addEventListener('load', () => setTimeout(__chronoReport, 0));
</script>"""


def browser() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def needs_browser(test: F) -> F:
    """A test that opens a page: it fails, never skips, where Chromium is missing, so a
    machine without a browser cannot pass the suite by leaving the chart untested."""

    @functools.wraps(test)  # type: ignore[arg-type]
    def run(*args: Any, **kwargs: Any) -> Any:
        assert browser() is not None, (
            "headless Chromium is needed for this test (Debian package 'chromium')"
        )
        return test(*args, **kwargs)  # type: ignore[operator]

    return run  # type: ignore[return-value]


def render(page: Path, after: str | None = None) -> dict[str, Any]:
    """Load ``page`` (with the probe in front of its scripts) and return the probe's report.

    ``after``, if given, is the body of an ``async function (gd, out)`` run once the
    chart has drawn and before the report is taken: it may zoom (``Plotly.relayout``),
    wait, and put what it saw into ``out``, which is returned with the report.
    """
    exe = browser()
    assert exe is not None, "headless Chromium is needed (Debian package 'chromium')"
    html = page.read_text(encoding="utf-8")
    at = html.find("<script") if "<head>" not in html else html.find("<head>") + len("<head>")
    probe = PROBE
    if after is not None:
        assert "</script" not in after.lower()
        hook = f"window.__chronoAfter = async function (gd, out) {{\n{after}\n}};"
        probe += f"<script>{hook}</script>"
    probed = page.with_name(page.stem + ".probe.html")
    probed.write_text(html[:at] + probe + html[at:], encoding="utf-8")
    with tempfile.TemporaryDirectory() as profile:
        result = subprocess.run(
            [
                exe,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
                f"--user-data-dir={profile}",
                "--virtual-time-budget=10000",
                "--dump-dom",
                probed.as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )
    start = result.stdout.find('<pre id="chrono-probe">')
    assert start >= 0, f"the chart never drew:\n{result.stderr[-2000:]}"
    body = result.stdout[start + len('<pre id="chrono-probe">') :]
    body = body[: body.find("</pre>")]
    import html as html_module

    report: dict[str, Any] = json.loads(html_module.unescape(body))
    return report
