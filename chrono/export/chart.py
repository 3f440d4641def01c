"""The timeline as a plotly figure: uncertainty drawn, not hidden (timeline.md).

One row per event in display order, coloured by lane. A pale bar runs from the
earliest possible start to the latest possible end; a solid bar covers what the
event certainly spans (latest start to earliest end); an event known only to fall
in a window gets a marker at the window's middle. Open bounds fade towards the
axis edge; approximate dates are hatched. Bars are ``graph_objects`` bars with a
``base``: no pandas. Every user string is escaped, so it shows as text.

This module and :mod:`chrono.export.lod` (the page of a large timeline, which draws
from the same hover texts, labels, colours and layout) are the only ones that import
plotly. :func:`figure` is always this plain chart, whatever the size of the timeline:
PNG and SVG export and ``Timeline.figure()`` draw every event.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import plotly.graph_objects as go

from chrono.days import Day, days_from_civil, is_leap

if TYPE_CHECKING:
    from chrono.chronology import Placed, Timeline

PALETTE = (
    "#4C6EF5",
    "#2B8A3E",
    "#E8590C",
    "#AE3EC9",
    "#1098AD",
    "#F59F00",
    "#C2255C",
    "#5C940D",
    "#364FC7",
    "#862E9C",
)
DAY_MS = 86_400_000
PALE, SOLID = 0.3, 0.95
FADE = tuple(PALE * (1 - k / 10) for k in range(1, 10))  # an open bound fades in steps
ONGOING = tuple(SOLID * (1 - k / 10) ** 2 for k in range(10))  # an ongoing certain part
PALE_WIDTH, SOLID_WIDTH = 0.78, 0.42  # bar thickness in rows: possible, certain
MARKER_SIZE = 11
ROW_PX = 28
VISIBLE_ROWS = 40  # taller chronologies scroll: drag the rows or zoom
SLIDER_LIMIT = 1500  # the range slider redraws every bar: only for modest chronologies
LABEL_CHARS = 60


def escape(text: str) -> str:
    """User text for plotly's pseudo-HTML: shown literally, never as markup."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _short(text: str, limit: int = LABEL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class Axis:
    """Days to x values: plotly's date axis where every year fits, decimal years elsewhere."""

    def __init__(self, days: Sequence[Day]) -> None:
        years = [d.year for d in days]
        self.dates = all(1 <= y <= 9999 for y in years) if years else True
        first = min(days, key=lambda d: d.ordinal) if days else Day.from_ymd(2000, 1, 1)
        last = max(days, key=lambda d: d.ordinal) if days else Day.from_ymd(2001, 1, 1)
        pad = max(30, (last.ordinal - first.ordinal) // 25)
        self.low, self.high = first.ordinal - pad, last.ordinal + 1 + pad
        if self.dates:
            self.low = max(self.low, days_from_civil(1, 1, 1))
            self.high = min(self.high, days_from_civil(9999, 12, 31))

    def at(self, ordinal: int) -> Any:
        """The x value at the start of a day (midnight)."""
        if self.dates:
            return Day(ordinal).isoformat()
        return _decimal_year(ordinal)

    def length(self, first: int, after_last: int) -> float:
        """The bar length from the start of ``first`` to the start of ``after_last``."""
        if self.dates:
            return float((after_last - first) * DAY_MS)
        return _decimal_year(after_last) - _decimal_year(first)


def _decimal_year(ordinal: int) -> float:
    year = Day(ordinal).year
    start = days_from_civil(year, 1, 1)
    return year + (ordinal - start) / (366 if is_leap(year) else 365)


class _Layer:
    """The bars of one kind for one lane, gathered as columns (no object per bar)."""

    __slots__ = ("base", "customdata", "opacity", "pattern", "x", "y")

    def __init__(self) -> None:
        self.y: list[int] = []
        self.base: list[Any] = []
        self.x: list[float] = []
        self.opacity: list[float] = []
        self.pattern: list[str] = []
        self.customdata: list[str] = []

    def add(
        self, row: int, base: Any, length: float, opacity: float, pattern: str, hover: str
    ) -> None:
        self.y.append(row)
        self.base.append(base)
        self.x.append(length)
        self.opacity.append(opacity)
        self.pattern.append(pattern)
        self.customdata.append(hover)


def figure(timeline: Timeline, title: str | None = None) -> go.Figure:
    """The interactive Gantt-style chart of ``timeline``."""
    placed = timeline.events
    axis = axis_of(placed)
    lanes = lane_colours(placed)
    pale = {lane: _Layer() for lane in lanes}
    solid = {lane: _Layer() for lane in lanes}
    marks: dict[str, dict[str, list[Any]]] = {
        lane: {"x": [], "y": [], "symbol": [], "customdata": []} for lane in lanes
    }
    n = len(placed)
    for row, p in enumerate(placed):
        lane = p.event.lane or ""
        hover = hover_text(p, n)
        _draw(p, row, axis, hover, pale[lane], solid[lane], marks[lane])
    fig = go.Figure()
    for lane, colour in lanes.items():
        name = lane_name(lane)
        group = f"lane-{list(lanes).index(lane)}"
        # the legend's swatch: plain lane colour, whatever the first bar looks like
        fig.add_trace(
            go.Bar(
                orientation="h",
                x=[None],
                y=[None],
                name=name,
                legendgroup=group,
                marker={"color": colour},
                hoverinfo="skip",
            )
        )
        for layer, width in ((pale[lane], PALE_WIDTH), (solid[lane], SOLID_WIDTH)):
            if not layer.y:
                continue
            fig.add_trace(
                go.Bar(
                    orientation="h",
                    y=layer.y,
                    base=layer.base,
                    x=layer.x,
                    width=width,
                    name=name,
                    legendgroup=group,
                    showlegend=False,
                    marker={
                        "color": colour,
                        "opacity": layer.opacity,
                        "line": {"width": 0},
                        "pattern": {
                            "shape": layer.pattern,
                            "fgcolor": colour,
                            "fgopacity": 0.9,
                            "size": 6,
                            "solidity": 0.25,
                        },
                    },
                    customdata=layer.customdata,
                    hovertemplate="%{customdata}<extra></extra>",
                )
            )
        m = marks[lane]
        if m["y"]:
            fig.add_trace(
                go.Scatter(
                    x=m["x"],
                    y=m["y"],
                    mode="markers",
                    name=name,
                    legendgroup=group,
                    showlegend=False,
                    marker={
                        "color": colour,
                        "size": MARKER_SIZE,
                        "symbol": m["symbol"],
                        "line": {"color": "white", "width": 1},
                    },
                    customdata=m["customdata"],
                    hovertemplate="%{customdata}<extra></extra>",
                )
            )
    _layout(fig, timeline, axis, title)
    return fig


def axis_of(placed: Sequence[Placed]) -> Axis:
    """The x axis of a chart of ``placed``: every known bound, padded."""
    known = [
        d
        for p in placed
        for d in (p.start.earliest, p.start.latest, p.end.earliest, p.end.latest)
        if d is not None
    ]
    return Axis(known)


def lane_colours(placed: Sequence[Placed]) -> dict[str, str]:
    """Each lane (``""`` for none) and its colour, in order of first appearance."""
    lanes: dict[str, str] = {}
    for p in placed:
        lane = p.event.lane or ""
        lanes.setdefault(lane, PALETTE[len(lanes) % len(PALETTE)])
    return lanes


def lane_name(lane: str) -> str:
    """A lane's name in the legend, escaped."""
    return escape(lane) if lane else "(no lane)"


def _draw(
    p: Placed,
    row: int,
    axis: Axis,
    hover: str,
    pale: _Layer,
    solid: _Layer,
    marks: dict[str, list[Any]],
) -> None:
    approximate = is_approximate(p)
    pattern = "/" if approximate else ""
    first = p.start.earliest.ordinal if p.start.earliest is not None else None
    last = p.end.latest.ordinal + 1 if p.end.latest is not None else None
    low, high = first if first is not None else axis.low, last if last is not None else axis.high
    # an open bound: the pale bar stops short and the rest fades out towards the edge
    stretch = max(1, (high - low) // 3)
    pale_low = low + stretch if first is None else low
    pale_high = high - stretch if last is None else high
    pale.add(row, axis.at(pale_low), axis.length(pale_low, pale_high), PALE, pattern, hover)
    if first is None:
        _fade(row, axis, pale_low, low, FADE, pale, hover)
    if last is None:
        _fade(row, axis, pale_high, high, FADE, pale, hover)
    certain_from, certain_to = p.start.latest, p.end.earliest
    if (
        certain_from is not None
        and certain_to is not None
        and p.start != p.end
        and certain_from.ordinal <= certain_to.ordinal
    ):
        a, b = certain_from.ordinal, certain_to.ordinal + 1
        solid.add(row, axis.at(a), axis.length(a, b), SOLID, pattern, hover)
        if last is None and b < axis.high:  # ongoing: the certain part runs on, fading
            _fade(row, axis, b, axis.high, ONGOING, solid, hover)
        return
    if p.start != p.end:  # a span with no certain part: mark where it began
        if p.start.earliest is None or p.start.latest is None:
            return
        low, high = p.start.earliest.ordinal, p.start.latest.ordinal + 1
    elif first is None or last is None:
        return  # somewhere in an open window: the fading bar says it all
    middle = (low + high) // 2
    exact = high - low == 1
    marks["x"].append(_midday(middle) if axis.dates else axis.at(middle))
    marks["y"].append(row)
    symbol = "circle" if exact else "diamond"
    marks["symbol"].append(symbol + ("-open" if approximate else ""))
    marks["customdata"].append(hover)


def is_approximate(p: Placed) -> bool:
    """The event's own date is approximate (``circa``, ``~``): hatched, open markers."""
    return bool(p.own is not None and (p.own.core is not None or p.own.qualifiers))


def _midday(ordinal: int) -> str:
    return Day(ordinal).isoformat() + " 12:00"


def _fade(
    row: int,
    axis: Axis,
    near: int,
    far: int,
    opacities: Sequence[float],
    layer: _Layer,
    hover: str,
) -> None:
    """Days ``near`` to ``far`` (either way) in steps of falling opacity."""
    steps = len(opacities)
    for k, opacity in enumerate(opacities):
        a = near + (far - near) * k // steps
        b = near + (far - near) * (k + 1) // steps
        a, b = min(a, b), max(a, b)
        if b > a:
            layer.add(row, axis.at(a), axis.length(a, b), opacity, "", hover)


def hover_text(p: Placed, n: int) -> str:
    """The hover text of an event: escaped, in plotly's pseudo-HTML (also the LOD page's)."""
    e = p.event
    low, high = p.rank
    rank = f"rank {low} of {n}" if low == high else f"rank {low}–{high} of {n}"
    if p.start == p.end:
        window = f"{p.start}"
    else:
        window = f"starts {p.start}; ends {p.end}"
    lines = [f"<b>{escape(e.title)}</b>", escape(p.date_text) if p.date_text else "", window, rank]
    if e.relations:
        lines.append(escape(", ".join(f"{kind} {other}" for kind, other in e.relations)))
    if e.lane:
        lines.append(f"lane: {escape(e.lane)}")
    if e.source:
        lines.append(f"source: {escape(_short(e.source, 80))}")
    if e.url:
        lines.append(escape(_short(e.url, 80)))  # as text: the page links nowhere by itself
    return "<br>".join(line for line in lines if line)


def row_label(p: Placed) -> str:
    """The y-axis label of an event's row: its title and lane, escaped."""
    return escape(_short(p.event.title)) + lane_suffix(p.event.lane)


def lane_suffix(lane: str | None) -> str:
    """What a row label adds after the title: the lane, greyed, escaped."""
    if lane:
        return f" <span style='color:#868e96'>· {escape(_short(lane, 24))}</span>"
    return ""


def _layout(fig: go.Figure, timeline: Timeline, axis: Axis, title: str | None) -> None:
    placed = timeline.events
    n = len(placed)
    rows = min(n, VISIBLE_ROWS)
    fig.update_layout(
        template=go.layout.Template(),
        **base_layout(n, axis, title),
        yaxis={
            "tickmode": "array",
            "tickvals": list(range(n)),
            "ticktext": [row_label(p) for p in placed],
            "range": [rows - 0.5, -0.5],
            "automargin": True,
            "showgrid": False,
            "zeroline": False,
            "fixedrange": n <= VISIBLE_ROWS,
        },
    )


def base_layout(n: int, axis: Axis, title: str | None) -> dict[str, Any]:
    """The layout of a chart of ``n`` rows but its y axis (also the LOD page's)."""
    rows = min(n, VISIBLE_ROWS)
    slider = n <= SLIDER_LIMIT and axis.dates
    height = 170 + max(rows, 3) * ROW_PX + (70 if slider else 0)
    xaxis: dict[str, Any] = {
        "type": "date" if axis.dates else "linear",
        "range": [axis.at(axis.low), axis.at(axis.high)],
        "showgrid": True,
        "gridcolor": "#eceff1",
        "zeroline": False,
        "title": None if axis.dates else {"text": "year (astronomical: 0 = 1 BC)"},
    }
    if slider:
        xaxis["rangeslider"] = {"visible": True, "thickness": 0.08, "range": xaxis["range"]}
    return {
        "title": {"text": escape(title) if title else None, "x": 0.01, "xanchor": "left"},
        "barmode": "overlay",
        "height": height,
        "margin": {"l": 20, "r": 20, "t": 80 if title else 40, "b": 40},
        "plot_bgcolor": "white",
        "paper_bgcolor": "white",
        "font": {
            "family": "system-ui, -apple-system, Segoe UI, Roboto, sans-serif",
            "size": 13,
            "color": "#212529",
        },
        "hoverlabel": {"bgcolor": "white", "font": {"size": 13}, "align": "left"},
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "right", "x": 1},
        "dragmode": "pan",
        "xaxis": xaxis,
    }
