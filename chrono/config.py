"""Project defaults for ``chrono build`` from ``[tool.chrono.build]`` in ./pyproject.toml.

A project that always builds the same way (this repository builds its sample with
plotly.js from the CDN) says so once; options on the command line still win.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from chrono.errors import ChronoError

KEYS = {"format": str, "plotlyjs": str, "title": str, "fragment": bool, "out": str}


def build_defaults(folder: Path | None = None) -> dict[str, Any]:
    path = (folder or Path.cwd()) / "pyproject.toml"
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise ChronoError(f"{path}: cannot read [tool.chrono.build]: {err}") from None
    section = data.get("tool", {}).get("chrono", {}).get("build", {})
    if not isinstance(section, dict):
        raise ChronoError(f"{path}: [tool.chrono.build] must be a table")
    for key, value in section.items():
        if key not in KEYS:
            raise ChronoError(
                f"{path}: [tool.chrono.build] has no setting {key!r} "
                f"(expected one of: {', '.join(KEYS)})"
            )
        if not isinstance(value, KEYS[key]):
            raise ChronoError(f"{path}: [tool.chrono.build] {key} must be {KEYS[key].__name__}")
    return dict(section)
