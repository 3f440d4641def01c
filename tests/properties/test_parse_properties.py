"""Invariants of every parse: bounds in order, core inside, widening, round trips, errors."""

from __future__ import annotations

from hypothesis import assume, example, given
from hypothesis import strategies as st

import chrono
from chrono.days import Day
from chrono.model import lower, upper
from tests.strategies import days, expressions, references
from tests.work import calls, parse_budget


def _try(text: str, reference: Day | None) -> chrono.Interval | None:
    try:
        return chrono.parse(text, reference)
    except chrono.ParseError as err:
        assert 0 <= err.position <= len(text)
        assert "\n" not in str(err)
        return None


@given(expressions(), references)
def test_every_result_keeps_the_invariants(text: str, reference: Day) -> None:
    interval = _try(text, reference)
    assume(interval is not None)
    assert interval is not None
    for window in (interval.start, interval.end):
        assert lower(window.earliest) <= upper(window.latest)
    assert lower(interval.start.earliest) <= lower(interval.end.earliest)
    assert upper(interval.start.latest) <= upper(interval.end.latest)
    if interval.core is not None:
        assert interval.window.contains(interval.core)
        assert interval.qualifiers


@given(expressions(), references)
def test_parsing_is_deterministic(text: str, reference: Day) -> None:
    first = _try(text, reference)
    assert first == _try(text, reference)


@given(
    st.sampled_from(["{}", "early {}", "mid-{}", "the first half of {}", "{}-{:02d}"]),
    st.integers(1000, 2999),
    st.integers(1, 12),
    st.sampled_from(["circa ", "c. ", "about ", "around ", "approximately "]),
)
def test_a_qualifier_widens_and_keeps_the_core(form: str, year: int, month: int, word: str) -> None:
    text = form.format(year, month)
    plain = chrono.parse(text)
    wide = chrono.parse(word + text)
    assert wide.window.contains(plain.window) and wide.window != plain.window
    assert wide.core == plain.window
    assert wide.qualifiers == ("approximate",)


@given(
    st.sampled_from(["{y}", "{y}-{m:02d}", "{y}-{m:02d}-{d:02d}"]),
    st.integers(1000, 2999),
    st.integers(1, 12),
    st.integers(1, 28),
    st.sampled_from(["~", "?", "%"]),
)
def test_edtf_qualifiers_widen_around_the_core(
    form: str, y: int, m: int, d: int, mark: str
) -> None:
    text = form.format(y=y, m=m, d=d)
    plain = chrono.parse(text)
    wide = chrono.parse(text + mark)
    assert wide.core == plain.window and wide.window.contains(plain.window)
    if mark == "%":
        assert wide.window.contains(chrono.parse(text + "~").window)


@given(days())
@example(Day.from_ymd(0, 1, 1))
@example(Day.from_ymd(-499, 12, 31))
@example(Day.from_ymd(9999, 12, 31))
@example(Day.from_ymd(10000, 1, 1))
def test_iso_text_of_any_day_parses_back(day: Day) -> None:
    interval = chrono.parse(day.isoformat())
    assert interval.earliest == day == interval.latest
    assert interval.precision == "day"


@given(st.text(max_size=60))
@example("between")
@example("from 2020 to")
@example("[1667,")
@example("2004-~")
@example("Y")
@example("@x")
@example("the")
def test_any_text_parses_or_raises_parse_error(text: str) -> None:
    _try(text, Day.from_ymd(2025, 5, 20))


@given(expressions(), st.data())
def test_mutated_expressions_parse_or_raise(text: str, data: st.DataObject) -> None:
    tokens = text.split(" ")
    op = data.draw(st.sampled_from(["insert", "delete", "repeat"]))
    at = data.draw(st.integers(0, len(tokens) - 1))
    if op == "insert":
        tokens.insert(
            at,
            data.draw(
                st.sampled_from(
                    [
                        "and",
                        "to",
                        "-",
                        "of",
                        "the",
                        "circa",
                        "~",
                        "?",
                        "/",
                        "..",
                        "BC",
                        "early",
                        ",",
                    ]
                )
            ),
        )
    elif op == "delete" and len(tokens) > 1:
        del tokens[at]
    else:
        tokens.insert(at, tokens[at])
    _try(" ".join(tokens), Day.from_ymd(2025, 5, 20))


@given(
    st.sampled_from(["2022 ", "late ", "(", "[", "1", "-", "~", "May "]), st.integers(1, 200_000)
)
def test_long_input_is_read_or_refused_in_work_linear_in_what_is_read(
    piece: str, repeat: int
) -> None:
    text = (piece * repeat)[:1_000_000]
    work = calls(lambda: _try(text, None))
    assert work <= parse_budget(text), f"{work} calls for {len(text)} chars of {piece!r}"
