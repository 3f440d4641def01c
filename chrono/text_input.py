"""Reading a document or lines of text from a file or standard input, bounded and decoded.

Bytes are decoded here, not by the text layer of ``sys.stdin``, so that a byte
that is not UTF-8 is one clear error naming its line and byte, never a
traceback; and a document is read up to :data:`MAX_TEXT_BYTES` and no further,
so ``chrono extract /dev/zero`` stops at once instead of filling the memory.
"""

from __future__ import annotations

import codecs
import os
import stat
import sys
from collections.abc import Callable, Iterator
from typing import BinaryIO, cast

from chrono.errors import ChronoError

MAX_TEXT_BYTES = 50 * 1024 * 1024  # a document to extract from: a few thousand pages
STDIN = "standard input"
_MB = 1024 * 1024


def undecodable(data: bytes, err: UnicodeDecodeError, name: str) -> str:
    """The message for bytes that are not UTF-8: the byte, its line and its offset."""
    line = data.count(b"\n", 0, err.start) + 1
    return (
        f"{name}: not UTF-8 text: byte 0x{data[err.start]:02x} on line {line} "
        f"(byte {err.start + 1}) cannot be read (save it as UTF-8)"
    )


def read_document(source: str, limit: int = MAX_TEXT_BYTES) -> str:
    """The text of the file ``source`` (``-``: standard input), refused past ``limit`` bytes."""
    name = STDIN if source == "-" else source
    if source == "-":
        stream = sys.stdin.buffer if sys.stdin is not None else None
        if stream is None:
            raise ChronoError("standard input is closed")
        data = _bounded(stream, name, limit, None)
    else:
        try:
            fd = os.open(source, os.O_RDONLY | os.O_NONBLOCK)
        except FileNotFoundError:
            raise ChronoError(f"{source}: no such file") from None
        except OSError as err:
            raise ChronoError(f"{source}: cannot read it ({err.strerror})") from None
        with os.fdopen(fd, "rb") as handle:
            status = os.fstat(fd)
            if stat.S_ISDIR(status.st_mode):
                raise ChronoError(f"{source}: a folder, not a text file")
            os.set_blocking(fd, True)  # a FIFO named on purpose is read as its writer writes
            size = status.st_size if stat.S_ISREG(status.st_mode) else None
            try:
                data = _bounded(handle, name, limit, size)
            except OSError as err:
                raise ChronoError(f"{source}: cannot read it ({err.strerror})") from None
    data = data.removeprefix(codecs.BOM_UTF8)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise ChronoError(undecodable(data, err, name)) from None


def _bounded(stream: BinaryIO, name: str, limit: int, size: int | None) -> bytes:
    """At most ``limit`` bytes; past it (or a file stat says is larger), an error first."""
    if size is not None and size > limit:
        raise ChronoError(_too_large(name, f"{size / _MB:.1f} MB, over", limit))
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise ChronoError(_too_large(name, "over", limit))
    return data


def _too_large(name: str, how: str, limit: int) -> str:
    return (
        f"{name}: too large: {how} the {limit // _MB} MB limit for one document "
        "(split it into several)"
    )


CHUNK = 1 << 16  # bytes asked for at once: a pipe's buffer
# Lines handed on at once. A chunk holds thousands; their answers, kept until all are
# done, would take megabytes that the allocator gives back to the system after each
# write and asks for again (a page fault every 4 KB). A hundred lines' answers stay
# in the cache and in memory already had.
LINES = 128


class BadLine:
    """A line that is not UTF-8, in the place of its text: the message that says so."""

    __slots__ = ("message",)

    def __init__(self, message: str) -> None:
        self.message = message


def input_batches(
    stream: BinaryIO | None = None, size: int = CHUNK, most: int = LINES
) -> Iterator[list[str | BadLine]]:
    """Each line of standard input, in lists of at most ``most`` lines from one chunk read.

    The line break is removed (LF or CRLF, with any carriage returns before it); a
    byte-order mark before the first line too. A line that is not UTF-8 is a
    :class:`BadLine` naming its line and column. Each read takes what is there (up
    to ``size`` bytes), so a line typed at a terminal is answered when typed; a
    chunk is decoded and split in one call each, and only a chunk with a bad byte
    is read again line by line.
    """
    if stream is None:
        if sys.stdin is None:
            return
        stream = sys.stdin.buffer
    read: Callable[[int], bytes] = getattr(stream, "read1", stream.read)
    number = 0  # lines given so far
    pending: list[bytes] = []  # the start of a line that goes on in the next chunk
    while chunk := read(size):
        cut = chunk.rfind(b"\n")
        if cut < 0:
            pending.append(chunk)
            continue
        if pending:
            pending.append(chunk[:cut])
            data = b"".join(pending)
        else:
            data = chunk[:cut]
        pending = [chunk[cut + 1 :]] if cut + 1 < len(chunk) else []
        lines = _lines(data, number)
        number += len(lines)
        yield from _parts(lines, most)
    if pending:  # the last line, without a line break
        yield _lines(b"".join(pending), number)


def _parts(lines: list[str | BadLine], most: int) -> Iterator[list[str | BadLine]]:
    if len(lines) <= most:
        yield lines
    else:
        for at in range(0, len(lines), most):
            yield lines[at : at + most]


def _lines(data: bytes, number: int) -> list[str | BadLine]:
    """The lines of ``data`` split at each LF, the first numbered ``number + 1``."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return [_line(raw, n) for n, raw in enumerate(data.split(b"\n"), number + 1)]
    lines = text.split("\n")
    if number == 0 and text.startswith("\ufeff"):
        lines[0] = lines[0][1:]
    if "\r" in text:
        lines = [line.rstrip("\r") for line in lines]
    return cast("list[str | BadLine]", lines)


def _line(raw: bytes, number: int) -> str | BadLine:
    """One line on its own, for the message of a byte that is not UTF-8."""
    data = raw.removeprefix(codecs.BOM_UTF8) if number == 1 else raw
    data = data.rstrip(b"\r")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        return BadLine(
            f"{STDIN}: not UTF-8 text: byte 0x{data[err.start]:02x} on line {number} "
            f"(column {err.start + 1}) cannot be read (save it as UTF-8)"
        )
