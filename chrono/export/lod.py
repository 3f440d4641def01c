"""Level of detail: the page of a large timeline draws only what the view can show.

plotly draws a bar as an SVG path: 10,000 events take seconds to appear, 100,000
take tens of seconds and every zoom as long again. Above :data:`LOD_THRESHOLD`
events the page (standalone, fragment and notebook view) is not the plain figure
but the events as columns and a small script, ``lod.js`` beside this file, that
drives plotly.js:

* while the visible time window holds more than :data:`LOD_THRESHOLD` events, each
  lane is a row of density: how many events could fall in each of :data:`BINS`
  stretches of the window (their possible extents intersect it), hover saying when
  and how many, and the title saying how many events are in view;
* once it holds at most that many, the events in the window are drawn one row each
  in display order exactly as :func:`chrono.export.chart.figure` draws them (pale,
  solid, markers, fading open ends, hatching), with the same labels and hover.

Every zoom, pan, reset and legend click redraws. The hover texts, labels, colours,
layout and bar styles come from :mod:`chrono.export.chart`, so both pages show the
same text, escaped the same way; the script sets them only through plotly.
``Timeline.figure()`` and PNG/SVG export keep the plain figure of every event.

The threshold: plotly draws 5,000 events of the plain chart (about 2.5 bars and a
marker each) in about the time it draws 10,000 plain bars, and at most that many
events in a window stay quick to redraw, because only the rows near the visible
ones are handed to plotly. So a page of 10,000 events opens as density, no slower
than plain plotly bars of the same data (``benchmarks/page.py``).
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from chrono.export.chart import (
    FADE,
    MARKER_SIZE,
    ONGOING,
    PALE,
    PALE_WIDTH,
    SOLID,
    SOLID_WIDTH,
    VISIBLE_ROWS,
    _short,
    axis_of,
    base_layout,
    escape,
    hover_texts,
    is_approximate,
    lane_colours,
    lane_name,
    lane_suffix,
    row_label,
)

if TYPE_CHECKING:
    from chrono.chronology import Timeline

LOD_THRESHOLD = 5_000  # more events than this in a page, or in view: density
BINS = 480  # density cells across the visible window
DATA_ID, TEXT_ID = "chrono-timeline-data", "chrono-timeline-text"  # fixed, like the div's
APPROXIMATE, SAME_WINDOW, OPEN_START, OPEN_END = 1, 2, 4, 8  # the flags of an event
TITLE_LINE = 16  # its hover text starts with its label in bold
NOTE = (
    "With more than {threshold} events in view, each lane shows how many events could "
    "fall in each stretch of time (darker: more); zoom in to see them one by one."
)


def wants_lod(timeline: Timeline) -> bool:
    """The page of ``timeline`` draws by level of detail (too many events to draw at once)."""
    return len(timeline.events) > LOD_THRESHOLD


def payload(
    timeline: Timeline, title: str | None, config: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """What the script needs, as columns in display order: the numbers, drawn from at
    once, and the texts (labels and hover), read when the first rows are drawn.

    Every string is the one :func:`~chrono.export.chart.row_label` and
    :func:`~chrono.export.chart.hover_texts` give the plain chart, escaped the same
    way, stored without repeats: a label without its lane's suffix (stored once a
    lane), a hover text as its lines (split at ``<br>``), each line a number into a
    table of distinct lines, the first line dropped when it is the label in bold.
    """
    placed = timeline.events
    n = len(placed)
    axis = axis_of(placed)
    lanes = lane_colours(placed)
    index = {lane: i for i, lane in enumerate(lanes)}
    layout = base_layout(n, axis, title)
    layout["margin"]["t"] = 100 if title else 60  # the title and a line of note
    layout["xaxis"]["ticks"] = ""  # as the plain chart's (plotly gives heatmaps outer ticks)
    numbers: dict[str, list[Any]] = {k: [] for k in ("s0", "s1", "e0", "e1", "lane", "flags")}
    labels: list[str] = []
    table: dict[str, int] = {}
    count: list[int] = []
    hover: list[int] = []
    hovers = hover_texts(timeline, era=not axis.dates)
    for i, p in enumerate(placed):
        s0, s1, e0, e1 = p.start.earliest, p.start.latest, p.end.earliest, p.end.latest
        numbers["s0"].append(None if s0 is None else s0.ordinal)
        numbers["s1"].append(None if s1 is None else s1.ordinal)
        numbers["e0"].append(None if e0 is None else e0.ordinal)
        numbers["e1"].append(None if e1 is None else e1.ordinal)
        numbers["lane"].append(index[p.event.lane or ""])
        flags = (
            (APPROXIMATE if is_approximate(p) else 0)
            | (SAME_WINDOW if p.start == p.end else 0)
            | (OPEN_START if s0 is None else 0)
            | (OPEN_END if e1 is None else 0)
        )
        label, suffix = row_label(p), lane_suffix(p.event.lane)
        assert label.endswith(suffix)
        head = label[: len(label) - len(suffix)]
        labels.append(head)
        lines = hovers[i].split("<br>")
        if lines[0] == f"<b>{head}</b>":
            flags |= TITLE_LINE
            lines = lines[1:]
        count.append(len(lines))
        hover.extend(table.setdefault(line, len(table)) for line in lines)
        numbers["flags"].append(flags)
    data = {
        "n": n,
        "dates": axis.dates,
        "low": axis.low,
        "high": axis.high,
        "title": escape(title) if title else None,
        "texts": TEXT_ID,
        "lanes": [
            {
                "name": lane_name(lane),
                "label": escape(_short(lane, 40)) if lane else "(no lane)",
                "suffix": lane_suffix(lane),
                "colour": colour,
            }
            for lane, colour in lanes.items()
        ],
        **numbers,
        "style": {
            "threshold": LOD_THRESHOLD,
            "bins": BINS,
            "rows": VISIBLE_ROWS,
            "pale": PALE,
            "solid": SOLID,
            "fade": list(FADE),
            "ongoing": list(ONGOING),
            "paleWidth": PALE_WIDTH,
            "solidWidth": SOLID_WIDTH,
            "markerSize": MARKER_SIZE,
        },
        "layout": layout,
        "config": config,
    }
    texts = {"label": labels, "lines": list(table), "count": count, "hover": hover}
    return data, texts


def script_json(value: Any) -> str:
    """JSON that can sit inside a ``<script>``: no ``<``, ``>`` or ``&``, ASCII only."""
    text = json.dumps(value, ensure_ascii=True, separators=(",", ":"), allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


@cache
def script() -> str:
    """The hand-written script that draws the page (``lod.js``, package data)."""
    text = resources.files("chrono.export").joinpath("lod.js").read_text(encoding="utf-8")
    assert "</script" not in text.lower() and "<!--" not in text
    return text


def plotly_include(plotlyjs: str) -> str:
    """The script tags that bring in plotly.js, as plotly's own page writes them."""
    import base64
    import hashlib

    from plotly.offline import get_plotlyjs, get_plotlyjs_version

    config = "<script>window.PlotlyConfig = {MathJaxConfig: 'local'};</script>\n"
    if plotlyjs == "inline":
        return f"{config}<script>{get_plotlyjs()}</script>"
    if plotlyjs == "directory":
        return f'{config}<script charset="utf-8" src="plotly.min.js"></script>'
    source: str = get_plotlyjs()
    digest = base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode()
    url = f"https://cdn.plot.ly/plotly-{get_plotlyjs_version()}.min.js"
    return (
        f'{config}<script charset="utf-8" src="{url}" integrity="sha256-{digest}" '
        'crossorigin="anonymous"></script>'
    )


def body(
    timeline: Timeline, *, plotlyjs: str, title: str | None, div_id: str, config: dict[str, Any]
) -> str:
    """The chart's ``<div>``, plotly.js, the data and the script: the page's body.

    The texts come after the script, so that the first (density) view is drawn
    before the browser has read them.
    """
    data, texts = payload(timeline, title, config)
    height = data["layout"]["height"]
    return (
        f'<div style="height:{height}px; width:100%;">\n'
        f"{plotly_include(plotlyjs)}\n"
        f'<div id="{div_id}" class="plotly-graph-div" style="height:100%; width:100%;"></div>\n'
        f'<script type="application/json" id="{DATA_ID}">{script_json(data)}</script>\n'
        f"<script>\n{script()}"
        f"chronoLod({script_json(div_id)}, {script_json(DATA_ID)});\n</script>\n"
        f'<script type="application/json" id="{TEXT_ID}">{script_json(texts)}</script>\n'
        "</div>"
    )
