"""timeline.parquet: timeline.csv's columns, typed, for chronologies too large for JSON.

A chronology built on a cluster may hold millions of events: timeline.json, one
indented object per event, would be gigabytes that no tool opens whole. The
Parquet table has the rows and columns of timeline.csv (positions, ranks and
lines as integers, ``edtf_exact`` as a boolean, an empty cell as a null), and
timeline.json is still written up to :data:`JSON_LIMIT` events.

pyarrow comes with the ``dask`` extra and is imported only here.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from chrono.chronology import Timeline
from chrono.errors import ExportError
from chrono.export.timeline_csv import COLUMNS, row_of

JSON_LIMIT = 100_000  # events: above this a build on a cluster writes no timeline.json
INSTALL = "pip install 'chrono-timeline[dask]'"
_INTEGERS = frozenset({"position", "rank_min", "rank_max", "line"})


def timeline_parquet(timeline: Timeline) -> bytes:
    """The table's bytes: the same for the same timeline (no timestamps in the file)."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ExportError("format", f"parquet needs pyarrow: {INSTALL}") from None
    cells: dict[str, list[object]] = {c: [] for c in COLUMNS}
    for p in timeline.events:
        row = row_of(p)
        for c in COLUMNS:
            cells[c].append(row[c])
    arrays = []
    for c in COLUMNS:
        if c in _INTEGERS:
            arrays.append(pa.array(cells[c], type=pa.int64()))
        elif c == "edtf_exact":
            arrays.append(pa.array([v == "true" for v in cells[c]], type=pa.bool_()))
        else:
            arrays.append(pa.array([v or None for v in cells[c]], type=pa.string()))
    buffer = io.BytesIO()
    pq.write_table(pa.Table.from_arrays(arrays, names=list(COLUMNS)), buffer)
    return buffer.getvalue()


def at_scale(timeline: Timeline, wanted: Sequence[str]) -> list[str]:
    """The outputs of a build on a cluster: timeline.parquet too, and timeline.json only
    up to :data:`JSON_LIMIT` events."""
    out = [f for f in wanted if f != "json" or len(timeline) <= JSON_LIMIT]
    return out if "parquet" in out else [*out, "parquet"]
