"""Hostile and huge text: every call reads or raises ParseError, with work linear in the text.

The work is counted in function calls (``tests.work.calls``), which is the same
on an idle machine and a busy one: a grammar that rescans or backtracks does
quadratic or exponential work and overruns a budget linear in the text, while a
slow machine changes nothing. How long a call takes is measured by
``benchmarks/parse_bench.py``, not here.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import chrono
from chrono.days import Day
from chrono.parse import MAX_LENGTH
from tests.work import calls, parse_budget

LONGEST = 1_000_000

REFERENCE = Day.from_ymd(2025, 5, 20)


def _work(text: str, reference: Day | None, dayfirst: bool | None = None) -> int:
    """Calls made reading ``text``, which must give an Interval or raise ParseError."""
    outcome: list[object] = []

    def read() -> None:
        try:
            outcome.append(chrono.parse(text, reference, dayfirst=dayfirst))
        except chrono.ParseError as err:
            outcome.append(err)

    work = calls(read)
    assert len(outcome) == 1, f"neither an Interval nor a ParseError for {text[:60]!r}"
    (result,) = outcome
    if isinstance(result, chrono.ParseError):
        assert 0 <= result.position <= len(text)
        assert "\n" not in str(result)
    else:
        assert isinstance(result, chrono.Interval)
    return work


def _check(text: str) -> None:
    for reference, dayfirst in ((None, None), (REFERENCE, True)):
        work = _work(text, reference, dayfirst)
        assert work <= parse_budget(text), f"{work} calls for {text[:60]!r}... ({len(text)} chars)"


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
def test_any_unicode_reads_or_raises_in_bounded_work(text: str) -> None:
    _check(text)


@given(st.text(st.characters(exclude_categories=()), min_size=1, max_size=40), lengths)
def test_any_unicode_repeated_to_any_length_reads_or_raises_in_bounded_work(
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
def test_long_runs_read_or_raise_in_bounded_work(piece: str, length: int) -> None:
    _check(_repeat(piece, length))


@given(
    st.lists(st.sampled_from(TOKENS), min_size=1, max_size=12),
    st.sampled_from([" ", "", ", ", "-", "/"]),
    lengths,
)
def test_date_tokens_repeated_read_or_raise_in_bounded_work(
    tokens: list[str], separator: str, length: int
) -> None:
    _check(_repeat(separator.join(tokens) + separator, length))


@given(
    st.sampled_from(["", "from ", "between ", "late ", "circa ", "since ", "[", "{", "2022-"]),
    st.sampled_from(RUNS + TOKENS),
    st.integers(0, 1100),
    st.sampled_from(["", " 2022", " to June 2022", " and May 2023", "]", "}", "-06-11", "~"]),
)
def test_a_long_run_inside_an_expression_reads_or_raises_in_bounded_work(
    prefix: str, piece: str, length: int, suffix: str
) -> None:
    _check(prefix + _repeat(piece, length) + suffix)


# EDTF dates with unspecified digits: the reader looks for the first and the last
# real day a pattern allows. Trying every day of 801 years before giving up on a
# pattern no real date matches (XXXX-XX-4X, XXXX-XX-32, XXXX-02-30) was a bug
# that cost hundreds of thousands of calls for ten characters.
_PATTERN = st.text("0123456789X", min_size=2, max_size=2)


@given(
    st.text("0123456789X", min_size=4, max_size=4),
    _PATTERN,
    _PATTERN,
    st.sampled_from(["{}", "{}~", "{}/..", "../{}", "[{}, 2020]", "{}/{}"]),
)
@example("XXXX", "XX", "32", "{}")
@example("XXXX", "XX", "4X", "{}")
@example("XXXX", "02", "30", "{}")
def test_unspecified_digits_read_or_raise_in_bounded_work(
    year: str, month: str, day: str, form: str
) -> None:
    date = f"{year}-{month}-{day}"
    _check(form.format(date, date))


def _joined(member: Callable[[int], str], comma: str = ",") -> Callable[[int], str]:
    """An EDTF list of ``count`` members: ``[`` and the members joined by commas, then ``]``."""
    return lambda count: "[" + comma.join(member(i) for i in range(count)) + "]"


# The slowest inputs found while writing these tests and fuzzing the parser, each
# made from a count of repeats: at the count given it is near the longest text read.
WORST: dict[str, tuple[Callable[[int], str], int]] = {
    "(?": (lambda n: "(?" * n, 500),
    "'90sY-1": (lambda n: "'90sY-1" * n, 142),
    "c.": (lambda n: "c." * n, 500),
    "–, st": (lambda n: "–, st" * n, 200),
    ")": (lambda n: ")" * n, 1000),
    "%": (lambda n: "%" * n, 1000),
    "1/2/": (lambda n: "1/2/" * n, 250),
    "?": (lambda n: "?" * n, 1000),
    "[": (lambda n: "[" * n, 1000),
    "1X": (lambda n: "1X" * n, 500),
    ".": (lambda n: "." * n, 1000),
    "-": (lambda n: "-" * n, 1000),
    "@": (lambda n: "@" * n, 1000),
    "'": (lambda n: "'" * n, 1000),
    "~?%": (lambda n: "~?%" * n, 333),
    "Y1": (lambda n: "Y1" * n, 500),
    "since ,,,": (lambda n: "since " + "," * n, 606),
    "2022-???": (lambda n: "2022-" + "?" * n, 682),
    "[XXXX-XX-XX, ...]": (_joined(lambda _: "XXXX-XX-XX"), 90),
    "{2004-XX-XX, ...}": (lambda n: "{" + ",".join(["2004-XX-XX"] * n) + "}", 90),
    "[XX0X-02-29, ...]": (_joined(lambda _: "XX0X-02-29"), 90),
    "[XXXX-X2-3X, ...]": (_joined(lambda _: "XXXX-X2-3X"), 90),
    "[1000..1001, ...]": (_joined(lambda i: f"{1000 + i}..{1001 + i}", ", "), 90),
    "2004-~": (lambda n: "2004-~" * n, 166),
    "the day after": (lambda n: "the day after " * n, 71),
    "between": (lambda n: "between " * n, 125),
    "last": (lambda n: "last " * n, 200),
    "999 years ago": (lambda n: "9" * n + " years ago", 990),
    "999 months after 2020": (lambda n: "9" * n + " months after 2020", 980),
    "within 999 days of 2020": (lambda n: "within " + "9" * n + " days of 2020", 980),
    "999": (lambda n: "9" * n, 1000),
    "XXX": (lambda n: "X" * n, 1000),
    "spaces 2022": (lambda n: " " * n + "2022", 999),
    "2022 spaces": (lambda n: "2022" + " " * n, 996),
    "999, too long": (lambda n: "9" * n, 1001),
    "999, a million": (lambda n: "9" * n, LONGEST),
}


@pytest.mark.parametrize("name", sorted(WORST))
def test_the_worst_inputs_found_read_or_raise_in_bounded_work(name: str) -> None:
    make, count = WORST[name]
    _check(make(count))


@pytest.mark.parametrize("name", sorted(WORST))
def test_the_worst_inputs_found_cost_work_linear_in_their_length(name: str) -> None:
    # Twice the repeats may cost at most 2.5 times the calls: linear work doubles
    # (less its fixed part), quadratic work quadruples.
    make, count = WORST[name]
    for reference in (None, REFERENCE):
        half = _work(make(count // 2), reference)
        whole = _work(make(count), reference)
        assert whole <= 2.5 * half, f"{half} calls at {count // 2} repeats, {whole} at {count}"


@pytest.mark.parametrize("piece", sorted(set(RUNS + TOKENS)))
def test_every_piece_repeated_costs_work_linear_in_its_length(piece: str) -> None:
    for reference in (None, REFERENCE):
        half = _work(_repeat(piece, MAX_LENGTH // 2), reference)
        whole = _work(_repeat(piece, MAX_LENGTH), reference)
        assert whole <= 2.5 * half, f"{half} calls at half the length, {whole} at {MAX_LENGTH}"
