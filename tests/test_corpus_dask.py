"""The same rows through one process, a local Dask cluster, and a scheduler with two workers.

The scheduler and its workers are started here as separate processes, as a user
starts them (`dask scheduler`, `dask worker`); every wait is bounded and every
process is stopped, whatever happens.
"""

from __future__ import annotations

import queue
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("distributed")
pytest.importorskip("pyarrow")

from chrono.corpus import Fields, extract_corpus
from chrono.corpus.parquet import read
from tests.corpus_data import folder, jsonl

WAIT = 120  # seconds: generous, the machine is shared
DOCUMENTS = 150


@pytest.fixture(scope="module", autouse=True)
def patient() -> Iterator[None]:
    """Connections given minutes, not seconds: the machine running the tests may be busy."""
    import dask.config

    with dask.config.set({"distributed.comm.timeouts.connect": f"{WAIT}s"}):
        yield


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return jsonl(tmp_path_factory.mktemp("corpus") / "c.jsonl", DOCUMENTS, bad=True)


@pytest.fixture(scope="module")
def one_process(corpus: Path) -> bytes:
    out = corpus.with_name("local.parquet")
    extract_corpus(corpus, out, engine="local", fields=Fields(date_field="date"), part_bytes=4_000)
    return out.read_bytes()


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=30)


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The address of a `dask scheduler` with two `dask worker` processes, each its own process."""
    from distributed import Client

    here = tmp_path_factory.mktemp("cluster")
    processes: list[subprocess.Popen[bytes]] = []
    readers: list[threading.Thread] = []
    try:
        boss = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "distributed.cli.dask_scheduler",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--no-dashboard",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            cwd=here,
        )
        processes.append(boss)
        address = _address(boss, readers)
        for _ in range(2):
            processes.append(
                subprocess.Popen(
                    [
                        sys.executable,
                        "-m",
                        "distributed.cli.dask_worker",
                        address,
                        "--nthreads",
                        "1",
                        "--no-dashboard",
                        "--local-directory",
                        str(here),
                    ],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    cwd=here,
                )
            )
        with Client(address, set_as_default=False, timeout=WAIT) as client:
            client.wait_for_workers(2, timeout=WAIT)
        yield address
    finally:
        for process in reversed(processes):
            _stop(process)
        for reader in readers:  # the scheduler's log ends with it
            reader.join(timeout=30)
        if processes and processes[0].stderr is not None:
            processes[0].stderr.close()


def _address(process: subprocess.Popen[bytes], readers: list[threading.Thread]) -> str:
    """The address the scheduler prints, read with a bounded wait; its log drained after."""
    lines: queue.Queue[str] = queue.Queue()

    def drain() -> None:
        assert process.stderr is not None
        for raw in process.stderr:
            lines.put(raw.decode("utf-8", "replace"))

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    readers.append(reader)
    seen = []
    while True:
        try:
            line = lines.get(timeout=WAIT)
        except queue.Empty:
            raise AssertionError("the scheduler printed no address:\n" + "".join(seen)) from None
        seen.append(line)
        found = re.search(r"Scheduler at:\s*(tcp://\S+)", line)
        if found:
            return found.group(1)


def test_a_local_cluster_writes_the_same_file_as_one_process(
    corpus: Path, one_process: bytes
) -> None:
    out = corpus.with_name("cluster.parquet")
    extract_corpus(
        corpus,
        out,
        engine="dask",
        workers=2,
        processes=False,
        fields=Fields(date_field="date"),
        part_bytes=4_000,
    )
    assert out.read_bytes() == one_process
    rows = read(out)
    assert len({r["document"] for r in rows}) == DOCUMENTS
    assert sum(r["start"] is None for r in rows) == 3  # the three broken lines


def test_a_separate_scheduler_and_two_workers_give_the_same_rows(
    corpus: Path, one_process: bytes, scheduler: str
) -> None:
    out = corpus.with_name("remote.parquet")
    seen: list[tuple[int, int]] = []
    extract_corpus(
        corpus,
        out,
        scheduler=scheduler,
        fields=Fields(date_field="date"),
        part_bytes=4_000,
        progress=lambda done, total: seen.append((done, total)),
    )
    assert out.read_bytes() == one_process
    total = corpus.stat().st_size
    assert seen[0] == (0, total) and seen[-1] == (total, total) and len(seen) > 5
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_the_command_on_a_folder_with_a_local_cluster_of_processes(tmp_path: Path) -> None:
    folder(tmp_path / "news", 20)
    extract_corpus(
        tmp_path / "news",
        tmp_path / "local.parquet",
        engine="local",
        fields=Fields(reference="2025-07-15"),
    )
    cluster = subprocess.run(
        [
            sys.executable,
            "-m",
            "chrono",
            "extract",
            "news",
            "--reference",
            "2025-07-15",
            "--out",
            "dask.parquet",
            "--workers",
            "1",  # one worker process: the spawned path, at the least cost
        ],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
    )
    assert cluster.returncode == 0, cluster.stderr
    rows = read(tmp_path / "dask.parquet")
    assert rows == read(tmp_path / "local.parquet")
    assert {r["document"] for r in rows} == {f"doc{i:05d}.txt" for i in range(20)}


def test_the_fiscal_year_setting_reaches_workers_in_other_processes(
    tmp_path: Path, scheduler: str
) -> None:
    news = tmp_path / "news"
    news.mkdir()
    (news / "budget.txt").write_text("The agency overspent in FY2023, auditors said.\n", "utf-8")
    out = tmp_path / "fiscal.parquet"
    fields = Fields(reference="2024-06-01", fiscal_year_start=4)
    extract_corpus(news, out, scheduler=scheduler, fields=fields)
    rows = read(out)
    assert [(r["text"], r["earliest"], r["latest"]) for r in rows] == [
        ("FY2023", "2022-04-01", "2023-03-31")  # from April, not October's 2022-10-01
    ]


def _settings() -> dict[str, object]:
    import dask.config

    from chrono.cluster import QUIET

    return {key: dask.config.get(key) for key in QUIET}


def test_the_local_cluster_s_workers_run_quiet() -> None:
    """No stack sampling, event loops checked each second: the settings reach the workers."""
    from chrono.cluster import QUIET
    from chrono.corpus.engines import _client

    assert QUIET["distributed.worker.profile.enabled"] is False
    assert QUIET["distributed.admin.tick.interval"] == "1s"
    with _client(None, 1, True) as client:
        assert list(client.run(_settings).values()) == [QUIET]


def test_the_local_cluster_s_workers_freeze_their_start_up_objects() -> None:
    """So that a worker's last garbage collection, which the cluster's close waits for, is short."""
    import gc

    from chrono.corpus.engines import _client

    with _client(None, 1, True) as client:
        (frozen,) = client.run(gc.get_freeze_count).values()
    assert frozen > 10_000


def test_workers_in_the_caller_s_process_leave_its_garbage_collection_alone() -> None:
    import gc

    from chrono.cluster import local_cluster

    before = gc.get_freeze_count()
    with local_cluster(1, False, dashboard_address="127.0.0.1:0") as cluster:
        assert len(cluster.workers) == 1
    assert gc.get_freeze_count() == before
