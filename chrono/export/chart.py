"""The timeline as a plotly figure: uncertainty drawn, not hidden (timeline.md).

Events are grouped by lane, each lane under its heading, and packed into shared
rows (:mod:`chrono.export.layout`) or drawn one row each. A pale bar runs from the
earliest possible start to the latest possible end; a solid bar covers what the
event certainly spans (latest start to earliest end); an event known only to fall
in a window gets a marker at the window's middle. Open bounds fade out a little
past the last known day; approximate dates are hatched; a bar is never thinner
than a few pixels. The chart grows with its rows, so the first view shows every
event. Bars are ``graph_objects`` bars with a ``base``: no pandas. Every user string
is escaped (and its bidirectional controls shown, not obeyed), so it shows as text.

This module and :mod:`chrono.export.lod` (the page of a large timeline, which draws
from the same hover texts, labels, colours and layout) are the only ones that build
plotly figures. :func:`figure` draws every event whatever the size of the timeline:
PNG, SVG and PDF export use it.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import plotly.graph_objects as go

from chrono.days import Day, days_from_civil, is_leap
from chrono.export import words
from chrono.export.layout import CHAR_PX, Item, Plan, plan

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
ROW_PX = 24  # a row of the chart; two-line titles (rows layout) take 34
WRAPPED_ROW_PX = 34
MIN_PX = 4  # the thinnest bar drawn
VISIBLE_ROWS = 40  # the level-of-detail page's rows in view (lod.py)
SLIDER_ROWS = 40  # the level-of-detail page: a range slider up to this many events
TALL_ROWS = 30  # a chart of more rows has its dates above the rows too
LABEL_CHARS = 60
AXIS_CHARS = 42  # a rows-layout title wraps at this width, on at most two lines
WIDTH = 1200  # the default width of a static image, and the page's narrowest
LEFT_PX = 170  # room for the lane headings (and the axis titles of the rows layout)
TEXT_COLOUR = "#212529"
FONT = "DejaVu Sans, Liberation Sans, Arial, system-ui, sans-serif"  # no boxes when missing


def escape(text: str) -> str:
    """User text for plotly's pseudo-HTML: shown literally, never as markup or as
    bidirectional controls."""
    text = words.plain(text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _short(text: str, limit: int = LABEL_CHARS) -> str:
    return words.shorten(text, limit)


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

    def ticks(self) -> tuple[list[float], list[str]] | None:
        """Ticks of a deep-time axis as historians write years; None for a date axis."""
        if self.dates:
            return None
        return year_ticks(_decimal_year(self.low), _decimal_year(self.high))


def year_ticks(low: float, high: float, target: int = 8) -> tuple[list[float], list[str]]:
    """Round years between ``low`` and ``high`` (decimal astronomical years), labelled
    ``1,000 BC``, ``AD 1``, ``AD 500``: there is no year 0, so a BC tick of ``500 BC``
    stands at the start of astronomical year -499."""
    span = max(high - low, 1.0)
    step = 1
    for magnitude in range(0, 12):
        base = 10**magnitude
        for m in (1, 2, 5):
            if span / (m * base) <= target:
                step = m * base
                break
        else:
            continue
        break
    # in "historian" years, BC negative and no zero: the astronomical year a is h + 1 for h < 0
    first = int((low - 1) // step) * step
    values: list[float] = []
    labels: list[str] = []
    h = first
    while h <= high + step:
        a = h + 1 if h <= 0 else h
        if low <= a <= high:
            values.append(float(a))
            labels.append(words.year(a, era=True))
        h += step
    return values, labels


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
        self.customdata: list[Any] = []

    def add(
        self, row: int, base: Any, length: float, opacity: float, pattern: str, hover: Any
    ) -> None:
        self.y.append(row)
        self.base.append(base)
        self.x.append(length)
        self.opacity.append(opacity)
        self.pattern.append(pattern)
        self.customdata.append(hover)


class _Marks:
    __slots__ = ("customdata", "symbol", "x", "y")

    def __init__(self) -> None:
        self.x: list[Any] = []
        self.y: list[int] = []
        self.symbol: list[str] = []
        self.customdata: list[Any] = []


class _Labels:
    __slots__ = ("customdata", "position", "text", "x", "y")

    def __init__(self) -> None:
        self.x: list[Any] = []
        self.y: list[int] = []
        self.text: list[str] = []
        self.position: list[str] = []
        self.customdata: list[Any] = []


def figure(
    timeline: Timeline,
    title: str | None = None,
    *,
    layout: str = "packed",
    relations: bool = False,
    width: int | None = None,
    static: bool = False,
    headings: bool = True,
    min_px: float = MIN_PX,
) -> go.Figure:
    """The Gantt-style chart of ``timeline``, every event in view.

    ``layout`` is ``packed`` (events share rows, titles beside their bars) or ``rows``
    (one row each, titles on the axis); ``relations`` draws the explicit ``before`` and
    ``after`` relations as faint arrows; ``static`` leaves out what only a screen
    uses (the range slider) for PNG, SVG and PDF, drawn ``width`` pixels wide.
    ``headings=False, min_px=0`` draws one plain row per event, as the level-of-detail
    page does.
    """
    placed = timeline.events
    axis = axis_of(placed)
    lanes = lane_colours(placed)
    era = not axis.dates
    n = len(placed)
    chart_width = width or WIDTH
    plot_px = max(200.0, chart_width - LEFT_PX - 40)
    per_px = (axis.high - axis.low) / plot_px  # days in a pixel
    min_days = min_px * per_px
    extents = [_extent(p, axis, min_days, per_px) for p in placed]
    titles = {p.event.id: p.event.title for p in placed}
    hovers = hover_texts(timeline, titles=titles, era=era)
    labels = [escape(_short(p.event.title, words.LABEL_LIMIT)) for p in placed]
    items = [
        Item(
            p.event.lane or "",
            (low - axis.low) / per_px,
            (high - axis.low) / per_px,
            len(_short(p.event.title, words.LABEL_LIMIT)) * CHAR_PX,
        )
        for p, (low, high) in zip(placed, extents, strict=True)
    ]
    rows = plan(items, layout, plot_px)
    if not headings:
        rows = Plan(n, tuple(type(s)(i, s.side) for i, s in enumerate(rows.slots)), ())
    pale = {lane: _Layer() for lane in lanes}
    solid = {lane: _Layer() for lane in lanes}
    marks = {lane: _Marks() for lane in lanes}
    texts = {lane: _Labels() for lane in lanes}
    for i, p in enumerate(placed):
        lane = p.event.lane or ""
        custom = [hovers[i], p.event.url or ""]
        slot = rows.slots[i]
        _draw(p, slot.row, axis, custom, pale[lane], solid[lane], marks[lane], min_days)
        if slot.side != "axis":
            low, high = extents[i]
            anchor = high if slot.side == "right" else low
            if slot.side == "inside":  # clear of a marker at the bar's start
                anchor = low + MARKER_SIZE * per_px
            t = texts[lane]
            t.x.append(axis.at(round(anchor)))
            t.y.append(slot.row)
            pad = "\u00a0"  # a space between the bar and its label, never collapsed
            t.text.append(f"{labels[i]}{pad * 2}" if slot.side == "left" else f"{pad}{labels[i]}")
            t.position.append("middle left" if slot.side == "left" else "middle right")
            t.customdata.append(custom)
    fig = go.Figure()
    if relations:
        _arrows(fig, timeline, rows, axis, extents)
    for lane, colour in lanes.items():
        name = lane_name(lane)
        group = f"lane-{list(lanes).index(lane)}"
        for layer, width_rows in ((pale[lane], PALE_WIDTH), (solid[lane], SOLID_WIDTH)):
            if not layer.y:
                continue
            fig.add_trace(
                go.Bar(
                    orientation="h",
                    y=layer.y,
                    base=layer.base,
                    x=layer.x,
                    width=width_rows,
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
                    hovertemplate="%{customdata[0]}<extra></extra>",
                )
            )
        m = marks[lane]
        if m.y:
            fig.add_trace(
                go.Scatter(
                    x=m.x,
                    y=m.y,
                    mode="markers",
                    name=name,
                    legendgroup=group,
                    showlegend=False,
                    marker={
                        "color": colour,
                        "size": MARKER_SIZE,
                        "symbol": m.symbol,
                        "line": {"color": "white", "width": 1},
                    },
                    customdata=m.customdata,
                    hovertemplate="%{customdata[0]}<extra></extra>",
                )
            )
        t = texts[lane]
        if t.y:
            fig.add_trace(
                go.Scatter(
                    x=t.x,
                    y=t.y,
                    mode="text",
                    text=t.text,
                    textposition=t.position,
                    textfont={
                        "size": 12,
                        "color": TEXT_COLOUR,
                        "shadow": "1px 1px 1px white, -1px -1px 1px white",
                    },
                    name=name,
                    legendgroup=group,
                    showlegend=False,
                    cliponaxis=False,
                    customdata=t.customdata,
                    hovertemplate="%{customdata[0]}<extra></extra>",
                )
            )
    _key(fig)
    _layout(fig, timeline, axis, title, rows, lanes, layout, static, width)
    if "xaxis2" in fig.layout and fig.layout.xaxis2.overlaying == "x":
        # plotly draws an axis only under data: two unseen points hold the dates above
        fig.add_trace(
            go.Scatter(
                x=[axis.at(axis.low), axis.at(axis.high)],
                y=[0, 0],
                xaxis="x2",
                mode="markers",
                marker={"opacity": 0, "size": 1},
                hoverinfo="skip",
                showlegend=False,
                name="dates above",
            )
        )
    return fig


def _extent(p: Placed, axis: Axis, min_days: float, per_px: float) -> tuple[float, float]:
    """The days an event takes on the chart (open ends to the axis edge, a marker's
    width, at least ``min_days``), for packing and for its label's place."""
    low = p.start.earliest.ordinal if p.start.earliest is not None else axis.low
    high = p.end.latest.ordinal + 1 if p.end.latest is not None else axis.high
    half = max(min_days, MARKER_SIZE * per_px) / 2
    if p.start == p.end or high - low < 2 * half:
        middle = (low + high) / 2
        return min(low, middle - half), max(high, middle + half)
    return float(low), float(high)


def _arrows(
    fig: go.Figure,
    timeline: Timeline,
    rows: Plan,
    axis: Axis,
    extents: Sequence[tuple[float, float]],
) -> None:
    """Faint arrows from each event to the events it is explicitly before, drawn first."""
    where = {p.event.id: i for i, p in enumerate(timeline.events)}
    xs: list[Any] = []
    ys: list[Any] = []
    sizes: list[int] = []
    for a, kind, b in timeline.relations:
        if kind not in ("before", "after") or a not in where or b not in where:
            continue
        first, then = (where[a], where[b]) if kind == "before" else (where[b], where[a])
        xs += [axis.at(round(extents[first][1])), axis.at(round(extents[then][0])), None]
        ys += [rows.slots[first].row, rows.slots[then].row, None]
        sizes += [0, 9, 0]
    if not xs:
        return
    fig.add_trace(
        go.Scatter(
            x=xs,
            y=ys,
            mode="lines+markers",
            line={"color": "rgba(73,80,87,0.25)", "width": 1},
            marker={
                "symbol": "arrow",
                "angleref": "previous",
                "size": sizes,
                "color": "rgba(73,80,87,0.5)",
            },
            hoverinfo="skip",
            showlegend=False,
            name="relations",
        )
    )


KEY_ITEMS = (  # (words, mark, grey of the sample, pattern)
    ("pale bar: when it could have happened", "bar", "#ced4da", ""),
    ("solid bar: when it certainly did", "bar", "#495057", ""),
    ("diamond: somewhere in that window", "diamond", "#495057", ""),
    ("circle: on that day", "circle", "#495057", ""),
    ("hatched bar, open marker: approximate date", "bar", "#ced4da", "/"),
    ("fading end: start or end not known", "bar", "#e6e8eb", ""),
)


def _key(fig: go.Figure) -> None:
    """The key, in words with a sample of each mark: the legend of every chart."""
    for text, kind, grey, pattern in KEY_ITEMS:
        if kind == "bar":
            fig.add_trace(
                go.Bar(
                    orientation="h",
                    x=[None],
                    y=[None],
                    name=text,
                    marker={
                        "color": grey,
                        "pattern": {"shape": pattern, "fgcolor": "#495057", "solidity": 0.25},
                    },
                    hoverinfo="skip",
                )
            )
        else:
            fig.add_trace(
                go.Scatter(
                    x=[None],
                    y=[None],
                    mode="markers",
                    name=text,
                    marker={"color": grey, "size": MARKER_SIZE, "symbol": kind},
                    hoverinfo="skip",
                )
            )


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
    """A lane's name in the legend and its heading, escaped."""
    return escape(lane) if lane else "(no lane)"


def _draw(
    p: Placed,
    row: int,
    axis: Axis,
    hover: Any,
    pale: _Layer,
    solid: _Layer,
    marks: _Marks,
    min_days: float = 0.0,
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
    pale_low, pale_high = _widen(pale_low, pale_high, min_days, axis)
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
        a, b = _widen(a, b, min_days, axis)
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
    marks.x.append(_midday(middle) if axis.dates else axis.at(middle))
    marks.y.append(row)
    symbol = "circle" if exact else "diamond"
    marks.symbol.append(symbol + ("-open" if approximate else ""))
    marks.customdata.append(hover)


def _widen(low: int, high: int, min_days: float, axis: Axis) -> tuple[int, int]:
    """A bar at least ``min_days`` long, about its middle, inside the axis."""
    need = int(-(-min_days // 1))
    if high - low >= need:
        return low, high
    grow = need - (high - low)
    low, high = low - grow // 2, high + grow - grow // 2
    if low < axis.low:
        low, high = axis.low, axis.low + need
    if high > axis.high:
        low, high = axis.high - need, axis.high
    return low, high


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
    hover: Any,
) -> None:
    """Days ``near`` to ``far`` (either way) in steps of falling opacity."""
    steps = len(opacities)
    for k, opacity in enumerate(opacities):
        a = near + (far - near) * k // steps
        b = near + (far - near) * (k + 1) // steps
        a, b = min(a, b), max(a, b)
        if b > a:
            layer.add(row, axis.at(a), axis.length(a, b), opacity, "", hover)


INVERSE = {
    "before": "after",
    "after": "before",
    "during": "contains",
    "contains": "during",
    "overlaps": "overlapped by",
}


def _wrapped(text: str, width: int = 80, limit: int = 600) -> str:
    return "<br>".join(escape(line) for line in textwrap.wrap(_short(text, limit), width))


def hover_texts(
    timeline: Timeline, *, titles: dict[str, str] | None = None, era: bool | None = None
) -> list[str]:
    """The hover text of every event, in display order (the plain chart's and the
    level-of-detail page's): in words, escaped, in plotly's pseudo-HTML."""
    placed = timeline.events
    if titles is None:
        titles = {p.event.id: p.event.title for p in placed}
    if era is None:
        era = not axis_of(placed).dates
    incoming: dict[str, list[tuple[str, str]]] = {}
    for a, kind, b in timeline.relations:
        incoming.setdefault(b, []).append((INVERSE.get(kind, kind), a))
    from chrono.chronology.probability import words as chance_words

    n = len(placed)
    figures = timeline.probabilities
    chances = [
        _chance(chance_words, expected, following, placed[k + 1] if k + 1 < n else None, titles)
        for k, (expected, following) in enumerate(
            zip(figures.expected_rank, figures.p_before_next, strict=True)
        )
    ]
    return [
        hover_text(
            p, n, titles=titles, era=era, incoming=incoming.get(p.event.id, ()), chance=chance
        )
        for p, chance in zip(placed, chances, strict=True)
    ]


def _chance(
    chance_words: Callable[[float | None, str], str],
    expected: float | None,
    following: float | None,
    after: Placed | None,
    titles: dict[str, str],
) -> str:
    """The probability lines of a hover: the expected place, the chance it comes first."""
    lines = []
    if expected is not None:
        lines.append(f"expected place: {expected:.1f}")
    if after is not None:
        other = _short(titles.get(after.event.id, after.event.title), 60)
        said = chance_words(following, f"“{other}”")
        lines.append(escape(said[0].upper() + said[1:]))
    return "<br>".join(lines)


def hover_text(
    p: Placed,
    n: int,
    *,
    titles: dict[str, str] | None = None,
    era: bool = False,
    incoming: Sequence[tuple[str, str]] = (),
    chance: str = "",
) -> str:
    """One event's hover: its title whole, its date as written, when it happened in
    words, its place in the order, its relations by title, description, quote, source."""
    e = p.event
    titles = titles or {}
    lines = [f"<b>{_wrapped(e.title)}</b>"]
    if p.date_text:
        lines.append(f"as written: {_wrapped(p.date_text)}")
    when = words.span(p.start, p.end, era)
    lines.append(escape(when[0].upper() + when[1:]))
    low, high = p.rank
    lines.append(f"in order: {words.rank(low, high, n)}")
    lines.append(chance)  # escaped already: the expected place, the chance it comes first
    related = [(kind, other) for kind, other in e.relations] + list(incoming)
    for kind, other in related:
        lines.append(f"{kind}: {_wrapped(_short(titles.get(other, other), 80))}")
    if e.lane:
        lines.append(f"lane: {escape(e.lane)}")
    if e.description:
        lines.append(_wrapped(e.description))
    if e.quote:
        lines.append(f"“{_wrapped(e.quote)}”")
    if e.source:
        lines.append(f"source: {escape(_short(e.source, 80))}")
    if e.url:
        lines.append(f"{escape(_short(e.url, 80))} (click to open)")
    return "<br>".join(line for line in lines if line)


def row_label(p: Placed) -> str:
    """The y-axis label of an event's row on the level-of-detail page: title and lane."""
    return escape(_short(p.event.title)) + lane_suffix(p.event.lane)


def axis_label(title: str) -> str:
    """A title on the axis of the rows layout: wrapped on at most two lines, escaped."""
    lines = textwrap.wrap(title, AXIS_CHARS) or [""]
    if len(lines) > 2:
        rest = title[len(lines[0]) :].strip()
        lines = [lines[0], _short(rest, AXIS_CHARS)]
    return "<br>".join(escape(line) for line in lines)


def lane_suffix(lane: str | None) -> str:
    """What a row label adds after the title: the lane, greyed, escaped."""
    if lane:
        return f" <span style='color:#868e96'>· {escape(_short(lane, 24))}</span>"
    return ""


def _layout(
    fig: go.Figure,
    timeline: Timeline,
    axis: Axis,
    title: str | None,
    rows: Plan,
    lanes: dict[str, str],
    layout: str,
    static: bool,
    width: int | None,
) -> None:
    placed = timeline.events
    tickvals: list[int] = []
    ticktext: list[str] = []
    shapes: list[dict[str, Any]] = []
    for lane in rows.lanes:
        colour = lanes[lane.name]
        tickvals.append(lane.heading)
        name = escape(_short(lane.name, 30)) if lane.name else lane_name("")
        ticktext.append(f"<b><span style='color:{colour}'>{name}</span></b>")
        shapes.append(
            {
                "type": "rect",
                "xref": "paper",
                "yref": "y",
                "x0": 0,
                "x1": 1,
                "y0": lane.heading - 0.5,
                "y1": lane.last + 0.5,
                "fillcolor": colour,
                "opacity": 0.05,
                "line": {"width": 0},
                "layer": "below",
            }
        )
        shapes.append(
            {
                "type": "line",
                "xref": "paper",
                "yref": "y",
                "x0": 0,
                "x1": 1,
                "y0": lane.heading - 0.5,
                "y1": lane.heading - 0.5,
                "line": {"color": colour, "width": 1},
                "opacity": 0.5,
                "layer": "below",
            }
        )
    wrapped = False
    if layout == "rows" or not rows.lanes:
        for p, slot in zip(placed, rows.slots, strict=True):
            tickvals.append(slot.row)
            text = axis_label(p.event.title) if rows.lanes else row_label(p)
            wrapped = wrapped or "<br>" in text
            ticktext.append(text)
    row_px = WRAPPED_ROW_PX if wrapped else ROW_PX
    n_rows = max(rows.rows, 1)
    # no range slider: the page zooms and pans by itself, and the slider's grips are
    # glyphs that some systems draw as boxes
    base = base_layout(len(placed), axis, title, slider=False)
    # the title, then the key (up to three lines of it), then the dates of a tall chart
    top = (48 if title else 10) + 66
    tall = n_rows > TALL_ROWS
    if tall:  # the dates above the rows too, where a tall chart is first read
        top += 26
        base["xaxis2"] = {
            **base["xaxis"],
            "matches": "x",
            "overlaying": "x",
            "side": "top",
            "showgrid": False,
        }
    height = top + n_rows * row_px + 50
    base["margin"]["t"] = top
    base["height"] = height
    base["title"].update({"yref": "container", "y": 1 - 14 / height, "yanchor": "top"})
    if width is not None:
        base["width"] = width
    base["legend"] = {
        "orientation": "h",
        "yref": "container",
        "yanchor": "top",
        "y": 1 - (48 if title else 10) / height,
        "xref": "container",
        "xanchor": "left",
        "x": 0.01,
        "font": {"size": 12, "color": "#495057"},
        "traceorder": "normal",
        "itemclick": False,
        "itemdoubleclick": False,
    }
    fig.update_layout(
        template=go.layout.Template(),
        **base,
        shapes=shapes,
        yaxis={
            "tickmode": "array",
            "tickvals": tickvals,
            "ticktext": ticktext,
            "range": [n_rows - 0.5, -0.5],
            "automargin": True,
            "showgrid": False,
            "zeroline": False,
            "fixedrange": True,
            "ticks": "",
        },
    )


def base_layout(
    n: int, axis: Axis, title: str | None, *, slider: bool | None = None
) -> dict[str, Any]:
    """The layout of a chart but its y axis (also the level-of-detail page's)."""
    rows = min(n, VISIBLE_ROWS)
    if slider is None:
        slider = n <= SLIDER_ROWS and axis.dates
    height = 170 + max(rows, 3) * 28 + (70 if slider else 0)
    xaxis: dict[str, Any] = {
        "type": "date" if axis.dates else "linear",
        "range": [axis.at(axis.low), axis.at(axis.high)],
        "showgrid": True,
        "gridcolor": "#eceff1",
        "zeroline": False,
        "title": None,
    }
    ticks = axis.ticks()
    if ticks is not None:
        xaxis["tickmode"] = "array"
        xaxis["tickvals"], xaxis["ticktext"] = ticks
    if slider:
        xaxis["rangeslider"] = {"visible": True, "thickness": 0.08, "range": xaxis["range"]}
    return {
        "title": {"text": escape(title) if title else None, "x": 0.01, "xanchor": "left"},
        "barmode": "overlay",
        "height": height,
        "margin": {"l": 20, "r": 30, "t": 80 if title else 40, "b": 40},
        "plot_bgcolor": "white",
        "paper_bgcolor": "white",
        "font": {"family": FONT, "size": 13, "color": TEXT_COLOUR},
        "hoverlabel": {"bgcolor": "white", "font": {"size": 13}, "align": "left"},
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "right", "x": 1},
        "dragmode": "pan",
        "xaxis": xaxis,
    }
