"""The EDTF reader's one-match lane for plain dates agrees with its general reader."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from chrono.errors import ParseError
from chrono.model import Interval
from chrono.parsing.edtf import _parse_date, parse_date


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
)
@example(2024, 2, 29)
@example(2023, 2, 29)
@example(2024, 21, None)  # a season code, not a month
@example(2024, 12, 31)
@example(2024, 0, 1)
def test_plain_dates_read_as_the_general_reader_reads_them(
    year: int, month: int, day: int | None
) -> None:
    text = f"{year:04d}-{month:02d}" + ("" if day is None else f"-{day:02d}")
    assert _read(parse_date, text) == _read(_parse_date, text)
