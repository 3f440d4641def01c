"""``chrono --help`` and ``chrono parse -`` (no input) against Python's own start-up."""

from __future__ import annotations

import json
import sys
from typing import Any

from common import process_seconds


def measure(repeat: int = 15) -> dict[str, Any]:
    python = process_seconds([sys.executable, "-c", "pass"], repeat)
    chrono = process_seconds([sys.executable, "-m", "chrono", "--help"], repeat)
    batch = process_seconds([sys.executable, "-m", "chrono", "parse", "-"], repeat, stdin=b"")
    return {
        "python_s": python,
        "chrono_help_s": chrono,
        "over_python_s": chrono - python,
        "chrono_parse_stdin_s": batch,  # a batch's fixed cost: the parser's modules, no typer
    }


if __name__ == "__main__":
    print(json.dumps(measure(), indent=2))
