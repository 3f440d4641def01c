"""The EDTF reader's one-match lane for plain dates agrees with its general reader."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from chrono.errors import ParseError
from chrono.model import Interval, Window, coarser, lower, upper
from chrono.parsing.edtf import _parse_date, parse_date, parse_edtf, plain_date


def _read(read: object, text: str) -> tuple[object, ...]:
    try:
        got = read(text, 0, len(text))  # type: ignore[operator]
    except ParseError as err:
        return ("error", str(err))
    interval: Interval = got if isinstance(got, Interval) else got.interval()
    return ("ok", interval, interval.rule)


@given(
    st.integers(0, 9999),
    st.integers(0, 99),
    st.one_of(st.none(), st.integers(0, 99)),
    st.sampled_from(["", "?", "~", "%"]),
)
@example(2024, 2, 29, "")
@example(2023, 2, 29, "~")
@example(2024, 21, None, "")  # a season code, not a month
@example(2024, 12, 31, "%")  # widened into the next year
@example(0, 1, 1, "%")  # and into the years before year 0
@example(9999, 12, 31, "~")  # and after 9999
@example(2024, 1, 31, "?")  # a month each side of a month's last day
@example(2024, 0, 1, "?")
def test_plain_dates_read_as_the_general_reader_reads_them(
    year: int, month: int, day: int | None, mark: str
) -> None:
    text = f"{year:04d}-{month:02d}" + ("" if day is None else f"-{day:02d}") + mark
    assert _read(parse_date, text) == _read(_parse_date, text)


def test_a_qualified_date_is_read_in_the_one_match() -> None:
    """The lane takes a trailing qualifier too (the general reader is three times the work)."""
    assert plain_date("2004-06~", 0, 8) == _parse_date("2004-06~", 0, 8).interval()
    assert plain_date("2004-06-11%", 0, 11) is not None
    assert plain_date("2004-06?-11", 0, 11) is None  # a qualifier inside: the general reader


# Intervals of two dates, built without the validators where nothing is qualified

_EDTF_DATES = st.builds(
    lambda y, m, d, shape, mark: (
        (
            f"{y:04d}"
            if shape == 0
            else f"{y:04d}-{m:02d}"
            if shape == 1
            else f"{y:04d}-{m:02d}-{d:02d}"
        )
        + mark
    ),
    st.integers(1990, 2010),
    st.integers(1, 12),
    st.integers(1, 28),
    st.integers(0, 2),
    st.sampled_from(["", "", "", "~", "%"]),
)


@given(_EDTF_DATES, _EDTF_DATES)
@example("2004-06", "2004-05")  # the end wholly before the start
@example("2004-06~", "2004-05~")  # the cores cross
@example("2004-06-15", "2004-06")  # the end's window clipped to the start's
def test_an_interval_is_the_span_from_its_first_date_to_its_second(a: str, b: str) -> None:
    text = f"{a}/{b}"
    first, second = parse_date(a, 0, len(a)), parse_date(b, 0, len(b))
    try:
        got = parse_edtf(text, 0, len(text))
    except ValueError:  # a ParseError, or crossing cores, which chrono.parse reports
        got = None
    if "~" in text or "%" in text:
        if got is not None:  # qualified: built by the validating constructors
            assert got.qualifiers and got.core is not None
        return
    if upper(second.window.latest) < lower(first.window.earliest):
        assert got is None
        return
    expected = Interval.span(
        first.window, second.window, coarser(first.precision, second.precision), rule="x"
    )
    assert got == expected
    assert got.rule == "EDTF interval"
    again = Interval(
        Window(got.start.earliest, got.start.latest),
        Window(got.end.earliest, got.end.latest),
        got.precision,
    )
    assert again == got  # what was built without the validators, they accept
