"""Rows to one Parquet file, a row group per part, replaced only when complete.

pyarrow is imported here, inside functions, so that the core install never needs it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from chrono.corpus.rows import COLUMNS, NAMES, Row


def schema() -> Any:
    import pyarrow as pa

    return pa.schema([(name, getattr(pa, kind)()) for name, kind in COLUMNS])


def table(rows: Sequence[Row]) -> Any:
    """The rows as an Arrow table of the file's schema: what a worker sends back.

    A table crosses between processes as a few buffers, where rows would be pickled
    and unpickled one value at a time in the driver that also writes the file.
    """
    import pyarrow as pa

    return pa.Table.from_pydict({name: [r[name] for r in rows] for name in NAMES}, schema())


def write(out: Path, tables: Iterable[Any]) -> int:
    """Write every table to ``out``; a failure leaves any previous ``out`` as it was."""
    import pyarrow.parquet as pq

    partial = out.with_name(f".{out.name}.partial")
    count = 0
    try:
        with pq.ParquetWriter(partial, schema()) as writer:
            for rows in tables:
                if rows.num_rows:
                    writer.write_table(rows)
                    count += rows.num_rows
        os.replace(partial, out)
    finally:
        partial.unlink(missing_ok=True)
    return count


def read(path: Path) -> list[Row]:
    """Every row of a mentions file, in file order (for tests and notebooks)."""
    import pyarrow.parquet as pq

    rows: list[Row] = pq.read_table(path).to_pylist()
    return rows
