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
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import attrs

from chrono.events.csv_file import read_csv
from chrono.events.event import Event, Problem
from chrono.events.fields import Checker, Draft, slug
from chrono.events.json_file import read_json
from chrono.events.limits import MAX_FILE_BYTES, quoted
from chrono.events.markwhen_file import read_markwhen
from chrono.events.records import Document, documents
from chrono.events.timelinejs_file import is_timelinejs, timelinejs_documents
from chrono.events.yaml_file import read_yaml

SUFFIXES = (".yaml", ".yml", ".json", ".csv", ".mw")
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
    if root.is_dir():
        files = sorted(
            (
                found
                for found in root.rglob("*")
                if found.suffix.lower() in SUFFIXES
                and found.is_file()
                and not any(part.startswith(".") for part in found.relative_to(root).parts)
            ),
            key=lambda found: found.relative_to(root).parts,
        )
    elif root.exists():
        files = [root]
    else:  # a problem like any other, so a caller prints it with the rest
        return [], [Problem(root.as_posix(), 1, "no such folder or file")]
    read: list[tuple[str, list[Document]]] = []
    problems: list[Problem] = []
    with _no_collection():
        for file in files:
            name = file.as_posix()
            text, problem = _read(file, name)
            found, found_problems = _documents(text, name) if problem is None else ([], [problem])
            read.append((name, found))
            problems.extend(found_problems)
        return _settle(read, problems)


def load_text(text: str, file: str) -> tuple[list[Event], list[Problem]]:
    """The events of one file's text, in the format its name's suffix says."""
    if len(text) > MAX_FILE_BYTES:  # at least as many bytes as characters
        return [], [Problem(file, 1, _too_large(len(text)))]
    with _no_collection():
        found, problems = _documents(text.removeprefix("\ufeff"), file)
        return _settle([(file, found)], problems)


def _read(file: Path, name: str) -> tuple[str, Problem | None]:
    """A file's text, or the one problem that keeps it from being read."""
    if file.suffix.lower() not in SUFFIXES:  # a file named on its own: say so before reading
        return "", Problem(name, 1, f"not an event file: expected {', '.join(SUFFIXES)}")
    try:
        with file.open("rb") as stream:
            size = os.fstat(stream.fileno()).st_size
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
def _no_collection() -> Iterator[None]:
    """Python's cycle collector paused while files are read.

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
        for document in found:
            defaults = checker.defaults(document.defaults)
            drafts.extend(checker.event(event, defaults) for event in document.events)
        problems.extend(checker.problems)
        if not any(document.events for document in found) and file not in troubled:
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
