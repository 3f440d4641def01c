"""Timing helpers shared by the benchmarks: medians of repeated runs, and tables."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def median_seconds(run: Callable[[], object], repeat: int = 5) -> float:
    """The median wall time of ``repeat`` runs: the machine is shared and noisy."""
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        run()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def process_seconds(
    args: Sequence[str], repeat: int = 5, stdin: bytes | None = None, cwd: Path | None = None
) -> float:
    """The median wall time of a whole command, start-up included."""

    def run() -> None:
        subprocess.run(
            args,
            input=stdin,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
            cwd=cwd,
        )

    return median_seconds(run, repeat)


def chrono_command() -> list[str]:
    return [sys.executable, "-m", "chrono"]


def table(title: str, rows: Sequence[Sequence[object]], header: Sequence[str]) -> str:
    cells = [[str(c) for c in header]] + [[str(c) for c in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    lines = [title, ""]
    for k, row in enumerate(cells):
        lines.append(
            "  ".join(
                c.ljust(w) if i == 0 else c.rjust(w)
                for i, (c, w) in enumerate(zip(row, widths, strict=True))
            )
        )
        if k == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines) + "\n"


def ratio(faster: float, slower: float) -> str:
    return f"{slower / faster:,.0f}x" if faster > 0 else "-"
