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


def calls(action: Callable[[], object]) -> int:
    """Function calls (Python and built-in) made while ``action`` runs."""
    profiler = cProfile.Profile()
    profiler.enable()
    try:
        action()
    finally:
        profiler.disable()
    return sum(entry.callcount for entry in profiler.getstats())
