"""The chart as a standalone page, or as a fragment to paste into a report or notebook."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import plotly.graph_objects as go

DIV_ID = "chrono-timeline"  # fixed, so the same input gives the same bytes
PLOTLYJS_MODES = ("cdn", "inline", "directory")
CONFIG = {
    "displaylogo": False,
    "responsive": True,
    "scrollZoom": True,
    "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d"],
    "toImageButtonOptions": {"format": "png", "filename": "timeline", "scale": 2},
}


def page(fig: go.Figure, *, fragment: bool, plotlyjs: str, title: str) -> str:
    """HTML for ``fig``; ``plotlyjs`` says where plotly.js comes from (timeline.md)."""
    import plotly.io as pio

    include: str | bool = True if plotlyjs == "inline" else plotlyjs
    # The same bytes whether or not orjson is installed: plotly's "auto" engine differs.
    engine = pio.json.config.default_engine
    pio.json.config.default_engine = "json"
    try:
        body = _to_html(pio, fig, include)
    finally:
        pio.json.config.default_engine = engine
    body = body.strip()
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
        '<p class="chrono-note">Pale: when it could have happened. Solid: when it certainly '
        "did. A diamond marks an event known only to fall somewhere in its window, a circle a "
        "single day; hatching and open markers mark approximate dates; an open end fades out. "
        "Drag to pan, scroll to zoom, click a lane in the legend to hide it.</p>\n"
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
