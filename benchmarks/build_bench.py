"""Building 100,000 events against the time PyYAML's C loader takes just to read them."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from common import ROOT, median_seconds
from corpus import events_yaml

_PEAK = (
    "import resource, subprocess, sys, time\n"
    "began = time.perf_counter()\n"
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode\n"
    "print(time.perf_counter() - began, code,"
    " resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


def measure(events: int = 100_000, relations: int = 20_000, repeat: int = 3) -> dict[str, Any]:
    import yaml

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "events"
        folder.mkdir()
        path = events_yaml(folder / "events.yaml", events, relations)
        text = path.read_text(encoding="utf-8")
        floor = median_seconds(lambda: yaml.load(text, Loader=yaml.CSafeLoader), repeat)
        runs = []
        for _ in range(repeat):
            out = Path(tmp) / "out"
            args = [
                sys.executable,
                "-m",
                "chrono",
                "build",
                str(folder),
                "--out",
                str(out),
                "--format",
                "json,html",
                "--plotlyjs",
                "cdn",
            ]
            line = subprocess.run(
                [sys.executable, "-c", _PEAK, *args],
                capture_output=True,
                text=True,
                cwd=ROOT,
                check=True,
            ).stdout.split()
            runs.append((float(line[0]), int(line[1]), int(line[2])))
        runs.sort()
        seconds, code, peak_kib = runs[len(runs) // 2]
        sizes = {p.name: p.stat().st_size for p in (Path(tmp) / "out").iterdir()}
    return {
        "events": events,
        "relations": relations,
        "yaml_floor_s": floor,
        "build_s": seconds,
        "exit": code,
        "ratio_to_floor": seconds / floor,
        "peak_mib": peak_kib / 1024,
        "outputs": sizes,
    }


if __name__ == "__main__":
    began = time.perf_counter()
    print(json.dumps(measure(), indent=2))
    print(f"({time.perf_counter() - began:.0f} s)")
