"""Hostile and huge text: every call reads or raises ParseError, and does so quickly.

The requirement is 50 ms a call at most. The properties allow 0.5 s, so that a
pause of a shared 2-core machine does not fail them; the fixed list of the
worst inputs found also checks the best of a few runs against the 50 ms itself.
"""

from __future__ import annotations

import time

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import chrono
from chrono.days import Day

BOUND = 0.5  # seconds a call; generous: this machine is shared
REQUIREMENT = 0.05  # seconds a call, what the issue asks
LONGEST = 1_000_000

REFERENCE = Day.from_ymd(2025, 5, 20)


def _timed(text: str, reference: Day | None, dayfirst: bool | None = None) -> float:
    """Seconds to read ``text``, which must give an Interval or raise ParseError."""
    began = time.perf_counter()
    try:
        result = chrono.parse(text, reference, dayfirst=dayfirst)
    except chrono.ParseError as err:
        elapsed = time.perf_counter() - began
        assert 0 <= err.position <= len(text)
        assert "\n" not in str(err)
    else:
        elapsed = time.perf_counter() - began
        assert isinstance(result, chrono.Interval)
    return elapsed


def _check(text: str) -> None:
    for reference, dayfirst in ((None, None), (REFERENCE, True)):
        elapsed = _timed(text, reference, dayfirst)
        assert elapsed < BOUND, f"{elapsed:.3f} s for {text[:60]!r}... ({len(text)} chars)"


# Lengths near the ones that matter: short, about the longest expression read
# (1000 characters), and far past it, up to a million.
lengths = st.one_of(
    st.integers(0, 64),
    st.integers(900, 1100),
    st.sampled_from([999, 1000, 1001, 4096, 65_536, LONGEST]),
    st.integers(1101, LONGEST),
)

# Runs of one character or a few that each start a rule of the grammar.
RUNS = [
    "0",
    "9",
    "-",
    "~",
    "?",
    "%",
    "~?%",
    "[",
    "{",
    "[{",
    "@",
    "'",
    " ",
    "\t",
    "(",
    ")",
    ".",
    "/",
    ",",
    "X",
    "Y",
    "..",
    "c.",
    "–",
    "’",
    "\u00a0",
    "\U0001f600",
]

# Pieces of dates, repeated in any order.
TOKENS = [
    "2022",
    "1985",
    "-04",
    "-12",
    "12",
    "May",
    "Sept.",
    "late",
    "early",
    "mid-",
    "the",
    "of",
    "end",
    "first half",
    "Q3",
    "winter",
    "1990s",
    "'90s",
    "5th century BC",
    "circa",
    "~",
    "?",
    "%",
    "between",
    "and",
    "from",
    "to",
    "since",
    "before",
    "after",
    "..",
    "/",
    "[",
    "]",
    "{",
    "}",
    ",",
    "-",
    "@a",
    "@x.y:z-",
    "last",
    "next",
    "Friday",
    "2 weeks",
    "ago",
    "within",
    "days",
    "XX",
    "Y-1E12S3",
    "T10:00:00Z",
    "W32",
    "’s",
]


def _repeat(piece: str, length: int) -> str:
    if not piece:
        return ""
    return (piece * (length // len(piece) + 1))[:length]


@given(st.text(max_size=200))
@example("")
@example("\x00")
@example("\ud800")
def test_any_unicode_reads_or_raises_in_time(text: str) -> None:
    _check(text)


@given(st.text(st.characters(exclude_categories=()), min_size=1, max_size=40), lengths)
def test_any_unicode_repeated_to_any_length_reads_or_raises_in_time(
    piece: str, length: int
) -> None:
    _check(_repeat(piece, length))


@given(st.sampled_from(RUNS), lengths)
@example("9", 1000)
@example("-", 1000)
@example("~?%", 1000)
@example("[", 1000)
@example("{", 1000)
@example("@", 1000)
@example("'", 1000)
@example(" ", 1000)
@example("9", LONGEST)
def test_long_runs_read_or_raise_in_time(piece: str, length: int) -> None:
    _check(_repeat(piece, length))


@given(
    st.lists(st.sampled_from(TOKENS), min_size=1, max_size=12),
    st.sampled_from([" ", "", ", ", "-", "/"]),
    lengths,
)
def test_date_tokens_repeated_read_or_raise_in_time(
    tokens: list[str], separator: str, length: int
) -> None:
    _check(_repeat(separator.join(tokens) + separator, length))


@given(
    st.sampled_from(["", "from ", "between ", "late ", "circa ", "since ", "[", "{", "2022-"]),
    st.sampled_from(RUNS + TOKENS),
    st.integers(0, 1100),
    st.sampled_from(["", " 2022", " to June 2022", " and May 2023", "]", "}", "-06-11", "~"]),
)
def test_a_long_run_inside_an_expression_reads_or_raises_in_time(
    prefix: str, piece: str, length: int, suffix: str
) -> None:
    _check(prefix + _repeat(piece, length) + suffix)


# EDTF dates with unspecified digits: the reader looks for the first and the last
# real day a pattern allows, which is quick when one exists and slow when none does.
SLOW_PATTERNS = (
    "bug: an EDTF pattern with unspecified digits that no real date matches "
    "(XXXX-XX-4X, XXXX-XX-32, XXXX-02-30) takes 0.3 to 5 s to refuse: "
    "parsing.edtf._first_or_last_day tries every day of 801 years before giving up"
)
_PATTERN = st.text("0123456789X", min_size=2, max_size=2)


@given(
    st.text("0123456789X", min_size=4, max_size=4),
    _PATTERN,
    _PATTERN,
    st.sampled_from(["{}", "{}~", "{}/..", "../{}", "[{}, 2020]", "{}/{}"]),
)
@example("XXXX", "XX", "32", "{}")
def test_unspecified_digits_read_or_raise_in_time(
    year: str, month: str, day: str, form: str
) -> None:
    date = f"{year}-{month}-{day}"
    _check(form.format(date, date))


# The slowest inputs found while writing these tests and fuzzing the parser: each
# is near the longest text read, and each took 1 to 15 ms on a 2-core machine
# (the best of a few runs; a busy machine adds pauses of up to 0.3 s).
WORST = [
    "(?" * 500,
    "'90sY-1" * 142,
    "c." * 500,
    "–, st" * 200,
    ")" * 1000,
    "%" * 1000,
    "1/2/" * 250,
    "?" * 1000,
    "[" * 1000,
    "1X" * 500,
    "." * 1000,
    "-" * 1000,
    "@" * 1000,
    "'" * 1000,
    "~?%" * 333,
    "Y1" * 500,
    "since " + "," * 606,
    "2022-" + "?" * 682,
    "[" + ",".join(["XXXX-XX-XX"] * 90) + "]",
    "{" + ",".join(["2004-XX-XX"] * 90) + "}",
    "[" + ",".join(["XX0X-02-29"] * 90) + "]",
    "[" + ",".join(["XXXX-X2-3X"] * 90) + "]",
    "[" + ", ".join(f"{1000 + i}..{1001 + i}" for i in range(90)) + "]",
    "2004-~" * 166,
    "the day after " * 71,
    "between " * 125,
    "last " * 200,
    "9" * 990 + " years ago",
    "9" * 980 + " months after 2020",
    "within " + "9" * 980 + " days of 2020",
    "9" * 1000,
    "X" * 1000,
    " " * 999 + "2022",
    "2022" + " " * 996,
    "9" * 1001,
    "9" * LONGEST,
]
SLOW = [
    "XXXX-XX-4X",  # no month has a day 40-49: about 5 s
    "XXXX-XX-32",  # about 2.5 s
    "XXXX-02-30",  # about 0.3 s: within the generous bound, not the requirement
]


def _best(text: str, runs: int = 3) -> float:
    """The quickest of a few reads, with and without a reference, stopping once one is quick."""
    best = BOUND
    for _ in range(runs):
        for reference in (None, REFERENCE):
            best = min(best, _timed(text, reference))
            if best < REQUIREMENT:
                return best
    return best


@pytest.mark.parametrize(
    "text",
    [
        *WORST,
        *SLOW,
    ],
    ids=[f"{t[:12]!r}x{len(t)}" for t in [*WORST, *SLOW]],
)
def test_the_worst_inputs_found_read_or_raise_in_time(text: str) -> None:
    _check(text)
    # the requirement itself, on the best of a few runs so that a pause does not count
    best = _best(text)
    assert best < REQUIREMENT, f"{best * 1000:.1f} ms at best for {text[:40]!r}"
