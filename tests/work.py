"""Work counted, not timed: the number of function calls a piece of code makes.

A call count is the same on an idle machine and on a busy one, so a bound on it
fails only when the code does more work, never when the machine is slow. It
sees Python-level work (loops, recursion, backtracking in a grammar, each call
into C); it does not see inside one C call such as a single regex match.
Timing figures belong in ``benchmarks/``.
"""

from __future__ import annotations

import cProfile
from collections.abc import Callable

from chrono.parse import MAX_LENGTH

# Reading a date expression: the worst measured is about 10 calls a character (an
# EDTF list near the longest text read) on top of about 1500 for any call; three
# times that leaves room for new rules, while rescanning 1000 characters once a
# token costs a hundred times more.
BASE_CALLS = 5_000
CALLS_PER_CHAR = 30


def calls(action: Callable[[], object]) -> int:
    """Function calls (Python and built-in) made while ``action`` runs."""
    profiler = cProfile.Profile()
    profiler.enable()
    try:
        action()
    finally:
        profiler.disable()
    return sum(entry.callcount for entry in profiler.getstats())


def parse_budget(text: str) -> int:
    """The most calls reading ``text`` may make: linear in what is read (longer text is refused)."""
    return BASE_CALLS + CALLS_PER_CHAR * min(len(text), MAX_LENGTH)
