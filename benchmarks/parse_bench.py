"""Parsing throughput on distinct expressions: chrono in process and as `chrono parse -`,
against dateparser, python-edtf and (where node is installed) chrono-node, as ratios.

Every input is a distinct expression (no parser can profit from a cache), and each
library's rate counts only the answers it gives: ``answers / CPU seconds`` over the
same list, the best of several runs. ``chrono parse -`` is timed as a whole process
(start-up included) on the same lines as the in-process figure beside it, each process
run between two in-process runs so that both see the same machine; its share of the
in-process rate is the median of those rounds' shares. chrono-node
is installed from npm into ~/.cache/chrono-bench-npm the first time (or
$CHRONO_BENCH_NPM_CACHE) and timed in one node process on the same expressions.

    python benchmarks/parse_bench.py
"""

from __future__ import annotations

import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
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


def mixed_corpus(count: int = 20_000) -> list[str]:
    """The distinct expressions among ``5 * count`` drawn from the forms of dates.md
    (about 40,000 of 100,000: the corpus repeats its forms), in the order drawn."""
    return list(dict.fromkeys(expressions(count * 5, seed=11)))


def best_rate(run: Callable[[list[str]], int], items: list[str], repeat: int) -> float:
    """Answers per CPU second, the best of ``repeat`` runs: the machine is shared."""
    best = float("inf")
    answers = 0
    for _ in range(repeat):
        began = time.process_time()
        answers = run(items)
        best = min(best, time.process_time() - began)
    return answers / best if best > 0 else 0.0


def user_environment() -> dict[str, str]:
    """The environment of a command as a user runs it: Python may keep its compiled
    bytecode (a development shell's PYTHONDONTWRITEBYTECODE would make every start-up
    compile chrono's sources again, which no installed copy does)."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def process_cpu_seconds(args: list[str], stdin: bytes, repeat: int) -> float:
    """The CPU time of a whole command, start-up included, the best of ``repeat`` runs
    after one that is not counted (it writes the bytecode an installed copy has).

    CPU time, like the in-process figures: wall time on a shared machine measures
    the other jobs.
    """
    env = user_environment()
    subprocess.run(args, input=b"", stdout=subprocess.DEVNULL, check=False, env=env)
    return min(_process_once(args, stdin, env) for _ in range(repeat))


def _process_once(args: list[str], stdin: bytes, env: dict[str, str]) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(args, input=stdin, stdout=subprocess.DEVNULL, check=False, env=env)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


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


def paired_rates(lines: list[str], repeat: int) -> tuple[float, float, float]:
    """chrono's rate in process and ``chrono parse -``'s as a whole process (start-up
    included) on the same lines, each the best of ``repeat`` runs, and the process's
    share of the in-process rate: the median of the shares of the rounds.

    Each round times a process between two in-process runs and compares it with their
    mean: this machine's speed drifts by tens of percent within a minute, so timing all
    of one and then all of the other would compare two machines, and a ratio of two
    best runs compares the luckiest moment of a short run with that of a long one.
    """
    stdin = "".join(line + "\n" for line in lines).encode()
    args = [*chrono_command(), "parse", "-", "--reference", "2025-07-15"]
    env = user_environment()
    subprocess.run(args, input=b"", stdout=subprocess.DEVNULL, check=False, env=env)
    answers = run_chrono(lines)  # warm, as best_rate's best run is
    best_in = best_process = float("inf")
    shares: list[float] = []
    before = _in_process_seconds(lines)
    for _ in range(repeat):
        process = _process_once(args, stdin, env)
        after = _in_process_seconds(lines)
        best_in, best_process = min(best_in, before, after), min(best_process, process)
        shares.append((len(lines) / process) / (answers / ((before + after) / 2)))
        before = after
    return answers / best_in, len(lines) / best_process, statistics.median(shares)


def _in_process_seconds(lines: list[str]) -> float:
    began = time.process_time()
    run_chrono(lines)
    return time.process_time() - began


def measure(count: int = 20_000, repeat: int = 5) -> dict[str, Any]:
    """Every figure of the report, from one run.

    On the mixed corpus (:func:`mixed_corpus`), dateparser, being slow, reads
    the first 1,500 expressions and 300 of each form, and chrono is timed again on the
    same lists for its ratios. Each form has up to 20,000 expressions (fewer where the
    form has fewer), so a process's start-up weighs on its figure as it would on a batch.
    """
    mixed = mixed_corpus(count)
    result: dict[str, Any] = {"expressions": len(mixed)}
    in_process, result["chrono_process_per_s"], result["process_share"] = paired_rates(
        mixed, 2 * repeat - 1
    )
    result["chrono_per_s"] = result["chrono_in_process_per_s"] = in_process
    result["process_share_of_best_runs"] = result["chrono_process_per_s"] / in_process
    result["chrono_answers"] = run_chrono(mixed)
    result["process_lines"] = len(mixed)
    result["process_startup_s"] = process_cpu_seconds(
        [*chrono_command(), "parse", "-", "--reference", "2025-07-15"], b"", 3
    )

    sets = {name: distinct(make, 20_000) for name, make in FORMS.items()}
    node = _chrono_node({"mixed corpus": mixed, **sets}, repeat)
    result["chrono-node"] = node if isinstance(node, str) else node["mixed corpus"]
    if isinstance(node, dict):
        result["chrono-node"]["ratio"] = in_process / node["mixed corpus"]["per_s"]

    theirs = _dateparser()
    if theirs is None:
        result["dateparser"] = "not installed (pip install -e '.[bench]')"
    else:
        sample = mixed[:1500]
        d_rate = best_rate(theirs, sample, 3)
        c_rate = best_rate(run_chrono, sample, repeat)
        result["dateparser"] = {
            "expressions": len(sample),
            "per_s": d_rate,
            "chrono_per_s": c_rate,
            "ratio": c_rate / d_rate,
        }
    forms: dict[str, Any] = {}
    for name, items in sets.items():
        row: dict[str, Any] = {"expressions": len(items)}
        row["chrono_per_s"], row["process_per_s"], row["process_share"] = paired_rates(
            items, repeat
        )
        if theirs is not None:
            sample = items[:300]
            row["dateparser_per_s"] = best_rate(theirs, sample, 2)
            if row["dateparser_per_s"] > 0:  # it reads none of some forms
                row["ratio"] = best_rate(run_chrono, sample, repeat) / row["dateparser_per_s"]
        if isinstance(node, dict):
            row["node_per_s"] = node[name]["per_s"]
            row["node_answered"] = node[name]["answers"] / node[name]["expressions"]
            if row["node_per_s"] > 0:
                row["node_ratio"] = row["chrono_per_s"] / row["node_per_s"]
        forms[name] = row
    result["forms"] = forms
    result["python-edtf"] = _edtf(mixed, repeat)
    return result


NPM_CACHE = Path(
    os.environ.get("CHRONO_BENCH_NPM_CACHE", Path.home() / ".cache" / "chrono-bench-npm")
)

# One node process times every list: parseDate against the same reference date, CPU
# time (process.cpuUsage, as the Python figures use process time), best of `repeat`.
_NODE = """
const chrono = require(process.argv[2]);
const job = JSON.parse(require("fs").readFileSync(process.argv[3], "utf8"));
const ref = new Date(2025, 6, 15, 12);
const out = {};
for (const [name, items] of Object.entries(job.sets)) {
  let best = Infinity, answers = 0;
  for (let r = 0; r < job.repeat; r++) {
    const began = process.cpuUsage();
    let n = 0;
    for (const text of items) if (chrono.parseDate(text, ref) !== null) n++;
    const used = process.cpuUsage(began);
    best = Math.min(best, (used.user + used.system) / 1e6);
    answers = n;
  }
  out[name] = {expressions: items.length, answers: answers, seconds: best,
               per_s: best > 0 ? answers / best : 0};
}
console.log(JSON.stringify(out));
"""


def _chrono_node(sets: dict[str, list[str]], repeat: int) -> dict[str, Any] | str:
    """chrono-node's figures for each list, or why there are none."""
    if shutil.which("node") is None or shutil.which("npm") is None:
        return "node or npm not found"
    module = NPM_CACHE / "node_modules" / "chrono-node"
    if not module.exists():
        NPM_CACHE.mkdir(parents=True, exist_ok=True)
        try:
            subprocess.run(
                ["npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix",
                 str(NPM_CACHE), "chrono-node@2"],
                capture_output=True, timeout=240, check=True,
            )  # fmt: skip
        except (subprocess.SubprocessError, OSError):
            return "chrono-node could not be installed from npm"
    version = json.loads((module / "package.json").read_text(encoding="utf-8"))["version"]
    with tempfile.TemporaryDirectory() as tmp:
        script, job = Path(tmp) / "time.js", Path(tmp) / "job.json"
        script.write_text(_NODE, encoding="utf-8")
        job.write_text(json.dumps({"repeat": repeat, "sets": sets}), encoding="utf-8")
        done = subprocess.run(
            ["node", str(script), str(module), str(job)],
            capture_output=True, text=True, timeout=1200, check=False,
        )  # fmt: skip
    if done.returncode != 0:
        return f"chrono-node failed: {done.stderr.strip()[-200:]}"
    figures: dict[str, Any] = json.loads(done.stdout)
    for row in figures.values():
        row["version"] = version
    return figures


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
    node = p["chrono-node"]
    rows: list[list[object]] = []

    def rate(value: float | None) -> str:
        return "-" if value is None else f"{value:,.0f}/s"

    for name, row in p["forms"].items():
        theirs = row.get("dateparser_per_s")
        rows.append(
            [
                name,
                row["expressions"],
                rate(row["chrono_per_s"]),
                f"{rate(row['process_per_s'])} ({row['process_share']:.0%})",
                rate(theirs),
                f"{row['ratio']:,.0f}x" if "ratio" in row else "(reads none)",
                "-"
                if "node_per_s" not in row
                else f"{rate(row['node_per_s'])} ({row['node_answered']:.0%} read)",
                f"{row['node_ratio']:.2f}x" if "node_ratio" in row else "-",
            ]
        )
    d = p["dateparser"]
    n = node if isinstance(node, dict) else None
    node_cell = (
        "-" if n is None else f"{rate(n['per_s'])} ({n['answers'] / n['expressions']:.0%} read)"
    )
    rows.append(
        [
            "mixed corpus",
            p["expressions"],
            rate(p["chrono_in_process_per_s"]),
            f"{rate(p['chrono_process_per_s'])} ({p['process_share']:.0%})",
            rate(d["per_s"]) if isinstance(d, dict) else "-",
            f"{d['ratio']:,.0f}x" if isinstance(d, dict) else "-",
            node_cell,
            "-" if n is None else f"{n['ratio']:.2f}x",
        ]
    )
    text = table(
        "parse, distinct expressions, answers per CPU second (chrono parse -: lines per CPU "
        "second of the whole process, and its share of the in-process rate, the median of "
        "paired rounds)",
        rows,
        [
            "form",
            "expressions",
            "chrono",
            "chrono parse -",
            "dateparser",
            "chrono/dateparser",
            "chrono-node",
            "chrono/chrono-node",
        ],
    )
    if isinstance(d, dict):
        text += (
            f"\ndateparser read the first {d['expressions']:,} of the mixed corpus "
            f"(chrono on the same: {d['chrono_per_s']:,.0f}/s) and 300 of each form."
        )
    else:
        text += f"\ndateparser: {d}"
    text += (
        "\nchrono parse - on the mixed corpus, the best process run against the best "
        f"in-process run: {p['process_share_of_best_runs']:.0%} of its rate."
    )
    text += (
        f"\nchrono parse - start-up (no input): {p['process_startup_s']:.2f} s CPU; "
        f"chrono answered {p['chrono_answers']:,} of {p['expressions']:,} mixed expressions."
    )
    if n is None:
        text += f"\nchrono-node: {node}"
    else:
        text += f"\nchrono-node {n['version']}: parseDate, one node process, best of the runs."
    e = p["python-edtf"]
    if isinstance(e, dict):
        text += (
            f"\npython-edtf, the {e['expressions']} expressions it reads: {e['per_s']:,.0f}/s, "
            f"chrono {e['chrono_per_s']:,.0f}/s ({e['ratio']:,.0f}x)"
        )
    return text + "\n"


if __name__ == "__main__":
    print(report(measure()))
