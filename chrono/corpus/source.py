"""A corpus cut into parts: each part names its documents, and a worker reads them.

The driver only plans (file names and sizes, line-aligned byte ranges of JSON Lines);
the text is read where it is extracted, so no document crosses the network and the
driver's memory does not grow with the corpus.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import attrs

MAX_DOCUMENT = 50_000_000  # bytes: a larger document is an error row, never read whole
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
_ISO_MOMENT = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ].*)?\Z")


@attrs.frozen
class Fields:
    """How documents are read: the JSON Lines fields, and the reference for the rest."""

    id_field: str = "id"
    text_field: str = "text"
    date_field: str | None = None
    reference: str | None = None  # a date, or "auto": each document's dateline
    fiscal_year_start: int | None = None  # the month fiscal years start in (FY2023)

    @property
    def auto(self) -> bool:
        return self.reference is not None and self.reference.strip().lower() == "auto"


@attrs.frozen
class Part:
    """Some documents: whole files under ``root``, or lines ``[start, stop)`` of one file."""

    files: tuple[str, ...] = ()
    root: str = ""
    jsonl: str | None = None
    start: int = 0
    stop: int = 0
    first_line: int = 1
    size: int = 0

    @property
    def label(self) -> str:
        """The part as a person would look for it, for a row when the whole part failed."""
        if self.jsonl is not None:
            return f"{Path(self.jsonl).name}:{self.first_line}"
        return _identifier(self.files[0], self.root) if self.files else "(empty part)"


@attrs.frozen
class Document:
    """One document as read: text and reference, or the error that kept it from being read."""

    id: str
    text: str = ""
    reference: str | None = None
    error: str | None = None


def is_corpus(path: Path) -> bool:
    return path.is_dir() or path.suffix.lower() in JSONL_SUFFIXES


def plan(source: Path, part_bytes: int | None = None) -> list[Part]:
    """The parts of a folder of text files, a JSON Lines file, or one text file.

    Parts are about ``part_bytes`` each; by default a 64th of the corpus, between
    16 KiB and 4 MiB, so that a few workers always have parts to share.
    """
    if source.is_dir():
        root = source
        files = sorted(
            (p for p in source.rglob("*") if p.is_file() and not _hidden(p, source)),
            key=lambda p: p.relative_to(source).as_posix(),
        )
        sizes = [p.stat().st_size for p in files]
        target = part_bytes or _target(sum(sizes))
        parts: list[Part] = []
        group: list[str] = []
        size = 0
        for path, n in zip(files, sizes, strict=True):
            group.append(str(path))
            size += n
            if size >= target:
                parts.append(Part(files=tuple(group), root=str(root), size=size))
                group, size = [], 0
        if group:
            parts.append(Part(files=tuple(group), root=str(root), size=size))
        return parts
    if source.suffix.lower() in JSONL_SUFFIXES:
        return _jsonl_parts(source, part_bytes)
    return [Part(files=(str(source),), root=str(source.parent), size=source.stat().st_size)]


def _hidden(path: Path, root: Path) -> bool:
    return any(name.startswith(".") for name in path.relative_to(root).parts)


def _target(total: int) -> int:
    return max(16 << 10, min(4 << 20, total // 64))


def _jsonl_parts(path: Path, part_bytes: int | None) -> list[Part]:
    """Line-aligned byte ranges, each with the number of its first line (one pass over lines)."""
    target = part_bytes or _target(path.stat().st_size)
    parts: list[Part] = []
    start = offset = 0
    first = line = 1
    with path.open("rb") as f:
        for raw in f:
            offset += len(raw)
            line += 1
            if offset - start >= target:
                parts.append(_jsonl_part(path, start, offset, first))
                start, first = offset, line
    if offset > start:
        parts.append(_jsonl_part(path, start, offset, first))
    return parts


def _jsonl_part(path: Path, start: int, stop: int, line: int) -> Part:
    return Part(jsonl=str(path), start=start, stop=stop, first_line=line, size=stop - start)


def documents(part: Part, fields: Fields) -> Iterator[Document]:
    """The documents of ``part``, read here; one that cannot be read is a Document with an error."""
    if part.jsonl is not None:
        yield from _jsonl_documents(part, fields)
        return
    for name in part.files:
        yield _file_document(Path(name), _identifier(name, part.root), fields.reference)


def _identifier(name: str, root: str) -> str:
    path = Path(name)
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.name


def _file_document(path: Path, ident: str, reference: str | None) -> Document:
    try:
        size = path.stat().st_size
        if size > MAX_DOCUMENT:
            return Document(ident, error=f"{size} bytes: over the limit of {MAX_DOCUMENT}")
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as err:
        return Document(ident, error=f"not UTF-8 text (byte {err.start}): save it as UTF-8")
    except OSError as err:
        return Document(ident, error=f"cannot read it ({err.strerror})")
    return Document(ident, text, reference)


def _jsonl_documents(part: Part, fields: Fields) -> Iterator[Document]:
    assert part.jsonl is not None
    name = Path(part.jsonl).name
    with open(part.jsonl, "rb") as f:
        f.seek(part.start)
        data = f.read(part.stop - part.start)
    for number, raw in enumerate(data.splitlines(), start=part.first_line):
        if raw.strip():
            yield _jsonl_document(raw, f"{name}:{number}", fields)


def _jsonl_document(raw: bytes, where: str, fields: Fields) -> Document:
    try:
        record = json.loads(raw)
    except (UnicodeDecodeError, ValueError) as err:
        return Document(where, error=f"not a JSON object ({err})")
    if not isinstance(record, dict):
        return Document(where, error=f"a JSON {type(record).__name__}, not an object")
    ident = record.get(fields.id_field)
    ident = where if ident is None or isinstance(ident, dict | list) else str(ident)
    text = record.get(fields.text_field)
    if not isinstance(text, str):
        return Document(ident, error=f"no text: the field {fields.text_field!r} is not a string")
    if fields.date_field is None:
        return Document(ident, text, fields.reference)
    date = record.get(fields.date_field)
    if (date is None or date == "") and fields.auto:
        return Document(ident, text, fields.reference)  # no date given: read the dateline
    if not isinstance(date, str) or not date.strip():
        return Document(ident, error=f"no date: the field {fields.date_field!r} is not a date")
    moment = _ISO_MOMENT.match(date.strip())
    return Document(ident, text, moment.group(1) if moment else date.strip())
