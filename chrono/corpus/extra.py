"""The optional extra the corpus commands need, and what to install when it is missing."""

from __future__ import annotations

import importlib

from chrono.errors import ChronoError

INSTALL = "pip install 'chrono-timeline[dask]'"


class MissingExtraError(ChronoError, ImportError):
    """A corpus command run without dask, distributed or pyarrow installed."""


def require(*modules: str) -> None:
    """Import ``modules`` or say, in one line, what to install."""
    missing = []
    for name in modules:
        try:
            importlib.import_module(name)
        except ImportError:
            missing.append(name)
    if missing:
        raise MissingExtraError(f"corpus extraction needs {', '.join(missing)}: {INSTALL}")
