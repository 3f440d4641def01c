"""Make the gallery: the chart of the sample, of 300 generated events and of deep time,
as the page a reader opens (a screenshot in headless Chromium) and as the PNG export.

    python docs/gallery/make.py        # from the repository's root; needs Chromium

The inputs are generated (tests/chronologies.py, seeded), so the pictures are made
again from nothing but this repository. Chromium runs with a temporary profile and
home, removed afterwards.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

from chrono import build_timeline, load_events  # noqa: E402
from chrono.chronology import Timeline  # noqa: E402
from chrono.export import render  # noqa: E402
from chrono.export.images import find_browser  # noqa: E402
from tests.chronologies import deep_time, timeline  # noqa: E402

PAGE_WIDTH = 1300
PAGE_HEIGHT = 1000  # the first screenful a reader sees


def chronologies() -> dict[str, tuple[Timeline, str | None]]:
    return {
        "sample": (build_timeline(load_events(ROOT / "events")), "Mali and China, 2020-2025"),
        "generated-300": (timeline(300), None),
        "deep-time": (deep_time(), None),
    }


def screenshot(page: Path, out: Path, browser: str) -> None:
    """The page as a reader's browser shows it on opening: its first screenful."""
    with tempfile.TemporaryDirectory() as home:
        subprocess.run(
            [
                browser,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--hide-scrollbars",
                f"--user-data-dir={home}/profile",
                "--virtual-time-budget=10000",
                f"--window-size={PAGE_WIDTH},{PAGE_HEIGHT}",
                f"--screenshot={out}",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=180,
            env={"HOME": home, "PATH": "/usr/bin:/bin"},
        )


def main() -> None:
    browser = find_browser()
    if browser is None:
        sys.exit("the gallery needs Chromium or Chrome (set BROWSER_PATH)")
    with tempfile.TemporaryDirectory() as work:
        for name, (t, title) in chronologies().items():
            out = render(t, ["html", "png"], plotlyjs="inline", title=title)
            page = Path(work) / f"{name}.html"
            page.write_bytes(out["timeline.html"])
            screenshot(page, HERE / f"{name}-page.png", browser)
            (HERE / f"{name}.png").write_bytes(out["timeline.png"])
            print(f"docs/gallery/{name}-page.png, docs/gallery/{name}.png")
    shutil.rmtree(HERE / "__pycache__", ignore_errors=True)


if __name__ == "__main__":
    main()
