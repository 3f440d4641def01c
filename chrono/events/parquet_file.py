"""Parquet event tables: the columns of a CSV event file, one event per row.

A chronology of millions of events is a table, and Parquet holds one in a tenth of
the bytes of CSV, typed and compressed. The columns are read exactly as a CSV
file's header (the same names, the TimelineJS ones too, the same warnings and
errors), so a table gives the same events whichever of the two it is saved as.
Row ``N`` (from 1) is reported as line ``N + 1``, the line it would have in the
CSV file with its header on line 1.

pyarrow comes with the ``dask`` extra and is imported only when a table is read.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from chrono.events.csv_file import Sheet
from chrono.events.event import Problem
from chrono.events.records import Mapping

INSTALL = "pip install 'chrono-timeline[dask]'"
BATCH_ROWS = 65_536  # rows converted at a time: a large table's cells are never all held


def read_parquet(path: Path, file: str) -> tuple[list[Mapping], list[Problem]]:
    """One mapping per row, as :func:`~chrono.events.csv_file.read_csv` gives; a table that
    cannot be read (or no pyarrow to read it) gives one error."""
    try:
        import pyarrow.parquet as pq
    except ImportError:
        return [], [Problem(file, 1, f"reading Parquet tables needs pyarrow: {INSTALL}")]
    try:
        table = pq.ParquetFile(path)
        names = [str(name) for name in table.schema_arrow.names]
        sheet = Sheet(file, 1, names)
        mappings: list[Mapping] = []
        line = 1
        for cells in _rows(table, len(names)):
            line += 1
            if not any(cell.strip() for cell in cells):
                continue
            mapping = sheet.row(line, cells)
            if mapping is not None:
                mappings.append(mapping)
    except OSError as err:
        return [], [Problem(file, 1, f"cannot read the file: {err.strerror or err}")]
    except Exception as err:  # pyarrow's ArrowInvalid and kin: not a Parquet file, or broken
        if type(err).__module__.split(".")[0] != "pyarrow":
            raise
        return [], [Problem(file, 1, f"not a readable Parquet table: {_first_line(err)}")]
    return mappings, sheet.problems


def _rows(table: Any, width: int) -> Iterator[list[str]]:
    for batch in table.iter_batches(batch_size=BATCH_ROWS):
        columns = [column.to_pylist() for column in batch.columns]
        for k in range(batch.num_rows):
            yield [cell_text(columns[c][k]) for c in range(width)]


def cell_text(value: object) -> str:
    """A typed cell as the text a CSV file would hold for it."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a year column with gaps is float in pandas: 1999.0 is 1999
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    if isinstance(value, list | tuple):
        return "; ".join(cell_text(item) for item in value)  # a list column, as tags are written
    return str(value)


def _first_line(err: Exception) -> str:
    text = str(err).strip().splitlines()
    return text[0] if text else type(err).__name__
