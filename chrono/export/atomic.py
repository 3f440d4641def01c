"""Write files so that readers see the old versions or the new ones, never half of one."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from pathlib import Path


def write_atomic(path: Path, data: bytes) -> None:
    """Write one file: a temporary file beside it, flushed to disk, renamed over it."""
    write_all({path: data})


def write_all(files: Mapping[Path, bytes]) -> None:
    """Write every file to a temporary beside it first, and only then rename them all.

    A failure while writing leaves every previous file as it was; the renames at the
    end are each atomic and follow one another at once.
    """
    temps: list[tuple[str, Path]] = []
    mode = _file_mode()
    try:
        for path, data in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            temps.append((temp, path))
            os.fchmod(fd, mode)  # mkstemp makes 0600; outputs are read by others
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        for temp, path in temps:
            os.replace(temp, path)
    except BaseException:
        for temp, _path in temps:
            Path(temp).unlink(missing_ok=True)
        raise


def _file_mode() -> int:
    """The mode a plain ``open()`` would give a new file under the current umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
