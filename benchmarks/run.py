"""Every benchmark in one run, each against the alternative a user would pick, as ratios.

    pip install -e '.[bench]'      # dateparser and python-edtf, to compare against
    python benchmarks/run.py       # about ten minutes on two cores
    python benchmarks/run.py --quick

Inputs are generated from fixed seeds; each figure is a median of several runs.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from typing import Any

sys.path.insert(0, os.path.dirname(__file__))

import build_bench
import extract_bench
import parse_bench
import startup_bench
from common import table

TARGETS = {
    "parse vs dateparser": ">= 50x",
    "parse vs python-edtf": ">= 300x",
    "build vs YAML loading": "<= 4x, peak < 1 GiB",
    "extract vs search_dates": ">= 20x",
    "--help vs python -c pass": "<= +0.3 s",
    "page": "10k: no slower than plain plotly; 100k: draw < 5 s, zoom < 1 s",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller inputs, fewer runs")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON too")
    parser.add_argument(
        "--skip", default="", help="sections to skip: parse,build,extract,startup,page"
    )
    args = parser.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    quick = args.quick
    figures: dict[str, Any] = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}"
    }
    began = time.perf_counter()
    rows = []
    if "parse" not in skip:
        p = parse_bench.measure(count=5_000 if quick else 20_000, repeat=3 if quick else 5)
        figures["parse"] = p
        rows.append(("parse, in process (mixed corpus)", f"{p['chrono_per_s']:,.0f}/s", "", ""))
        rows.append(
            ("parse, chrono parse - (whole process)", f"{p['chrono_process_per_s']:,.0f}/s", "", "")
        )
        for name, key in (("dateparser", "dateparser"), ("python-edtf", "python-edtf")):
            d = p[key]
            if isinstance(d, dict):
                rows.append(
                    (
                        f"parse vs {name} ({d['expressions']} expressions it reads)",
                        f"{d['chrono_per_s']:,.0f}/s",
                        f"{d['per_s']:,.0f}/s",
                        f"{d['ratio']:,.0f}x  (target {TARGETS['parse vs ' + name]})",
                    )
                )
            else:
                rows.append((f"parse vs {name}", "-", d, ""))
    if "startup" not in skip:
        s = startup_bench.measure(repeat=7 if quick else 15)
        figures["startup"] = s
        rows.append(
            (
                "chrono --help vs python -c pass",
                f"{s['chrono_help_s']:.2f} s",
                f"{s['python_s']:.2f} s",
                f"+{s['over_python_s']:.2f} s  (target {TARGETS['--help vs python -c pass']})",
            )
        )
    if "extract" not in skip:
        e = extract_bench.measure(size=200_000 if quick else 1_000_000, repeat=1 if quick else 3)
        figures["extract"] = e
        rows.append(
            (
                f"extract {e['chars']:,} chars (in process; whole command)",
                f"{e['chrono_s']:.2f} s; {e['chrono_process_s']:.2f} s",
                "",
                "",
            )
        )
        d = e["dateparser"]
        if isinstance(d, dict):
            rows.append(
                (
                    f"extract vs search_dates ({d['chars']:,} chars)",
                    f"{d['chrono_s'] * 1000:.0f} ms",
                    f"{d['search_dates_s']:.1f} s",
                    f"{d['ratio']:,.0f}x  (target {TARGETS['extract vs search_dates']})",
                )
            )
    if "build" not in skip:
        events = 20_000 if quick else 100_000
        b = build_bench.measure(events=events, relations=events // 5, repeat=1 if quick else 3)
        figures["build"] = b
        rows.append(
            (
                f"build {events:,} events, {events // 5:,} relations (json,html)",
                f"{b['build_s']:.1f} s",
                f"{b['yaml_floor_s']:.1f} s (YAML C loader)",
                f"{b['ratio_to_floor']:.1f}x of the floor, peak {b['peak_mib']:,.0f} MiB  "
                f"(target {TARGETS['build vs YAML loading']})",
            )
        )
    if "page" not in skip:
        try:
            import page
        except ImportError:
            rows.append(("page", "-", "-", "benchmarks/page.py missing"))
        else:
            sizes = (1_000, 10_000) if quick else (1_000, 10_000, 100_000)
            figures["page"] = {}
            for n in sizes:
                m = page.measure(n)
                figures["page"][n] = m
                rows.append(
                    (
                        f"page, {n:,} events: first draw / zoom",
                        f"{m['chrono_draw_s']:.2f} s / {m['chrono_zoom_s']:.2f} s",
                        f"{m['plain_draw_s']} / {m['plain_zoom_s']} (plain plotly)",
                        "",
                    )
                )
    print(
        table(
            f"chrono benchmarks ({figures['machine']}; medians)",
            rows,
            ("what", "chrono", "alternative", "ratio"),
        )
    )
    print(f"({time.perf_counter() - began:.0f} s)")
    if args.json:
        print(json.dumps(figures, indent=2, default=str))


if __name__ == "__main__":
    main()
