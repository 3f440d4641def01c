"""Writing a timeline out: HTML (chart), fragment, JSON, CSV, PNG and SVG, atomically.

Only :mod:`chrono.export.chart` and :mod:`chrono.export.lod` import plotly, and only
when a chart is wanted. The page of a timeline of more than ``lod.LOD_THRESHOLD``
events (standalone, fragment) draws by level of detail; PNG and SVG draw every event.
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
        from chrono.export.lod import wants_lod

        images = [fmt for fmt in ("png", "svg") if fmt in formats]
        # a large timeline's pages draw by level of detail; images always draw every event
        lod = wants_lod(timeline)
        fig = figure(timeline, title) if images or not lod else None

        def chart_page(fragment: bool, mode: str) -> bytes:
            if fig is None:
                text = html.lod_page(timeline, fragment=fragment, plotlyjs=mode, title=title)
            else:
                text = html.page(fig, fragment=fragment, plotlyjs=mode, title=title)
            return text.encode("utf-8")

        if "html" in formats:
            out["timeline.html"] = chart_page(False, plotlyjs or "inline")
        if fragment:
            out["timeline.fragment.html"] = chart_page(True, plotlyjs or "cdn")
        if plotlyjs == "directory" and ("html" in formats or fragment):
            out["plotly.min.js"] = html.plotly_js()
        for fmt in images:
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
    """Render every output, then write them into ``out`` as one set; the paths written.

    Builds into one folder take turns (a lock inside it), and a build killed while
    writing leaves the previous outputs or, once the next build has run, the new
    ones: never a mix (:mod:`chrono.export.atomic`).
    """
    import sys

    from chrono.export.atomic import LockTimeout, write_set

    folder = Path(out)
    if folder.exists() and not folder.is_dir():
        raise ChronoError(f"--out: {folder} is a file, not a folder to write into")
    rendered = render(timeline, formats, fragment=fragment, plotlyjs=plotlyjs, title=title)

    def waiting(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    try:
        write_set(folder, rendered, waiting)
    except LockTimeout as err:
        raise ChronoError(f"--out: {err} (is another build stuck?)") from None
    except OSError as err:  # a parent that is a file, no permission, a full disk
        raise ChronoError(f"--out: cannot write into {folder}: {err.strerror or err}") from None
    return [folder / name for name in rendered]
