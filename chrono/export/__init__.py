"""Writing a timeline out: HTML (chart), fragment, JSON, CSV, PNG and SVG, atomically.

Only :mod:`chrono.export.chart` imports plotly, and only when a chart is wanted.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from chrono.errors import ChronoError

if TYPE_CHECKING:
    from chrono.chronology import Timeline

FORMATS = ("html", "json", "csv", "png", "svg")
DEFAULT_FORMATS = ("html", "json", "csv")


def default_title(timeline: Timeline) -> str:
    years = [d.year for p in timeline.events for d in (p.earliest, p.latest) if d is not None]
    if not years:
        return f"Timeline of {len(timeline.events)} events"
    first, last = min(years), max(years)
    span = str(first) if first == last else f"{first}–{last}"
    return f"Timeline of {len(timeline.events)} events, {span}"


def render(
    timeline: Timeline,
    formats: Sequence[str] = DEFAULT_FORMATS,
    *,
    fragment: bool = False,
    plotlyjs: str | None = None,
    title: str | None = None,
) -> dict[str, bytes]:
    """Every output as file name -> bytes, in memory: nothing is written yet."""
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise ChronoError(
            f"--format: unknown output {', '.join(unknown)!s} "
            f"(expected some of: {', '.join(FORMATS)})"
        )
    if plotlyjs is not None and plotlyjs not in ("cdn", "inline", "directory"):
        raise ChronoError(f"--plotlyjs: {plotlyjs!r} is not one of cdn, inline, directory")
    title = title or default_title(timeline)
    out: dict[str, bytes] = {}
    if "json" in formats:
        from chrono.export.timeline_json import timeline_json

        out["timeline.json"] = timeline_json(timeline)
    if "csv" in formats:
        from chrono.export.timeline_csv import timeline_csv

        out["timeline.csv"] = timeline_csv(timeline)
    charts = [f for f in formats if f in ("html", "png", "svg")] + (
        ["fragment"] if fragment else []
    )
    if charts:
        from chrono.export import html
        from chrono.export.chart import figure

        fig = figure(timeline, title)
        if "html" in formats:
            mode = plotlyjs or "inline"
            out["timeline.html"] = html.page(
                fig, fragment=False, plotlyjs=mode, title=title
            ).encode("utf-8")
        if fragment:
            mode = plotlyjs or "cdn"
            out["timeline.fragment.html"] = html.page(
                fig, fragment=True, plotlyjs=mode, title=title
            ).encode("utf-8")
        if plotlyjs == "directory" and ("html" in formats or fragment):
            out["plotly.min.js"] = html.plotly_js()
        for fmt in ("png", "svg"):
            if fmt in formats:
                from chrono.export.images import image

                out[f"timeline.{fmt}"] = image(fig, fmt)
    return out


def write_exports(
    timeline: Timeline,
    out: str | Path,
    formats: Sequence[str] = DEFAULT_FORMATS,
    *,
    fragment: bool = False,
    plotlyjs: str | None = None,
    title: str | None = None,
) -> list[Path]:
    """Render every output, then write them all into ``out`` atomically; the paths written."""
    from chrono.export.atomic import write_all

    rendered = render(timeline, formats, fragment=fragment, plotlyjs=plotlyjs, title=title)
    folder = Path(out)
    files = {folder / name: data for name, data in rendered.items()}
    write_all(files)
    return list(files)
