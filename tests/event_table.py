"""A large event table, generated the same on every run, as CSV and as Parquet.

Most events stand alone; every eleventh is dated after one three rows before it,
every seventeenth before one two rows after it (and, when even, the
relation before the next: chains that tie up to a handful of
events into one component), every 61st has a weekday that does not match its date
(a warning), and a few span more than a century (a warning after the build).
Used by tests/test_build_dask.py and benchmarks/build_dask_bench.py.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

from tests.chronologies import LANES, MONTHS, WORDS

COLUMNS = ("id", "title", "date", "start", "end", "lane", "before", "tags")


def rows(n: int, seed: int = 18) -> list[dict[str, str]]:
    """``n`` rows of an event table, the columns of :data:`COLUMNS`."""
    rng = random.Random(seed)
    out: list[dict[str, str]] = []
    for i in range(n):
        row = dict.fromkeys(COLUMNS, "")
        row["id"] = f"e{i}"
        row["title"] = " ".join(rng.choice(WORDS) for _ in range(3)).capitalize() + f" {i}"
        row["lane"] = LANES[rng.randrange(len(LANES))]
        y, m, d = 1900 + rng.randrange(120), rng.randrange(12), rng.randrange(1, 28)
        kind = rng.random()
        if i > 3 and i % 11 == 0:
            row["date"] = f"2 weeks after @e{i - 3}"
        elif i % 17 == 0 and i + 2 < n:
            row["date"] = f"before @e{i + 2}"
        elif i % 61 == 0:
            row["date"] = "Tuesday, 12 May 2025"  # a Monday: kept, with a warning
        elif i % 499 == 0:
            row["start"], row["end"] = f"{y - 150}", f"{y}"  # wider than a century
        elif kind < 0.4:
            row["date"] = f"{d} {MONTHS[m]} {y}"
        elif kind < 0.6:
            row["date"] = f"{MONTHS[m]} {y}"
        elif kind < 0.7:
            row["date"] = f"circa {y}"
        elif kind < 0.85:
            row["start"], row["end"] = f"{MONTHS[m]} {y}", f"{y + rng.randrange(1, 4)}"
        else:
            row["date"] = f"{y}"
        if row["date"].startswith("before") and i % 2 == 0:  # open below: cannot contradict
            row["before"] = f"e{i + 1}"
        row["tags"] = "generated; table" if i % 5 == 0 else ""
        out.append(row)
    return out


def write_csv(path: Path, table: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(table[0]))
        writer.writeheader()
        writer.writerows(table)
    return path


def write_parquet(path: Path, table: list[dict[str, str]]) -> Path:
    """The same table as Parquet: empty cells are nulls, as a data frame would write them."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns = {name: [row[name] or None for row in table] for name in table[0]}
    pq.write_table(pa.table(columns), path)
    return path
