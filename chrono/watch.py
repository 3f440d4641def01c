"""Rebuilding while the events are written: ``chrono build --watch`` and the preview server.

Each change to the event files (after ``debounce_ms`` of quiet, through
``watchfiles``) builds again. A build that fails writes nothing (exports are
atomic), so the last good outputs stay, and the problems are reported instead.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import attrs

from chrono.errors import ChronoError
from chrono.terminal import counted, problem_lines, shown, summary

DEBOUNCE_MS = 300


@attrs.frozen
class Outcome:
    """What one build did: ``ok`` and the lines to print (problems, or what was written)."""

    ok: bool
    lines: tuple[str, ...]


def build_once(
    directory: str | Path, out: str | Path, formats: Sequence[str], **options: Any
) -> Outcome:
    """Build ``directory`` into ``out``, or say why not and leave ``out`` as it was."""
    from chrono.chronology.folder import read_folder
    from chrono.export import write_exports

    kept = "; the previous outputs are kept"
    reading = read_folder(directory)
    lines = problem_lines(reading.problems)
    if reading.refusal is not None:
        return Outcome(False, (*lines, f"error: {shown(reading.refusal)}{kept}"))
    timeline = reading.timeline
    if timeline is None:
        failed = f"error: {counted(reading.errors, 'error')} in {shown(str(directory))}{kept}"
        return Outcome(False, (*lines, failed))
    try:
        written = write_exports(timeline, out, formats, **options)
    except ChronoError as err:
        return Outcome(False, (f"error: {shown(str(err))}",))
    return Outcome(True, (*lines, summary(timeline, written)))


def _is_event_file(path: str) -> bool:
    from chrono.events.files import SUFFIXES

    name = Path(path).name
    return not name.startswith(".") and Path(path).suffix.lower() in SUFFIXES


def watch(
    directory: str | Path,
    rebuild: Callable[[], object],
    *,
    ready: Callable[[], object] = lambda: None,
    stop: threading.Event | None = None,
    debounce_ms: int = DEBOUNCE_MS,
) -> None:
    """Call ``rebuild`` after each burst of changes to event files under ``directory``.

    ``ready`` is called once the watcher is running (its first quiet second), so
    a caller knows that a change made from then on is seen. Returns when
    ``stop`` is set, or on Ctrl-C.
    """
    from watchfiles import watch as changes_of

    said_ready = False
    for changes in changes_of(
        directory,
        watch_filter=lambda _change, path: _is_event_file(path),
        debounce=debounce_ms,
        rust_timeout=1000,
        yield_on_timeout=True,
        stop_event=stop,
        raise_interrupt=False,
    ):
        if not changes:
            if not said_ready:
                said_ready = True
                ready()
            continue
        rebuild()
