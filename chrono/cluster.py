"""The local Dask cluster that extract and build start: one worker process a core, kept quiet.

Dask's defaults suit a long-lived cluster someone watches on its dashboard: every
server checks its event loop 50 times a second, workers sample their own stacks
every 10 ms and read their memory 10 times a second. A local cluster that lives for
one command and shows no dashboard pays for all that in CPU taken from the very cores
extracting, so it starts with the settings below. Workers take them with the rest of
the config their nanny gives them. Dask is imported only when a cluster is started.
"""

from __future__ import annotations

import gc
import os
from typing import Any

QUIET: dict[str, object] = {
    # the dashboard's profile of where workers spend their time: a fifth of their CPU
    # on extraction's deep call stacks
    "distributed.worker.profile.enabled": False,
    # the check that an event loop is not blocked, in the scheduler, each nanny and
    # each worker: 50 wake-ups a second each, the largest cost of an idle cluster
    "distributed.admin.tick.interval": "1s",
    # the history of CPU, memory and network the dashboard draws
    "distributed.admin.system-monitor.interval": "2s",
    # the memory limits (spill, pause, restart) are checked each second, not 10 times
    "distributed.worker.memory.monitor-interval": "1s",
}
# each worker process, once started, runs dask_setup below (not workers in this
# process: freezing would keep the caller's garbage from ever being collected)
FREEZE: dict[str, object] = {"distributed.worker.preload": ["chrono.cluster"]}


def dask_setup(worker: object) -> None:
    """Freeze the objects a worker has at start-up (all of Dask) out of garbage collection.

    A process ending collects its garbage one last time, and Dask's objects make that
    last collection last about a second on a loaded machine; the cluster's close waits
    for it in every worker. Frozen, they are never traversed again (they live as long
    as the worker anyway): the close takes a fifth of the time.
    """
    gc.freeze()


def local_cluster(workers: int | None, processes: bool, **options: Any) -> Any:
    """A LocalCluster of ``workers`` single-threaded workers (one per core by default)."""
    import dask.config
    import distributed  # not annotated: its classes are Any here

    LocalCluster: Any = distributed.LocalCluster
    with dask.config.set(QUIET), dask.config.set(FREEZE if processes else {}):
        return LocalCluster(
            n_workers=workers or os.cpu_count() or 1,
            threads_per_worker=1,  # chrono's work is Python: one thread per process uses one core
            processes=processes,
            **options,
        )
