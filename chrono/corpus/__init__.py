"""Dates in a corpus: every mention of every document, one row each, in a Parquet file.

A corpus is a folder of text files or a JSON Lines file. It is cut into parts that
name their documents; the parts are the partitions of a Dask bag, extracted in
parallel, on this machine's cores or on a cluster, or one after another in this
process (``engine="local"``). Every engine writes the same rows in the same order.
The extra ``pip install 'chrono-timeline[dask]'`` brings dask, distributed and pyarrow.
"""

from __future__ import annotations

from pathlib import Path

from chrono.corpus.engines import ENGINES, Progress, run
from chrono.corpus.extra import INSTALL, MissingExtraError, require
from chrono.corpus.rows import COLUMNS, EXCERPT_CHARS, Row
from chrono.corpus.source import MAX_DOCUMENT, Fields, Part, is_corpus, plan
from chrono.errors import ChronoError
from chrono.parse import to_day


def extract_corpus(
    source: str | Path,
    out: str | Path,
    *,
    fields: Fields | None = None,
    engine: str = "dask",
    scheduler: str | None = None,
    workers: int | None = None,
    processes: bool = True,
    part_bytes: int | None = None,
    progress: Progress | None = None,
) -> int:
    """Extract every document of ``source`` into the Parquet file ``out``; the number of rows.

    ``fields.reference="auto"`` reads each document's date from its dateline
    (:mod:`chrono.extract.dateline`); a document without one is an error row.
    ``engine`` is ``local`` (this process, no Dask) or ``dask`` (a local cluster of
    ``workers`` processes, by default one per core); ``scheduler`` is the address of a
    running ``dask scheduler`` whose workers can read ``source`` at the same path.
    """
    from chrono.corpus import parquet

    source, out = Path(source), Path(out)
    if not source.exists():
        raise ChronoError(f"{source}: no such file or folder")
    if out.suffix.lower() != ".parquet":
        raise ChronoError(f"{out}: the mentions are written to Parquet: name it *.parquet")
    fields = fields or Fields()
    if engine not in ENGINES:
        raise ChronoError(f"--engine {engine!r}: expected one of {', '.join(ENGINES)}")
    if not fields.auto:  # auto: each document's dateline, or an error row of its own
        to_day(fields.reference)  # a bad --reference is one error now, not one row a document
    on_cluster = engine == "dask" or scheduler is not None
    require("pyarrow", *(("dask", "distributed") if on_cluster else ()))
    parts = plan(source.resolve(), part_bytes)
    groups = run(parts, fields, engine, scheduler, workers, processes, progress)
    return parquet.write(out, groups)


__all__ = [
    "COLUMNS",
    "ENGINES",
    "EXCERPT_CHARS",
    "INSTALL",
    "MAX_DOCUMENT",
    "Fields",
    "MissingExtraError",
    "Part",
    "Row",
    "extract_corpus",
    "is_corpus",
    "plan",
]
