"""Loading a folder of event files: every file read, every problem reported in one run.

Files are read in sorted path order, each in its own format; a file that cannot
be read at all gives one error and the others go on. Ids are settled last,
across the whole folder: explicit ids must be unique, and ids made from titles
avoid every explicit id and each other, in reading order.
"""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import attrs

from chrono.events.csv_file import read_csv
from chrono.events.event import Event, Problem
from chrono.events.fields import Checker, Draft, slug
from chrono.events.json_file import read_json
from chrono.events.records import Document, documents
from chrono.events.yaml_file import read_yaml

SUFFIXES = (".yaml", ".yml", ".json", ".csv")


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
    for file in files:
        name = file.as_posix()
        try:
            text, problem = _decode(file.read_bytes(), name)
        except OSError as err:
            text, problem = "", Problem(name, 1, f"cannot read the file: {err.strerror or err}")
        found, found_problems = _documents(text, name) if problem is None else ([], [problem])
        read.append((name, found))
        problems.extend(found_problems)
    return _settle(read, problems)


def load_text(text: str, file: str) -> tuple[list[Event], list[Problem]]:
    """The events of one file's text, in the format its name's suffix says."""
    found, problems = _documents(text.removeprefix("\ufeff"), file)
    return _settle([(file, found)], problems)


def _decode(data: bytes, file: str) -> tuple[str, Problem | None]:
    data = data.removeprefix(codecs.BOM_UTF8)
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        message = f"not UTF-8 text: byte 0x{data[err.start]:02x} cannot be read (save as UTF-8)"
        return "", Problem(file, line, message)


def _documents(text: str, file: str) -> tuple[list[Document], list[Problem]]:
    suffix = os.path.splitext(file)[1].lower()
    if suffix == ".csv":
        rows, problems = read_csv(text, file)
        return [Document({}, rows)], problems
    if suffix in (".yaml", ".yml"):
        tops, problems = read_yaml(text, file)
    elif suffix == ".json":
        tops, problems = read_json(text, file)
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
            message = f"duplicate id {event.id!r} (first at {first.file}:{first.line_of('id')})"
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
