"""Writing a timeline out: HTML (chart), fragment, JSON, CSV, PNG, SVG and PDF, atomically.

The chart modules (``chart``, ``html``, ``lod``, ``images``) import plotly, and only
when a chart is wanted. The page of a timeline of more than ``lod.LOD_THRESHOLD``
events (standalone, fragment) draws by level of detail; PNG, SVG and PDF draw every event.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from chrono.errors import ChronoError

if TYPE_CHECKING:
    from chrono.chronology import Timeline

FORMATS = ("html", "json", "csv", "png", "svg", "pdf")
IMAGES = ("png", "svg", "pdf")
DEFAULT_FORMATS = ("html", "json", "csv")


def default_title(timeline: Timeline) -> str:
    years = [d.year for p in timeline.events for d in (p.earliest, p.latest) if d is not None]
    if not years:
        return f"Timeline of {len(timeline.events)} events"
    from chrono.export.words import year_span

    return f"Timeline of {len(timeline.events)} events, {year_span(min(years), max(years))}"


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
        raise ChronoError(
            f"--format: unknown output {', '.join(unknown)!s} "
            f"(expected some of: {', '.join(FORMATS)})"
        )
    if plotlyjs is not None and plotlyjs not in ("cdn", "inline", "directory"):
        raise ChronoError(f"--plotlyjs: {plotlyjs!r} is not one of cdn, inline, directory")
    if layout not in ("packed", "rows"):
        raise ChronoError(f"--layout: {layout!r} is not one of packed, rows")
    if width is not None and not 300 <= width <= 10_000:
        raise ChronoError(f"--width: {width} is not a width in pixels from 300 to 10000")
    title = title or default_title(timeline)
    out: dict[str, bytes] = {}
    if "json" in formats:
        from chrono.export.timeline_json import timeline_json

        out["timeline.json"] = timeline_json(timeline)
    if "csv" in formats:
        from chrono.export.timeline_csv import timeline_csv

        out["timeline.csv"] = timeline_csv(timeline)
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
    """Render every output, then write them all into ``out`` atomically; the paths written."""
    from chrono.export.atomic import write_all

    folder = Path(out)
    if folder.exists() and not folder.is_dir():
        raise ChronoError(f"--out: {folder} is a file, not a folder to write into")
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
    files = {folder / name: data for name, data in rendered.items()}
    try:
        write_all(files)
    except OSError as err:  # a parent that is a file, no permission, a full disk
        raise ChronoError(f"--out: cannot write into {folder}: {err.strerror or err}") from None
    return list(files)
