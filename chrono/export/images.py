"""Static PNG and SVG images through plotly's image export (kaleido) and a local Chromium."""

from __future__ import annotations

import os
import shutil
from typing import TYPE_CHECKING

from chrono.errors import ChronoError

if TYPE_CHECKING:
    import plotly.graph_objects as go

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "chrome")


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


def image(fig: go.Figure, fmt: str) -> bytes:
    """The figure as PNG or SVG bytes, or ImageExportError saying what is missing."""
    browser = find_browser()
    if browser is None:
        raise ImageExportError(
            f"--format {fmt} needs Chromium or Chrome to draw the image, and none was found "
            "(install Debian's 'chromium' package, or set BROWSER_PATH)"
        )
    try:
        import kaleido  # noqa: F401
    except ImportError:
        raise ImageExportError(
            f"--format {fmt} needs kaleido: pip install 'chrono-timeline[image]'"
        ) from None
    os.environ.setdefault("BROWSER_PATH", browser)
    width = 1200
    try:
        data: bytes = fig.to_image(format=fmt, width=width, height=fig.layout.height, scale=1)
    except Exception as err:  # kaleido and the browser fail in many ways; say which
        raise ImageExportError(
            f"--format {fmt}: the browser at {browser} could not draw the "
            f"chart ({type(err).__name__}: {err})"
        ) from err
    return data
