"""The chart as a standalone page, or as a fragment to paste into a report or notebook.

A timeline of more than ``lod.LOD_THRESHOLD`` events gets the level-of-detail page
(:mod:`chrono.export.lod`) in all three: page, fragment and notebook view.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import plotly.graph_objects as go

    from chrono.chronology import Timeline

DIV_ID = "chrono-timeline"  # fixed, so the same input gives the same bytes
PLOTLYJS_MODES = ("cdn", "inline", "directory")
CONFIG = {
    "displaylogo": False,
    "responsive": True,
    "scrollZoom": True,
    "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d"],
    "toImageButtonOptions": {"format": "png", "filename": "timeline", "scale": 2},
}


NOTE = (
    "Pale: when it could have happened. Solid: when it certainly did. A diamond marks an "
    "event known only to fall somewhere in its window, a circle a single day; hatching and "
    "open markers mark approximate dates; an open end fades out. Hover over an event for "
    "its dates in words, click one with a link to open it; drag to pan, scroll to zoom."
)
LOD_NOTE = "Click a lane in the legend to hide it."

# After plotly draws: a click on an event with an http(s) url opens it in a new tab, and
# a deep-time axis gets its years labelled as historians write them at every zoom.
CLICK_AND_YEARS = """
(function () {
  var gd = document.getElementById('{plot_id}');
  if (!gd || !gd.on) { return; }
  gd.on('plotly_click', function (ev) {
    var p = ev && ev.points && ev.points[0];
    var url = p && p.customdata && p.customdata[1];
    if (typeof url !== 'string' || !/^https?:\\/\\//i.test(url)) { return; }
    var a = document.createElement('a');
    a.href = url;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    document.body.appendChild(a);
    a.click();
    a.remove();
  });
  function year(a) {
    var n = a < 1 ? 1 - a : a;
    var text = n > 9999 ? n.toLocaleString('en-US') : String(n);
    return a < 1 ? text + ' BC' : 'AD ' + text;
  }
  function ticks(low, high) {
    var span = Math.max(high - low, 1), step = 1, found = false;
    for (var k = 0; k < 12 && !found; k++) {
      var base = Math.pow(10, k), ms = [1, 2, 5];
      for (var i = 0; i < 3; i++) {
        if (span / (ms[i] * base) <= 8) { step = ms[i] * base; found = true; break; }
      }
    }
    var vals = [], text = [];
    for (var h = Math.floor((low - 1) / step) * step; h <= high + step; h += step) {
      var a = h <= 0 ? h + 1 : h;
      if (a >= low && a <= high) { vals.push(a); text.push(year(a)); }
    }
    return {'xaxis.tickvals': vals, 'xaxis.ticktext': text};
  }
  gd.on('plotly_relayout', function (ev) {
    var ax = gd.layout.xaxis;
    if (ax.type !== 'linear' || ax.tickmode !== 'array') { return; }
    if (!Object.keys(ev).some(function (k) { return k.indexOf('xaxis.range') === 0 ||
                                                    k === 'xaxis.autorange'; })) { return; }
    window.Plotly.relayout(gd, ticks(+ax.range[0], +ax.range[1]));
  });
})();
"""


def page(
    fig: go.Figure,
    *,
    fragment: bool,
    plotlyjs: str,
    title: str,
    table: str = "",
) -> str:
    """HTML for ``fig``; ``plotlyjs`` says where plotly.js comes from (timeline.md);
    ``table`` is the chronology as a table, put under the chart of a standalone page.

    For a timeline, :func:`timeline_page` chooses between this plain chart and the
    level-of-detail page.
    """
    import plotly.io as pio

    include: str | bool = True if plotlyjs == "inline" else plotlyjs
    # The same bytes whether or not orjson is installed: plotly's "auto" engine differs.
    engine = pio.json.config.default_engine
    pio.json.config.default_engine = "json"
    try:
        body = _to_html(pio, fig, include)
    finally:
        pio.json.config.default_engine = engine
    from chrono.export.chart import WIDTH

    body = f'<div style="min-width:{WIDTH - 200}px">\n{body.strip()}\n</div>'
    return _wrap(body, fragment=fragment, title=title, note=NOTE, table=table)


def timeline_page(
    timeline: Timeline,
    *,
    fragment: bool,
    plotlyjs: str,
    title: str,
    layout: str = "packed",
    relations: bool = False,
) -> str:
    """The page of ``timeline``: by level of detail when it is large, else the plain chart,
    with the chronology as a table under it.

    ``render`` chooses the same way, so the plain figure of a large timeline, which
    would only be set aside, is never drawn.
    """
    from chrono.export.lod import wants_lod

    if wants_lod(timeline):
        return lod_page(timeline, fragment=fragment, plotlyjs=plotlyjs, title=title)
    from chrono.export.chart import figure
    from chrono.export.table import table

    fig = figure(timeline, title, layout=layout, relations=relations)
    return page(fig, fragment=fragment, plotlyjs=plotlyjs, title=title, table=table(timeline))


def lod_page(timeline: Timeline, *, fragment: bool, plotlyjs: str, title: str) -> str:
    """The level-of-detail page of a large timeline (chrono/export/lod.py).

    It carries no table: a table of more than 5,000 rows in the page makes every redraw
    of the chart ten times slower (benchmarks/page.py), so the note points to the CSV.
    """
    from chrono.export import lod

    body = lod.body(timeline, plotlyjs=plotlyjs, title=title, div_id=DIV_ID, config=CONFIG)
    note = f"{NOTE} {LOD_NOTE} " + lod.NOTE.format(threshold=f"{lod.LOD_THRESHOLD:,}")
    note += " The chronology as a table is timeline.csv, written beside this page."
    return _wrap(body, fragment=fragment, title=title, note=note)


def _wrap(body: str, *, fragment: bool, title: str, note: str, table: str = "") -> str:
    if fragment:
        return f'<div class="chrono-timeline">\n{body}\n</div>\n'
    from html import escape

    from chrono.export.table import PRINT_SCRIPT, STYLE
    from chrono.export.words import plain

    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(plain(title))}</title>\n"
        "<style>body{margin:0;padding:12px 16px;font-family:system-ui,-apple-system,"
        "'Segoe UI',Roboto,sans-serif;background:#fff}"
        f".chrono-note{{color:#495057;font-size:13px;margin:4px 0 0}}{STYLE}</style>\n"
        "</head>\n<body>\n"
        f"{body}\n"
        f'<p class="chrono-note">{note}</p>\n'
        + (f"{table}\n{PRINT_SCRIPT}\n" if table else "")
        + "</body>\n</html>\n"
    )


def _to_html(pio: Any, fig: go.Figure, include: str | bool) -> str:
    html: str = pio.to_html(
        fig,
        full_html=False,
        include_plotlyjs=include,
        div_id=DIV_ID,
        config=CONFIG,
        default_width="100%",
        default_height=f"{fig.layout.height}px",
        validate=False,
        post_script=CLICK_AND_YEARS,
    )
    return html


def plotly_js() -> bytes:
    """plotly.min.js, for ``--plotlyjs directory``."""
    from plotly.offline import get_plotlyjs

    text: str = get_plotlyjs()
    return text.encode("utf-8")
