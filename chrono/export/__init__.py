"""Writing a timeline out: HTML (chart), fragment, JSON, CSV, PNG, SVG and PDF, atomically.

Drawing is this layer's alone: :func:`figure` and :func:`to_html` are the chart and
the page of a timeline, and importing this package registers them with
:class:`~chrono.chronology.Timeline` (``timeline.figure()``, ``timeline.to_html()``
and the notebook display), so that the chronology below never imports upward.

The chart modules (``chart``, ``html``, ``lod``, ``images``) import plotly, and only
when a chart is wanted. The page of a timeline of more than ``lod.LOD_THRESHOLD``
events (standalone, fragment) draws by level of detail; PNG, SVG and PDF draw every event.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from chrono.chronology.timeline import Drawing, register_drawing
from chrono.errors import ExportError
from chrono.export.layout import LAYOUTS

if TYPE_CHECKING:
    from chrono.chronology import Timeline

FORMATS = (
    "html", "json", "csv", "png", "svg", "pdf", "timelinejs", "vis", "markwhen", "ics", "parquet",
)  # fmt: skip
IMAGES = ("png", "svg", "pdf")
DEFAULT_FORMATS = ("html", "json", "csv")
WIDTHS = (300, 10_000)  # the image widths, in pixels, that chrono draws


def default_title(timeline: Timeline) -> str:
    years = [d.year for p in timeline.events for d in (p.earliest, p.latest) if d is not None]
    if not years:
        return f"Timeline of {len(timeline.events)} events"
    from chrono.export.words import year_span

    return f"Timeline of {len(timeline.events)} events, {year_span(min(years), max(years))}"


def figure(
    timeline: Timeline,
    title: str | None = None,
    *,
    layout: str = "packed",
    relations: bool = False,
    width: int | None = None,
) -> Any:
    """The interactive chart of ``timeline`` as a plotly Figure (imports plotly).

    ``layout`` is ``packed`` or ``rows``; ``relations`` draws before/after arrows.
    """
    from chrono.export.chart import figure as draw

    return draw(timeline, title, layout=layout, relations=relations, width=width)


def to_html(
    timeline: Timeline,
    *,
    fragment: bool = False,
    plotlyjs: str = "cdn",
    title: str | None = None,
    layout: str = "packed",
    relations: bool = False,
) -> str:
    """A standalone page, or a fragment (a ``<div>`` and its script) for a report."""
    from chrono.export.html import timeline_page

    title = title or default_title(timeline)
    return timeline_page(
        timeline,
        fragment=fragment,
        plotlyjs=plotlyjs,
        title=title,
        layout=layout,
        relations=relations,
    )


register_drawing(Drawing(figure, to_html))


def render(
    timeline: Timeline,
    formats: Sequence[str] = DEFAULT_FORMATS,
    *,
    fragment: bool = False,
    plotlyjs: str | None = None,
    title: str | None = None,
    layout: str = "packed",
    relations: bool = False,
    width: int | None = None,
) -> dict[str, bytes]:
    """Every output as file name -> bytes, in memory: nothing is written yet.

    ``layout`` (``packed`` or ``rows``) and ``relations`` shape the chart; ``width`` is
    the width of PNG, SVG and PDF images in pixels.
    """
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise ExportError(
            "format",
            f"unknown output {', '.join(unknown)!s} (expected some of: {', '.join(FORMATS)})",
        )
    if plotlyjs is not None and plotlyjs not in ("cdn", "inline", "directory"):
        raise ExportError("plotlyjs", f"{plotlyjs!r} is not one of cdn, inline, directory")
    if layout not in LAYOUTS:
        raise ExportError("layout", f"{layout!r} is not one of {', '.join(LAYOUTS)}")
    if width is not None and not WIDTHS[0] <= width <= WIDTHS[1]:
        raise ExportError(
            "width", f"{width} is not a width in pixels from {WIDTHS[0]} to {WIDTHS[1]}"
        )
    title = title or default_title(timeline)
    out: dict[str, bytes] = {}
    if "json" in formats:
        from chrono.export.timeline_json import timeline_json

        out["timeline.json"] = timeline_json(timeline)
    if "csv" in formats:
        from chrono.export.timeline_csv import timeline_csv

        out["timeline.csv"] = timeline_csv(timeline)
    if "parquet" in formats:
        from chrono.export.timeline_parquet import timeline_parquet

        out["timeline.parquet"] = timeline_parquet(timeline)
    for name in ("timelinejs", "vis", "markwhen", "ics"):  # other tools' formats
        if name in formats:
            from chrono.export.interop import FILES, render_interop

            out[FILES[name]] = render_interop(name, timeline, title)
    charts = [f for f in formats if f in ("html", *IMAGES)] + (["fragment"] if fragment else [])
    if charts:
        from chrono.export import html
        from chrono.export.chart import figure
        from chrono.export.lod import wants_lod
        from chrono.export.table import table

        images = [fmt for fmt in IMAGES if fmt in formats]
        # a large timeline's pages draw by level of detail; images always draw every event
        lod = wants_lod(timeline)
        fig = None if lod else figure(timeline, title, layout=layout, relations=relations)

        def chart_page(fragment: bool, mode: str) -> bytes:
            if fig is None:
                text = html.lod_page(timeline, fragment=fragment, plotlyjs=mode, title=title)
            else:
                text = html.page(
                    fig, fragment=fragment, plotlyjs=mode, title=title, table=table(timeline)
                )
            return text.encode("utf-8")

        if "html" in formats:
            out["timeline.html"] = chart_page(False, plotlyjs or "inline")
        if fragment:
            out["timeline.fragment.html"] = chart_page(True, plotlyjs or "cdn")
        if plotlyjs == "directory" and ("html" in formats or fragment):
            out["plotly.min.js"] = html.plotly_js()
        if images:
            from chrono.export.images import images as draw

            still = figure(
                timeline, title, layout=layout, relations=relations, static=True, width=width
            )
            out.update(draw(still, images))
    return out


def write_exports(
    timeline: Timeline,
    out: str | Path,
    formats: Sequence[str] = DEFAULT_FORMATS,
    *,
    fragment: bool = False,
    plotlyjs: str | None = None,
    title: str | None = None,
    layout: str = "packed",
    relations: bool = False,
    width: int | None = None,
) -> list[Path]:
    """Render every output, then write them into ``out`` as one set; the paths written.

    Builds into one folder take turns (a lock inside it), and a build killed while
    writing leaves the previous outputs or, once the next build has run, the new
    ones: never a mix (:mod:`chrono.export.atomic`).
    """
    import sys

    from chrono.export.atomic import LockTimeout, write_set

    folder = Path(out)
    if folder.exists() and not folder.is_dir():
        raise ExportError("out", f"{folder} is a file, not a folder to write into")
    rendered = render(
        timeline,
        formats,
        fragment=fragment,
        plotlyjs=plotlyjs,
        title=title,
        layout=layout,
        relations=relations,
        width=width,
    )

    def waiting(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    try:
        write_set(folder, rendered, waiting)
    except LockTimeout as err:
        raise ExportError("out", f"{err} (is another build stuck?)") from None
    except OSError as err:  # a parent that is a file, no permission, a full disk
        raise ExportError("out", f"cannot write into {folder}: {err.strerror or err}") from None
    return [folder / name for name in rendered]
