"""Loading a folder of event files: every file read, every problem reported in one run.

Files are read in sorted path order, each in its own format; a file that cannot
be read at all (unreadable, over :data:`MAX_FILE_BYTES`, not UTF-8) gives one
error and the others go on. Lines may end with LF, CRLF or CR, in any format,
with the same events and lines. Ids are settled last, across the whole folder:
explicit ids must be unique, and ids made from titles avoid every explicit id
and each other, in reading order.
"""

from __future__ import annotations

import codecs
import gc
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import attrs

from chrono.events.csv_file import read_csv
from chrono.events.event import Event, Problem
from chrono.events.fields import Checker, Draft, slug
from chrono.events.json_file import read_json
from chrono.events.limits import MAX_FILE_BYTES, SURROGATE, quoted, whole_text
from chrono.events.markwhen_file import read_markwhen
from chrono.events.parquet_file import read_parquet
from chrono.events.records import Document, documents
from chrono.events.timelinejs_file import is_timelinejs, timelinejs_documents
from chrono.events.yaml_file import read_yaml

SUFFIXES = (".yaml", ".yml", ".json", ".csv", ".mw", ".parquet")
_MB = 1024 * 1024


def load_folder(path: str | os.PathLike[str]) -> tuple[list[Event], list[Problem]]:
    """The events of every event file under ``path`` (or of the one file ``path``).

    Each Event and Problem names its file as ``path`` joined with the file's
    place under it, with forward slashes (``events/mali.yaml``). Events with an
    error are left out; the problems are in file order, then line order. Hidden
    files and folders (``.git``) are skipped; a ``path`` that does not exist is
    one error.
    """
    root = Path(path)
    skipped: list[Problem] = []
    if root.is_dir():
        files: list[Path] = []
        for entry in root.rglob("*"):
            if entry.suffix.lower() not in SUFFIXES or any(
                part.startswith(".") for part in entry.relative_to(root).parts
            ):
                continue
            kind = _not_regular(entry)
            if kind is None:
                files.append(entry)
            elif kind != "a folder":
                skipped.append(_skipped(entry.as_posix(), kind))
        files.sort(key=lambda found: found.relative_to(root).parts)
        skipped.sort(key=lambda problem: problem.file)
    elif root.exists():
        kind = _not_regular(root)
        files = [root] if kind is None else []
        skipped = [] if kind is None else [_skipped(root.as_posix(), kind)]
    else:  # a problem like any other, so a caller prints it with the rest
        return [], [Problem(root.as_posix(), 1, "no such folder or file")]
    read: list[tuple[str, list[Document]]] = []
    problems: list[Problem] = []
    with paused_collection():
        for file in files:
            name = file.as_posix()
            if file.suffix.lower() == ".parquet":  # a binary table, read row by row
                rows, found_problems = read_parquet(file, name)
                read.append((name, [Document({}, rows)]))
                problems.extend(found_problems)
                continue
            text, problem = _read(file, name)
            found, found_problems = _documents(text, name) if problem is None else ([], [problem])
            read.append((name, found))
            problems.extend(found_problems)
        events, problems = _settle(read, problems)
        return events, skipped + problems


def load_text(text: str, file: str) -> tuple[list[Event], list[Problem]]:
    """The events of one file's text, in the format its name's suffix says."""
    if len(text) > MAX_FILE_BYTES:  # at least as many bytes as characters
        return [], [Problem(file, 1, _too_large(len(text)))]
    with paused_collection():
        found, problems = _documents(text.removeprefix("\ufeff"), file)
        return _settle([(file, found)], problems)


def _not_regular(path: Path) -> str | None:
    """What ``path`` is when it is not a regular file (a FIFO, a device...), without opening it.

    Opening a FIFO for reading waits for a writer, forever; a device may never end.
    """
    try:
        mode = path.stat().st_mode
    except OSError:
        return None  # a broken link and the like: reading it says why
    if stat.S_ISREG(mode):
        return None
    for test, kind in (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a FIFO (named pipe)"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
    ):
        if test(mode):
            return kind
    return "not a regular file"


def _skipped(name: str, kind: str) -> Problem:
    return Problem(name, 1, f"skipped: {kind}, not a regular file", "warning")


def _read(file: Path, name: str) -> tuple[str, Problem | None]:
    """A file's text, or the one problem that keeps it from being read."""
    if file.suffix.lower() not in SUFFIXES:  # a file named on its own: say so before reading
        return "", Problem(name, 1, f"not an event file: expected {', '.join(SUFFIXES)}")
    try:
        # non-blocking, so that a file swapped for a FIFO since it was looked at cannot hang
        with os.fdopen(os.open(file, os.O_RDONLY | os.O_NONBLOCK), "rb") as stream:
            status = os.fstat(stream.fileno())
            if not stat.S_ISREG(status.st_mode):
                return "", _skipped(name, "not a regular file")
            os.set_blocking(stream.fileno(), True)
            size = status.st_size
            # what stat says is checked first; what is read, in case it grew or had no size
            data = b"" if size > MAX_FILE_BYTES else stream.read(MAX_FILE_BYTES + 1)
    except OSError as err:
        return "", Problem(name, 1, f"cannot read the file: {err.strerror or err}")
    if max(size, len(data)) > MAX_FILE_BYTES:
        return "", Problem(name, 1, _too_large(max(size, len(data))))
    return _decode(data, name)


def _too_large(size: int) -> str:
    return (
        f"file too large: {size / _MB:.1f} MB, over the {MAX_FILE_BYTES // _MB} MB limit "
        "for one event file (split it into several)"
    )


def _decode(data: bytes, file: str) -> tuple[str, Problem | None]:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "", Problem(file, 1, "not UTF-8 text: the file is UTF-16 (save as UTF-8)")
    data = data.removeprefix(codecs.BOM_UTF8)
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as err:
        before = data[: err.start]  # lines end with LF, CRLF or CR, as in _documents
        line = before.count(b"\n") + before.count(b"\r") - before.count(b"\r\n") + 1
        message = f"not UTF-8 text: byte 0x{data[err.start]:02x} cannot be read (save as UTF-8)"
        return "", Problem(file, line, message)


@contextmanager
def paused_collection() -> Iterator[None]:
    """Python's cycle collector paused while files are read (or a batch of them merged).

    Reading allocates millions of small objects that all stay alive; the
    collector would walk them over and over, which on a file of a few megabytes
    takes twice as long as the reading itself.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _documents(text: str, file: str) -> tuple[list[Document], list[Problem]]:
    """The documents of a file's text: lines end with LF, CRLF (Windows) or CR all the same."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    whole, message = whole_text(text)  # only text given as a str can hold them raw
    if message is not None:
        half = SURROGATE.search(text)
        line = text.count("\n", 0, half.start() if half else 0) + 1
        return [], [Problem(file, line, message)]
    text = whole
    suffix = os.path.splitext(file)[1].lower()
    if suffix == ".csv":
        rows, problems = read_csv(text, file)
        return [Document({}, rows)], problems
    if suffix == ".mw":  # markwhen
        return read_markwhen(text, file)
    if suffix in (".yaml", ".yml"):
        tops, problems = read_yaml(text, file)
    elif suffix == ".json":
        tops, problems = read_json(text, file)
        if is_timelinejs(tops):
            slides, slide_problems = timelinejs_documents(tops, file)
            return slides, problems + slide_problems
    else:
        return [], [Problem(file, 1, f"not an event file: expected {', '.join(SUFFIXES)}")]
    found, shape_problems = documents(tops, file)
    return found, problems + shape_problems


def _settle(
    read: list[tuple[str, list[Document]]], problems: list[Problem]
) -> tuple[list[Event], list[Problem]]:
    """Check every event, give ids, and keep the events that passed."""
    drafts: list[Draft] = []
    troubled = {problem.file for problem in problems}
    for file, found in read:
        checker = Checker(file)
        empty = not any(document.events for document in found)
        for document in found:
            defaults = checker.defaults(document.defaults)
            # each event's records are let go once it is checked: the records of a large
            # file and all its events are never held at once
            pending = document.events
            pending.reverse()
            while pending:
                drafts.append(checker.event(pending.pop(), defaults))
        problems.extend(checker.problems)
        if empty and file not in troubled:
            problems.append(Problem(file, 1, "no events in this file", "warning"))
    drafts = _give_ids(drafts, problems)
    order = {file: index for index, (file, _) in enumerate(read)}
    kept = sorted(dict.fromkeys(problems), key=lambda p: (order.get(p.file, len(order)), p.line))
    return [draft.event for draft in drafts if draft.ok], kept


def _give_ids(drafts: list[Draft], problems: list[Problem]) -> list[Draft]:
    """Explicit ids checked for duplicates, then ids made from titles for the others."""
    claimed: dict[str, Event] = {}
    settled: list[Draft] = []
    for draft in drafts:
        event = draft.event
        first = claimed.get(event.id) if draft.explicit_id else None
        if first is not None:
            message = (
                f"duplicate id {quoted(event.id)} (first at {first.file}:{first.line_of('id')})"
            )
            problems.append(Problem(event.file, event.line_of("id"), message))
            draft = attrs.evolve(draft, ok=False)
        elif draft.explicit_id:
            claimed[event.id] = event
        settled.append(draft)
    taken = set(claimed)
    counts: dict[str, int] = {}  # the last suffix tried for each slug: no rescanning from -2
    for index, draft in enumerate(settled):
        if draft.explicit_id or not draft.event.title:
            continue
        base = made = slug(draft.event.title)
        count = counts.get(base, 1)
        while made in taken:
            count += 1
            made = f"{base}-{count}"
        counts[base] = count
        taken.add(made)
        settled[index] = Draft(attrs.evolve(draft.event, id=made), False, draft.ok)
    return settled


def no_events_reason(path: Path) -> str:
    """Why a folder gives no events: it has no event files, or they hold none."""
    if path.is_dir() and not any(
        found.suffix.lower() in SUFFIXES
        and found.is_file()
        and not any(part.startswith(".") for part in found.relative_to(path).parts)
        for found in path.rglob("*")
    ):
        kinds = ", ".join(SUFFIXES[:-1]) + " and " + SUFFIXES[-1]
        return f"{path}: no event files in this folder (chrono reads {kinds} files)"
    return f"{path}: no events in {'its event files' if path.is_dir() else 'this file'}"
