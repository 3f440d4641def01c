"""Probabilities of order: 1,000 events, 200 of them tied by relations their windows
do not settle, every expected rank and every p_before_next; and the same figures
checked for repeatability (same input, same figures)."""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from chrono.chronology import build_timeline
from chrono.events.files import load_text


def chronology(events: int = 1000, constrained: int = 200, seed: int = 4) -> str:
    """Month-wide moments over ten years; the constrained ones come in fours that share
    a month, each `after` the one before it, so every relation binds and is sampled."""
    rng = random.Random(seed)
    lines = ["events:"]
    month = (2010, 1)
    for i in range(events):
        if i >= constrained or i % 4 == 0:
            month = (2010 + rng.randrange(10), rng.randrange(1, 13))
        line = f"  - {{id: e{i}, title: Event {i}, date: {month[0]}-{month[1]:02d}"
        if i < constrained and i % 4:
            line += f", after: e{i - 1}"
        lines.append(line + "}")
    return "\n".join(lines) + "\n"


def measure(events: int = 1000, constrained: int = 200) -> dict[str, Any]:
    text = chronology(events, constrained)
    loaded, problems = load_text(text, "bench.yaml")
    timeline = build_timeline(loaded, problems)
    began, cpu = time.perf_counter(), time.process_time()
    figures = timeline.probabilities
    seconds, cpu = time.perf_counter() - began, time.process_time() - cpu
    again = build_timeline(*load_text(text, "bench.yaml")).probabilities
    sampled = len(figures.model.var)
    errors = [figures.compare(f"e{i}", f"e{i + 1}").stderr for i in range(0, constrained, 4)]
    return {
        "events": events,
        "sampled_events": sampled,
        "draws": figures.model.samples,
        "figures_s": round(seconds, 2),
        "figures_cpu_s": round(cpu, 2),  # the machine may be shared: CPU time says more
        "largest_stderr": round(max(errors), 4),
        "repeatable": figures.expected_rank == again.expected_rank
        and figures.p_before_next == again.p_before_next,
    }


if __name__ == "__main__":
    print(json.dumps(measure(), indent=2))
