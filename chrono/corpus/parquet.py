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


def write(out: Path, groups: Iterable[Sequence[Row]]) -> int:
    """Write every group of rows to ``out``; a failure leaves any previous ``out`` as it was."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    shape = schema()
    partial = out.with_name(f".{out.name}.partial")
    count = 0
    try:
        with pq.ParquetWriter(partial, shape) as writer:
            for rows in groups:
                if rows:
                    columns = {name: [r[name] for r in rows] for name in NAMES}
                    writer.write_table(pa.Table.from_pydict(columns, schema=shape))
                    count += len(rows)
        os.replace(partial, out)
    finally:
        partial.unlink(missing_ok=True)
    return count


def read(path: Path) -> list[Row]:
    """Every row of a mentions file, in file order (for tests and notebooks)."""
    import pyarrow.parquet as pq

    rows: list[Row] = pq.read_table(path).to_pylist()
    return rows
