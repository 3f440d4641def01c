"""Instructions per parse for each form of parse_bench.py, counted by callgrind.

CPU timings on a shared machine swing 20-40% between runs of the same code; the
number of instructions a parse executes does not. Each form is parsed in a child
process under ``valgrind --tool=callgrind`` twice, with 150 distinct expressions and
with none (start-up and warm-up alike, hash seed fixed), and the difference is divided
by 150. Run it on two checkouts to compare them (``PYTHONPATH=other/checkout``).

``--process`` counts ``chrono parse -`` as parse_bench.py times it: the whole process
on the mixed corpus, start-up included, against one in-process parse of the same
lines, and prints the share (the process's rate as a fraction of the in-process one).

    python benchmarks/parse_instructions.py [FORM ...]
    python benchmarks/parse_instructions.py --process
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

from common import chrono_command
from parse_bench import FORMS, distinct, mixed_corpus, run_chrono, user_environment

COUNT = 150


def _child(form: str, count: int) -> None:
    import chrono

    reference = chrono.Day.from_ymd(2025, 7, 15)
    items = distinct(FORMS[form], 200)
    for text in items[COUNT:]:  # warm-up: lru caches and first-call costs
        chrono.parse(text, reference)
    for text in items[:count]:
        chrono.parse(text, reference)


def _child_mixed(runs: int) -> None:
    items = mixed_corpus()
    run_chrono(items)  # warm-up, as parse_bench's best-of-runs figure is warm
    for _ in range(runs):
        run_chrono(items)


def _instructions(form: str, count: int) -> int:
    return _counted([sys.executable, __file__, "--child", form, str(count)])


def _counted(command: list[str], stdin: bytes | None = None) -> int:
    env = {**user_environment(), "PYTHONHASHSEED": "0"}
    run = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command],
        capture_output=True,
        input=stdin,
        env=env,
        check=True,
    )
    found = re.search(rb"Collected : ([0-9]+)", run.stderr)
    if found is None:
        raise SystemExit(f"callgrind gave no count:\n{run.stderr[-2000:].decode()}")
    return int(found.group(1))


def process_share() -> None:
    """The whole ``chrono parse -`` process against the parse alone, in instructions."""
    lines = mixed_corpus()
    stdin = "".join(line + "\n" for line in lines).encode()
    command = [*chrono_command(), "parse", "-", "--reference", "2025-07-15"]
    subprocess.run(command, input=b"", env=user_environment(), check=True)  # the bytecode
    process = _counted(command, stdin)
    startup = _counted(command, b"")
    child = [sys.executable, __file__, "--child-mixed"]
    in_process = _counted([*child, "1"]) - _counted([*child, "0"])
    print(f"{len(lines):,d} lines of the mixed corpus")
    print(f"chrono parse - (whole process)  {process:15,d} instructions")
    print(f"  of which start-up (no input)  {startup:15,d}")
    print(f"parse in process (warm)         {in_process:15,d}")
    print(f"process share                   {in_process / process:15.0%}")


def main(forms: list[str]) -> None:
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (Debian: apt install valgrind)")
    if forms == ["--process"]:
        process_share()
        return
    for form in forms or list(FORMS):
        per_parse = (_instructions(form, COUNT) - _instructions(form, 0)) // COUNT
        print(f"{form:26s} {per_parse:8,d} instructions per parse", flush=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        _child(sys.argv[2], int(sys.argv[3]))
    elif sys.argv[1:2] == ["--child-mixed"]:
        _child_mixed(int(sys.argv[2]))
    else:
        main(sys.argv[1:])
