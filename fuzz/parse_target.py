"""Coverage-guided fuzzing of ``chrono.parse``: any text either reads or raises ParseError.

    python fuzz/parse_target.py -max_total_time=60

An input is bytes: the first byte picks how the rest decodes to text (odd: ASCII,
so a seed is readable as ``#late 2022``; even: UTF-16 or UTF-32, any code point),
and the last byte picks a reference date and ``dayfirst`` (see ``_options``). Each
input is read twice: once with no reference, once with the chosen one. Anything but
an Interval or a ParseError (a ValueError, an IndexError, a RecursionError, ...) is
a crash, and so is a call slower than ``CHRONO_FUZZ_SLOW`` seconds (1 by default);
libFuzzer saves the input under ``fuzz/artifacts/``.
"""

from __future__ import annotations

import datetime as dt
import os
import time

import atheris  # type: ignore[import-untyped,import-not-found,unused-ignore]
from runner import run

with atheris.instrument_imports():
    import chrono
    import chrono.days
    import chrono.model
    import chrono.parse
    import chrono.parsing.edtf
    import chrono.parsing.lexer
    import chrono.parsing.natural
    import chrono.resolve
    import chrono.units
    from chrono.days import Day
    from chrono.parse import Reference

# Reference dates of every type parse accepts, near the calendar's awkward places.
REFERENCES: tuple[Reference, ...] = (
    Day.from_ymd(2025, 5, 20),
    Day.from_ymd(2024, 2, 29),
    "2025-07-15",  # the seeds end in a newline, 10: this reference, dayfirst True
    Day.from_ymd(1, 1, 1),
    Day.from_ymd(-499, 12, 31),
    Day.from_ymd(9999, 12, 31),
    dt.date(2000, 1, 1),
    "1999-12-31",
)
DAYFIRST = (None, True, False)
# Seconds one call may take before the input counts as a finding (the requirement is
# 50 ms; instrumented code runs a few times slower, and the machine may be busy).
SLOW = float(os.environ.get("CHRONO_FUZZ_SLOW", "1.0"))


def _options(byte: int) -> tuple[Reference, bool | None]:
    return REFERENCES[byte % len(REFERENCES)], DAYFIRST[(byte // len(REFERENCES)) % 3]


def _read(text: str, reference: Reference, dayfirst: bool | None) -> None:
    began = time.perf_counter()
    try:
        result = chrono.parse(text, reference, dayfirst=dayfirst)
    except chrono.ParseError as err:
        # the error must describe itself without failing in turn
        assert 0 <= err.position <= len(text), (err.position, len(text))
        str(err)
        err.excerpt()
    else:
        assert isinstance(result, chrono.Interval), type(result)
    elapsed = time.perf_counter() - began
    assert elapsed < SLOW, f"{elapsed:.2f} s to read {text[:80]!r}"


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    reference, dayfirst = _options(fdp.ConsumeIntInRange(0, 255))  # the last byte
    text = fdp.ConsumeUnicodeNoSurrogates(fdp.remaining_bytes())
    _read(text, None, None)
    _read(text, reference, dayfirst)


if __name__ == "__main__":
    run("parse", test_one_input)
