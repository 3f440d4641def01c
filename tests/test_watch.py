"""chrono build --watch and chrono serve: rebuilds on change, last good outputs kept, page reloads.

Nothing here sleeps: each step waits for the line the process prints (or the
event a thread sets), with a bound, so a slow machine is only slower.
"""

from __future__ import annotations

import json
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from chrono.watch import build_once, watch
from tests.browser import browser

ROOT = Path(__file__).resolve().parent.parent
WAIT_S = 90.0

EVENTS = """\
lane: Work
events:
  - id: first
    title: First
    date: 2020
"""
SECOND = "  - id: second\n    title: Second\n    date: March 2021\n"
BROKEN = "  - id: third\n    title: Third\n    date: 31 April 2024\n"


class Lines:
    """A process's output lines, both streams, as they come."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.queue: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        self.threads = [
            threading.Thread(target=self._pump, args=(stream,), daemon=True)
            for stream in (process.stdout, process.stderr)
        ]
        for thread in self.threads:
            thread.start()

    def _pump(self, stream: object) -> None:
        for line in stream:  # type: ignore[attr-defined]
            self.queue.put(line.rstrip("\n"))

    def wait_for(self, text: str, timeout: float = WAIT_S) -> str:
        """The next line holding ``text``; fails after ``timeout`` seconds without one."""
        while True:
            try:
                line = self.queue.get(timeout=timeout)
            except queue.Empty:
                pytest.fail(f"no line with {text!r} in {timeout} s; seen:\n" + "\n".join(self.seen))
            self.seen.append(line)
            if text in line:
                return line


@contextmanager
def running(*args: str) -> Iterator[tuple[subprocess.Popen[str], Lines]]:
    process = subprocess.Popen(
        [sys.executable, "-m", "chrono", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    lines = Lines(process)
    try:
        yield process, lines
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        for thread in lines.threads:  # the pipes end with the process
            thread.join(timeout=30)
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    events = tmp_path / "events"
    events.mkdir()
    (events / "work.yaml").write_text(EVENTS)
    return events


def titles(out: Path) -> list[str]:
    return [e["title"] for e in json.loads((out / "timeline.json").read_text())["events"]]


def test_a_failed_build_says_why_and_leaves_the_outputs(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = build_once(folder, out, ["json", "csv"])
    assert first.ok and first.lines[-1].startswith("1 event, 1 lane, 0 warnings; wrote ")
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    (folder / "work.yaml").write_text(EVENTS + BROKEN)
    failed = build_once(folder, out, ["json", "csv"])
    assert not failed.ok
    assert failed.lines[0].startswith(f"error: {folder.as_posix()}/work.yaml:8: ")
    assert failed.lines[-1].endswith("the previous outputs are kept")
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_watch_calls_back_after_a_change_and_stops(folder: Path) -> None:
    ready, rebuilt, stop = threading.Event(), threading.Event(), threading.Event()
    calls: list[int] = []

    def rebuild() -> None:
        calls.append(1)
        rebuilt.set()

    thread = threading.Thread(
        target=watch, args=(folder, rebuild), kwargs={"ready": ready.set, "stop": stop}
    )
    thread.start()
    try:
        assert ready.wait(WAIT_S), "the watcher never said it was running"
        (folder / "notes.txt").write_text("not an event file")  # ignored
        (folder / "work.yaml").write_text(EVENTS + SECOND)
        assert rebuilt.wait(WAIT_S), "no rebuild after an event file changed"
    finally:
        stop.set()
        thread.join(WAIT_S)
    assert not thread.is_alive()
    assert len(calls) == 1  # one burst of changes, one rebuild (debounced)


def test_build_watch_rebuilds_and_keeps_the_last_good_outputs(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    with running("build", str(folder), "--out", str(out), "--format", "json", "--watch") as (
        _process,
        lines,
    ):
        lines.wait_for("1 event, 1 lane")
        lines.wait_for("watching")
        assert titles(out) == ["First"]
        (folder / "work.yaml").write_text(EVENTS + SECOND)
        lines.wait_for("2 events, 1 lane")
        assert titles(out) == ["First", "Second"]
        good = (out / "timeline.json").read_bytes()
        (folder / "work.yaml").write_text(EVENTS + SECOND + BROKEN)
        error = lines.wait_for("error: ")
        assert f"{folder.as_posix()}/work.yaml:11: " in error
        lines.wait_for("the previous outputs are kept")
        assert (out / "timeline.json").read_bytes() == good
        (folder / "work.yaml").write_text(EVENTS)
        lines.wait_for("1 event, 1 lane")
        assert titles(out) == ["First"]
    assert "Traceback" not in "\n".join(lines.seen)


def _sse_lines(url: str, into: queue.Queue[str]) -> None:
    try:
        with urllib.request.urlopen(url, timeout=WAIT_S) as response:
            for raw in response:
                into.put(raw.decode("utf-8").rstrip("\n"))
    except OSError:
        return


def _next_with(lines: queue.Queue[str], text: str) -> str:
    while True:
        try:
            line = lines.get(timeout=WAIT_S)
        except queue.Empty:
            pytest.fail(f"no {text!r} from the event stream")
        if text in line:
            return line


def test_serve_injects_the_reload_only_into_the_served_page(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    with running("serve", str(folder), "--out", str(out)) as (_process, lines):
        url = lines.wait_for("serving http://127.0.0.1:").split()[1]
        assert url.startswith("http://127.0.0.1:") and url.endswith("/timeline.html")
        lines.wait_for("watching")
        with urllib.request.urlopen(url, timeout=WAIT_S) as response:
            served = response.read().decode("utf-8")
        assert "/__chrono/events" in served and 'var built = "1";' in served
        on_disk = (out / "timeline.html").read_text(encoding="utf-8")
        assert "__chrono" not in on_disk and "EventSource" not in on_disk
        stream: queue.Queue[str] = queue.Queue()
        base = url.rsplit("/", 1)[0]
        threading.Thread(
            target=_sse_lines, args=(base + "/__chrono/events", stream), daemon=True
        ).start()
        assert _next_with(stream, "data: ") == "data: 1"
        (folder / "work.yaml").write_text(EVENTS + SECOND)
        assert _next_with(stream, "data: ") == "data: 2"
        (folder / "work.yaml").write_text(EVENTS + BROKEN)
        _next_with(stream, "event: problem")
        assert "work.yaml:8: " in _next_with(stream, "data: ")
        with urllib.request.urlopen(url, timeout=WAIT_S) as response:  # the last good page
            assert 'var built = "2";' in response.read().decode("utf-8")


needs_browser = pytest.mark.skipif(
    browser() is None and not os.environ.get("CI"),
    reason="headless Chromium is not installed (CI installs it)",
)


@needs_browser
def test_the_browser_reloads_after_a_rebuild(folder: Path, tmp_path: Path) -> None:
    exe = browser()
    assert exe is not None
    out = tmp_path / "out"
    with running("serve", str(folder), "--out", str(out)) as (_process, lines):
        url = lines.wait_for("serving http://127.0.0.1:").split()[1]
        lines.wait_for("watching")
        profile = tempfile.mkdtemp(prefix="chrono-chromium-")
        chromium = subprocess.Popen(
            [exe, "--headless", "--no-sandbox", "--disable-gpu",
             "--disable-background-networking", "--disable-component-update",
             "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
             "--remote-debugging-port=0", url],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            lines.wait_for("page served (build 1)")
            (folder / "work.yaml").write_text(EVENTS + SECOND)
            lines.wait_for("2 events, 1 lane")
            # only the page's own script, told of build 2, asks for the page again
            lines.wait_for("page served (build 2)")
            (folder / "work.yaml").write_text(EVENTS + BROKEN)
            lines.wait_for("the previous outputs are kept")
            (folder / "work.yaml").write_text(EVENTS)
            lines.wait_for("page served (build 3)")
        finally:
            chromium.terminate()
            try:
                chromium.wait(timeout=30)
            except subprocess.TimeoutExpired:
                chromium.kill()
                chromium.wait()
            shutil.rmtree(profile, ignore_errors=True)
