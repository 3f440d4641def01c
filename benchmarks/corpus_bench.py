"""Corpus extraction: one process against a local Dask cluster, and memory per worker.

    python benchmarks/corpus_bench.py [megabytes] [workers] [part kilobytes]

Prints the wall time of ``--engine local`` and of the local cluster (one worker
process per core, cluster start-up included and excluded), the speed-up, and the
resident memory of each worker after the run. On a machine other jobs share, wall
time measures the load as much as chrono, so it also prints CPU seconds: the one
process's, each worker's, and the driver's (the scheduler, the nannies, the client and
the Parquet writer share its process). On idle cores a run takes at least the busiest
worker's CPU time and at least the cluster's whole CPU time shared among the cores:
the larger of the two, against the one process's CPU, is the speed-up on idle cores.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
import time
from pathlib import Path

from corpus import news_text

DOCUMENT = 5_000  # characters: a news article


def make(root: Path, size: int) -> Path:
    text = news_text(size)
    folder = root / "news"
    folder.mkdir()
    for i in range(0, len(text), DOCUMENT):
        (folder / f"{i // DOCUMENT:06d}.txt").write_text(text[i : i + DOCUMENT], encoding="utf-8")
    return folder


def main() -> None:
    from distributed import Client

    from chrono.cluster import local_cluster
    from chrono.corpus import Fields, extract_corpus, parquet
    from chrono.corpus.engines import run
    from chrono.corpus.source import plan

    logging.getLogger("distributed").setLevel(logging.CRITICAL)  # shutdown chatter
    size = int(float(sys.argv[1]) * 1_000_000) if len(sys.argv) > 1 else 2_000_000
    workers = int(sys.argv[2]) if len(sys.argv) > 2 else os.cpu_count() or 1
    part = int(float(sys.argv[3]) * 1_000) if len(sys.argv) > 3 else None
    fields = Fields(reference="2025-07-15")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        folder = make(root, size)

        began, cpu = time.perf_counter(), time.process_time()
        extract_corpus(
            folder, root / "local.parquet", engine="local", fields=fields, part_bytes=part
        )
        local, local_cpu = time.perf_counter() - began, time.process_time() - cpu

        began = time.perf_counter()
        extract_corpus(
            folder, root / "dask.parquet", workers=workers, fields=fields, part_bytes=part
        )
        whole = time.perf_counter() - began
        assert (root / "dask.parquet").read_bytes() == (root / "local.parquet").read_bytes()

        # the same work on a cluster already running: the speed-up without start-up
        parts = plan(folder, part)
        with (
            local_cluster(
                workers, True, dashboard_address="127.0.0.1:0"
            ) as cluster,  # as chrono's own
            Client(cluster) as client,
        ):
            before, driver = client.run(_cpu), _cpu()
            began = time.perf_counter()
            parquet.write(
                root / "warm.parquet", run(parts, fields, scheduler=cluster.scheduler_address)
            )
            warm = time.perf_counter() - began
            after, driver = client.run(_cpu), _cpu() - driver
            memory = client.run(_rss)
        assert (root / "warm.parquet").read_bytes() == (root / "local.parquet").read_bytes()
    busiest = max(after[w] - before[w] for w in after)
    spent = sum(after[w] - before[w] for w in after)
    # two cores run the workers and the driver: the run takes at least the busiest
    # worker's CPU, and at least the whole cluster's CPU shared among the cores
    floor = max(busiest, (spent + driver) / (os.cpu_count() or 1))

    mb = size / 1e6
    print(f"corpus: {mb:.1f} MB in {len(parts)} parts, {os.cpu_count()} cores, {workers} workers")
    print(f"one process          {local:7.2f} s  {mb / local:5.2f} MB/s")
    print(f"local cluster        {whole:7.2f} s  {mb / whole:5.2f} MB/s  (start-up included)")
    print(f"running cluster      {warm:7.2f} s  {mb / warm:5.2f} MB/s")
    print(f"speed-up             {local / whole:.2f}x with start-up, {local / warm:.2f}x without")
    print(
        f"CPU seconds          {local_cpu:.2f} in one process; {spent:.2f} on the workers,"
        f" {busiest:.2f} on the busiest; {driver:.2f} in the driver (scheduler, nannies,"
        f" client, Parquet writer)"
    )
    print(
        f"cluster CPU in all   {spent + driver:.2f} s, {(spent + driver) / local_cpu - 1:+.0%}"
        f" on one process's: {local_cpu / floor:.2f}x on idle cores"
    )
    for address, rss in sorted(memory.items()):
        print(f"worker {address}  {rss / 2**20:6.0f} MiB resident")


def _cpu() -> float:
    import psutil

    times = psutil.Process().cpu_times()
    return float(times.user + times.system)


def _rss() -> int:
    import psutil

    return int(psutil.Process().memory_info().rss)


if __name__ == "__main__":
    main()
