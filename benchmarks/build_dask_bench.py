"""A large chronology built in one process and on a local Dask cluster: time, memory, identity.

    python benchmarks/build_dask_bench.py [events] [workers] [batch events]

Generates an event table (tests/event_table.py: 100,000 events by default, most
standing alone, some in components of a few), reads it once, then analyses it
in one process and with its components in batches on a local cluster (one worker
process per core), and asserts that the two give the same order, windows, ranks,
network and warnings. Prints the wall and CPU time of each, the speed-up with and
without the cluster's start-up, and each worker's resident memory after the run.
"""

from __future__ import annotations

import logging
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests.event_table

from tests.event_table import rows, write_parquet


def main() -> None:
    from distributed import Client, LocalCluster

    from chrono.chronology.build import analyse
    from chrono.chronology.distributed import BATCH_EVENTS, analyse_on, analyse_with, on_client
    from chrono.events import read_events

    logging.getLogger("distributed").setLevel(logging.CRITICAL)  # shutdown chatter
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    workers = int(sys.argv[2]) if len(sys.argv) > 2 else os.cpu_count() or 1
    batch = int(sys.argv[3]) if len(sys.argv) > 3 else BATCH_EVENTS
    with tempfile.TemporaryDirectory() as tmp:
        write_parquet(Path(tmp) / "events.parquet", rows(count))
        began = time.perf_counter()
        events, loaded = read_events(tmp)
        reading = time.perf_counter() - began

    began, cpu = time.perf_counter(), time.process_time()
    alone = analyse(events, loaded)
    local, local_cpu = time.perf_counter() - began, time.process_time() - cpu
    assert alone.timeline is not None, alone.problems[:5]

    began = time.perf_counter()
    whole = analyse_on(events, loaded, engine="dask", workers=workers, batch_events=batch)
    with_start = time.perf_counter() - began
    _same(alone, whole)

    with (
        LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            dashboard_address=None,
            scheduler_kwargs={"dashboard_address": ":0"},
        ) as cluster,
        Client(cluster) as client,
    ):
        before = client.run(_cpu)
        began, cpu = time.perf_counter(), time.process_time()
        warm = analyse_with(events, loaded, on_client(client), batch)
        running, client_cpu = time.perf_counter() - began, time.process_time() - cpu
        after = client.run(_cpu)
        memory = client.run(_rss)
    _same(alone, warm)
    spent = sum(after[w] - before[w] for w in after)

    print(
        f"table: {count} events, read in {reading:.2f} s; {os.cpu_count()} cores, {workers} workers"
    )
    print(f"one process          {local:7.2f} s  ({local_cpu:.2f} CPU s)")
    print(f"local cluster        {with_start:7.2f} s  (start-up included)")
    print(
        f"running cluster      {running:7.2f} s  ({client_cpu:.2f} CPU s here, ordering;"
        f" {spent:.2f} on the workers, solving)"
    )
    print(f"speed-up             {local / with_start:.2f}x with start-up,", end=" ")
    print(f"{local / running:.2f}x without")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"this process         {peak:6.0f} MiB at its peak (events, both timelines)")
    for address, rss in sorted(memory.items()):
        print(f"worker {address}  {rss / 2**20:6.0f} MiB resident")
    print("identical: the same order, windows, ranks, network and warnings")


def _same(a: object, b: object) -> None:
    from chrono.chronology.build import Analysis

    assert isinstance(a, Analysis) and isinstance(b, Analysis)
    assert a.problems == b.problems
    assert a.timeline is not None and b.timeline is not None
    assert a.timeline.events == b.timeline.events
    assert a.timeline.warnings == b.timeline.warnings
    assert a.timeline.network == b.timeline.network


def _cpu() -> float:
    import psutil

    times = psutil.Process().cpu_times()
    return float(times.user + times.system)


def _rss() -> int:
    import psutil

    return int(psutil.Process().memory_info().rss)


if __name__ == "__main__":
    main()
