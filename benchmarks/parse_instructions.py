"""Instructions per parse for each form of parse_bench.py, counted by callgrind.

CPU timings on a shared machine swing 20-40% between runs of the same code; the
number of instructions a parse executes does not. Each form is parsed in a child
process under ``valgrind --tool=callgrind`` twice, with 150 distinct expressions and
with none (start-up and warm-up alike, hash seed fixed), and the difference is divided
by 150. Run it on two checkouts to compare them (``PYTHONPATH=other/checkout``).

    python benchmarks/parse_instructions.py [FORM ...]
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

from parse_bench import FORMS, distinct

COUNT = 150


def _child(form: str, count: int) -> None:
    import chrono

    reference = chrono.Day.from_ymd(2025, 7, 15)
    items = distinct(FORMS[form], 200)
    for text in items[COUNT:]:  # warm-up: lru caches and first-call costs
        chrono.parse(text, reference)
    for text in items[:count]:
        chrono.parse(text, reference)


def _instructions(form: str, count: int) -> int:
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    child = [sys.executable, __file__, "--child", form, str(count)]
    run = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *child],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    found = re.search(r"Collected : ([0-9]+)", run.stderr)
    if found is None:
        raise SystemExit(f"callgrind gave no count:\n{run.stderr[-2000:]}")
    return int(found.group(1))


def main(forms: list[str]) -> None:
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (Debian: apt install valgrind)")
    for form in forms or list(FORMS):
        per_parse = (_instructions(form, COUNT) - _instructions(form, 0)) // COUNT
        print(f"{form:26s} {per_parse:8,d} instructions per parse", flush=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        _child(sys.argv[2], int(sys.argv[3]))
    else:
        main(sys.argv[1:])
