"""Static PNG, SVG and PDF images through plotly's image export (kaleido) and a local Chromium.

The browser runs with a home, profile and cache of its own in a temporary folder,
removed afterwards: building images writes nothing into the user's home. Its output
is made deterministic here: plotly names clip paths and patterns with random ids,
which are renamed in order of appearance, and Chromium stamps a PDF with the time
it was made, which is fixed.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from chrono.errors import ChronoError

if TYPE_CHECKING:
    import plotly.graph_objects as go

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "chrome")
HOME_VARIABLES = ("HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME")
PAGE_HEIGHT = 16_000  # a taller chart is cut into numbered pages (browsers stop near 16k px)
PDF_PAGE_HEIGHT = 1_800  # a PDF is printed: pages about as tall as a landscape sheet


class ImageExportError(ChronoError):
    """No browser or no kaleido: static images cannot be drawn here."""


def find_browser() -> str | None:
    """The browser kaleido will drive: $BROWSER_PATH, else Chromium or Chrome on the PATH."""
    given = os.environ.get("BROWSER_PATH")
    if given:
        return given if os.path.exists(given) else None
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    return None


@contextlib.contextmanager
def own_home() -> Iterator[str]:
    """A temporary home (and XDG folders) for the browser, removed afterwards."""
    saved = {name: os.environ.get(name) for name in (*HOME_VARIABLES, "TMPDIR")}
    folder = tempfile.mkdtemp(prefix="chrono-browser-")
    try:
        os.environ["HOME"] = folder
        for name in HOME_VARIABLES[1:]:
            os.environ[name] = os.path.join(folder, name.lower())
        os.environ["TMPDIR"] = folder
        yield folder
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        shutil.rmtree(folder, ignore_errors=True)


def image(fig: go.Figure, fmt: str) -> bytes:
    """The figure as PNG, SVG or PDF bytes, or ImageExportError saying what is missing."""
    return images(fig, [fmt])[f"timeline.{fmt}"]


def images(fig: go.Figure, formats: Sequence[str]) -> dict[str, bytes]:
    """``timeline.png`` (and the others asked for) as bytes, drawn by one browser session."""
    browser = find_browser()
    wanted = ",".join(formats)
    if browser is None:
        raise ImageExportError(
            f"--format {wanted} needs Chromium or Chrome to draw the image, and none was found "
            "(install Debian's 'chromium' package, or set BROWSER_PATH)"
        )
    try:
        import kaleido  # noqa: F401
    except ImportError:
        raise ImageExportError(
            f"--format {wanted} needs kaleido: pip install 'chrono-timeline[image]'"
        ) from None
    width = fig.layout.width or 1200
    out: dict[str, bytes] = {}
    saved = os.environ.get("BROWSER_PATH")
    parts = pages(fig)
    pdf_parts = pages(fig, PDF_PAGE_HEIGHT) if "pdf" in formats else []
    with own_home():
        os.environ["BROWSER_PATH"] = browser
        try:
            for fmt in formats:
                for k, part in enumerate(pdf_parts if fmt == "pdf" else parts, start=1):
                    height = part.layout.height
                    data = _draw(part, fmt, width, height)
                    many = len(pdf_parts if fmt == "pdf" else parts) > 1
                    name = f"timeline-{k}.{fmt}" if many else f"timeline.{fmt}"
                    out[name] = deterministic(data, fmt)
        except Exception as err:  # kaleido and the browser fail in many ways; say which
            raise ImageExportError(
                f"--format {fmt}: the browser at {browser} could not draw the "
                f"chart ({type(err).__name__}: {err})"
            ) from err
        finally:
            if saved is None:
                os.environ.pop("BROWSER_PATH", None)
            else:
                os.environ["BROWSER_PATH"] = saved
    return out


# an element id where it is named or referred to: id="x", url(#x), url('#x'), href="#x"
def _draw(fig: go.Figure, fmt: str, width: int, height: int, tries: int = 3) -> bytes:
    """One image; tried again when the browser was not ready (kaleido's page scripts load
    late on a busy machine, "kaleido_scopes is not defined")."""
    for attempt in range(tries):
        try:
            data: bytes = fig.to_image(format=fmt, width=width, height=height, scale=1)
            return data
        except Exception as err:  # kaleido raises its own error types and plain ones
            if attempt == tries - 1 or "kaleido_scopes" not in str(err):
                raise
    raise AssertionError("unreachable")


def pages(fig: go.Figure, limit: int | None = None) -> list[go.Figure]:
    """``fig`` whole, or cut into pages of whole rows no taller than ``limit`` pixels
    (:data:`PAGE_HEIGHT`), each with the title and its page number, the key and the dates,
    and only the marks of its own rows."""
    limit = limit or PAGE_HEIGHT
    height = fig.layout.height
    if height <= limit:
        return [fig]
    top, bottom = fig.layout.margin.t, fig.layout.margin.b
    high, low = fig.layout.yaxis.range  # rows run downwards: [last + 0.5, -0.5]
    rows = round(high - low)
    row_px = (height - top - bottom) / rows
    per_page = max(1, int((limit - top - bottom) // row_px))
    count = -(-rows // per_page)
    title = fig.layout.title.text or ""
    out = []
    for k in range(count):
        first, last = k * per_page, min(rows, (k + 1) * per_page)
        part = only_rows(fig, first, last)
        part_height = round(top + bottom + (last - first) * row_px)
        part.update_layout(
            height=part_height,
            yaxis_range=[last - 0.5, first - 0.5],
            title_text=f"{title} (page {k + 1} of {count})".strip(),
            title_y=1 - 14 / part_height,
            legend_y=1 - (1 - fig.layout.legend.y) * height / part_height,
        )
        part.update_traces(cliponaxis=True, selector={"mode": "text"})
        out.append(part)
    return out


def only_rows(fig: go.Figure, first: int, last: int) -> go.Figure:
    """A copy of ``fig`` whose traces keep only their points in rows ``first`` to
    ``last - 1``: a page draws (and a PDF holds) its own rows, not every clipped one."""
    import plotly.graph_objects as go

    data = fig.to_dict()
    for trace in data["data"]:
        ys = trace.get("y")
        if trace.get("xaxis", "x") != "x" or ys is None or (len(ys) and ys[0] is None):
            continue  # a key sample or the dates above: on every page
        keep = [i for i, y in enumerate(ys) if y is not None and first <= y < last]
        if trace.get("mode") == "lines+markers":  # arrows: pairs and a gap, kept whole
            keep = [i for i in range(len(ys)) if i - i % 3 in keep or i - i % 3 + 1 in keep]
        _subset(trace, len(ys), keep)
    return go.Figure(data)


def _subset(node: dict[str, Any], n: int, keep: list[int]) -> None:
    for key, value in node.items():
        if isinstance(value, dict):
            _subset(value, n, keep)
        elif isinstance(value, list | tuple) and len(value) == n and key != "range":
            node[key] = [value[i] for i in keep]


SVG_REF = re.compile(rb"""(\bid="|url\(#|url\('#|url\("#|url\(&quot;#|href="#)([^"')&\s]+)""")
PDF_DATE = re.compile(rb"/(CreationDate|ModDate) \(D:[0-9]{14}[^)]*\)")
FIXED_DATE = b"D:20000101000000Z"


def deterministic(data: bytes, fmt: str) -> bytes:
    """The same bytes for the same chart: ids renamed in order, PDF dates fixed."""
    if fmt == "svg":
        return svg_ids(data)
    if fmt == "pdf":
        return PDF_DATE.sub(lambda m: b"/" + m.group(1) + b" (" + FIXED_DATE + b")", data)
    return data


def svg_ids(data: bytes) -> bytes:
    """Every element id of an SVG, and every reference to one, renamed ``c0``, ``c1``...
    in order of first appearance; plotly's random trace classes likewise."""
    names: dict[bytes, bytes] = {}
    data = SVG_REF.sub(
        lambda m: m.group(1) + names.setdefault(m.group(2), b"c%d" % len(names)), data
    )
    traces: dict[bytes, bytes] = {}
    return TRACE_CLASS.sub(lambda m: traces.setdefault(m.group(), b"trace%d" % len(traces)), data)


TRACE_CLASS = re.compile(rb"\btrace[0-9a-f]{6}\b")  # plotly's random trace uids, as classes
