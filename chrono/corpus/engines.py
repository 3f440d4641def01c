"""Where the parts are extracted: here, on a local Dask cluster, or on a running scheduler.

Every engine yields the rows of each part, as an Arrow table, in the order of the
parts, so the file written is the same whichever engine made it. Dask is imported
only when used; workers need pyarrow, as the driver does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

from chrono.corpus.extra import require
from chrono.corpus.parquet import table
from chrono.corpus.rows import error_row, part_rows
from chrono.corpus.source import Fields, Part

ENGINES = ("local", "dask")
Progress = Callable[[int, int], None]  # (bytes done, bytes in all)


def run(
    parts: Sequence[Part],
    fields: Fields,
    engine: str = "dask",
    scheduler: str | None = None,
    workers: int | None = None,
    processes: bool = True,
    progress: Progress | None = None,
) -> Iterator[Any]:
    """The rows of each part as an Arrow table (:func:`chrono.corpus.parquet.table`), in order."""
    total = sum(p.size for p in parts)
    tell = progress or (lambda _done, _total: None)
    tell(0, total)  # the bar knows its length before the first part is done
    if engine == "local" and scheduler is None:
        done = 0
        for part in parts:
            rows = table(part_rows(part, fields))
            done += part.size
            tell(done, total)
            yield rows
        return
    if engine not in ENGINES:
        raise ValueError(f"engine {engine!r}: expected one of {', '.join(ENGINES)}")
    require("dask", "distributed")
    with _client(scheduler, workers, processes) as client:
        yield from _on_cluster(client, parts, fields, total, tell)


def _client(scheduler: str | None, workers: int | None, processes: bool) -> Any:
    from distributed import Client

    from chrono.cluster import local_cluster

    if scheduler is not None:
        return Client(scheduler, set_as_default=False)
    # no dashboard port to share: two runs side by side
    cluster = local_cluster(workers, processes, dashboard_address="127.0.0.1:0")
    return _Owned(Client(cluster, set_as_default=False), cluster)


class _Owned:
    """A client and the cluster it started, closed together."""

    def __init__(self, client: Any, cluster: Any) -> None:
        self.client, self.cluster = client, cluster

    def __enter__(self) -> Any:
        return self.client

    def __exit__(self, *exc: object) -> None:
        try:
            self.client.close()
        finally:
            self.cluster.close()


def _on_cluster(
    client: Any, parts: Sequence[Part], fields: Fields, total: int, tell: Progress
) -> Iterator[Any]:
    """The corpus as a Dask bag of parts, one partition each; results put back in part order."""
    import dask.bag as db
    from distributed import as_completed

    if not parts:
        return
    bag = db.from_sequence(parts, partition_size=1).map_partitions(_partition_rows, fields)
    futures = client.compute(bag.to_delayed())
    where = {f.key: i for i, f in enumerate(futures)}
    ready: dict[int, Any] = {}
    following, done = 0, 0
    for future in as_completed(futures, loop=client.loop):
        i = where[future.key]
        try:
            ready[i] = future.result()
        except Exception as err:  # a lost worker or a broken part: a row, not a lost run
            ready[i] = table([error_row(parts[i].label, f"part failed on the cluster: {err}")])
        future.release()
        done += parts[i].size
        tell(done, total)
        while following in ready:
            yield ready.pop(following)
            following += 1


def _partition_rows(partition: Sequence[Part], fields: Fields) -> Any:
    """The rows of a partition as one table: built where they were extracted."""
    return table([row for part in partition for row in part_rows(part, fields)])
