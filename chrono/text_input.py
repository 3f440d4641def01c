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
from collections.abc import Iterator
from typing import BinaryIO

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


def input_lines(stream: BinaryIO | None = None) -> Iterator[tuple[int, str | None, str]]:
    """Each line of standard input as (number, text, "") or, when not UTF-8, (number, None, why).

    The line break is removed (LF or CRLF); a byte-order mark before the first line too.
    """
    if stream is None:
        if sys.stdin is None:
            return
        stream = sys.stdin.buffer
    for number, raw in enumerate(stream, 1):
        data = raw.removeprefix(codecs.BOM_UTF8) if number == 1 else raw
        data = data.rstrip(b"\r\n")
        try:
            yield number, data.decode("utf-8"), ""
        except UnicodeDecodeError as err:
            column = err.start + 1
            yield (
                number,
                None,
                f"{STDIN}: not UTF-8 text: byte 0x{data[err.start]:02x} on line {number} "
                f"(column {column}) cannot be read (save it as UTF-8)",
            )
