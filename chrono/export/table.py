"""The chronology as a plain HTML table under the chart (timeline.md, "The table").

It is there for readers the chart does not serve: it prints, screen readers read it,
and it needs no JavaScript. Collapsed by default in a ``<details>``; opened for
printing by CSS where the browser allows it, and by a one-line script otherwise.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from chrono.export import words

if TYPE_CHECKING:
    from chrono.chronology import Timeline

STYLE = (
    ".chrono-table{margin:12px 0;font-size:13px;color:#212529}"
    ".chrono-table summary{cursor:pointer;font-weight:600}"
    ".chrono-table table{border-collapse:collapse;margin-top:8px}"
    ".chrono-table th,.chrono-table td{border-bottom:1px solid #dee2e6;padding:3px 8px;"
    "text-align:left;vertical-align:top}"
    ".chrono-table td.n{text-align:right;font-variant-numeric:tabular-nums}"
    "@media print{.chrono-table details::details-content{content-visibility:visible;"
    "display:block}.chrono-table summary{display:none}}"
)
PRINT_SCRIPT = (
    "<script>window.addEventListener('beforeprint',function(){"
    "document.querySelectorAll('.chrono-table details').forEach(function(d){d.open=true;});"
    "});</script>"
)


def text(value: str | None) -> str:
    """User text for HTML: escaped, bidirectional controls shown rather than obeyed."""
    return escape(words.plain(value or ""))


def table(timeline: Timeline) -> str:
    """The ``<details>`` holding the table: position, rank, dates, title, lane, source."""
    placed = timeline.events
    n = len(placed)
    deep = words.is_deep([d.year for p in placed for d in (p.earliest, p.latest) if d is not None])
    rows = []
    for p in placed:
        e = p.event
        low, high = p.rank
        when = words.span(p.start, p.end, deep)
        written = f"{text(p.date_text)}<br>" if p.date_text else ""
        source = text(e.source)
        if e.url:
            link = f'<a href="{escape(e.url)}" rel="noopener noreferrer">{text(e.url)}</a>'
            source = f"{source}<br>{link}" if source else link
        rows.append(
            f'<tr><td class="n">{p.position}</td><td>{words.rank(low, high, n)}</td>'
            f"<td>{written}{text(when)}</td><td>{text(e.title)}</td>"
            f"<td>{text(e.lane)}</td><td>{source}</td></tr>"
        )
    noun = "event" if n == 1 else "events"
    return (
        '<section class="chrono-table"><details>\n'
        f"<summary>The chronology as a table ({n:,} {noun})</summary>\n"
        "<table>\n<thead><tr><th>#</th><th>Rank</th><th>Dates</th><th>Title</th>"
        "<th>Lane</th><th>Source</th></tr></thead>\n<tbody>\n"
        + "\n".join(rows)
        + "\n</tbody>\n</table>\n</details></section>"
    )
