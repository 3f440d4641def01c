"""Write a build's files into a folder as one set: readers and later builds never see a mix.

A rename is atomic for one file only, so a set of files is replaced in steps
that a later build can always finish:

1. take the folder's lock (``.chrono.lock``, ``flock``): one build writes at a time,
   and the others wait for it; the file is removed when the build is done;
2. finish what a killed build left: if its journal exists, its renames are done
   (roll forward); its staging folder and older ``.NAME.XXXX.tmp`` files are removed;
3. write every file into a new staging folder inside the folder, each flushed to disk;
4. write the journal (``.chrono-journal.json``: the staging folder and the names),
   itself atomically: from here on the new set is the one the folder will hold;
5. rename each staged file over its output, then remove the journal and the staging folder.

A kill before step 4 leaves the previous set untouched; a kill after it leaves a
journal from which the next build completes the new set before writing its own.
``CHRONO_FAULT=POINT`` (``staged:N``, ``journal``, ``renamed:N``, ``done``) kills
the process with SIGKILL at that point, so tests can stop a build exactly there.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import signal
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

LOCK = ".chrono.lock"
JOURNAL = ".chrono-journal.json"
STAGING = ".chrono-staging-"
LOCK_TIMEOUT = 600.0  # seconds a build waits for another one (CHRONO_LOCK_TIMEOUT)
_POLL = 0.1
# temporary files a killed build may have left: older chrono's, and a journal's own
_TEMPORARIES = (".timeline.", ".plotly.min.js.", f"{JOURNAL}.")


class LockTimeout(OSError):
    """Another build kept the folder's lock for longer than the build would wait."""


def write_atomic(path: Path, data: bytes) -> None:
    """Write one file: a temporary file beside it, flushed to disk, renamed over it."""
    write_set(path.parent, {path.name: data})


def write_all(files: Mapping[Path, bytes]) -> None:
    """Write files as one set per folder they go into (see :func:`write_set`)."""
    folders: dict[Path, dict[str, bytes]] = {}
    for path, data in files.items():
        folders.setdefault(path.parent, {})[path.name] = data
    for folder, named in folders.items():
        write_set(folder, named)


def write_set(
    folder: Path, files: Mapping[str, bytes], wait: Callable[[str], None] | None = None
) -> None:
    """Replace ``files`` (name -> bytes) in ``folder`` as one set, under the folder's lock.

    ``wait`` is told once when another build holds the lock; after
    :data:`LOCK_TIMEOUT` seconds of waiting, :class:`LockTimeout` is raised.
    """
    for name in files:
        if not _plain(name):
            raise ValueError(f"not a plain file name: {name!r}")
    folder.mkdir(parents=True, exist_ok=True)
    with locked(folder, wait):
        recover(folder)
        _fault("locked")
        staging = Path(tempfile.mkdtemp(prefix=STAGING, dir=folder))
        try:
            mode = _file_mode()
            for count, (name, data) in enumerate(files.items(), 1):
                _write(staging / name, data, mode)
                _fault(f"staged:{count}")
            _sync(staging)
            _write_journal(folder, staging.name, list(files))
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        _fault("journal")
        _finish(folder, staging.name, list(files))


def recover(folder: Path) -> None:
    """Complete the set of a build killed after its journal, and remove what killed builds left.

    Call it holding the folder's lock (:func:`locked`).
    """
    journal = folder / JOURNAL
    try:
        plan = json.loads(journal.read_text(encoding="utf-8"))
        staging, names = plan["staging"], plan["files"]
        if not (_plain(staging) and all(_plain(name) for name in names)):
            raise ValueError("a journal naming paths")
    except FileNotFoundError:
        pass
    except (OSError, ValueError, KeyError, TypeError):  # not one this module wrote
        journal.unlink(missing_ok=True)
    else:
        _finish(folder, staging, names)
    for left in folder.iterdir():
        name = left.name
        if name.startswith(STAGING) and left.is_dir() and not left.is_symlink():
            shutil.rmtree(left, ignore_errors=True)
        elif name.startswith(_TEMPORARIES) and name.endswith(".tmp") and left.is_file():
            left.unlink(missing_ok=True)  # ``.timeline.html.XXXX.tmp`` of an older chrono


@contextlib.contextmanager
def locked(folder: Path, wait: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold ``folder``'s lock: builds into one folder write one after another.

    The lock file is removed by its holder on the way out, so a finished build
    leaves only its outputs; a build that locked a file since removed tries
    again on the new one. A killed holder's lock is released by the system.
    """
    path = folder / LOCK
    timeout = float(os.environ.get("CHRONO_LOCK_TIMEOUT", LOCK_TIMEOUT))
    deadline = time.monotonic() + timeout
    told = False
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
        try:
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if wait is not None and not told:
                        told = True
                        wait(
                            f"waiting for another build writing into {folder} to finish "
                            f"(up to {timeout:g} s)"
                        )
                    if time.monotonic() >= deadline:
                        raise LockTimeout(
                            f"another build kept {path} locked for {timeout:g} s"
                        ) from None
                    time.sleep(_POLL)
            held = os.fstat(fd)
            try:
                current = os.stat(path)
            except FileNotFoundError:
                current = None
        except BaseException:
            os.close(fd)
            raise
        if current is not None and (current.st_ino, current.st_dev) == (held.st_ino, held.st_dev):
            break
        os.close(fd)  # the holder before removed this lock file: lock the new one
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            path.unlink()  # while still holding it: whoever waits on it will try again
        os.close(fd)  # closing releases the lock


def _finish(folder: Path, staging: str, names: list[str]) -> None:
    """Rename the staged files over the outputs, then forget the journal and the staging."""
    for count, name in enumerate(names, 1):
        staged = folder / staging / name
        if staged.exists():  # already renamed, by the build that was killed
            os.replace(staged, folder / name)
        _fault(f"renamed:{count}")
    _sync(folder)
    _fault("done")
    (folder / JOURNAL).unlink(missing_ok=True)
    shutil.rmtree(folder / staging, ignore_errors=True)
    _sync(folder)


def _write_journal(folder: Path, staging: str, names: list[str]) -> None:
    text = json.dumps({"staging": staging, "files": names})
    fd, temp = tempfile.mkstemp(prefix=f"{JOURNAL}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, folder / JOURNAL)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    _sync(folder)


def _write(path: Path, data: bytes, mode: int) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.fchmod(fd, mode)  # outputs are read by others, as a plain open() would allow
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _sync(folder: Path) -> None:
    """Flush a folder's entries (renames, new files) to disk."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _plain(name: object) -> bool:
    return (
        isinstance(name, str)
        and name not in ("", ".", "..")
        and "/" not in name
        and os.sep not in name
        and "\0" not in name
    )


def _fault(point: str) -> None:
    """Die here, as a kill would, when ``CHRONO_FAULT`` names this point (for tests)."""
    if os.environ.get("CHRONO_FAULT") == point:
        sys.stdout.flush()
        os.kill(os.getpid(), signal.SIGKILL)


def _file_mode() -> int:
    """The mode a plain ``open()`` would give a new file under the current umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
