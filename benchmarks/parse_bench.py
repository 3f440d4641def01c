"""Parsing throughput: chrono against dateparser and python-edtf, per form, as ratios.

Every input is a distinct expression (no parser can profit from a cache), and each
library's rate counts only the answers it gives: ``answers / seconds`` over the
same list. ``chrono parse -`` is timed as a whole process on the same lines.

    python benchmarks/parse_bench.py
"""

from __future__ import annotations

import random
import resource
import subprocess
import time
from collections.abc import Callable
from typing import Any

from common import chrono_command, table
from corpus import MONTHS, expressions

import chrono

REFERENCE = chrono.Day.from_ymd(2025, 7, 15)

# One maker per form of the issue; each draws year, month and day from a seeded generator.
FORMS: dict[str, Callable[[random.Random], str]] = {
    "late 1999": lambda r: f"{r.choice(['early', 'mid', 'late'])} {r.randrange(1000, 3000)}",
    "the 1990s": lambda r: f"the {r.randrange(100, 300) * 10}s",
    "from March 2001 to 2003": lambda r: (
        f"from {r.choice(MONTHS)} {(y := r.randrange(1000, 2900))} to {y + r.randrange(1, 20)}"
    ),
    "two years ago": lambda r: (
        f"{r.choice(['a', 'two', 'three', 'five', 'ten', str(r.randrange(2, 99))])} "
        f"{r.choice(['years', 'months', 'weeks', 'days'])} ago"
    ),
    "Q3 2023": lambda r: f"Q{r.randrange(1, 5)} {r.randrange(1000, 3000)}",
    "2024-05-12": lambda r: (
        f"{r.randrange(1000, 3000)}-{r.randrange(1, 13):02d}-{r.randrange(1, 29):02d}"
    ),
    "May 2024": lambda r: f"{r.choice(MONTHS)} {r.randrange(1000, 3000)}",
    "12 May 2024": lambda r: f"{r.randrange(1, 29)} {r.choice(MONTHS)} {r.randrange(1000, 3000)}",
}


def distinct(make: Callable[[random.Random], str], count: int, seed: int = 5) -> list[str]:
    """Up to ``count`` different expressions of one form (fewer where the form has fewer)."""
    rng = random.Random(seed)
    seen: dict[str, None] = {}
    for _ in range(count * 20):
        seen.setdefault(make(rng), None)
        if len(seen) >= count:
            break
    return list(seen)


def best_rate(run: Callable[[list[str]], int], items: list[str], repeat: int) -> float:
    """Answers per CPU second, the best of ``repeat`` runs: the machine is shared."""
    best = float("inf")
    answers = 0
    for _ in range(repeat):
        began = time.process_time()
        answers = run(items)
        best = min(best, time.process_time() - began)
    return answers / best if best > 0 else 0.0


def process_cpu_seconds(args: list[str], stdin: bytes, repeat: int) -> float:
    """The CPU time of a whole command, start-up included, the best of ``repeat`` runs.

    CPU time, like the in-process figures: wall time on a shared machine measures
    the other jobs.
    """
    best = float("inf")
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(args, input=stdin, stdout=subprocess.DEVNULL, check=False)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        used = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        best = min(best, used)
    return best


def run_chrono(items: list[str]) -> int:
    parse, ref, error = chrono.parse, REFERENCE, chrono.ParseError
    answers = 0
    for text in items:
        try:
            parse(text, ref)
            answers += 1
        except error:
            pass
    return answers


def _dateparser() -> Callable[[list[str]], int] | None:
    try:
        import dateparser
    except ImportError:
        return None
    import datetime

    settings = {"RELATIVE_BASE": datetime.datetime(2025, 7, 15)}
    dateparser.parse("May 2024", languages=["en"], settings=settings)  # its own set-up

    def run(items: list[str]) -> int:
        return sum(
            dateparser.parse(t, languages=["en"], settings=settings) is not None for t in items
        )

    return run


def measure(count: int = 20_000, repeat: int = 5) -> dict[str, Any]:
    corpus = list(dict.fromkeys(expressions(count)))  # distinct expressions only
    ok = [t for t in corpus if run_chrono([t])]
    result: dict[str, Any] = {"expressions": len(corpus), "chrono_parses": len(ok)}
    result["chrono_per_s"] = best_rate(run_chrono, ok, repeat)

    lines = list(dict.fromkeys(expressions(count * 5, seed=11)))
    in_process = best_rate(run_chrono, lines, max(1, repeat // 2))
    stdin = ("\n".join(lines) + "\n").encode()
    whole = process_cpu_seconds(
        [*chrono_command(), "parse", "-", "--reference", "2025-07-15"], stdin, repeat=3
    )
    result["process_lines"] = len(lines)
    result["chrono_in_process_per_s"] = in_process
    result["chrono_process_per_s"] = len(lines) / whole
    result["process_share"] = result["chrono_process_per_s"] / in_process

    theirs = _dateparser()
    if theirs is None:
        result["dateparser"] = "not installed (pip install -e '.[bench]')"
    else:
        sample = corpus[:1500]
        d_rate = best_rate(theirs, sample, 3)
        c_rate = best_rate(run_chrono, sample, repeat)
        result["dateparser"] = {
            "expressions": len(sample),
            "per_s": d_rate,
            "chrono_per_s": c_rate,
            "ratio": c_rate / d_rate,
        }
    forms: dict[str, Any] = {}
    for name, make in FORMS.items():
        items = distinct(make, 3000)
        row: dict[str, Any] = {"expressions": len(items)}
        row["chrono_per_s"] = best_rate(run_chrono, items, repeat)
        if theirs is not None:
            sample = items[:300]
            row["dateparser_per_s"] = best_rate(theirs, sample, 2)
            if row["dateparser_per_s"] > 0:  # it reads none of some forms
                row["ratio"] = best_rate(run_chrono, sample, repeat) / row["dateparser_per_s"]
        forms[name] = row
    result["forms"] = forms
    result["python-edtf"] = _edtf(ok, repeat)
    return result


def _edtf(ok: list[str], repeat: int) -> Any:
    try:
        import edtf
    except ImportError:
        return "not installed (pip install -e '.[bench]')"

    def run(items: list[str]) -> int:
        answers = 0
        for t in items:
            try:
                edtf.parse_edtf(t)
                answers += 1
            except Exception:  # python-edtf raises several kinds
                pass
        return answers

    theirs = [t for t in ok[:3000] if run([t])][:600]
    e_rate = best_rate(run, theirs, 3)
    c_rate = best_rate(run_chrono, theirs, repeat)
    return {
        "expressions": len(theirs),
        "per_s": e_rate,
        "chrono_per_s": c_rate,
        "ratio": c_rate / e_rate,
    }


def report(p: dict[str, Any]) -> str:
    rows: list[list[object]] = []
    for name, row in p["forms"].items():
        theirs = row.get("dateparser_per_s")
        rows.append(
            [
                name,
                row["expressions"],
                f"{row['chrono_per_s']:,.0f}/s",
                "-" if theirs is None else f"{theirs:,.0f}/s",
                f"{row['ratio']:,.0f}x" if "ratio" in row else "(reads none)",
            ]
        )
    d = p["dateparser"]
    if isinstance(d, dict):
        rows.append(
            [
                "mixed corpus",
                d["expressions"],
                f"{d['chrono_per_s']:,.0f}/s",
                f"{d['per_s']:,.0f}/s",
                f"{d['ratio']:,.0f}x",
            ]
        )
    text = table(
        "parse, distinct expressions, answers per CPU second",
        rows,
        ["form", "expressions", "chrono", "dateparser", "ratio"],
    )
    text += (
        f"\nchrono parse - ({p['process_lines']:,} lines): "
        f"{p['chrono_process_per_s']:,.0f}/s as a process, "
        f"{p['chrono_in_process_per_s']:,.0f}/s in process "
        f"({p['process_share']:.0%})\n"
    )
    return text


if __name__ == "__main__":
    print(report(measure()))
