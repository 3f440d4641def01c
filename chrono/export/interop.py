"""What the exports for other tools share: a file name per format, the window in words.

Each format is its own module, imported only when asked for; :func:`render_interop`
is the one entry :mod:`chrono.export` calls.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from chrono.chronology import Timeline

# --format name -> the file it writes into --out
FILES = {
    "timelinejs": "timeline.timelinejs.json",
    "vis": "timeline.vis.json",
    "markwhen": "timeline.mw",
    "ics": "timeline.ics",
}


def render_interop(name: str, timeline: Timeline, title: str) -> bytes:
    if name == "timelinejs":
        from chrono.export.timelinejs import timelinejs

        return timelinejs(timeline, title)
    if name == "vis":
        from chrono.export.vis import vis

        return vis(timeline)
    if name == "markwhen":
        from chrono.export.markwhen import markwhen

        return markwhen(timeline, title)
    from chrono.export.ics import ics

    return ics(timeline, title)
