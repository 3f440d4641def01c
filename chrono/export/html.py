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
    "open markers mark approximate dates; an open end fades out. Drag to pan, scroll to zoom, "
    "click a lane in the legend to hide it."
)


def page(fig: go.Figure, *, fragment: bool, plotlyjs: str, title: str) -> str:
    """HTML for ``fig``; ``plotlyjs`` says where plotly.js comes from (timeline.md).

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
    return _wrap(body.strip(), fragment=fragment, title=title, note=NOTE)


def timeline_page(timeline: Timeline, *, fragment: bool, plotlyjs: str, title: str) -> str:
    """The page of ``timeline``: by level of detail when it is large, else the plain chart.

    ``Timeline.to_html`` calls it (``render`` chooses the same way), so the plain figure
    of a large timeline, which would only be set aside, is never drawn.
    """
    from chrono.export.lod import wants_lod

    if wants_lod(timeline):
        return lod_page(timeline, fragment=fragment, plotlyjs=plotlyjs, title=title)
    from chrono.export.chart import figure

    return page(figure(timeline, title), fragment=fragment, plotlyjs=plotlyjs, title=title)


def lod_page(timeline: Timeline, *, fragment: bool, plotlyjs: str, title: str) -> str:
    """The level-of-detail page of a large timeline (chrono/export/lod.py)."""
    from chrono.export import lod

    body = lod.body(timeline, plotlyjs=plotlyjs, title=title, div_id=DIV_ID, config=CONFIG)
    note = NOTE + " " + lod.NOTE.format(threshold=f"{lod.LOD_THRESHOLD:,}")
    return _wrap(body, fragment=fragment, title=title, note=note)


def _wrap(body: str, *, fragment: bool, title: str, note: str) -> str:
    if fragment:
        return f'<div class="chrono-timeline">\n{body}\n</div>\n'
    from html import escape

    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n"
        "<style>body{margin:0;padding:12px 16px;font-family:system-ui,-apple-system,"
        "'Segoe UI',Roboto,sans-serif;background:#fff}"
        ".chrono-note{color:#495057;font-size:13px;margin:4px 0 0}</style>\n"
        "</head>\n<body>\n"
        f"{body}\n"
        f'<p class="chrono-note">{note}</p>\n'
        "</body>\n</html>\n"
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
    )
    return html


def plotly_js() -> bytes:
    """plotly.min.js, for ``--plotlyjs directory``."""
    from plotly.offline import get_plotlyjs

    text: str = get_plotlyjs()
    return text.encode("utf-8")
