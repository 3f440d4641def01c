"""The one-match reader of common shapes gives exactly the token reader's node, or none.

Texts are built from the shapes' own pieces and their near misses (a dot after a full
month name, day 0, Q5, an era, a 'some time', odd case and spacing), so that every
branch of the pattern meets input it must refuse as well as input it must read.
"""

from __future__ import annotations

from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import chrono
from chrono.days import Day
from chrono.parsing import shapes
from chrono.parsing.edtf import looks_like_edtf
from chrono.parsing.natural import Parser
from chrono.parsing.nodes import Expression
from chrono.parsing.shapes import read
from tests.strategies import MONTH_NAMES, references

_LEADS = ["", "from ", "between ", "before ", "after ", "since ", "by ", "until ", "till "]
_LEADS += ["no later than ", "prior to ", "up to ", "not before ", "From ", "BEFORE "]
_APPROX = ["", "", "circa ", "about ", "around ", "roughly ", "some ", "c. ", "sometime "]
_IN = ["", "", "in ", "during ", "on ", "of "]
_PARTS = ["", "", "early ", "mid-", "mid ", "late ", "Late ", "late-", "mid - ", "the "]
_PARTS += ["the end of ", "early-to-", "late in "]
_BASES = [
    "{y}",
    "{y:04d}",
    "{y3}",
    "{M} {y}",
    "{a} {y}",
    "{a}. {y}",
    "{M}. {y}",
    "{M}, {y}",
    "{M} , {y}",
    "{M}{y}",
    "{M} of {y}",
    "{d} {M} {y}",
    "{d} {a}. {y}",
    "{d} {M}, {y}",
    "{M} {d}, {y}",
    "{M} {d} {y}",
    "{a}. {d}, {y}",
    "{M} {d}",
    "{d} {M}",
    "{M} {d3}",
    "{M} {d} {d}",
    "{M} {y}{d}",
    "{M}",
    "{a}.",
    "the {dec}0s",
    "{dec}0s",
    "the {dec2}0s",
    "Q{q} {y}",
    "q{q} {y}",
    "H{q} {y}",
    "Q{q}",
    "{n} {u} ago",
    "{w} {u} ago",
    "{n} {u}",
    "{y} BC",
    "{y} AD",
    "spring {y}",
    "winter {y}",
]
_SEPS = ["", "", " to ", " - ", " – ", "-", " and ", " & ", " until ", " or ", " through "]
_UNITS = ["year", "years", "months", "month", "weeks", "day", "days", "decade", "centuries"]
_WORDS = ["a", "an", "one", "two", "ten", "nineteen", "fifty", "several", "the"]


@st.composite
def _unit(draw: st.DrawFn) -> str:
    month = draw(st.integers(1, 12))
    base = draw(st.sampled_from(_BASES)).format(
        y=draw(st.integers(0, 9999)),
        y3=draw(st.integers(100, 999)),
        M=MONTH_NAMES[month],
        a=draw(st.sampled_from([MONTH_NAMES[month][:3], "Sept", "sep", "JUN"])),
        d=draw(st.integers(0, 39)),
        d3=draw(st.integers(100, 999)),
        dec=draw(st.integers(100, 299)),
        dec2=draw(st.integers(1, 9)),
        q=draw(st.integers(0, 5)),
        n=draw(st.integers(0, 120)),
        w=draw(st.sampled_from(_WORDS)),
        u=draw(st.sampled_from(_UNITS)),
    )
    pieces = (_APPROX, _IN, _PARTS)
    return "".join(draw(st.sampled_from(p)) for p in pieces) + base


@st.composite
def _texts(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(_LEADS)) + draw(_unit())
    sep = draw(st.sampled_from(_SEPS))
    if sep:
        text += sep + draw(_unit())
    case = draw(st.sampled_from([str, str.lower, str.upper, str.title]))
    space = draw(st.sampled_from([" ", " ", "  ", "\t", "\xa0"]))
    return draw(st.sampled_from(["", " ", "\n"])) + case(text).replace(" ", space)


def _token_reader(text: str) -> Expression | None:
    try:
        return Parser(text).expression()
    except chrono.ParseError:
        return None


@settings(max_examples=3000)
@given(_texts())
def test_a_shape_is_read_as_the_token_reader_reads_it(text: str) -> None:
    start = len(text) - len(text.lstrip())
    node = read(text, start, len(text.rstrip()))
    if node is not None:
        assert node == _token_reader(text)
        assert not looks_like_edtf(text.strip())  # no shape is EDTF, which parse reads first


def _outcome(text: str, reference: Day | None) -> tuple[chrono.Interval | None, str]:
    try:
        return chrono.parse(text, reference), ""
    except chrono.ParseError as err:
        return None, str(err)


@settings(max_examples=1000)
@given(_texts(), st.one_of(st.none(), references))
def test_parse_gives_the_same_with_and_without_the_one_match_reader(
    text: str, reference: Day | None
) -> None:
    got, error = _outcome(text, reference)
    with mock.patch("chrono.parse.read_shape", lambda text, start, end: None):
        want, want_error = _outcome(text, reference)
    assert (got, error) == (want, want_error)
    if got is not None and want is not None:
        assert got.rule == want.rule


@pytest.mark.parametrize(
    "text",
    [
        "late 1999",
        "Mid-2000",
        "early 2000s",
        "the 1990s",
        "the 1900s",
        "from March 2001 to 2003",
        "from May 12 - May 14, 2024",
        "between 1990 and 2000",
        "March to May 2023",
        "two years ago",
        "a week ago",
        "5 months ago",
        "about two years ago",
        "Q3 2023",
        "h2 2022",
        "May 2024",
        "Sept. 2024",
        "May, 2024",
        "12 May 2024",
        "May 12",
        "May 12, 2024",
        "1999",
        "circa 1990",
        "in late 1999",
        "before May 2024",
        "no later than June 2020",
        "since August 2020",
        "from 2005",
        # the engine gives back what a possessive part may not keep
        "1990 to 2000s",  # not the year 2000 and a stray s
        "2000 years ago",  # not the year 2000
        "May 2024 to 2025",  # not day 20 and then 24
        "about May 12 2024 to June 2025",
    ],
)
def test_the_common_shapes_are_read_in_one_match(text: str) -> None:
    node = read(text, 0, len(text))
    assert node is not None
    assert node == Parser(text).expression()


@pytest.mark.parametrize(
    "text",
    [
        "May. 2024",  # a full stop only after an abbreviation
        "0 years ago",  # the token reader explains what is wrong
        "several years ago",
        "Q5 2023",
        "1999 BC",
        "winter 2021",  # a winter spans two years: its own rule
        "between 1990 to 2000",
        "before 1990 to 2000",
        "from 1990 and 2000",
        "Auguſt 2020",  # the long s is no 's' to the tokenizer
        "May\xa02024",
    ],
)
def test_what_the_pattern_does_not_read_is_left_to_the_token_reader(text: str) -> None:
    assert read(text, 0, len(text)) is None


def test_the_unit_slices_match_the_pattern_groups() -> None:
    """read() cuts match.groups() by position: lead, a, a's fields, sep, b, b's fields."""
    index = shapes._compiled().groupindex
    names = sorted(index, key=index.__getitem__)
    assert names[shapes._A] == ["a" + f for f in shapes._FIELDS]
    assert names[shapes._B] == ["b" + f for f in shapes._FIELDS]
    ends = (names[0], names[1], names[shapes._SEP], names[shapes._SEP + 1])
    assert ends == ("lead", "a", "sep", "b")
